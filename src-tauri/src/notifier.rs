//! Native desktop notifications through notify-rust.
//!
//! Texts are discreet by default: they never carry the ex's name or anything
//! the person wrote, since the screen may be seen by others. A missing or
//! hung notification service never stalls the app: notifications are handed
//! to one long-lived sender thread and waited for at most a short time
//! ([`SEND_TIMEOUT`]). While that thread is stuck on a hung service, further
//! sends are refused at once ([`SendError::Busy`]) instead of starting a
//! thread each, so nothing leaks.
//!
//! "Shown" (confirmed) means the service took it: notify-rust's `show()`
//! returned a handle, which it does once the service answered the D-Bus
//! `Notify` call with the notification's id.
//!
//! A send that timed out is *not* a failed send: the sender thread still
//! holds it and the service may yet show it. Its answer is unknown
//! ([`SendError::TimedOut`]), and when it comes it is handed to the `late`
//! report given to [`Notifier::send_reporting`], so the caller can confirm
//! it (or record the failure) then, and never shows it twice.

use std::any::Any;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify_rust::{Notification, Timeout};

/// How long a caller waits for the notification service to answer.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(3);

/// Handles kept alive: some desktops (GNOME) drop a notification whose
/// sender has gone away, so the last few are held on to.
const HANDLES_KEPT: usize = 8;

/// The app name notification servers show and group by.
const APP_NAME: &str = "Crossroads";

/// A notification's text. Build it from counts and fixed phrases only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The bold first line.
    pub summary: String,
    /// The text under it.
    pub body: String,
}

/// Why a notification was not (or not yet known to be) shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The desktop has no notification service, or it refused: not shown.
    Unavailable(String),
    /// The sender is still waiting on the service for an earlier
    /// notification: this one was not handed over, so not shown.
    Busy,
    /// Handed over, but the service did not answer in time: it may still
    /// be shown. The answer goes to the `late` report when it comes.
    TimedOut,
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Unavailable(why) => {
                write!(
                    f,
                    "This desktop's notification service is not available ({why})."
                )
            }
            SendError::Busy | SendError::TimedOut => {
                f.write_str("The desktop's notification service did not answer.")
            }
        }
    }
}

/// Something kept alive after showing (notify-rust's handle).
pub type Kept = Box<dyn Any>;

/// Shows one notification and answers once the service took it (or not).
pub type Show = dyn Fn(&Message) -> Result<Kept, String> + Send + Sync;

/// Gets the answer of a send that timed out, whenever it comes.
pub type Late = Box<dyn FnOnce(Result<(), SendError>) + Send>;

/// One send: the message, and where its answer goes.
struct Job {
    message: Message,
    slot: Arc<Slot>,
}

/// Where the sender puts a job's answer: to the waiting caller, or, once
/// the caller stopped waiting, to its `late` report.
struct Slot {
    state: Mutex<SlotState>,
    answered: Condvar,
}

struct SlotState {
    answer: Option<Result<(), SendError>>,
    abandoned: bool,
    late: Option<Late>,
}

/// Sends notifications and keeps their handles alive. Cheap to clone.
#[derive(Clone)]
pub struct Notifier {
    inner: Arc<Mutex<Option<Sender>>>,
    show: Arc<Show>,
    timeout: Duration,
    /// How many sender threads were started (diagnostics and tests).
    started: Arc<AtomicUsize>,
    /// Set in tests: messages are recorded here instead of shown.
    recording: Option<Arc<Mutex<Recording>>>,
}

impl Default for Notifier {
    /// The real notifier: notify-rust, waiting at most [`SEND_TIMEOUT`].
    fn default() -> Notifier {
        Notifier::with_show(Arc::new(show_on_desktop), SEND_TIMEOUT)
    }
}

/// What a recording notifier was given (tests).
#[derive(Debug, Default)]
pub struct Recording {
    /// Messages the "service" took, in order.
    pub shown: Vec<Message>,
    /// Whether the "service" is there; when not, sends fail.
    pub unavailable: bool,
}

struct Sender {
    jobs: mpsc::Sender<Job>,
    busy: Arc<AtomicBool>,
    /// The caller's key of the last job handed over.
    key: Option<u64>,
}

impl Notifier {
    /// A notifier that shows through `show` on its one sender thread and
    /// waits at most `timeout` for each answer.
    pub fn with_show(show: Arc<Show>, timeout: Duration) -> Notifier {
        Notifier {
            inner: Arc::default(),
            show,
            timeout,
            started: Arc::default(),
            recording: None,
        }
    }

    /// Shows `message`, waiting at most the timeout for the service. An
    /// answer that comes later is only logged.
    pub fn send(&self, message: &Message) -> Result<(), SendError> {
        self.send_reporting(message, None, |_| {})
    }

    /// Shows `message` (known to the caller as `key`, e.g. its outbox
    /// entry), waiting at most the timeout for the service.
    ///
    /// `Ok`: shown. `Err(Unavailable | Busy)`: certainly not shown.
    /// `Err(TimedOut)`: the answer is unknown yet; `late` gets it, on the
    /// sender thread, when it comes (and before that thread takes another
    /// notification). Also `Err(TimedOut)`, with `late` never called, when
    /// the sender still waits on an earlier send of the same `key`: that
    /// send's own `late` gets the answer. In every other case `late` is
    /// never called.
    pub fn send_reporting(
        &self,
        message: &Message,
        key: Option<u64>,
        late: impl FnOnce(Result<(), SendError>) + Send + 'static,
    ) -> Result<(), SendError> {
        if let Some(recording) = &self.recording {
            let mut recording = recording.lock().unwrap_or_else(|e| e.into_inner());
            if recording.unavailable {
                return Err(SendError::Unavailable("no service (test)".into()));
            }
            recording.shown.push(message.clone());
            return Ok(());
        }
        let slot = Arc::new(Slot {
            state: Mutex::new(SlotState {
                answer: None,
                abandoned: false,
                late: Some(Box::new(late)),
            }),
            answered: Condvar::new(),
        });
        {
            let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            // While busy, the sender holds the last job handed over.
            if let Some(held) = inner.as_ref().filter(|s| s.busy.load(Ordering::SeqCst)) {
                if key.is_some() && held.key == key {
                    log::info!("notification still waiting for the service's answer");
                    return Err(SendError::TimedOut);
                }
                // The sender is still waiting on a service that did not answer.
                log::warn!("notification not shown: the service is not answering");
                return Err(SendError::Busy);
            }
            if inner.is_none() {
                *inner = Some(self.spawn_sender()?);
            }
            let sender = inner.as_mut().expect("set above");
            sender.busy.store(true, Ordering::SeqCst);
            sender.key = key;
            let job = Job {
                message: message.clone(),
                slot: Arc::clone(&slot),
            };
            if sender.jobs.send(job).is_err() {
                *inner = None;
                return Err(SendError::Unavailable("the sender stopped".into()));
            }
        }
        let outcome = {
            let deadline = Instant::now() + self.timeout;
            let mut state = slot.state.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if let Some(answer) = state.answer.take() {
                    break answer;
                }
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    // From here on the answer goes to `late`.
                    state.abandoned = true;
                    break Err(SendError::TimedOut);
                }
                state = slot
                    .answered
                    .wait_timeout(state, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        };
        match &outcome {
            Ok(()) => log::info!("notification shown"),
            Err(SendError::TimedOut) => {
                log::warn!(
                    "notification not answered yet: its answer will be recorded when it comes"
                );
            }
            Err(e) => log::warn!("notification not shown: {e}"),
        }
        outcome
    }

    /// How many sender threads this notifier has started.
    pub fn senders_started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    /// A notifier that records instead of showing, for tests of the shell.
    pub fn recording() -> (Notifier, Arc<Mutex<Recording>>) {
        let recording = Arc::new(Mutex::new(Recording::default()));
        let notifier = Notifier {
            recording: Some(Arc::clone(&recording)),
            ..Notifier::default()
        };
        (notifier, recording)
    }

    /// The one thread that talks to the notification service.
    fn spawn_sender(&self) -> Result<Sender, SendError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let busy = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&busy);
        let show = Arc::clone(&self.show);
        std::thread::Builder::new()
            .name("notify".into())
            .spawn(move || {
                let mut kept: VecDeque<Kept> = VecDeque::new();
                for Job { message, slot } in queue {
                    let answer = match show(&message) {
                        Ok(handle) => {
                            kept.push_back(handle);
                            while kept.len() > HANDLES_KEPT {
                                kept.pop_front();
                            }
                            Ok(())
                        }
                        Err(e) => Err(SendError::Unavailable(e)),
                    };
                    let late = {
                        let mut state = slot.state.lock().unwrap_or_else(|e| e.into_inner());
                        if state.abandoned {
                            state.late.take()
                        } else {
                            state.answer = Some(answer.clone());
                            slot.answered.notify_all();
                            None
                        }
                    };
                    // A late answer is reported before the next notification
                    // can be handed over, so it is never shown twice.
                    if let Some(late) = late {
                        log::info!("a late answer from the notification service: {answer:?}");
                        late(answer);
                    }
                    flag.store(false, Ordering::SeqCst);
                }
            })
            .map_err(|e| SendError::Unavailable(e.to_string()))?;
        self.started.fetch_add(1, Ordering::SeqCst);
        Ok(Sender {
            jobs,
            busy,
            key: None,
        })
    }
}

/// Shows `message` through notify-rust; the handle is what is kept.
fn show_on_desktop(message: &Message) -> Result<Kept, String> {
    build(message)
        .show()
        .map(|handle| Box::new(handle) as Kept)
        .map_err(|e| e.to_string())
}

fn build(message: &Message) -> Notification {
    let mut notification = Notification::new();
    notification
        .appname(APP_NAME)
        .summary(&message.summary)
        .body(&message.body)
        .icon("dialog-information")
        .timeout(Timeout::Milliseconds(10_000));
    notification
}

/// The notification behind the "send a test notification" button.
pub fn test_message() -> Message {
    Message {
        summary: crate::words::text("notify.testTitle", &[]),
        body: crate::words::text("notify.testBody", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answering_after(delay: Duration) -> Notifier {
        let show = move |_: &Message| {
            std::thread::sleep(delay);
            Ok(Box::new(()) as Kept)
        };
        Notifier::with_show(Arc::new(show), Duration::from_millis(100))
    }

    #[test]
    fn an_answer_in_time_is_the_outcome_and_a_late_one_goes_to_the_report_once() {
        let reports = Arc::new(Mutex::new(Vec::new()));
        let report = |reports: &Arc<Mutex<Vec<Result<(), SendError>>>>| {
            let reports = Arc::clone(reports);
            move |answer| reports.lock().unwrap().push(answer)
        };
        let quick = answering_after(Duration::ZERO);
        assert_eq!(
            quick.send_reporting(&test_message(), None, report(&reports)),
            Ok(())
        );
        let slow = answering_after(Duration::from_millis(300));
        assert_eq!(
            slow.send_reporting(&test_message(), Some(1), report(&reports)),
            Err(SendError::TimedOut)
        );
        // While the late answer is outstanding nothing else is handed over;
        // the same one again is still waiting for that answer.
        assert_eq!(
            slow.send_reporting(&test_message(), Some(2), report(&reports)),
            Err(SendError::Busy)
        );
        assert_eq!(
            slow.send_reporting(&test_message(), Some(1), report(&reports)),
            Err(SendError::TimedOut)
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        while reports.lock().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "no late report");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(*reports.lock().unwrap(), [Ok(())], "once, for the late one");
        assert_eq!(slow.senders_started(), 1);
    }
}
