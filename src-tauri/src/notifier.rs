//! Native desktop notifications through notify-rust.
//!
//! Texts are discreet by default: they never carry the ex's name or anything
//! the person wrote, since the screen may be seen by others. A missing or
//! hung notification service never stalls the app: each notification is
//! sent from its own thread and waited for only [`SEND_TIMEOUT`].

use std::collections::VecDeque;
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

/// Sends notifications and keeps their handles alive.
#[derive(Clone, Default)]
pub struct Notifier {
    handles: Arc<Mutex<VecDeque<NotificationHandle>>>,
}

impl Notifier {
    /// Shows `message`, waiting at most [`SEND_TIMEOUT`] for the service.
    pub fn send(&self, message: &Message) -> Result<(), SendError> {
        let (tx, rx) = mpsc::channel();
        let notification = build(message);
        let handles = Arc::clone(&self.handles);
        std::thread::Builder::new()
            .name("notify".into())
            .spawn(move || {
                let outcome = match notification.show() {
                    Ok(handle) => {
                        let mut kept = handles.lock().unwrap_or_else(|e| e.into_inner());
                        kept.push_back(handle);
                        while kept.len() > HANDLES_KEPT {
                            kept.pop_front();
                        }
                        Ok(())
                    }
                    Err(e) => Err(SendError::Unavailable(e.to_string())),
                };
                // The caller may have stopped waiting; that is fine.
                let _ = tx.send(outcome);
            })
            .map_err(|e| SendError::Unavailable(e.to_string()))?;
        let outcome = rx
            .recv_timeout(SEND_TIMEOUT)
            .unwrap_or(Err(SendError::TimedOut));
        match &outcome {
            Ok(()) => log::info!("notification shown"),
            Err(e) => log::warn!("notification not shown: {e}"),
        }
        outcome
    }
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
        summary: "Crossroads".into(),
        body: "Notifications are working. They stay discreet: no names, nothing you wrote.".into(),
    }
}
