//! The milestone notifier: a background thread that asks the engine what is
//! due, shows it, and keeps the tray's day count current.
//!
//! It never sleeps past a minute, so suspend, resume and clock changes are
//! noticed; it wakes early for the next milestone, and at once when a
//! command changed something (a start, a slip, new settings).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use engine::Announcement;
use tauri::{AppHandle, Manager, Runtime};

use crate::notifier::{Message, Notifier};
use crate::state::AppState;

/// The longest the notifier sleeps between checks.
pub const MAX_SLEEP: Duration = Duration::from_secs(60);

/// Wakes the notifier early. Cheap to call; a no-op when it is not running.
#[derive(Default)]
pub struct Wake(Mutex<Option<Sender<()>>>);

impl Wake {
    /// Asks for a check now.
    pub fn now(&self) {
        if let Some(tx) = self.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            let _ = tx.send(());
        }
    }

    fn connect(&self) -> Receiver<()> {
        let (tx, rx) = mpsc::channel();
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(tx);
        rx
    }
}

/// What the tray shows; the notifier calls it whenever the count (or the
/// minutes left of a running cooldown) may have changed.
pub type DayDisplay<R> = fn(&AppHandle<R>, Option<u32>, Option<i64>);

/// Held for each round, so the process never starts over between showing
/// a notification and recording that it was shown.
pub static ROUND: Mutex<()> = Mutex::new(());

/// Starts the notifier thread.
pub fn spawn<R: Runtime>(app: AppHandle<R>, show_day: DayDisplay<R>) {
    let wake = app.state::<Wake>().connect();
    let spawned = std::thread::Builder::new()
        .name("milestones".into())
        .spawn(move || run(app, wake, show_day));
    if let Err(e) = spawned {
        log::error!("milestone notifier did not start: {e}");
    }
}

fn run<R: Runtime>(app: AppHandle<R>, wake: Receiver<()>, show_day: DayDisplay<R>) {
    let mut shown_day = None;
    let mut shown_cooldown = None;
    let mut daily_backup = None;
    loop {
        let state = app.state::<AppState>();
        let clock = state.clock().clone();
        lock_if_idle(&app);
        let round = ROUND.lock().unwrap_or_else(|e| e.into_inner());
        let checked = check_once(&app);
        drop(round);
        let sleep = match checked {
            Ok(round) => {
                let cooldown = round.cooldown_minutes(clock.now());
                if round.day != shown_day || cooldown != shown_cooldown {
                    show_day(&app, round.day, cooldown);
                    shown_day = round.day;
                    shown_cooldown = cooldown;
                }
                let today = clock.now().date_naive();
                if daily_backup != Some(today) {
                    daily_backup = Some(today);
                    if let Ok(engine) = state.engine() {
                        if let Err(e) = engine.backup_daily_if_due(clock.now()) {
                            log::warn!("daily backup failed: {e}");
                        }
                    }
                }
                if round.sent {
                    // Look again at once: something else may be due, and a
                    // failed send has just been given its next try.
                    Duration::ZERO
                } else {
                    round
                        .next_due
                        .and_then(|due| (due - clock.now()).to_std().ok())
                        .map_or(MAX_SLEEP, |until| until.min(MAX_SLEEP))
                }
            }
            Err(e) => {
                log::warn!("milestone check failed: {e}");
                MAX_SLEEP
            }
        };
        match wake.recv_timeout(sleep) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// What one round of the notifier did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// The day count, once no contact has started.
    pub day: Option<u32>,
    /// When to look again at the latest.
    pub next_due: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether a notification was offered to the service (shown or not).
    pub sent: bool,
    /// When a running cooldown ends.
    pub cooldown_until: Option<chrono::DateTime<chrono::Utc>>,
}

impl Round {
    /// The whole minutes left of a running cooldown at `now`, rounded up.
    pub fn cooldown_minutes(&self, now: chrono::DateTime<chrono::Utc>) -> Option<i64> {
        self.cooldown_until
            .map(|until| ((until - now).num_seconds() + 59) / 60)
            .filter(|m| *m > 0)
    }
}

/// One round: the engine puts what is due in its outbox and offers it; the
/// notification is marked done only once the service took it, and offered
/// again later when it did not.
pub fn check_once<R: Runtime>(app: &AppHandle<R>) -> Result<Round, String> {
    let state = app.state::<AppState>();
    let clock = state.clock();
    let engine = state.engine().map_err(|e| e.message)?;
    let check = engine
        .check_milestones(clock.now(), clock.zone())
        .map_err(|e| e.to_string())?;
    let sent = check.announce.is_some();
    if let Some(pending) = check.announce {
        // Readable while locked: a choice, not something the person wrote.
        let very_discreet = engine.privacy().is_ok_and(|p| p.very_discreet);
        let text = if very_discreet {
            neutral_message()
        } else {
            message(&pending.announcement)
        };
        let recorded = match app.state::<Notifier>().send(&text) {
            Ok(()) => engine.confirm_shown(pending.id),
            Err(_) => engine.show_failed(pending.id, clock.now()),
        };
        recorded.map_err(|e| e.to_string())?;
    }
    Ok(Round {
        day: check.day,
        next_due: check.next_due,
        sent,
        cooldown_until: check.cooldown_until,
    })
}

/// The discreet text for an announcement: the count and a kind line, never
/// a name or anything the person wrote.
pub fn message(announcement: &Announcement) -> Message {
    match announcement {
        Announcement::Milestone { days } => Message {
            summary: day_title(*days),
            body: encouragement(*days).into(),
        },
        Announcement::Summary { days, milestones } => Message {
            summary: day_title(*days),
            body: format!(
                "You passed {} milestones ({}) while Crossroads was closed. Every one of them counts.",
                milestones.len(),
                milestones
                    .iter()
                    .map(|d| format!("day {d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
        Announcement::Reminder { kind } => reminder_message(*kind),
        Announcement::CheckIn => Message {
            summary: "Time for your check-in".into(),
            body: "A few quiet minutes together: how are you both doing, what works, and one thing to change.".into(),
        },
        Announcement::CooldownOver { minutes } => Message {
            summary: "Cooldown over".into(),
            body: format!(
                "{} passed. Take a breath, and go back to the talk when you are both ready.",
                if *minutes == 1 { "One minute has".to_owned() } else { format!("{minutes} minutes have") }
            ),
        },
    }
}

/// A trigger plan's reminder: it says a plan is waiting, never the moment
/// or the plan as the person wrote them.
fn reminder_message(kind: engine::life::TriggerKind) -> Message {
    use engine::life::TriggerKind;
    Message {
        summary: "A moment you planned for".into(),
        body: match kind {
            TriggerKind::TimeOfDay => {
                "This time of day can be hard. You made a plan for it; it is waiting in Crossroads."
            }
            TriggerKind::Place | TriggerKind::Situation => {
                "You made a plan for a moment like this; it is waiting in Crossroads."
            }
        }
        .into(),
    }
}

/// The very discreet text: nothing about contact, days or anyone.
pub fn neutral_message() -> Message {
    Message {
        summary: "Crossroads".into(),
        body: "Something small to look at, when you have a moment.".into(),
    }
}

/// Locks the data when a passphrase is set, the window is closed and the
/// app has not been used for the chosen idle time. (With the window open,
/// the page counts the person's own idle time and locks itself.)
pub fn lock_if_idle<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Ok(engine) = state.engine() else {
        return;
    };
    let encryption = engine.encryption();
    if !encryption.enabled || encryption.locked {
        return;
    }
    let Some(minutes) = engine.privacy().ok().and_then(|p| p.lock_after_minutes) else {
        return;
    };
    let window_open = app.get_webview_window(crate::window::MAIN).is_some();
    let idle_long = state
        .last_used()
        .is_none_or(|at| state.clock().now() - at >= chrono::Duration::minutes(i64::from(minutes)));
    if !window_open && idle_long {
        engine.lock();
        log::info!("locked after {minutes} idle minutes");
    }
}

fn day_title(days: u32) -> String {
    if days == 1 {
        "1 day of no contact".into()
    } else {
        format!("{days} days of no contact")
    }
}

fn encouragement(days: u32) -> &'static str {
    match days {
        1 => "The first day is often the hardest. You did it.",
        3 => "Three days. The fog is starting to lift.",
        7 => "A whole week. That took real strength.",
        14 => "Two weeks of space. You can think more clearly now.",
        21 => "Three weeks. New habits are taking root.",
        30 => "A month. Look how far you have come.",
        _ => "Another milestone. Keep going, at your own pace.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_counts_only() {
        let one = message(&Announcement::Milestone { days: 7 });
        assert_eq!(one.summary, "7 days of no contact");
        assert!(one.body.contains("week"));
        let many = message(&Announcement::Summary {
            days: 8,
            milestones: vec![1, 3, 7],
        });
        assert_eq!(many.summary, "8 days of no contact");
        assert!(many.body.contains("3 milestones (day 1, day 3, day 7)"));
        assert_eq!(
            message(&Announcement::Milestone { days: 1 }).summary,
            "1 day of no contact"
        );
    }
}
