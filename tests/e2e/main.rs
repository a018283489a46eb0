//! End-to-end tests: the real Crossroads binary in a real window, driven
//! through WebDriver, with real notifications and a real tray on a private
//! D-Bus session. Run by `cargo xtask test` (they need a display, so a
//! plain `cargo test` lists them as ignored).

#[path = "../support/mod.rs"]
mod support;

mod a11y;
mod care;
mod data;
mod endings;
mod first_run;
mod hostile_text;
mod languages;
mod life;
mod steps;
mod tray;

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::json;
use support::*;

async fn fill_profile(app: &App, name: &str, date: &str) {
    app.type_into("#ex_name", name).await;
    app.click("input[name='pronouns'][value='they']").await;
    app.script(&format!(
        "const d = document.getElementById('breakup_date'); d.value = {date:?}; \
         d.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
    app.click("input[name='ended_by'][value='them']").await;
    // The first run asks for the country (never a silent default).
    app.script(
        "const c = document.getElementById('country'); if (c) { c.value = 'GB'; \
         c.dispatchEvent(new Event('change', { bubbles: true })); }",
    )
    .await;
}

async fn set_value(app: &App, css: &str, value: &str) {
    app.script(&format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; \
         el.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
}

async fn profile_for_setup(app: &App, name: &str) {
    let saved = app
        .invoke(
            "save_profile",
            json!({ "input": { "ex_name": name, "pronouns": "they", "breakup_date": date_from_today(-12), "ended_by": "them" }}),
        )
        .await;
    assert_eq!(saved["ok"]["ex_name"], name, "{saved}");
    let no = "no";
    let checked = app
        .invoke(
            "answer_dealbreakers",
            json!({ "input": { "cheated": no, "lied": no, "put_down": no, "abusive": no }}),
        )
        .await;
    assert_eq!(checked["ok"]["done"], true, "{checked}");
}

async fn answer_dealbreakers(app: &App, answers: [&str; 4]) {
    app.go("dealbreakers").await;
    for (name, answer) in ["cheated", "lied", "put_down", "abusive"]
        .iter()
        .zip(answers)
    {
        app.click(&format!("input[name='{name}'][value='{answer}']"))
            .await;
    }
    app.click("#answer-dealbreakers").await;
    app.wait_for("#verdict").await;
}

/// The processes whose parent is `pid`, by name.
fn children_of(pid: u32) -> Vec<String> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|child| {
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).ok()?;
            let parent = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())?;
            (parent == pid).then(|| {
                std::fs::read_to_string(format!("/proc/{child}/comm"))
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
        })
        .collect()
}

/// Steps 1 and 2 done through their commands (they have tests of their
/// own): the reason, the decision to try and the pledge.
async fn through_the_pledge(app: &App, name: &str) {
    profile_for_setup(app, name).await;
    for (command, args) in [
        (
            "save_reflection",
            json!({ "prompt": "reason", "value": "We stopped talking" }),
        ),
        ("decide", json!({ "decision": "try" })),
        ("save_pledge", json!({ "text": "I will not beg." })),
    ] {
        let answer = app.invoke(command, args).await;
        assert!(answer.get("ok").is_some(), "{command}: {answer}");
    }
}

/// Presses `key` on the keyboard (WebDriver actions: no pointer at all).
async fn press(app: &App, key: fantoccini::key::Key) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    app.client.perform_actions(keys).await.unwrap();
}
