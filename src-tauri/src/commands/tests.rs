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

mod hostile;

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

#[test]
fn a_fresh_app_has_no_profile_and_a_locked_program() {
    let h = Harness::new();
    assert_eq!(h.call("get_profile", json!({})).unwrap(), Value::Null);
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["steps"].as_array().unwrap().len(), 7);
    assert_eq!(overview["steps"][0]["locked"]["code"], "needs_profile");
}

#[test]
fn saving_a_profile_opens_the_dealbreaker_check() {
    let h = Harness::new();
    let saved = h
        .call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    assert_eq!(saved["ex_name"], "Robin");
    assert_eq!(saved["pronouns"], "she");
    assert!(saved["days_since_breakup"].as_i64().unwrap() > 300);
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["next_step"], "dealbreakers");
}

#[test]
fn bad_input_is_a_typed_error_next_to_its_field_and_nothing_is_stored() {
    let h = Harness::new();
    let cases = [
        (profile("", "2024-05-01"), "ex_name"),
        (profile(&"n".repeat(61), "2024-05-01"), "ex_name"),
        (profile("Robin", "2999-01-01"), "breakup_date"),
        (profile("Robin", "01/05/2024"), "breakup_date"),
        (
            json!({ "input": { "ex_name": "Robin", "pronouns": "xe", "breakup_date": "2024-05-01", "ended_by": "them" }}),
            "pronouns",
        ),
        (
            json!({ "input": { "ex_name": "Robin", "pronouns": "he", "breakup_date": "2024-05-01", "ended_by": "fate" }}),
            "ended_by",
        ),
        (json!({ "input": { "ex_name": "Robin" }}), "pronouns"),
    ];
    for (args, field) in cases {
        let err = h.call("save_profile", args.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{args}");
        assert_eq!(err["field"], field, "{args}");
        assert!(
            err["message"].as_str().is_some_and(|m| m.len() > 10),
            "{err}"
        );
        assert_eq!(
            h.call("get_profile", json!({})).unwrap(),
            Value::Null,
            "{args}"
        );
    }
}

#[test]
fn a_store_that_cannot_open_answers_every_command_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let _holder = engine::Crossroads::open(dir.path()).unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_locked");
    assert!(err["message"].as_str().unwrap().contains("already open"));
    assert!(err.get("field").is_none());
    let err = h
        .call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap_err();
    assert_eq!(err["kind"], "store_locked");
}

#[test]
fn only_the_main_window_may_call_the_commands() {
    let h = Harness::new();
    let other = WebviewWindowBuilder::new(&h._app, "other", Default::default())
        .build()
        .unwrap();
    let harness = Harness {
        webview: other,
        ..Harness::new()
    };
    let err = harness.call("get_overview", json!({})).unwrap_err();
    assert!(
        err.as_str().is_some_and(|e| e.contains("not allowed")),
        "{err}"
    );
}

#[test]
fn app_info_reports_the_data_folder_and_version() {
    let h = Harness::new();
    let info = h.call("app_info", json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["data_dir"], h._dir.path().display().to_string());
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

#[test]
fn no_contact_starts_logs_and_counts() {
    let h = with_profile();
    let empty = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(empty["current"], Value::Null);
    let started = h
        .call("start_no_contact", json!({ "since": null }))
        .unwrap();
    assert_eq!(started["current"]["days"], 0);
    let logged = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": "at 2am" }),
        )
        .unwrap();
    assert_eq!(logged["counts"]["urges_resisted"], 1);
    assert_eq!(logged["today"][0]["note"], "at 2am");
    let slipped = h
        .call("log_event", json!({ "kind": "met", "note": null }))
        .unwrap();
    assert_eq!(slipped["history"].as_array().unwrap().len(), 1);
    assert_eq!(slipped["history"][0]["ended_by"], "met");
}

#[test]
fn bad_no_contact_input_is_typed_and_stores_nothing() {
    let h = with_profile();
    let err = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": null }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "logging before starting");
    let err = h
        .call("start_no_contact", json!({ "since": "2999-01-01T10:00" }))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("since"))
    );
    assert_eq!(
        h.call("get_no_contact", json!({})).unwrap()["current"],
        Value::Null
    );
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let err = h
        .call(
            "log_event",
            json!({ "kind": "texted", "note": "n".repeat(2001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "note");
    for kind in [json!("ghosted"), json!(""), json!(7), json!(null)] {
        let err = h
            .call("log_event", json!({ "kind": kind, "note": null }))
            .unwrap_err();
        assert_refused_at_the_boundary(&err, "kind");
    }
    let view = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(view["counts"]["contact_slips"], 0);
    assert_eq!(view["history"].as_array().unwrap().len(), 0);
}

#[test]
fn settings_are_validated_and_kept() {
    let h = Harness::new();
    let defaults = h.call("get_settings", json!({})).unwrap();
    assert_eq!(defaults["milestones"], json!([1, 3, 7, 14, 21, 30, 60, 90]));
    assert_eq!(defaults["notifications"], true);
    let input = |milestones: &str| {
        json!({ "input": { "milestones": milestones, "notifications": true,
            "quiet_hours_enabled": true, "quiet_start": "22:00", "quiet_end": "07:00" }})
    };
    let err = h.call("save_settings", input("3, 3")).unwrap_err();
    assert_eq!(err["field"], "milestones");
    assert_eq!(
        h.call("get_settings", json!({})).unwrap()["milestones"],
        defaults["milestones"]
    );
    let saved = h.call("save_settings", input("2, 10")).unwrap();
    assert_eq!(saved["milestones"], json!([2, 10]));
    assert_eq!(saved["quiet_hours"]["start"], "22:00:00");
}

#[test]
fn a_note_with_words_of_crisis_is_saved_and_asks_for_the_resources_card() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let calm = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "a short hello" }),
        )
        .unwrap();
    assert_eq!(calm["crisis_support"], false);
    let hard = h
        .call(
            "log_event",
            json!({ "kind": "urge_resisted", "note": "I just want to die" }),
        )
        .unwrap();
    assert_eq!(hard["crisis_support"], true);
    assert_eq!(
        hard["today"][0]["note"], "I just want to die",
        "saved all the same"
    );
    let resources = h.call("get_safety_resources", json!({})).unwrap();
    assert!(resources["countries"].as_array().unwrap().len() >= 11);
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

#[test]
fn abuse_closes_reaching_out_and_shows_the_banner() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let view = h.call("answer_dealbreakers", answers("no", "yes")).unwrap();
    assert_eq!(
        (view["abuse"].as_bool(), view["done"].as_bool()),
        (Some(true), Some(false))
    );
    // After abuse, moving on is the one path offered.
    assert_eq!(view["paths_offered"], json!(["moving_on"]));
    let err = h
        .call(
            "choose_path",
            json!({ "path": "continue", "acknowledged": true }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    h.call(
        "choose_path",
        json!({ "path": "moving_on", "acknowledged": false }),
    )
    .unwrap();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["safety_banner"], true);
    for id in ["too_proud_to_beg", "reach_out", "better_relationship"] {
        assert_eq!(step(&overview, id)["locked"]["why"], "abuse", "{id}");
    }
    assert_eq!(step(&overview, "no_contact")["status"], "open");
}

#[test]
fn reflecting_deciding_drafting_and_pledging() {
    let h = with_profile();
    let saved = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "I feel hopeless, I want to die" }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], true, "saved, and help is offered");
    let view = h
        .call("add_growth_step", json!({ "text": "Call a therapist" }))
        .unwrap();
    let id = view["steps"][0]["id"].clone();
    let view = h
        .call("set_growth_step", json!({ "id": id, "done": true }))
        .unwrap();
    assert_eq!(view["steps"][0]["done"], true);
    assert_eq!(view["answers"]["reason"], "I feel hopeless, I want to die");
    h.call("decide", json!({ "decision": "try" })).unwrap();
    let draft = h
        .call("save_draft", json!({ "id": null, "text": "Please come back, I'll change.", "apology_for_later": false }))
        .unwrap();
    assert_eq!(draft["analysis"]["level"], "pleading");
    assert!(!draft["analysis"]["findings"].as_array().unwrap().is_empty());
    h.call("save_pledge", json!({ "text": "I won't beg." }))
        .unwrap();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(step(&overview, "too_proud_to_beg")["status"], "done");
}

#[test]
fn bad_program_input_is_typed_and_stores_nothing() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let err = h
        .call("answer_dealbreakers", answers("perhaps", "no"))
        .unwrap_err();
    assert_eq!(err["field"], "cheated");
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["answers"],
        Value::Null
    );
    let err = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "x" }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "step 1 before the check");
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    let err = h
        .call(
            "save_reflection",
            json!({ "prompt": "reason", "value": "x".repeat(20_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "reason");
    for (command, args, arg) in [
        (
            "save_reflection",
            json!({ "prompt": "favourite_colour", "value": "x" }),
            "prompt",
        ),
        ("set_pattern", json!({ "pattern": "maybe" }), "pattern"),
        ("set_growth_way", json!({ "way": "astrology" }), "way"),
        ("decide", json!({ "decision": "perhaps" }), "decision"),
        (
            "choose_path",
            json!({ "path": "stay_forever", "acknowledged": true }),
            "path",
        ),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    let err = h.call("decide", json!({ "decision": "try" })).unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "the reason comes first");
    let err = h
        .call(
            "save_draft",
            json!({ "id": null, "text": "hi", "apology_for_later": false }),
        )
        .unwrap_err();
    assert_eq!(
        err["kind"], "out_of_order",
        "the vault opens with the decision to try"
    );
    let reflection = h.call("get_reflection", json!({})).unwrap();
    assert_eq!(reflection["answers"], json!({}));
    assert_eq!(h.call("get_vault", json!({})).unwrap()["drafts"], json!([]));
}

/// A value no enum accepts is refused by Tauri before the command runs,
/// naming the argument; the UI shows such errors as `internal`.
fn assert_refused_at_the_boundary(err: &Value, arg: &str) {
    let text = err.as_str().unwrap_or_default();
    assert!(
        text.contains(&format!("`{arg}`")),
        "expected a refusal of `{arg}`, got {err}"
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

#[test]
fn two_hundred_saves_at_once_lose_nothing() {
    let h = through_step_one();
    let prompts = [
        "reason",
        "weight",
        "unmet_need",
        "repeated_arguments",
        "trait_given_up",
        "pattern_details",
    ];
    // Each prompt is written by many saves at once; the last one a prompt
    // gets is what must stay. Growth steps are added at the same time.
    let threads: Vec<_> = (0..200)
        .map(|i| {
            let webview = h.webview.clone();
            let prompt = prompts[(i / 2) % prompts.len()];
            std::thread::spawn(move || {
                let probe = Harness::call_on;
                if i % 2 == 0 {
                    probe(
                        &webview,
                        "add_growth_step",
                        json!({ "text": format!("step {i}") }),
                    )
                    .unwrap();
                } else {
                    probe(
                        &webview,
                        "save_reflection",
                        json!({ "prompt": prompt, "value": format!("answer {i}") }),
                    )
                    .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let view = h.call("get_reflection", json!({})).unwrap();
    let steps: std::collections::BTreeSet<String> = view["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    let expected: std::collections::BTreeSet<String> =
        (0..200).step_by(2).map(|i| format!("step {i}")).collect();
    assert_eq!(steps, expected, "every growth step is there, once");
    let ids: std::collections::BTreeSet<u64> = view["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 100, "ids are unique");
    for prompt in prompts {
        let answer = view["answers"][prompt].as_str().unwrap();
        // One of the saves sent for this prompt, whole.
        let n: usize = answer.strip_prefix("answer ").unwrap().parse().unwrap();
        assert_eq!(prompts[(n / 2) % prompts.len()], prompt);
    }
    // Every ticked step stays ticked while others are added at once.
    let threads: Vec<_> = ids
        .iter()
        .map(|&id| {
            let webview = h.webview.clone();
            std::thread::spawn(move || {
                Harness::call_on(
                    &webview,
                    "set_growth_step",
                    json!({ "id": id, "done": true }),
                )
                .unwrap();
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let view = h.call("get_reflection", json!({})).unwrap();
    assert!(view["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["done"] == true));
}

#[test]
fn the_notifier_and_a_thousand_settings_saves_at_once_announce_each_milestone_once() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": "2026-05-01T09:00" }))
        .unwrap();
    let app = h._app.handle().clone();
    let clock = h.clock.clone();
    let notifier = std::thread::spawn(move || {
        // Fifty days pass in steps of an hour, a check each hour.
        for _ in 0..(50 * 24) {
            crate::milestones::check_once(&app).unwrap();
            clock.advance(chrono::Duration::hours(1));
        }
        crate::milestones::check_once(&app).unwrap();
    });
    let input = json!({ "input": { "milestones": "1, 3, 7, 14, 21, 30, 60, 90",
        "notifications": true, "quiet_hours_enabled": false,
        "quiet_start": "", "quiet_end": "" }});
    for _ in 0..1000 {
        h.call("save_settings", input.clone()).unwrap();
    }
    notifier.join().unwrap();
    let shown = h.shown.lock().unwrap();
    let mut days: Vec<u32> = Vec::new();
    for message in &shown.shown {
        let text = format!("{} {}", message.summary, message.body);
        assert!(!text.contains("Robin"), "discreet: {text}");
        days.extend(days_in(message));
    }
    let mut sorted = days.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), days.len(), "nothing twice: {days:?}");
    // Started 31 days before the clock; 50 more days pass: up to day 81.
    assert_eq!(sorted, [1, 3, 7, 14, 21, 30, 60], "nothing lost");
}

#[test]
fn a_summary_made_while_the_service_is_away_waits_for_it() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": "2026-05-25T09:00" }))
        .unwrap();
    let app = h._app.handle().clone();
    h.shown.lock().unwrap().unavailable = true;
    crate::milestones::check_once(&app).unwrap();
    assert!(h.shown.lock().unwrap().shown.is_empty());
    // Still away a while later: nothing is lost, nothing shown.
    h.clock.advance(chrono::Duration::seconds(30));
    crate::milestones::check_once(&app).unwrap();
    h.shown.lock().unwrap().unavailable = false;
    h.clock.advance(chrono::Duration::minutes(5));
    crate::milestones::check_once(&app).unwrap();
    crate::milestones::check_once(&app).unwrap();
    let shown = &h.shown.lock().unwrap().shown;
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].body.contains("day 1, day 3"), "{:?}", shown[0]);
}

/// A notifier whose "service" takes `delay` to answer (then shows), on
/// its one sender thread, and a caller that waits only 50 ms: every send
/// times out and its answer comes late.
fn slow_notifier(
    delay: std::time::Duration,
) -> (Notifier, Arc<Mutex<Vec<crate::notifier::Message>>>) {
    let shown = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&shown);
    let show = move |message: &crate::notifier::Message| {
        std::thread::sleep(delay);
        seen.lock().unwrap().push(message.clone());
        Ok(Box::new(()) as crate::notifier::Kept)
    };
    let notifier = Notifier::with_show(Arc::new(show), std::time::Duration::from_millis(50));
    (notifier, shown)
}

/// Waits (up to 10 s) until the outbox is empty.
fn until_confirmed(h: &Harness) {
    let state = h._app.state::<AppState>();
    let engine = state.engine().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while engine.pending_notifications().unwrap() > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the late answer was never recorded"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn a_late_answer_from_the_service_confirms_the_announcement_once_and_it_is_never_sent_again() {
    let (notifier, shown) = slow_notifier(std::time::Duration::from_millis(400));
    let h = Harness::with_notifier(tempfile::tempdir().unwrap(), notifier, Arc::default());
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    h.call("start_no_contact", json!({ "since": "2026-05-25T09:00" }))
        .unwrap();
    let app = h._app.handle().clone();
    // The round gives up waiting; the service has not answered yet.
    let round = crate::milestones::check_once(&app).unwrap();
    assert!(round.sent);
    assert!(shown.lock().unwrap().is_empty());
    // Rounds while the answer is unknown, past the first retry's pause:
    // nothing is handed over again.
    for _ in 0..3 {
        h.clock.advance(chrono::Duration::seconds(20));
        crate::milestones::check_once(&app).unwrap();
    }
    // The answer comes: the sender thread confirms it through the engine.
    until_confirmed(&h);
    // Hours pass with rounds all along: it is never sent again.
    for _ in 0..24 {
        h.clock.advance(chrono::Duration::minutes(30));
        crate::milestones::check_once(&app).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let shown = shown.lock().unwrap();
    assert_eq!(shown.len(), 1, "shown exactly once: {shown:?}");
    assert!(shown[0].body.contains("day 1, day 3"), "{:?}", shown[0]);
}

#[test]
fn a_late_refusal_from_the_service_is_retried_and_then_shown_once() {
    // The service answers late, with an error, once; then it is back.
    let tries = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let shown = Arc::new(Mutex::new(Vec::new()));
    let (seen, count) = (Arc::clone(&shown), Arc::clone(&tries));
    let show = move |message: &crate::notifier::Message| {
        if count.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            std::thread::sleep(std::time::Duration::from_millis(200));
            return Err("refused".to_owned());
        }
        seen.lock().unwrap().push(message.clone());
        Ok(Box::new(()) as crate::notifier::Kept)
    };
    let notifier = Notifier::with_show(Arc::new(show), std::time::Duration::from_millis(50));
    let h = Harness::with_notifier(tempfile::tempdir().unwrap(), notifier, Arc::default());
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    h.call("start_no_contact", json!({ "since": "2026-05-25T09:00" }))
        .unwrap();
    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    // The refusal comes late and is recorded as a failure: retried after
    // its pause (not after the ten-minute limit), and shown then.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while tries.load(std::sync::atomic::Ordering::SeqCst) < 2 {
        assert!(std::time::Instant::now() < deadline, "never retried");
        h.clock.advance(chrono::Duration::seconds(1));
        crate::milestones::check_once(&app).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        h.clock.now() - start_instant() < chrono::Duration::minutes(10),
        "retried after the failure's pause"
    );
    for _ in 0..5 {
        h.clock.advance(chrono::Duration::minutes(30));
        crate::milestones::check_once(&app).unwrap();
    }
    assert_eq!(shown.lock().unwrap().len(), 1);
    assert_eq!(tries.load(std::sync::atomic::Ordering::SeqCst), 2);
}

#[test]
fn a_service_that_never_answers_holds_no_round_and_starts_one_thread() {
    // The "service" hangs until the test ends.
    let (release, hang) = std::sync::mpsc::channel::<()>();
    let hang = Mutex::new(hang);
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let show = move |_: &crate::notifier::Message| {
        counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let _ = hang.lock().unwrap().recv();
        Err("released".to_owned())
    };
    let notifier = Notifier::with_show(Arc::new(show), std::time::Duration::from_millis(50));
    let h = Harness::with_notifier(
        tempfile::tempdir().unwrap(),
        notifier.clone(),
        Arc::default(),
    );
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "no")).unwrap();
    h.call("start_no_contact", json!({ "since": "2026-05-25T09:00" }))
        .unwrap();
    let app = h._app.handle().clone();
    let began = std::time::Instant::now();
    // A hundred rounds, a minute apart: past the ten-minute limit the
    // entry is offered again, but never handed to the service twice.
    for _ in 0..100 {
        crate::milestones::check_once(&app).unwrap();
        h.clock.advance(chrono::Duration::minutes(1));
    }
    // And a hundred direct sends (the test-notification button).
    let message = crate::notifier::test_message();
    for _ in 0..100 {
        assert_eq!(
            notifier.send(&message),
            Err(crate::notifier::SendError::Busy)
        );
    }
    assert!(
        began.elapsed() < std::time::Duration::from_secs(5),
        "sends return promptly: {:?}",
        began.elapsed()
    );
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert_eq!(notifier.senders_started(), 1, "one sender thread");
    let state = h._app.state::<AppState>();
    assert_eq!(
        state.engine().unwrap().pending_notifications().unwrap(),
        1,
        "nothing lost"
    );
    // The hung call stays hung until the test process ends.
    std::mem::forget(release);
}

#[test]
fn backups_are_listed_and_restored_and_bad_ids_change_nothing() {
    let h = with_profile();
    let state = h._app.state::<AppState>();
    let engine = state.engine().unwrap();
    engine
        .backup(h.clock.now(), engine::BackupReason::Start)
        .unwrap();
    h.call("save_profile", profile("Changed", "2024-05-01"))
        .unwrap();
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["restorable"], true);
    for id in [json!("../store"), json!("crossroads-nope.json"), json!("")] {
        let err = h.call("restore_backup", json!({ "id": id })).unwrap_err();
        assert_eq!(
            (err["kind"].as_str(), err["field"].as_str()),
            (Some("invalid_input"), Some("backup")),
            "{id}"
        );
        assert_eq!(
            h.call("get_profile", json!({})).unwrap()["ex_name"],
            "Changed"
        );
    }
    let id = listed[0]["id"].clone();
    h.clock.advance(chrono::Duration::minutes(1));
    h.call("restore_backup", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(
        listed[0]["reason"], "before_restore",
        "the data as it was is kept"
    );
}

/// A data folder with a profile (Robin) and one start backup of it, closed.
fn robin_with_a_start_backup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let engine = engine::Crossroads::open(dir.path()).unwrap();
    engine
        .save_profile(
            &serde_json::from_value(profile("Robin", "2024-05-01")["input"].clone()).unwrap(),
            start_instant(),
            chrono_tz::UTC,
        )
        .unwrap();
    engine
        .backup(start_instant(), engine::BackupReason::Start)
        .unwrap();
    dir
}

#[test]
fn a_damaged_store_answers_with_its_kind_and_is_rebuilt_from_a_backup() {
    let dir = robin_with_a_start_backup();
    // The store's main file is cut short.
    let db = dir.path().join("store/db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len / 3)
        .unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    let listed = h.call("list_backups", json!({})).unwrap();
    let id = listed[0]["id"].clone();
    h.call("restore_backup", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    assert_eq!(
        h.call("get_overview", json!({})).unwrap()["has_profile"],
        true
    );
}

#[test]
fn a_restore_that_fails_keeps_offering_the_backups_and_a_good_one_then_works() {
    let dir = robin_with_a_start_backup();
    // A second backup that reads as whole but breaks the restore halfway
    // (an older schema with a record its migration cannot read).
    let backups = dir.path().join("backups");
    let good = std::fs::read_dir(&backups)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bad: Value = serde_json::from_slice(&std::fs::read(&good).unwrap()).unwrap();
    bad["schema"] = 1.into();
    bad["trees"]["no_contact"]["616e6e6f756e636564"] = "not a list".into();
    bad["created_at"] = "2026-06-01T11:00:00Z".into();
    std::fs::write(
        backups.join("crossroads-20260601T110000.000Z-start.json"),
        serde_json::to_vec(&bad).unwrap(),
    )
    .unwrap();
    // The store's commit count went back: it will not open.
    std::fs::write(dir.path().join("store.generation"), "999").unwrap();
    let h = Harness::in_dir(dir);
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    let listed = h.call("list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let (newest, older) = (listed[0]["id"].clone(), listed[1]["id"].clone());
    assert_eq!(newest, "crossroads-20260601T110000.000Z-start.json");
    let err = h
        .call("restore_backup", json!({ "id": newest }))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("backup")),
        "{err}"
    );
    // Still damaged, still offering both backups; never an empty app.
    let err = h.call("get_overview", json!({})).unwrap_err();
    assert_eq!(err["kind"], "store_corrupt", "{err}");
    assert_eq!(
        h.call("list_backups", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    h.call("restore_backup", json!({ "id": older })).unwrap();
    assert_eq!(
        h.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
}

/// The milestones a discreet notification speaks of: the day list of a
/// summary, or the one day of a milestone's title.
fn days_in(message: &crate::notifier::Message) -> Vec<u32> {
    if let Some(list) = message
        .body
        .split_once("milestones: ")
        .and_then(|(_, rest)| rest.split_once('.'))
    {
        return list
            .0
            .split(", ")
            .map(|d| d.trim_start_matches("day ").parse().unwrap())
            .collect();
    }
    let first = message.summary.split_whitespace().next().unwrap();
    vec![first.parse().unwrap()]
}

// ---- Care: the card's reading, the country, the safety plan,
// after abuse, the fifth question, necessary contact.

#[test]
fn every_free_text_answer_carries_the_cards_reading() {
    let h = through_step_one();
    h.call("decide", json!({ "decision": "try" })).unwrap();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let danger = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "he hit me when I said no" }),
        )
        .unwrap();
    assert_eq!(
        danger["care"],
        json!({ "tier": "none", "danger_from_someone": true })
    );
    let calm = h
        .call(
            "log_event",
            json!({ "kind": "they_contacted", "note": "a short hello" }),
        )
        .unwrap();
    assert_eq!(calm["care"], Value::Null);
    let draft = h
        .call(
            "save_draft",
            json!({ "id": null, "text": "I looked up how many pills it would take", "apology_for_later": false }),
        )
        .unwrap();
    assert_eq!(draft["care"]["tier"], "higher");
    assert_eq!(draft["crisis_support"], true, "the old flag stays");
    let reflection = h
        .call(
            "save_reflection",
            json!({ "prompt": "unmet_need", "value": "my family would be better off if I was gone" }),
        )
        .unwrap();
    assert_eq!(reflection["care"]["tier"], "lower");
}

#[test]
fn the_card_is_laid_out_by_the_engine_with_the_emergency_number_on_every_tier() {
    let h = Harness::new();
    h.call("set_country", json!({ "country": "US" })).unwrap();
    let lower = h
        .call(
            "get_care_card",
            json!({ "reading": { "tier": "lower", "danger_from_someone": false } }),
        )
        .unwrap();
    assert_eq!(lower["kind"], "lower");
    assert_eq!(lower["lead"], "lower_no_plan", "no plan yet: {lower}");
    assert_eq!(
        lower["parts"],
        json!([
            "crisis_lines",
            "emergency",
            "grounding",
            "make_plan",
            "kept"
        ])
    );
    let asked = h.call("get_care_card", json!({ "reading": null })).unwrap();
    assert_eq!(asked["kind"], "asked");
    assert!(asked["parts"]
        .as_array()
        .unwrap()
        .contains(&json!("emergency")));
    for (args, arg) in [
        (json!({ "reading": { "tier": "highest" } }), "reading"),
        (json!({ "reading": "higher" }), "reading"),
        (
            json!({ "reading": { "tier": "lower", "danger_from_someone": "yes" } }),
            "reading",
        ),
    ] {
        let err = h.call("get_care_card", args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
}

#[test]
fn text_being_typed_is_checked_without_storing_and_too_long_is_refused() {
    let h = Harness::new();
    assert_eq!(
        h.call(
            "check_text",
            json!({ "text": "I just don't see the point anymore" })
        )
        .unwrap(),
        json!({ "tier": "lower", "danger_from_someone": false })
    );
    assert_eq!(
        h.call(
            "check_text",
            json!({ "text": "this traffic is killing me" })
        )
        .unwrap(),
        Value::Null
    );
    let long = "a".repeat(engine::CHECK_TEXT_MAX_CHARS + 1);
    let err = h.call("check_text", json!({ "text": long })).unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("text"))
    );
    let err = h.call("check_text", json!({ "text": 42 })).unwrap_err();
    assert_refused_at_the_boundary(&err, "text");
}

#[test]
fn the_country_is_chosen_in_the_first_run_never_defaulted_and_bad_choices_store_nothing() {
    let h = Harness::new();
    let none = h.call("get_country", json!({})).unwrap();
    assert_eq!(
        none,
        json!({ "chosen": false, "code": null, "not_listed": false })
    );
    let with_country = |country: Value| {
        let mut args = profile("Robin", "2024-05-01");
        args["country"] = country;
        args
    };
    for bad in [json!(""), json!("XX"), json!("gb")] {
        let err = h
            .call("save_profile", with_country(bad.clone()))
            .unwrap_err();
        assert_eq!(err["field"], "country", "{bad}");
        assert_eq!(
            h.call("get_profile", json!({})).unwrap(),
            Value::Null,
            "{bad}"
        );
        assert_eq!(h.call("get_country", json!({})).unwrap()["chosen"], false);
    }
    // A refused profile stores no country either.
    let mut bad_name = with_country(json!("DE"));
    bad_name["input"]["ex_name"] = json!("");
    assert_eq!(
        h.call("save_profile", bad_name).unwrap_err()["field"],
        "ex_name"
    );
    assert_eq!(h.call("get_country", json!({})).unwrap()["chosen"], false);

    h.call("save_profile", with_country(json!("not_listed")))
        .unwrap();
    assert_eq!(
        h.call("get_country", json!({})).unwrap(),
        json!({ "chosen": true, "code": null, "not_listed": true })
    );
    let de = h.call("set_country", json!({ "country": "DE" })).unwrap();
    assert_eq!(de["code"], "DE");
    let err = h
        .call("set_country", json!({ "country": "Atlantis" }))
        .unwrap_err();
    assert_eq!(err["field"], "country");
    assert_eq!(h.call("get_country", json!({})).unwrap()["code"], "DE");
    let err = h
        .call("set_country", json!({ "country": null }))
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "country");
    // Saving the profile without a country (Settings) keeps the choice.
    h.call("save_profile", profile("Robin", "2024-05-02"))
        .unwrap();
    assert_eq!(h.call("get_country", json!({})).unwrap()["code"], "DE");

    let resources = h.call("get_safety_resources", json!({})).unwrap();
    assert!(resources["international_directory"]["contact"]
        .as_str()
        .is_some_and(|c| !c.is_empty()));
    let italy = resources["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "IT")
        .unwrap();
    assert_eq!(italy["crisis_around_the_clock"], false);
}

#[test]
fn the_safety_plan_is_saved_as_written_and_refused_parts_store_nothing() {
    let h = Harness::new();
    let empty = h.call("get_safety_plan", json!({})).unwrap();
    assert_eq!(empty["updated_at"], Value::Null);
    let plan = json!({ "input": {
        "warning_signs": "Awake at 3am <again>", "calming": "The dog, a shower",
        "people_places": "Mia's kitchen", "who_to_call": "Mia, then the line", "safer_surroundings": "Pills at Mia's"
    }});
    let saved = h.call("save_safety_plan", plan).unwrap();
    assert_eq!(saved["warning_signs"], "Awake at 3am <again>");
    assert_eq!(saved["updated_at"], "2026-06-01T10:00:00Z");
    let long = "x".repeat(engine::care::PLAN_FIELD_MAX_CHARS + 1);
    let err = h
        .call("save_safety_plan", json!({ "input": { "calming": long } }))
        .unwrap_err();
    assert_eq!(err["field"], "calming");
    assert_eq!(h.call("get_safety_plan", json!({})).unwrap(), saved);
    let err = h
        .call("save_safety_plan", json!({ "input": { "calming": 3 } }))
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "input");
}

#[test]
fn an_abuse_answer_stays_and_a_person_who_hurt_them_is_not_coached_back() {
    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    h.call("answer_dealbreakers", answers("no", "yes")).unwrap();
    let err = h
        .call("answer_dealbreakers", answers("no", "no"))
        .unwrap_err();
    assert_eq!(
        (err["kind"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("abusive"))
    );
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["abuse"],
        true
    );

    let h = Harness::new();
    h.call("save_profile", profile("Robin", "2024-05-01"))
        .unwrap();
    let mut bad = answers("no", "no");
    bad["hurt_them"] = json!("perhaps");
    assert_eq!(
        h.call("answer_dealbreakers", bad).unwrap_err()["field"],
        "hurt_them"
    );
    assert_eq!(
        h.call("get_dealbreakers", json!({})).unwrap()["answers"],
        Value::Null
    );
    let mut yes = answers("no", "no");
    yes["hurt_them"] = json!("yes");
    let view = h.call("answer_dealbreakers", yes).unwrap();
    assert_eq!(
        (view["hurt_them"].as_bool(), view["done"].as_bool()),
        (Some(true), Some(true))
    );
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["safety_banner"], false);
    for id in ["too_proud_to_beg", "reach_out", "better_relationship"] {
        assert_eq!(step(&overview, id)["locked"]["why"], "hurt_them", "{id}");
    }
    assert_eq!(step(&overview, "no_contact")["status"], "open");
    let reflection = h.call("get_reflection", json!({})).unwrap();
    assert_eq!(reflection["can_choose_try"], false);
}

#[test]
fn necessary_contact_keeps_the_count_and_unknown_topics_are_refused() {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    h.clock.advance(chrono::Duration::days(3));
    let logged = h
        .call(
            "log_event",
            json!({ "kind": "necessary_children", "note": "school pick-up" }),
        )
        .unwrap();
    assert_eq!(logged["current"]["days"], 3);
    assert_eq!(logged["counts"]["necessary_contact"], 1);
    assert!(logged["history"].as_array().unwrap().is_empty());
    let err = h
        .call(
            "log_event",
            json!({ "kind": "necessary_pets", "note": null }),
        )
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "kind");
    assert_eq!(
        h.call("get_no_contact", json!({})).unwrap()["counts"]["necessary_contact"],
        1
    );
}
/// A profile, the check, and no contact started: step 4 is open.
fn living() -> Harness {
    let h = with_profile();
    h.call("start_no_contact", json!({ "since": null }))
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

fn activity(kind: &str, when: Value, note: Value) -> Value {
    json!({ "input": { "kind": kind, "when": when, "note": note } })
}

fn trigger(moment: &str, plan: &str, reminder: Value) -> Value {
    json!({ "id": null, "input": { "kind": "time_of_day", "moment": moment, "plan": plan, "reminder": reminder } })
}

#[test]
fn living_your_life_logs_activities_thoughts_a_mood_and_plans() {
    let h = living();
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(step(&overview, "live_your_life")["status"], "open");
    let logged = h
        .call(
            "log_activity",
            activity("friends", Value::Null, json!("Dinner with Alex")),
        )
        .unwrap();
    assert_eq!(logged["activities_today"][0]["kind"], "friends");
    assert_eq!(logged["crisis_support"], false);
    let id = logged["activities_today"][0]["id"].as_u64().unwrap();
    let edited = h
        .call(
            "update_activity",
            json!({ "id": id, "input": { "kind": "exercise", "when": "2026-06-01T11:30", "note": null } }),
        )
        .unwrap();
    assert_eq!(edited["activities_today"][0]["kind"], "exercise");
    assert_eq!(edited["activities_today"][0]["local"], "2026-06-01T11:30");
    for _ in 0..3 {
        h.call("count_thought", json!({})).unwrap();
    }
    let mood = h
        .call(
            "save_mood",
            json!({ "score": 2, "note": "low", "replace": false }),
        )
        .unwrap();
    assert_eq!(mood["thoughts_today"], 3);
    assert_eq!(mood["mood_today"]["score"], 2);
    // A second mood today is refused until the person agrees to replace it.
    let err = h
        .call(
            "save_mood",
            json!({ "score": 4, "note": null, "replace": false }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "score");
    let replaced = h
        .call(
            "save_mood",
            json!({ "score": 4, "note": null, "replace": true }),
        )
        .unwrap();
    assert_eq!(replaced["mood_today"]["score"], 4);
    let planned = h
        .call(
            "save_trigger",
            trigger("Waking up", "Make tea, open the window", json!("07:30")),
        )
        .unwrap();
    assert_eq!(planned["triggers"][0]["reminder"], "07:30");
    let tid = planned["triggers"][0]["id"].as_u64().unwrap();
    let stats = h
        .call("get_statistics", json!({ "range": "two_weeks" }))
        .unwrap();
    let today = stats["days"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(today["date"], "2026-06-01");
    assert_eq!(today["thoughts"], 3);
    assert_eq!(today["mood"], 4);
    assert_eq!(today["streak"], 0);
    assert_eq!(stats["days"][0]["thoughts"], Value::Null, "a gap");
    assert_eq!(stats["summary"]["activities"], 1);
    let left = h.call("delete_trigger", json!({ "id": tid })).unwrap();
    assert_eq!(left["triggers"], json!([]));
    let left = h.call("delete_activity", json!({ "id": id })).unwrap();
    assert_eq!(left["activities_today"], json!([]));
}

#[test]
fn the_journal_keeps_searches_edits_and_offers_help() {
    let h = Harness::new();
    let journal = h.call("get_journal", json!({ "query": null })).unwrap();
    assert_eq!(journal["total"], 0);
    assert!(journal["prompt"]["index"].as_u64().unwrap() < 4);
    let prompt = journal["prompt"].clone();
    let saved = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "A long walk by the river.", "prompt": prompt }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], false);
    let id = saved["entry"]["id"].as_u64().unwrap();
    h.call(
        "save_journal_entry",
        json!({ "id": id, "text": "A long walk by the lake.", "prompt": null }),
    )
    .unwrap();
    let found = h.call("get_journal", json!({ "query": "LAKE" })).unwrap();
    assert_eq!(found["matched"], 1);
    assert_eq!(found["entries"][0]["prompt"], prompt);
    let heavy = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "I want to die", "prompt": null }),
        )
        .unwrap();
    assert_eq!(heavy["crisis_support"], true, "saved, and help offered");
    h.call("delete_journal_entry", json!({ "id": id })).unwrap();
    assert_eq!(
        h.call("get_journal", json!({ "query": null })).unwrap()["total"],
        1
    );
}

#[test]
fn bad_life_input_is_typed_and_stores_nothing() {
    let h = with_profile();
    // Before no contact has started, step 4 is not open yet.
    let err = h.call("count_thought", json!({})).unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    h.call("start_no_contact", json!({ "since": null }))
        .unwrap();
    let typed = [
        (
            "save_mood",
            json!({ "score": 0, "note": null, "replace": false }),
            "score",
        ),
        (
            "save_mood",
            json!({ "score": 6, "note": null, "replace": true }),
            "score",
        ),
        (
            "save_mood",
            json!({ "score": 3, "note": "n".repeat(2001), "replace": false }),
            "mood_note",
        ),
        (
            "log_activity",
            activity("hobby", json!("yesterday"), Value::Null),
            "when",
        ),
        (
            "log_activity",
            activity("hobby", json!("2026-06-02T10:00"), Value::Null),
            "when",
        ),
        (
            "log_activity",
            activity("hobby", Value::Null, json!("n".repeat(2001))),
            "note",
        ),
        (
            "save_trigger",
            trigger("Mornings", "Tea", json!("25:61")),
            "reminder",
        ),
        (
            "save_trigger",
            trigger("Mornings", "Tea", json!("half past seven")),
            "reminder",
        ),
        ("save_trigger", trigger("", "Tea", Value::Null), "moment"),
        (
            "save_trigger",
            trigger("Mornings", &"p".repeat(1001), Value::Null),
            "plan",
        ),
        (
            "save_journal_entry",
            json!({ "id": null, "text": "x".repeat(20_001), "prompt": null }),
            "text",
        ),
        ("get_journal", json!({ "query": "q".repeat(201) }), "query"),
    ];
    for (command, args, field) in typed {
        let err = h.call(command, args.clone()).unwrap_err();
        assert_eq!(err["kind"], "invalid_input", "{command} {args}");
        assert_eq!(err["field"], field, "{command} {args}");
    }
    let refused = [
        (
            "log_activity",
            activity("dancing", Value::Null, Value::Null),
            "input",
        ),
        (
            "save_mood",
            json!({ "score": "five", "note": null, "replace": false }),
            "score",
        ),
        ("get_statistics", json!({ "range": "forever" }), "range"),
        (
            "save_trigger",
            json!({ "id": null, "input": { "kind": "weather", "moment": "m", "plan": "p" } }),
            "input",
        ),
        (
            "save_journal_entry",
            json!({ "id": null, "text": "fine", "prompt": { "step": "reflect", "index": 300 } }),
            "prompt",
        ),
    ];
    for (command, args, arg) in refused {
        let err = h.call(command, args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    let life = h.call("get_life", json!({})).unwrap();
    assert_eq!(life["thoughts_today"], 0);
    assert_eq!(life["mood_today"], Value::Null);
    assert_eq!(life["activities_today"], json!([]));
    assert_eq!(life["triggers"], json!([]));
    assert_eq!(
        h.call("get_journal", json!({ "query": null })).unwrap()["total"],
        0
    );
}

#[test]
fn a_trigger_reminder_is_shown_once_a_day_discreetly() {
    let h = living();
    // The clock stands at 12:00 in Berlin; the reminder is for 12:05.
    h.call(
        "save_trigger",
        trigger(
            "The hour Robin used to call",
            "Call my brother",
            json!("12:05"),
        ),
    )
    .unwrap();
    let app = h._app.handle().clone();
    for _ in 0..(2 * 24 * 12) {
        crate::milestones::check_once(&app).unwrap();
        h.clock.advance(chrono::Duration::minutes(5));
    }
    let shown = h.shown.lock().unwrap();
    let reminders: Vec<_> = shown
        .shown
        .iter()
        .filter(|m| m.summary == "A moment you planned for")
        .collect();
    assert_eq!(reminders.len(), 2, "once a day for two days: {shown:?}");
    for m in &reminders {
        let text = format!("{} {}", m.summary, m.body);
        assert!(
            !text.contains("Robin") && !text.contains("brother"),
            "discreet: {text}"
        );
    }
}

#[test]
fn reaching_out_early_is_refused_with_the_days_to_go_and_stores_nothing() {
    let h = through_step_two(None);
    let err = h
        .call(
            "save_plan_note",
            json!({ "note": "my_part", "text": "I shut down." }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    assert!(
        err["message"].as_str().unwrap().contains("14 to go"),
        "{err}"
    );
    let err = h
        .call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert!(view["notes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["text"] == ""));
    assert_eq!(view["history"], json!([]));
    let reach = step(&h.call("get_overview", json!({})).unwrap(), "reach_out");
    assert_eq!(reach["locked"]["code"], "needs_no_contact_days");
    assert_eq!(reach["locked"]["remaining"], 14);
}

#[test]
fn drafts_pledge_and_logged_moments_can_be_changed_or_undone_at_once_losing_nothing() {
    let h = through_step_two(Some("2026-05-20T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    // Bad input: a typed error naming the field, or a refusal at the
    // boundary naming the argument; nothing stored either way.
    let before = commits();
    for (command, args, field) in [
        ("delete_draft", json!({ "id": 12345 }), "id"),
        ("undo_event", json!({ "id": "not an id" }), "id"),
        ("undo_event", json!({ "id": "00".repeat(16) }), "id"),
        ("set_event_note", json!({ "id": "zz", "note": "x" }), "id"),
        ("save_pledge", json!({ "text": "  " }), "pledge"),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_eq!(err["field"], field, "{command}: {err}");
    }
    for (command, args, arg) in [
        ("delete_draft", json!({ "id": "one" }), "id"),
        ("delete_draft", json!({ "id": -1 }), "id"),
        ("undo_event", json!({ "id": 7 }), "id"),
        ("set_event_note", json!({ "id": "00" }), "note"),
    ] {
        let err = h.call(command, args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    assert_eq!(commits(), before, "nothing stored");

    // Forty drafts and forty moments, then all at once: every other draft
    // edited, the rest deleted; every other moment's note changed, the rest
    // undone; the pledge rewritten meanwhile.
    let drafts: Vec<u64> = (0..40)
        .map(|i| {
            h.call(
                "save_draft",
                json!({ "id": null, "text": format!("draft {i}"), "apology_for_later": false }),
            )
            .unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    let moments: Vec<String> = (0..40)
        .map(|i| {
            h.clock.advance(chrono::Duration::seconds(1));
            let logged = h
                .call(
                    "log_event",
                    json!({ "kind": "urge_resisted", "note": format!("note {i}") }),
                )
                .unwrap();
            logged["recent"][0]["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let mut threads = Vec::new();
    for (i, id) in drafts.iter().copied().enumerate() {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            if i % 2 == 0 {
                Harness::call_on(
                    &webview,
                    "save_draft",
                    json!({ "id": id, "text": format!("edited {i}"), "apology_for_later": false }),
                )
                .unwrap();
            } else {
                Harness::call_on(&webview, "delete_draft", json!({ "id": id })).unwrap();
            }
        }));
    }
    for (i, id) in moments.iter().cloned().enumerate() {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            if i % 2 == 0 {
                Harness::call_on(
                    &webview,
                    "set_event_note",
                    json!({ "id": id, "note": format!("changed {i}") }),
                )
                .unwrap();
            } else {
                Harness::call_on(&webview, "undo_event", json!({ "id": id })).unwrap();
            }
        }));
    }
    for i in 0..10 {
        let webview = h.webview.clone();
        threads.push(std::thread::spawn(move || {
            Harness::call_on(
                &webview,
                "save_pledge",
                json!({ "text": format!("pledge {i}") }),
            )
            .unwrap();
        }));
    }
    for t in threads {
        t.join().unwrap();
    }
    let vault = h.call("get_vault", json!({})).unwrap();
    let texts: std::collections::BTreeSet<String> = vault["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap().to_owned())
        .collect();
    let expected: std::collections::BTreeSet<String> =
        (0..40).step_by(2).map(|i| format!("edited {i}")).collect();
    assert_eq!(texts, expected, "every edit kept, every deletion done");
    assert!(vault["pledge"]["text"]
        .as_str()
        .unwrap()
        .starts_with("pledge "));
    assert!(vault["pledge"]["rewritten_at"].is_string());

    let view = h.call("get_no_contact", json!({})).unwrap();
    assert_eq!(view["counts"]["urges_resisted"], 20);
    assert_eq!(view["undone"].as_array().unwrap().len(), 20);
    let notes: std::collections::BTreeSet<String> = view["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["note"].as_str().unwrap().to_owned())
        .collect();
    // The ten newest left are the ten highest even numbers, all changed.
    let expected: std::collections::BTreeSet<String> = (20..40)
        .step_by(2)
        .map(|i| format!("changed {i}"))
        .collect();
    assert_eq!(notes, expected);
}

#[test]
fn a_milestone_moment_shows_once_and_bad_answers_store_nothing() {
    // Started 14 days and an hour before the pinned clock, in Berlin.
    let h = through_step_two(Some("2026-05-18T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    let moment = h.call("get_moment", json!({})).unwrap();
    assert_eq!(
        moment,
        json!({ "kind": "milestone", "days": 14, "moving_on": false })
    );
    let before = commits();
    let err = h
        .call(
            "acknowledge_moment",
            json!({ "moment": { "kind": "milestone", "days": 7, "moving_on": false } }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "{err}");
    for (args, arg) in [
        (json!({ "moment": { "kind": "birthday" } }), "moment"),
        (
            json!({ "moment": { "kind": "ending", "ending": "maybe" } }),
            "moment",
        ),
        (json!({ "moment": "milestone" }), "moment"),
        (json!({}), "moment"),
    ] {
        let err = h.call("acknowledge_moment", args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    assert_eq!(commits(), before, "nothing stored");
    let next = h
        .call("acknowledge_moment", json!({ "moment": moment }))
        .unwrap();
    assert_eq!(next, Value::Null);
    assert_eq!(h.call("get_moment", json!({})).unwrap(), Value::Null);
}

#[test]
fn after_a_crisis_reading_step_five_asks_first_and_records_the_answer() {
    let h = through_step_two(Some("2026-05-18T11:00"));
    let commits = || h._app.state::<AppState>().engine().unwrap().commit_count();
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert_eq!(view["care_pause"], Value::Null);
    let before = commits();
    let err = h
        .call("answer_care_check", json!({ "choice": "go_on" }))
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "{err}");
    assert_eq!(commits(), before, "nothing stored");

    let saved = h
        .call(
            "save_journal_entry",
            json!({ "id": null, "text": "some nights I think everyone would be better off without me", "prompt": null }),
        )
        .unwrap();
    assert_eq!(saved["crisis_support"], true);
    h.clock.advance(chrono::Duration::minutes(5));
    let view = h.call("get_reach_out", json!({})).unwrap();
    assert_eq!(view["care_pause"]["chose_to_wait"], false, "{view}");
    assert!(view["care_pause"]["wait_until"].is_string());

    let before = commits();
    for (args, arg) in [
        (json!({ "choice": "maybe" }), "choice"),
        (json!({ "choice": 1 }), "choice"),
        (json!({}), "choice"),
    ] {
        let err = h.call("answer_care_check", args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    assert_eq!(commits(), before, "nothing stored");

    let waited = h
        .call("answer_care_check", json!({ "choice": "wait" }))
        .unwrap();
    assert_eq!(waited["care_pause"]["chose_to_wait"], true);
    let on = h
        .call("answer_care_check", json!({ "choice": "go_on" }))
        .unwrap();
    assert_eq!(on["care_pause"], Value::Null);
    let checks = on["care_checks"].as_array().unwrap();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[1]["choice"], "go_on");
}

#[test]
fn step_five_to_back_together_then_a_check_in_reminder_arrives_discreetly() {
    // 14 days and an hour before the pinned clock, in Berlin.
    let h = through_step_two(Some("2026-05-18T11:00"));
    let reach = step(&h.call("get_overview", json!({})).unwrap(), "reach_out");
    assert_eq!(reach["status"], "open", "{reach}");
    let note = h
        .call(
            "save_plan_note",
            json!({ "note": "what_went_wrong", "text": "You never listened, Robin." }),
        )
        .unwrap();
    assert_eq!(note["review"]["blame"], true);
    assert_eq!(note["review"]["findings"][0]["kind"], "always_never");
    for (args, arg) in [
        (json!({ "outcome": "maybe" }), "outcome"),
        (json!({}), "outcome"),
    ] {
        let err = h.call("record_outcome", args).unwrap_err();
        assert_refused_at_the_boundary(&err, arg);
    }
    let err = h
        .call(
            "save_plan_note",
            json!({ "note": "my_part", "text": "x".repeat(5_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "my_part");
    let overview = h
        .call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap();
    assert_eq!(overview["ending"], "together");
    assert_eq!(step(&overview, "better_relationship")["status"], "open");

    let bad = json!({ "input": { "unit": "month", "every": 0, "reminders": true,
        "cooldown_minutes": 5, "therapy": true }});
    let err = h.call("save_house_rules", bad).unwrap_err();
    assert_eq!(err["field"], "every");
    let err = h
        .call(
            "save_house_rules",
            json!({ "input": { "unit": "fortnight", "every": 1, "reminders": true,
                "cooldown_minutes": 5, "therapy": true }}),
        )
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "input");
    let view = h.call("get_together", json!({})).unwrap();
    assert_eq!(view["rules"]["check_in"]["every"], 1, "nothing stored");
    assert_eq!(view["next_check_in"], "2026-07-01T10:00:00Z");

    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    h.shown.lock().unwrap().shown.clear();
    h.clock.advance(chrono::Duration::days(30));
    for _ in 0..5 {
        crate::milestones::check_once(&app).unwrap();
    }
    let shown = h.shown.lock().unwrap().shown.clone();
    let check_ins: Vec<_> = shown
        .iter()
        .filter(|m| m.summary == "Time for your check-in")
        .collect();
    assert_eq!(check_ins.len(), 1, "{shown:?}");
    assert!(!format!("{shown:?}").contains("Robin"));
    let saved = h
        .call(
            "save_check_in",
            json!({ "input": { "i_feel": "Hopeful", "they_feel": "", "works": "Walks",
                "does_not": "", "change": "Phones away" }}),
        )
        .unwrap();
    assert_eq!(saved["check_ins"][0]["i_feel"], "Hopeful");
}

#[test]
fn a_cooldown_counts_down_for_the_tray_and_ends_with_a_notification() {
    let h = through_step_two(Some("2026-05-01T09:00"));
    let err = h.call("start_cooldown", json!({})).unwrap_err();
    assert_eq!(err["kind"], "out_of_order", "only in step 6");
    h.call("record_outcome", json!({ "outcome": "want_to_try" }))
        .unwrap();
    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    let started = h.call("start_cooldown", json!({})).unwrap();
    assert_eq!(started["minutes"], 5);
    h.clock.advance(chrono::Duration::seconds(90));
    let round = crate::milestones::check_once(&app).unwrap();
    assert_eq!(round.cooldown_minutes(h.clock.now()), Some(4));
    h.clock.advance(chrono::Duration::seconds(210));
    let round = crate::milestones::check_once(&app).unwrap();
    assert_eq!(round.cooldown_minutes(h.clock.now()), None);
    crate::milestones::check_once(&app).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    let over: Vec<_> = shown
        .iter()
        .filter(|m| m.summary == "Cooldown over")
        .collect();
    assert_eq!(over.len(), 1, "{shown:?}");
    assert!(over[0].body.starts_with("5 minutes have passed"));
}

#[test]
fn on_the_moving_on_path_the_clock_counts_days_of_moving_on() {
    let h = through_step_one();
    h.call("start_no_contact", json!({ "since": "2026-05-31T09:00" }))
        .unwrap();
    h.call("choose_moving_on", json!({})).unwrap();
    let app = h._app.handle().clone();
    crate::milestones::check_once(&app).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, "1 day of moving on");
    assert!(!format!("{shown:?}").contains("Robin"));
}

#[test]
fn moving_on_closure_archive_erase_and_a_new_program() {
    let h = through_step_one();
    let err = h
        .call(
            "save_closure",
            json!({ "field": "note", "text": "Goodbye" }),
        )
        .unwrap_err();
    assert_eq!(err["kind"], "out_of_order");
    let overview = h.call("choose_moving_on", json!({})).unwrap();
    assert_eq!(overview["ending"], "moving_on");
    h.call(
        "save_closure",
        json!({ "field": "note", "text": "Thank you, and goodbye." }),
    )
    .unwrap();
    let err = h
        .call(
            "save_closure",
            json!({ "field": "learned", "text": "x".repeat(20_001) }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "learned");
    let err = h
        .call("save_closure", json!({ "field": "mood", "text": "x" }))
        .unwrap_err();
    assert_refused_at_the_boundary(&err, "field");
    let closure = h.call("get_closure", json!({})).unwrap();
    assert_eq!(
        closure["notes"],
        json!({ "note": "Thank you, and goodbye." })
    );

    let archived = h.call("archive_program", json!({})).unwrap();
    assert_eq!(archived["ex_name"], "Robin");
    let overview = h.call("get_overview", json!({})).unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["archived_programs"], 1);
    let list = h.call("list_archives", json!({})).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let old = h.call("get_archive", json!({ "id": id })).unwrap();
    assert_eq!(old["closure"]["notes"]["note"], "Thank you, and goodbye.");
    assert_eq!(old["ending"], "moving_on");

    // A new program, then erased: the word is needed, and the archive stays.
    h.call("save_profile", profile("Sam", "2026-05-01"))
        .unwrap();
    let err = h
        .call("erase_program", json!({ "confirmation": "ok" }))
        .unwrap_err();
    assert_eq!(err["field"], "confirmation");
    assert_eq!(h.call("get_profile", json!({})).unwrap()["ex_name"], "Sam");
    let overview = h
        .call("erase_program", json!({ "confirmation": "erase" }))
        .unwrap();
    assert_eq!(overview["has_profile"], false);
    assert_eq!(overview["archived_programs"], 1);
}

#[test]
fn very_discreet_notifications_say_nothing_of_days_contact_or_anyone() {
    let h = with_profile();
    h.call(
        "save_privacy",
        json!({ "input": { "lock_after_minutes": null, "very_discreet": true } }),
    )
    .unwrap();
    h.call("start_no_contact", json!({ "since": "2026-05-20T09:00" }))
        .unwrap();
    crate::milestones::check_once(h._app.handle()).unwrap();
    let shown = h.shown.lock().unwrap().shown.clone();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, "Crossroads");
    let text = format!("{} {}", shown[0].summary, shown[0].body).to_lowercase();
    for word in ["day", "contact", "robin", "milestone", "ex"] {
        assert!(
            !text.split_whitespace().any(|w| w.starts_with(word)),
            "{text}"
        );
    }
    // Out of range idle times are refused by their field, nothing stored.
    let err = h
        .call(
            "save_privacy",
            json!({ "input": { "lock_after_minutes": 0, "very_discreet": false } }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "lock_after_minutes");
    assert_eq!(
        h.call("get_privacy", json!({})).unwrap()["very_discreet"],
        true
    );
}

#[test]
fn an_export_imports_into_another_app_and_bad_files_change_nothing() {
    let h = with_profile();
    let chosen = h._dir.path().join("chosen-file");
    let exported = h.call("export_data", json!({ "format": "json" })).unwrap();
    assert_eq!(exported["path"], chosen.display().to_string());

    let other = Harness::new();
    let other_chosen = other._dir.path().join("chosen-file");
    let err = other.call("import_data", json!({})).unwrap_err();
    assert_eq!(err["field"], "file", "no file there: {err}");
    for bytes in [b"not json".to_vec(), b"{}".to_vec(), vec![0xff; 1000]] {
        std::fs::write(&other_chosen, &bytes).unwrap();
        let err = other.call("import_data", json!({})).unwrap_err();
        assert_eq!(
            (err["kind"].as_str(), err["field"].as_str()),
            (Some("invalid_input"), Some("file")),
            "{err}"
        );
        assert_eq!(other.call("get_profile", json!({})).unwrap(), Value::Null);
    }
    std::fs::copy(&chosen, &other_chosen).unwrap();
    let imported = other.call("import_data", json!({})).unwrap();
    assert!(
        imported["imported"]["records"].as_u64().unwrap() >= 2,
        "{imported}"
    );
    assert_eq!(
        other.call("get_profile", json!({})).unwrap()["ex_name"],
        "Robin"
    );
    let again = other.call("import_data", json!({})).unwrap_err();
    assert!(
        again["message"]
            .as_str()
            .unwrap()
            .contains("already imported"),
        "{again}"
    );

    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let markdown = std::fs::read_to_string(&chosen).unwrap();
    assert!(markdown.starts_with("# Crossroads"), "{markdown}");
    assert!(markdown.contains("Robin"));
    for bad in [
        json!({ "format": "pdf" }),
        json!({}),
        json!({ "format": 1 }),
    ] {
        assert!(h.call("export_data", bad.clone()).is_err(), "{bad}");
    }
}

#[test]
fn erasing_everything_needs_the_word_then_the_app_starts_over() {
    let h = with_profile();
    for word in ["", "yes", "delete"] {
        let err = h
            .call("erase_everything", json!({ "confirmation": word }))
            .unwrap_err();
        assert_eq!(err["field"], "confirmation", "{err}");
        assert_eq!(
            h.call("get_profile", json!({})).unwrap()["ex_name"],
            "Robin"
        );
    }
    h.call("erase_everything", json!({ "confirmation": "erase" }))
        .unwrap();
    assert_eq!(h.call("get_profile", json!({})).unwrap(), Value::Null);
    assert_eq!(h.call("list_backups", json!({})).unwrap(), json!([]));
}

#[test]
fn the_words_come_with_the_language_locale_and_the_engines_zone() {
    let h = Harness::new();
    let system = crate::words::system_language();
    let answer = h.call("get_words", json!({})).unwrap();
    assert_eq!(answer["language"], system.code());
    assert_eq!(answer["time_zone"], "Europe/Berlin");
    assert!(answer["locale"]
        .as_str()
        .is_some_and(|l| l.starts_with(system.code())));
    assert!(answer["words"]["nav"]["home"].is_string());
    assert!(answer["words"]["errors"]["nameEmpty"].is_string());
    // Absent at first, the system's language is stored on the first open.
    assert_eq!(
        h.call("get_settings", json!({})).unwrap()["language"],
        system.code()
    );
    // Choosing one stores it, keeps the other settings, and answers with
    // its words. (The language stays the system's here: other tests in
    // this process read English messages.)
    let chosen = h
        .call("set_language", json!({ "language": system.code() }))
        .unwrap();
    assert_eq!(chosen["language"], system.code());
    let settings = h.call("get_settings", json!({})).unwrap();
    assert_eq!(settings["language"], system.code());
    assert_eq!(settings["milestones"], json!([1, 3, 7, 14, 21, 30, 60, 90]));
    // A language Crossroads has no words for is refused before it runs.
    assert!(h.call("set_language", json!({ "language": "it" })).is_err());
    // The Spanish view has the Spanish catalog.
    let es = crate::commands::settings::words_view(engine::Language::Es, chrono_tz::Europe::Madrid);
    assert_eq!(es.words["nav"]["home"], "Inicio");
    assert_eq!(es.time_zone, "Europe/Madrid");
}

#[test]
fn engine_errors_are_written_in_either_language() {
    use crate::error::message_in;
    use engine::{Language, Message};
    let too_long = Message::new("nameTooLong").arg("max", 60);
    assert_eq!(
        message_in(Language::En, &too_long),
        "Please keep the name to 60 characters or fewer."
    );
    assert_eq!(
        message_in(Language::Es, &too_long),
        "El nombre puede tener como mucho 60 caracteres."
    );
    let to_go = Message::new("reachOutNeedsDays")
        .arg("required", 14)
        .arg("count", 1);
    assert!(message_in(Language::Es, &to_go).ends_with("queda 1."));
    // The IPC error of a refused profile: kind and field as before.
    let h = Harness::new();
    let err = h
        .call("save_profile", profile("", "2024-05-01"))
        .unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert_eq!(err["field"], "ex_name");
    assert_eq!(
        err["message"],
        message_in(crate::words::current(), &Message::new("nameEmpty"))
    );
}

#[test]
fn the_markdown_export_speaks_the_persons_language() {
    let h = with_profile();
    let chosen = h._dir.path().join("chosen-file");
    // The language is stored through the engine, not `set_language`: that
    // command also switches the process-wide language, which every test in
    // this process shares, and a parallel test reading an English message
    // would then read Spanish. (`set_language` is tested with the system's
    // own language, which switches nothing.)
    let store_language = |language| {
        let engine = h._app.state::<AppState>().engine().unwrap();
        engine.set_language(language).unwrap();
    };
    store_language(engine::Language::Es);
    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let spanish = std::fs::read_to_string(&chosen).unwrap();
    store_language(engine::Language::En);
    h.call("export_data", json!({ "format": "markdown" }))
        .unwrap();
    let english = std::fs::read_to_string(&chosen).unwrap();
    assert!(
        spanish.starts_with("# Crossroads: todo lo que escribiste"),
        "{spanish}"
    );
    assert!(spanish.contains("## Sobre la ruptura"), "{spanish}");
    assert!(english.contains("## About the breakup"), "{english}");
    // Every section has words in both languages (no key shown as such).
    for text in [&spanish, &english] {
        assert!(!text.contains("markdown."), "{text}");
    }
    for key in engine::markdown::section_keys() {
        for language in engine::Language::ALL {
            assert_ne!(
                crate::words::text_in(language, &key, &[]),
                key,
                "{language:?}"
            );
        }
    }
}
