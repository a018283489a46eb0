//! How errors cross IPC: `{ "kind": "...", "message": "...", "field": ... }`,
//! so the UI branches on `kind` and places the message next to `field`,
//! and never matches strings.

use engine::ErrorKind;
use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// What went wrong: one enum shared with the engine, so every kind the
    /// UI branches on is declared in one place.
    pub kind: ErrorKind,
    /// A sentence for the person, saying what to do.
    pub message: String,
    /// The input field it concerns, when it concerns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl CommandError {
    /// An error the shell raises itself.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
            field: None,
        }
    }
}

impl From<engine::Error> for CommandError {
    fn from(error: engine::Error) -> Self {
        CommandError {
            kind: error.kind(),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, CommandError>;
