//! The commands on Tauri's mock runtime: real payloads in, real IPC answers
//! out, errors in the `{kind, message, field}` shape.

use std::sync::{Arc, Mutex};

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::clock::Clock;
use crate::notifier::{Notifier, Recording};
use crate::state::AppState;

mod app;
mod backups;
mod care;
mod data;
mod endings;
mod hostile;
mod life;
mod no_contact;
mod notifier;
mod program;
mod refusals;
mod words;

/// The real context, so the real capability (commands granted to the main
/// window only) is what these tests go through.
fn context() -> tauri::Context<MockRuntime> {
    tauri::generate_context!()
}

struct Harness {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    clock: Clock,
    shown: Arc<Mutex<Recording>>,
}

/// Where the pinned clock of every harness starts.
fn start_instant() -> chrono::DateTime<chrono::Utc> {
    "2026-06-01T10:00:00Z".parse().unwrap()
}

impl Harness {
    fn new() -> Harness {
        Harness::in_dir(tempfile::tempdir().unwrap())
    }

    /// The app on the data folder `dir`, with a pinned clock and a
    /// notifier that records what it is given.
    fn in_dir(dir: tempfile::TempDir) -> Harness {
        let (notifier, shown) = Notifier::recording();
        Harness::with_notifier(dir, notifier, shown)
    }

    /// The app on `dir` with `notifier` (`shown` is what a recording one
    /// records).
    fn with_notifier(
        dir: tempfile::TempDir,
        notifier: Notifier,
        shown: Arc<Mutex<Recording>>,
    ) -> Harness {
        let clock = Clock::pinned(start_instant(), chrono_tz::Europe::Berlin);
        let app = crate::run_app(mock_builder())
            .manage(AppState::open(dir.path(), clock.clone()))
            .manage(notifier)
            .manage(crate::commands::data::FileChoice::Preset(
                dir.path().join("chosen-file"),
            ))
            .build(context())
            .unwrap();
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            _dir: dir,
            _app: app,
            webview,
            clock,
            shown,
        }
    }

    fn call(&self, command: &str, args: Value) -> Result<Value, Value> {
        Harness::call_on(&self.webview, command, args)
    }

    /// A call from `webview`, so many threads can call at once.
    fn call_on(
        webview: &WebviewWindow<MockRuntime>,
        command: &str,
        args: Value,
    ) -> Result<Value, Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: command.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                // The origin the bundled UI has on Linux.
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }
}

fn profile(name: &str, date: &str) -> Value {
    json!({ "input": {
        "ex_name": name, "pronouns": "she", "breakup_date": date, "ended_by": "them"
    }})
}

fn answers(cheated: &str, abusive: &str) -> Value {
    json!({ "input": { "cheated": cheated, "lied": "no", "put_down": "no", "abusive": abusive }})
}

/// A profile and an all-"no" dealbreaker check: no contact and step 1 are open.
fn with_profile() -> Harness {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    h
}

fn step(overview: &Value, id: &str) -> Value {
    overview["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone()
}

/// A value of a shape no form sends (a number for a text, a form that is
/// not an object) is refused by Tauri before the command runs, naming the
/// argument; the UI shows such errors as `internal`.
fn assert_refused_at_the_boundary(err: &Value, arg: &str) {
    let text = err.as_str().unwrap_or_default();
    assert!(
        text.contains(&format!("`{arg}`")),
        "expected a refusal of `{arg}`, got {err}"
    );
}

/// A value the page could send that is not one of the choices is refused
/// by the app itself: typed, on `field`, in the person's words.
fn assert_refused_on(err: &Value, field: &str) {
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert_eq!(err["field"], field, "{err}");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{err}"
    );
}

/// Profile, check, reason and the decision to try: step 1 is written to,
/// steps 2 and 3 are open.
fn through_step_one() -> Harness {
    let h = with_profile();
    h.call(
        "save_reflection",
        json!({ "prompt": "reason", "value": "We drifted apart" }),
    )
    .unwrap();
    h
}

/// Through step 2 (the decision to try and the pledge) with no contact
/// started at `since` (local Berlin wall time).
fn through_step_two(since: Option<&str>) -> Harness {
    let h = through_step_one();
    h.call("decide", json!({ "decision": "try" })).unwrap();
    h.call("save_pledge", json!({ "text": "I will not beg." }))
        .unwrap();
    h.call("start_no_contact", json!({ "since": since }))
        .unwrap();
    h
}

/// A profile, the check, and no contact started: step 4 is open.
fn living() -> Harness {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    h
}
