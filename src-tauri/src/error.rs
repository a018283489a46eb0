//! How errors cross IPC: `{ "kind": "...", "message": "...", "field": ... }`,
//! so the UI branches on `kind` and places the message next to `field`,
//! and never matches strings. The engine's errors carry a code and values;
//! their `message` is written here, in the person's language.

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
    /// Something the UI did not expect (a task that did not finish), in
    /// the person's language with the technical detail after it.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        CommandError::new(
            ErrorKind::Internal,
            crate::words::text("errors.internal", &[("detail", &detail)]),
        )
    }

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
            message: message_in(crate::words::current(), &error.message()),
            field: error.field(),
        }
    }
}

/// The engine's message `message` in `language`, from the catalog's
/// `errors` (a value named `count` picks the plural form).
pub fn message_in(language: engine::Language, message: &engine::Message) -> String {
    let params: Vec<crate::words::Param<'_>> = message
        .args
        .iter()
        .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
        .collect();
    crate::words::text_in(language, &format!("errors.{}", message.code), &params)
}

/// The result type of every command.
pub type CommandResult<T> = Result<T, CommandError>;
