//! The one error type of the engine.
//!
//! Every error has a [`ErrorKind`] that the UI can branch on, a message written
//! for the person using the app, and (for refused input) the name of the field
//! it concerns, so the UI can show it next to that field.

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

/// An error from the engine.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was refused. `field` names the form field it concerns.
    #[error("{message}")]
    InvalidInput {
        /// The input field the message is about, e.g. `"ex_name"`.
        field: &'static str,
        /// What is wrong and what to do, for the person.
        message: String,
    },
    /// An action that depends on an earlier one that has not happened.
    #[error("{0}")]
    OutOfOrder(String),
    /// Another process has the data folder open.
    #[error("Crossroads is already open in another window, or another program is using its data folder ({}).", path.display())]
    StoreLocked {
        /// The data folder.
        path: PathBuf,
    },
    /// The saved data could not be read.
    #[error("Your saved data in {} could not be read: it looks damaged. Nothing was changed. You can restore one of your automatic backups; the damaged data is kept aside, never deleted.", path.display())]
    StoreCorrupt {
        /// The data folder.
        path: PathBuf,
        /// What the storage layer reported.
        detail: String,
    },
    /// The saved data was written by a newer version of Crossroads.
    #[error("Your saved data in {} was written by a newer version of Crossroads (data format {found}). Nothing was changed: please update Crossroads to open it.", path.display())]
    StoreTooNew {
        /// The data folder.
        path: PathBuf,
        /// The schema version found.
        found: u32,
    },
    /// The data is sealed and the passphrase has not been entered.
    #[error("Crossroads is locked. Enter your passphrase to open it.")]
    Locked,
    /// Reading or writing failed for a reason outside the app's control.
    #[error("Crossroads could not read or write its data folder: {0}")]
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

    /// Shorthand for refused input.
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
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
