//! The state every command shares: the engine (opening, open, or why it
//! could not open), the data folder and the clock.
//!
//! The store is opened on a background thread so the window paints at once;
//! a command that arrives meanwhile waits for it off the async workers.
//! Every engine call runs on tokio's blocking pool ([`AppState::run`]), so a
//! flush never holds one of the few async workers.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use engine::{BackupInfo, Crossroads, ErrorKind};

use crate::clock::Clock;
use crate::error::{CommandError, CommandResult};

/// Environment variable that points the app at another data folder
/// (tests, portable use).
pub const DATA_DIR_ENV: &str = "CROSSROADS_DATA_DIR";

enum Slot {
    Opening,
    Open(Crossroads),
    Failed(CommandError),
}

struct Inner {
    slot: Mutex<Slot>,
    opened: Condvar,
    data_dir: PathBuf,
    clock: Clock,
    /// When the UI last asked for anything (for locking when idle).
    last_used: Mutex<Option<chrono::DateTime<chrono::Utc>>>,
    /// Engine calls under way, and when the last one began or ended (for
    /// starting over in the tray only once nothing is under way).
    in_flight: AtomicUsize,
    last_activity: Mutex<Instant>,
}

/// Counts an engine call as under way while it lives.
struct InFlight(AppState);

impl Drop for InFlight {
    fn drop(&mut self) {
        *self
            .0
             .0
            .last_activity
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.0 .0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The app's shared state. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// A state whose store is still to be opened with [`AppState::finish_opening`].
    pub fn opening(data_dir: &Path, clock: Clock) -> AppState {
        AppState(Arc::new(Inner {
            slot: Mutex::new(Slot::Opening),
            opened: Condvar::new(),
            data_dir: data_dir.to_path_buf(),
            clock,
            last_used: Mutex::new(None),
            in_flight: AtomicUsize::new(0),
            last_activity: Mutex::new(Instant::now()),
        }))
    }

    /// Opens the store in `data_dir` now. A failure is kept, not raised, so
    /// the window can open and explain it instead of the app vanishing.
    pub fn open(data_dir: &Path, clock: Clock) -> AppState {
        let state = AppState::opening(data_dir, clock);
        state.finish_opening();
        state
    }

    /// Opens the store (blocking; call it off the main thread) and wakes
    /// whoever waits for it.
    pub fn finish_opening(&self) {
        let opened = Crossroads::open(&self.0.data_dir).map_err(|e| {
            // The storage layer's own words go to the log, for diagnosis.
            log::error!("could not open the store: {e:?}");
            CommandError::from(e)
        });
        self.set(match opened {
            Ok(engine) => Slot::Open(engine),
            Err(e) => Slot::Failed(e),
        });
    }

    fn set(&self, slot: Slot) {
        *self.0.slot.lock().unwrap_or_else(|e| e.into_inner()) = slot;
        self.0.opened.notify_all();
    }

    /// The engine, or the error that kept it from opening. Waits while the
    /// store is still opening, so never call it on an async worker or the
    /// main thread: use [`AppState::run`].
    pub fn engine(&self) -> CommandResult<Crossroads> {
        let mut slot = self.0.slot.lock().unwrap_or_else(|e| e.into_inner());
        while matches!(*slot, Slot::Opening) {
            slot = self.0.opened.wait(slot).unwrap_or_else(|e| e.into_inner());
        }
        match &*slot {
            Slot::Open(engine) => Ok(engine.clone()),
            Slot::Failed(error) => Err(error.clone()),
            Slot::Opening => unreachable!("waited above"),
        }
    }

    /// Runs `action` with the engine and the clock on the blocking pool and
    /// maps its error for the UI; marks the window as in use (for the idle
    /// lock).
    pub fn run<T, F>(&self, action: F) -> impl Future<Output = CommandResult<T>> + Send + 'static
    where
        T: Send + 'static,
        F: FnOnce(&Crossroads, &Clock) -> engine::Result<T> + Send + 'static,
    {
        *self.0.last_used.lock().unwrap_or_else(|e| e.into_inner()) = Some(self.0.clock.now());
        self.work(action)
    }

    /// Runs `action` as [`AppState::run`] does, without marking the window
    /// as in use: for the tray. Either way the call is under way from the
    /// moment this returns (not from when the future is first polled), so a
    /// start over in the tray waits for a click it has already received.
    pub fn work<T, F>(&self, action: F) -> impl Future<Output = CommandResult<T>> + Send + 'static
    where
        T: Send + 'static,
        F: FnOnce(&Crossroads, &Clock) -> engine::Result<T> + Send + 'static,
    {
        let under_way = self.begin();
        let state = self.clone();
        async move {
            tauri::async_runtime::spawn_blocking(move || {
                let _under_way = under_way;
                let engine = state.engine()?;
                action(&engine, &state.0.clock).map_err(CommandError::from)
            })
            .await
            .map_err(CommandError::internal)?
        }
    }

    /// Counts an engine call as under way until the guard is dropped.
    fn begin(&self) -> InFlight {
        self.0.in_flight.fetch_add(1, Ordering::AcqRel);
        *self
            .0
            .last_activity
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Instant::now();
        InFlight(self.clone())
    }

    /// How long no engine call has been under way (none while one is).
    pub fn quiet_for(&self) -> Option<Duration> {
        if self.0.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        let since = *self
            .0
            .last_activity
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        Some(since.elapsed())
    }

    /// When the UI last asked for anything, if it has.
    pub fn last_used(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        *self.0.last_used.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The clock every engine call is given.
    pub fn clock(&self) -> &Clock {
        &self.0.clock
    }

    /// The folder the data lives in.
    pub fn data_dir(&self) -> &Path {
        &self.0.data_dir
    }

    /// The backups in the data folder, newest first (also when the store
    /// will not open).
    pub fn backups(&self) -> CommandResult<Vec<BackupInfo>> {
        Ok(Crossroads::backups(&self.0.data_dir)?)
    }

    /// Restores the backup `id`. An open store keeps a copy of its data as a
    /// backup first; a store that would not open is moved aside and rebuilt
    /// from the backup, and the app goes on with it.
    pub fn restore(&self, id: &str) -> CommandResult<()> {
        let now = self.0.clock.now();
        match self.engine() {
            Ok(engine) => Ok(engine.restore(id, now)?),
            Err(e) if e.kind == ErrorKind::StoreCorrupt => {
                let engine = Crossroads::recover(&self.0.data_dir, id, now)?;
                self.set(Slot::Open(engine));
                Ok(())
            }
            Err(e) => Err(e),
        }
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
