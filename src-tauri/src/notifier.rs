//! Native desktop notifications through notify-rust.
//!
//! Texts are discreet by default: they never carry the ex's name or anything
//! the person wrote, since the screen may be seen by others. A missing or
//! hung notification service never stalls the app: notifications are handed
//! to one long-lived sender thread and waited for at most [`SEND_TIMEOUT`].
//! While that thread is stuck on a hung service, further sends fail at once
//! instead of starting a thread each, so nothing leaks.
//!
//! "Shown" means the service took it: notify-rust's `show()` returned a
//! handle, which it does once the service answered the D-Bus `Notify` call
//! with the notification's id.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_rust::{Notification, NotificationHandle, Timeout};

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

/// Why a notification was not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// The desktop has no notification service, or it refused.
    Unavailable(String),
    /// The service did not answer in time.
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
            SendError::TimedOut => {
                f.write_str("The desktop's notification service did not answer.")
            }
        }
    }
}

type Job = (Notification, mpsc::Sender<Result<(), SendError>>);

/// Sends notifications and keeps their handles alive. Cheap to clone.
#[derive(Clone, Default)]
pub struct Notifier {
    inner: Arc<Mutex<Option<Sender>>>,
    /// Set in tests: messages are recorded here instead of shown.
    recording: Option<Arc<Mutex<Recording>>>,
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
}

impl Notifier {
    /// Shows `message`, waiting at most [`SEND_TIMEOUT`] for the service.
    pub fn send(&self, message: &Message) -> Result<(), SendError> {
        if let Some(recording) = &self.recording {
            let mut recording = recording.lock().unwrap_or_else(|e| e.into_inner());
            if recording.unavailable {
                return Err(SendError::Unavailable("no service (test)".into()));
            }
            recording.shown.push(message.clone());
            return Ok(());
        }
        let (reply, answer) = mpsc::channel();
        {
            let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            if inner
                .as_ref()
                .is_some_and(|s| s.busy.load(Ordering::SeqCst))
            {
                // The sender is still waiting on a service that did not answer.
                log::warn!("notification not shown: the service is not answering");
                return Err(SendError::TimedOut);
            }
            if inner.is_none() {
                *inner = Some(spawn_sender()?);
            }
            let sender = inner.as_ref().expect("set above");
            sender.busy.store(true, Ordering::SeqCst);
            if sender.jobs.send((build(message), reply)).is_err() {
                *inner = None;
                return Err(SendError::Unavailable("the sender stopped".into()));
            }
        }
        let outcome = answer
            .recv_timeout(SEND_TIMEOUT)
            .unwrap_or(Err(SendError::TimedOut));
        match &outcome {
            Ok(()) => log::info!("notification shown"),
            Err(e) => log::warn!("notification not shown: {e}"),
        }
        outcome
    }
}

impl Notifier {
    /// A notifier that records instead of showing, for tests of the shell.
    pub fn recording() -> (Notifier, Arc<Mutex<Recording>>) {
        let recording = Arc::new(Mutex::new(Recording::default()));
        let notifier = Notifier {
            recording: Some(Arc::clone(&recording)),
            ..Notifier::default()
        };
        (notifier, recording)
    }
}

/// The one thread that talks to the notification service.
fn spawn_sender() -> Result<Sender, SendError> {
    let (jobs, queue) = mpsc::channel::<Job>();
    let busy = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&busy);
    std::thread::Builder::new()
        .name("notify".into())
        .spawn(move || {
            let mut kept: VecDeque<NotificationHandle> = VecDeque::new();
            for (notification, reply) in queue {
                let outcome = match notification.show() {
                    Ok(handle) => {
                        kept.push_back(handle);
                        while kept.len() > HANDLES_KEPT {
                            kept.pop_front();
                        }
                        Ok(())
                    }
                    Err(e) => Err(SendError::Unavailable(e.to_string())),
                };
                flag.store(false, Ordering::SeqCst);
                // The caller may have stopped waiting; that is fine.
                let _ = reply.send(outcome);
            }
        })
        .map_err(|e| SendError::Unavailable(e.to_string()))?;
    Ok(Sender { jobs, busy })
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
