//! The one error type of the engine.
//!
//! Every error has a [`ErrorKind`] that the UI can branch on, a [`Message`]
//! (a code and its numbers, never prose: the shell turns it into words in
//! the person's language, from the catalog under `errors.<code>`), and (for
//! refused input) the name of the field it concerns, so the UI can show it
//! next to that field.

use std::path::PathBuf;

use serde::Serialize;

/// A result whose error is the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in a form the UI can branch on without matching strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input was refused; nothing was stored.
    InvalidInput,
    /// Something was asked for before the step it depends on.
    OutOfOrder,
    /// Another Crossroads process holds the data folder.
    StoreLocked,
    /// The saved data could not be read.
    StoreCorrupt,
    /// The saved data was written by a newer Crossroads.
    StoreTooNew,
    /// A passphrase protects the data and it has not been entered yet.
    Locked,
    /// Reading or writing the data folder failed.
    Storage,
    /// The desktop's notification service did not take a notification
    /// (raised by the shell).
    Notification,
    /// Starting at login could not be changed (raised by the shell).
    Autostart,
    /// Something the UI did not expect, such as a payload the app could not
    /// read (raised by the shell or the UI's API module).
    Internal,
}

/// What to tell the person: a code naming the sentence (a key under
/// `errors` in the catalogs) and the values to put in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The sentence's code, e.g. `"nameTooLong"`.
    pub code: &'static str,
    /// Its values by placeholder name, e.g. `("max", "200")`.
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    /// A message with no values.
    pub fn new(code: &'static str) -> Message {
        Message {
            code,
            args: Vec::new(),
        }
    }

    /// Adds the value of the placeholder `name`.
    pub fn arg(mut self, name: &'static str, value: impl std::fmt::Display) -> Message {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of the placeholder `name`, if it has one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<&'static str> for Message {
    fn from(code: &'static str) -> Message {
        Message::new(code)
    }
}

impl std::fmt::Display for Message {
    // For logs: the code and its values, e.g. `tooLong(max=200)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)?;
        if !self.args.is_empty() {
            let args: Vec<String> = self.args.iter().map(|(n, v)| format!("{n}={v}")).collect();
            write!(f, "({})", args.join(", "))?;
        }
        Ok(())
    }
}

/// An error from the engine. Its `Display` is for logs (codes, not prose);
/// the person's words come from [`Error::message`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was refused. `field` names the form field it concerns.
    #[error("invalid input in {field}: {message}")]
    InvalidInput {
        /// The input field the message is about, e.g. `"ex_name"`.
        field: &'static str,
        /// What is wrong and what to do.
        message: Message,
    },
    /// An action that depends on an earlier one that has not happened.
    #[error("out of order: {0}")]
    OutOfOrder(Message),
    /// Another process has the data folder open.
    #[error("store locked: {}", path.display())]
    StoreLocked {
        /// The data folder.
        path: PathBuf,
    },
    /// The saved data could not be read.
    #[error("store corrupt in {}: {detail}", path.display())]
    StoreCorrupt {
        /// The data folder.
        path: PathBuf,
        /// What the storage layer reported.
        detail: String,
    },
    /// The saved data was written by a newer version of Crossroads.
    #[error("store too new in {} (data format {found})", path.display())]
    StoreTooNew {
        /// The data folder.
        path: PathBuf,
        /// The schema version found.
        found: u32,
    },
    /// The data is sealed and the passphrase has not been entered.
    #[error("locked")]
    Locked,
    /// Reading or writing failed for a reason outside the app's control.
    #[error("storage: {0}")]
    Storage(String),
}

impl ErrorKind {
    /// The name the UI sees, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::OutOfOrder => "out_of_order",
            ErrorKind::StoreLocked => "store_locked",
            ErrorKind::StoreCorrupt => "store_corrupt",
            ErrorKind::StoreTooNew => "store_too_new",
            ErrorKind::Locked => "locked",
            ErrorKind::Storage => "storage",
            ErrorKind::Notification => "notification",
            ErrorKind::Autostart => "autostart",
            ErrorKind::Internal => "internal",
        }
    }
}

impl Error {
    /// The kind of this error, for the UI to branch on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidInput { .. } => ErrorKind::InvalidInput,
            Error::OutOfOrder(_) => ErrorKind::OutOfOrder,
            Error::StoreLocked { .. } => ErrorKind::StoreLocked,
            Error::StoreCorrupt { .. } => ErrorKind::StoreCorrupt,
            Error::StoreTooNew { .. } => ErrorKind::StoreTooNew,
            Error::Locked => ErrorKind::Locked,
            Error::Storage(_) => ErrorKind::Storage,
        }
    }

    /// The input field this error concerns, if it is about one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }

    /// What to tell the person, as a code and values. The store's errors
    /// carry the data folder (and the format found) as values.
    pub fn message(&self) -> Message {
        match self {
            Error::InvalidInput { message, .. } | Error::OutOfOrder(message) => message.clone(),
            Error::StoreLocked { path } => Message::new("storeLocked").arg("path", path.display()),
            Error::StoreCorrupt { path, .. } => {
                Message::new("storeCorrupt").arg("path", path.display())
            }
            Error::StoreTooNew { path, found } => Message::new("storeTooNew")
                .arg("path", path.display())
                .arg("found", found),
            Error::Locked => Message::new("locked"),
            Error::Storage(detail) => Message::new("storage").arg("detail", detail),
        }
    }

    /// Shorthand for refused input.
    pub(crate) fn invalid(field: &'static str, message: impl Into<Message>) -> Self {
        Error::InvalidInput {
            field,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn kind_names_match_their_serialized_form() {
        for kind in [
            ErrorKind::InvalidInput,
            ErrorKind::OutOfOrder,
            ErrorKind::StoreLocked,
            ErrorKind::StoreCorrupt,
            ErrorKind::StoreTooNew,
            ErrorKind::Locked,
            ErrorKind::Storage,
            ErrorKind::Notification,
            ErrorKind::Autostart,
            ErrorKind::Internal,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
