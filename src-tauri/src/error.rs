//! How errors cross IPC: `{ "kind": "...", "message": "...", "field": ... }`,
//! so the UI branches on `kind` and places the message next to `field`,
//! and never matches strings.

use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    /// What went wrong, from [`engine::ErrorKind`] (snake_case), or
    /// `"notification"` for a failed notification.
    pub kind: String,
    /// A sentence for the person, saying what to do.
    pub message: String,
    /// The input field it concerns, when it concerns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
}

impl CommandError {
    /// An error of a kind the engine does not know (the shell's own).
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        CommandError {
            kind: kind.to_owned(),
            message: message.into(),
            field: None,
        }
    }
}

impl From<engine::Error> for CommandError {
    fn from(error: engine::Error) -> Self {
        CommandError {
            kind: error.kind().as_str().to_owned(),
            message: error.to_string(),
            field: error.field(),
        }
    }
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, CommandError>;
