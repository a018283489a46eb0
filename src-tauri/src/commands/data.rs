//! The person's data as a whole: export (JSON to import, Markdown to
//! read), import, and erasing everything. The file is chosen in the
//! desktop's own file dialog, opened from here, so the page never names a
//! path on disk.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use engine::choice::{Choice, Offered};
use engine::{ErrorKind, Imported, IMPORT_MAX_BYTES};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};

use super::blocking;
use crate::error::{CommandError, CommandResult};
use crate::milestones::Wake;
use crate::state::AppState;

/// Set to a path, the file dialogs answer with it instead of opening: the
/// end-to-end tests can't reach a native dialog through WebDriver.
pub const FILE_CHOICE_ENV: &str = "CROSSROADS_FILE_CHOICE";

/// How export and import files are chosen.
#[derive(Debug, Clone)]
pub enum FileChoice {
    /// The desktop's file dialog.
    Dialog,
    /// Always this path (tests).
    Preset(PathBuf),
}

impl FileChoice {
    /// The dialog, unless [`FILE_CHOICE_ENV`] names a path.
    pub fn from_env() -> FileChoice {
        std::env::var_os(FILE_CHOICE_ENV)
            .filter(|v| !v.is_empty())
            .map(|p| FileChoice::Preset(PathBuf::from(p)))
            .unwrap_or(FileChoice::Dialog)
    }

    /// Asks where to save `suggested_name`; none when the person cancels.
    fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        suggested_name: &str,
        format: ExportFormat,
    ) -> Option<PathBuf> {
        match self {
            FileChoice::Preset(path) => Some(path.clone()),
            FileChoice::Dialog => {
                use tauri_plugin_dialog::DialogExt;
                let (label, extension) = format.filter();
                app.dialog()
                    .file()
                    .set_file_name(suggested_name)
                    .add_filter(label, &[extension])
                    .blocking_save_file()
                    .and_then(|p| p.into_path().ok())
            }
        }
    }

    /// Asks which export to import; none when the person cancels.
    fn open<R: Runtime>(&self, app: &AppHandle<R>) -> Option<PathBuf> {
        match self {
            FileChoice::Preset(path) => Some(path.clone()),
            FileChoice::Dialog => {
                use tauri_plugin_dialog::DialogExt;
                app.dialog()
                    .file()
                    .add_filter("Crossroads export", &["json"])
                    .blocking_pick_file()
                    .and_then(|p| p.into_path().ok())
            }
        }
    }
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Everything, to import again (on this computer or another).
    Json,
    /// Everything written, to read or print.
    Markdown,
}

impl Offered for ExportFormat {
    const FIELD: &'static str = "format";
}

impl ExportFormat {
    fn filter(self) -> (&'static str, &'static str) {
        match self {
            ExportFormat::Json => ("Crossroads export", "json"),
            ExportFormat::Markdown => ("Markdown", "md"),
        }
    }
}

/// The answer to an export: where it went, or nothing when cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exported {
    /// The file written; none when the person cancelled the dialog.
    pub path: Option<String>,
}

/// The answer to an import: what came in, or nothing when cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportAnswer {
    /// What was imported; none when the person cancelled the dialog.
    pub imported: Option<Imported>,
}

/// Exports everything to a file the person chooses.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    choice: State<'_, FileChoice>,
    format: Choice<ExportFormat>,
) -> CommandResult<Exported> {
    let format = format.picked()?;
    // Read first: a locked app says so before any dialog opens.
    let bytes = state
        .run(move |engine, clock| match format {
            ExportFormat::Json => engine.export_json(clock.now()),
            ExportFormat::Markdown => {
                // The language stored with these words, not the process's
                // current one (the same in the app; tests share a process).
                let language = engine
                    .settings()
                    .ok()
                    .and_then(|settings| settings.language)
                    .unwrap_or_else(crate::words::current);
                engine
                    .export_markdown(clock.now(), clock.zone(), &|key, params| {
                        let params: Vec<crate::words::Param<'_>> = params
                            .iter()
                            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
                            .collect();
                        crate::words::text_in(language, key, &params)
                    })
                    .map(String::into_bytes)
            }
        })
        .await?;
    let name = format!(
        "crossroads-{}.{}",
        state
            .clock()
            .now()
            .with_timezone(&state.clock().zone())
            .format("%Y-%m-%d"),
        format.filter().1
    );
    let choice = choice.inner().clone();
    blocking(move || {
        let Some(path) = choice.save(&app, &name, format) else {
            return Ok(Exported { path: None });
        };
        write_whole(&path, &bytes)?;
        Ok(Exported {
            path: Some(path.display().to_string()),
        })
    })
    .await
}

/// Replaces everything with an export the person chooses, all or nothing.
#[tauri::command]
pub async fn import_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    choice: State<'_, FileChoice>,
    wake: State<'_, Wake>,
) -> CommandResult<ImportAnswer> {
    let choice = choice.inner().clone();
    let chosen = blocking(move || Ok(choice.open(&app))).await?;
    let Some(path) = chosen else {
        return Ok(ImportAnswer { imported: None });
    };
    let imported = state
        .run(move |engine, clock| {
            let bytes = read_export(&path)?;
            engine.import_json(&bytes, clock.now(), clock.zone())
        })
        .await?;
    wake.now();
    Ok(ImportAnswer {
        imported: Some(imported),
    })
}

/// Erases every record, every backup and the passphrase, once the
/// confirmation word is typed.
#[tauri::command]
pub async fn erase_everything(
    state: State<'_, AppState>,
    wake: State<'_, Wake>,
    confirmation: String,
) -> CommandResult<()> {
    state
        .run(move |engine, _| engine.erase_everything(&confirmation))
        .await?;
    wake.now();
    Ok(())
}

/// Reads an export file, refusing what can't be one before reading it all.
fn read_export(path: &Path) -> engine::Result<Vec<u8>> {
    let refuse = |code: &'static str| engine::Error::InvalidInput {
        field: "file",
        message: code.into(),
    };
    let size = fs::metadata(path)
        .map_err(|_| refuse("importCantOpen"))?
        .len();
    if size > IMPORT_MAX_BYTES {
        return Err(refuse("importTooLarge"));
    }
    fs::read(path).map_err(|_| refuse("importCantOpen"))
}

/// Writes `bytes` to `path` whole or not at all: under another name first,
/// synced, then renamed, so a crash never leaves half an export.
fn write_whole(path: &Path, bytes: &[u8]) -> CommandResult<()> {
    let failed = |e: std::io::Error| {
        CommandError::new(
            ErrorKind::Storage,
            crate::words::text("errors.exportCantWrite", &[("detail", &e)]),
        )
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut file = fs::File::create(&partial).map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    drop(file);
    fs::rename(&partial, path).map_err(|e| {
        let _ = fs::remove_file(&partial);
        failed(e)
    })
}
