//! The milestone notifier: a background thread that asks the engine what is
//! due, shows it, and keeps the tray's day count current.
//!
//! It never sleeps past a minute, so suspend, resume and clock changes are
//! noticed; it wakes early for the next milestone, and at once when a
//! command changed something (a start, a slip, new settings).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use engine::{Announcement, Language};
use tauri::{AppHandle, Manager, Runtime};

use crate::notifier::{Message, Notifier, SendError};
use crate::state::AppState;
use crate::words;

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

/// Held for each round, and while a late answer is recorded, so the
/// process never starts over between showing a notification and recording
/// that it was shown, and a late answer never crosses a round.
pub static ROUND: Mutex<()> = Mutex::new(());

/// Starts the notifier thread. With `window_opening`, its first round (the
/// D-Bus calls of a due notification, a daily backup that reads and writes
/// every record) waits until the window has drawn, or at most
/// [`crate::commands::perf::FIRST_PAINT_LIMIT`], rather than compete with it for a small
/// machine's cores; started hidden, it goes at once.
pub fn spawn<R: Runtime>(app: AppHandle<R>, show_day: DayDisplay<R>, window_opening: bool) {
    let wake = app.state::<Wake>().connect();
    let spawned = std::thread::Builder::new()
        .name("milestones".into())
        .spawn(move || {
            if window_opening {
                crate::commands::perf::wait_until_drawn();
            }
            run(app, wake, show_day)
        });
    if let Err(e) = spawned {
        log::error!("milestone notifier did not start: {e}");
    }
}

fn run<R: Runtime>(app: AppHandle<R>, wake: Receiver<()>, show_day: DayDisplay<R>) {
    let mut shown_day = None;
    let mut shown_cooldown = None;
    let mut shown_language = None;
    let mut daily_backup = None;
    // The first round follows the store's opening, which decoded every
    // record; a round that made the daily backup did so again.
    let mut decoded_everything = true;
    loop {
        let state = app.state::<AppState>();
        let clock = state.clock().clone();
        lock_if_idle(&app);
        // The sentence encoder goes back to the system after idle minutes.
        if engine::text::understanding::release_if_idle(std::time::Instant::now()) {
            crate::memory::give_back_freed();
        }
        let checked = check_once(&app);
        let sleep = match checked {
            Ok(round) => {
                let cooldown = round.cooldown_minutes(clock.now());
                let language = Some(words::current());
                if round.day != shown_day
                    || cooldown != shown_cooldown
                    || language != shown_language
                {
                    show_day(&app, round.day, cooldown);
                    shown_day = round.day;
                    shown_cooldown = cooldown;
                    shown_language = language;
                }
                let today = clock.now().date_naive();
                if daily_backup != Some(today) {
                    daily_backup = Some(today);
                    if let Ok(engine) = state.engine() {
                        match engine.backup_daily_if_due(clock.now()) {
                            Ok(Some(_)) => decoded_everything = true,
                            Ok(None) => {}
                            Err(e) => log::warn!("daily backup failed: {e}"),
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
        if decoded_everything {
            decoded_everything = false;
            // What that decoded and dropped goes back: 18 MB after opening
            // with ten years of data, in a tray process that then waits for
            // weeks (BENCHMARKS.md).
            crate::memory::give_back_freed();
        }
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
/// again later when it certainly did not. When the service did not answer
/// in time the entry stays in flight (see `engine::outbox`) and the answer
/// is recorded by [`record_late`] when it comes.
pub fn check_once<R: Runtime>(app: &AppHandle<R>) -> Result<Round, String> {
    let _round = ROUND.lock().unwrap_or_else(|e| e.into_inner());
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
            message(
                &pending.announcement,
                engine.day_clock(clock.now(), clock.zone()),
            )
        };
        let late = {
            let (app, id) = (app.clone(), pending.id);
            move |answer| record_late(&app, id, answer)
        };
        let sent = app
            .state::<Notifier>()
            .send_reporting(&text, Some(pending.id), late);
        let recorded = match sent {
            Ok(()) => engine.confirm_shown(pending.id),
            // Unknown yet: `record_late` confirms or fails it (also when
            // an earlier send of it is what the service has not answered).
            Err(SendError::TimedOut) => Ok(()),
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

pub use engine::program::DayClock;

/// Records the answer to notification `id` that came after its round
/// stopped waiting (on the sender thread, before it takes another one).
pub fn record_late<R: Runtime>(app: &AppHandle<R>, id: u64, answer: Result<(), SendError>) {
    let _round = ROUND.lock().unwrap_or_else(|e| e.into_inner());
    let state = app.state::<AppState>();
    let recorded = state.engine().map_err(|e| e.message).and_then(|engine| {
        match answer {
            Ok(()) => engine.confirm_shown(id),
            Err(_) => engine.show_failed(id, state.clock().now()),
        }
        .map_err(|e| e.to_string())
    });
    if let Err(e) = recorded {
        log::warn!("the late answer to notification {id} was not recorded: {e}");
    }
    if let Some(wake) = app.try_state::<Wake>() {
        wake.now();
    }
}

/// The discreet text for an announcement, in the current language: the
/// count and a kind line, never a name or anything the person wrote.
pub fn message(announcement: &Announcement, day_clock: DayClock) -> Message {
    message_in(words::current(), announcement, day_clock)
}

/// [`message`] in `language`.
pub fn message_in(language: Language, announcement: &Announcement, day_clock: DayClock) -> Message {
    let text = |key: &str, params: &[words::Param<'_>]| words::text_in(language, key, params);
    let day_title = match day_clock {
        DayClock::NoContact => "notify.dayTitle",
        DayClock::MovingOn => "notify.movingOnDayTitle",
    };
    match announcement {
        Announcement::Milestone { days } => Message {
            summary: text(day_title, &[("count", days)]),
            body: encouragement(language, *days, day_clock),
        },
        Announcement::Summary { days, milestones } => {
            let list = milestones
                .iter()
                .map(|d| text("notify.summaryDay", &[("day", d)]))
                .collect::<Vec<_>>()
                .join(", ");
            Message {
                summary: text(day_title, &[("count", days)]),
                body: text(
                    "notify.summary",
                    &[("count", &milestones.len()), ("days", &list)],
                ),
            }
        }
        Announcement::Reminder { kind } => {
            use engine::life::TriggerKind;
            // It says a plan is waiting, never the moment or the plan as
            // the person wrote them.
            let body = match kind {
                TriggerKind::TimeOfDay => "notify.reminderTime",
                TriggerKind::Place | TriggerKind::Situation => "notify.reminderOther",
            };
            Message {
                summary: text("notify.reminderTitle", &[]),
                body: text(body, &[]),
            }
        }
        Announcement::CheckIn => Message {
            summary: text("notify.checkInTitle", &[]),
            body: text("notify.checkInBody", &[]),
        },
        Announcement::CooldownOver { minutes } => Message {
            summary: text("notify.cooldownTitle", &[]),
            body: text("notify.cooldownBody", &[("count", minutes)]),
        },
    }
}

/// The very discreet text: nothing about contact, days or anyone.
pub fn neutral_message() -> Message {
    Message {
        summary: words::text("notify.neutralTitle", &[]),
        body: words::text("notify.neutralBody", &[]),
    }
}

/// Locks the data when the window is closed and the engine says the app
/// has been idle long enough. (With the window open, the page counts the
/// person's own idle time, as long as the engine says.)
pub fn lock_if_idle<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Ok(engine) = state.engine() else {
        return;
    };
    if app.get_webview_window(crate::window::MAIN).is_some() {
        return;
    }
    if engine.lock_if_idle(state.last_used(), state.clock().now()) {
        log::info!("locked after the chosen idle minutes");
    }
}

fn encouragement(language: Language, days: u32, day_clock: DayClock) -> String {
    let group = match day_clock {
        DayClock::NoContact => "notify.encouragement",
        DayClock::MovingOn => "notify.movingOnEncouragement",
    };
    // Which days have words of their own is the engine's to say.
    let key = if day_clock.has_own_words(days) {
        format!("{group}.{days}")
    } else {
        format!("{group}.other")
    };
    words::text_in(language, &key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_counts_only() {
        let one = message_in(
            Language::En,
            &Announcement::Milestone { days: 7 },
            DayClock::NoContact,
        );
        assert_eq!(one.summary, "7 days of no contact");
        assert!(one.body.contains("week"));
        let many = message_in(
            Language::En,
            &Announcement::Summary {
                days: 8,
                milestones: vec![1, 3, 7],
            },
            DayClock::NoContact,
        );
        assert_eq!(many.summary, "8 days of no contact");
        assert!(many.body.contains("3 milestones: day 1, day 3, day 7."));
        assert_eq!(
            message_in(
                Language::En,
                &Announcement::Milestone { days: 1 },
                DayClock::NoContact
            )
            .summary,
            "1 day of no contact"
        );
    }

    #[test]
    fn spanish_messages_carry_counts_only() {
        let one = message_in(
            Language::Es,
            &Announcement::Milestone { days: 7 },
            DayClock::NoContact,
        );
        assert_eq!(one.summary, "7 días de contacto cero");
        assert!(one.body.contains("semana"), "{one:?}");
        let many = message_in(
            Language::Es,
            &Announcement::Summary {
                days: 8,
                milestones: vec![1, 3, 7],
            },
            DayClock::NoContact,
        );
        assert_eq!(many.summary, "8 días de contacto cero");
        assert!(
            many.body.contains("3 metas: día 1, día 3, día 7."),
            "{many:?}"
        );
        assert_eq!(
            message_in(
                Language::Es,
                &Announcement::Milestone { days: 1 },
                DayClock::NoContact
            )
            .summary,
            "1 día de contacto cero"
        );
        let cooldown = message_in(
            Language::Es,
            &Announcement::CooldownOver { minutes: 5 },
            DayClock::NoContact,
        );
        assert!(
            cooldown.body.starts_with("Han pasado 5 minutos."),
            "{cooldown:?}"
        );
        // Every announcement has words in both languages (no key shows).
        for language in Language::ALL {
            for announcement in [
                Announcement::Milestone { days: 60 },
                Announcement::CheckIn,
                Announcement::CooldownOver { minutes: 1 },
                Announcement::Reminder {
                    kind: engine::life::TriggerKind::Place,
                },
            ] {
                let m = message_in(language, &announcement, DayClock::NoContact);
                assert!(
                    !m.summary.contains("notify.") && !m.body.contains("notify."),
                    "{m:?}"
                );
            }
        }
    }

    /// After choosing to move on, the same clock is worded as days of
    /// moving on, in both languages, still with nothing but the count.
    #[test]
    fn moving_on_milestones_are_days_of_moving_on() {
        let one = message_in(
            Language::En,
            &Announcement::Milestone { days: 30 },
            DayClock::MovingOn,
        );
        assert_eq!(one.summary, "30 days of moving on");
        assert!(!one.body.contains("contact"), "{one:?}");
        let es = message_in(
            Language::Es,
            &Announcement::Milestone { days: 1 },
            DayClock::MovingOn,
        );
        assert_eq!(es.summary, "1 día avanzando");
        for language in Language::ALL {
            for days in [1, 7, 30, 90, 365, 400] {
                let m = message_in(
                    language,
                    &Announcement::Milestone { days },
                    DayClock::MovingOn,
                );
                assert!(
                    !m.summary.contains("notify.") && !m.body.contains("notify."),
                    "{m:?}"
                );
            }
        }
    }
}
