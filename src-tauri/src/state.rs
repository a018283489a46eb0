//! The state every command shares: the open engine, or why it could not open.

use std::path::{Path, PathBuf};

use engine::Crossroads;

use crate::error::{CommandError, CommandResult};

/// Environment variable that points the app at another data folder
/// (tests, portable use).
pub const DATA_DIR_ENV: &str = "CROSSROADS_DATA_DIR";

/// The app's shared state.
pub struct AppState {
    engine: Result<Crossroads, CommandError>,
    data_dir: PathBuf,
}

impl AppState {
    /// Opens the store in `data_dir`. A failure is kept, not raised, so the
    /// window can open and explain it instead of the app vanishing.
    pub fn open(data_dir: &Path) -> AppState {
        let engine = Crossroads::open(data_dir).map_err(CommandError::from);
        if let Err(e) = &engine {
            log::error!("could not open the store: {}", e.message);
        }
        AppState {
            engine,
            data_dir: data_dir.to_path_buf(),
        }
    }

    /// The engine, or the error that kept it from opening.
    pub fn engine(&self) -> CommandResult<&Crossroads> {
        self.engine.as_ref().map_err(Clone::clone)
    }

    /// The folder the data lives in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

/// The data folder: `CROSSROADS_DATA_DIR` when set, else the OS's app-data
/// folder for this app.
pub fn data_dir(os_default: Option<PathBuf>) -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or(os_default)
}
