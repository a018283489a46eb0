//! Hostile input over IPC: every command the app declares gets thousands of
//! generated payloads (wrong types, huge strings, deep nesting, odd
//! Unicode). None may panic; each answers with a value or a typed error;
//! and a refused call writes nothing (the store's commit count is
//! unchanged).

use serde_json::{json, Map, Value};

use super::{through_step_one, Harness};
use crate::state::AppState;
use tauri::Manager;

/// Payloads in total, spread over the commands.
const PAYLOADS: usize = 10_000;

/// Commands left out, and why.
const LEFT_OUT: &[(&str, &str)] = &[
    // Writes a desktop entry into the real home's autostart folder.
    (
        "set_autostart",
        "changes the login items of the machine running the tests",
    ),
];

/// Every command granted to the main window, read from the capability in
/// tauri.conf.json, so a command added later is covered without a change here.
fn declared_commands() -> Vec<String> {
    let config: Value = serde_json::from_str(include_str!("../../../../tauri.conf.json")).unwrap();
    let mut commands = Vec::new();
    for capability in config["app"]["security"]["capabilities"]
        .as_array()
        .unwrap()
    {
        for permission in capability["permissions"].as_array().unwrap() {
            if let Some(name) = permission.as_str().and_then(|p| p.strip_prefix("allow-")) {
                commands.push(name.replace('-', "_"));
            }
        }
    }
    commands.sort();
    commands.dedup();
    commands
}

/// A small, seeded generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Argument names the commands use, and some they don't.
const KEYS: &[&str] = &[
    "input",
    "id",
    "text",
    "kind",
    "note",
    "since",
    "path",
    "acknowledged",
    "prompt",
    "value",
    "pattern",
    "way",
    "decision",
    "done",
    "enabled",
    "apology_for_later",
    "milestones",
    "notifications",
    "ex_name",
    "pronouns",
    "breakup_date",
    "ended_by",
    "cheated",
    "lied",
    "put_down",
    "abusive",
    "quiet_start",
    "quiet_end",
    "quiet_hours_enabled",
    "__proto__",
    "constructor",
    "",
    "ΚΑΛΗΜΕΡΑ",
];

const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "yes",
    "no",
    "try",
    "move_on",
    "continue",
    "moving_on",
    "texted",
    "urge_resisted",
    "reason",
    "they",
    "2026-05-01",
    "2026-05-01T10:00",
    "2999-12-31T23:59",
    "0000-00-00",
    "1, 3, 7",
    "-1",
    "99999999999999999999",
    "22:00",
    "25:61",
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=alert(1)>",
    "\u{202e}desrever\u{202c}",
    "a\u{0000}b",
    "\u{200b}\u{200d}\u{feff}",
    "👩‍❤️‍💋‍👩🏳️‍🌈",
    "Z̷̢̛̗a̶̮͝l̵̠̀g̸͔̈o̵̙͌",
    "../../etc/passwd",
    "crossroads-20260101T000000.000Z-start.json",
    "null",
    "{\"kind\":\"texted\"}",
    "\\",
    "\"",
    "\n\r\t",
];

fn string(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => json!("x".repeat(rng.below(3) * 25_000 + 1)),
        1 => json!("é".repeat(rng.below(500) + 1)),
        _ => json!(*rng.pick(ODD_STRINGS)),
    }
}

fn value(rng: &mut Rng, depth: usize) -> Value {
    let choice = if depth > 4 {
        rng.below(5)
    } else {
        rng.below(9)
    };
    match choice {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(*rng.pick(&[0i64, 1, -1, 7, 2, i64::MAX, i64::MIN, u32::MAX as i64 + 1])),
        3 => json!(*rng.pick(&[0.5f64, -0.0, 1e308, -1e-308])),
        4 => string(rng),
        5 => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
        6 => object(rng, depth + 1),
        7 => deep(rng.below(300) + 1),
        _ => json!(u64::MAX),
    }
}

fn object(rng: &mut Rng, depth: usize) -> Value {
    let mut map = Map::new();
    for _ in 0..rng.below(6) {
        map.insert((*rng.pick(KEYS)).to_owned(), value(rng, depth + 1));
    }
    Value::Object(map)
}

/// Nested arrays `depth` deep (serde_json refuses past its own limit).
fn deep(depth: usize) -> Value {
    let mut v = json!([]);
    for _ in 0..depth {
        v = json!([v]);
    }
    v
}

/// The kinds the UI may be told; anything else would be a shape the UI
/// can't branch on.
const KINDS: &[&str] = &[
    "invalid_input",
    "out_of_order",
    "store_locked",
    "store_corrupt",
    "store_too_new",
    "storage",
    "notification",
    "autostart",
];

#[test]
fn ten_thousand_hostile_payloads_no_panic_a_typed_error_and_nothing_written_when_refused() {
    let commands: Vec<String> = declared_commands()
        .into_iter()
        .filter(|c| !LEFT_OUT.iter().any(|(name, _)| name == c))
        .collect();
    assert!(commands.len() >= 20, "{commands:?}");
    // A program in the middle (step 1 written, step 2 and no contact
    // open), so that commands reach their rules, not only their gates.
    let h: Harness = through_step_one();
    let engine = h._app.state::<AppState>().engine().unwrap();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut accepted = 0;
    for n in 0..PAYLOADS {
        let command = &commands[n % commands.len()];
        let args = if rng.below(10) == 0 {
            value(&mut rng, 0)
        } else {
            object(&mut rng, 0)
        };
        let before = engine.commit_count();
        let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            h.call(command, args.clone())
        }))
        .unwrap_or_else(|_| panic!("{command} panicked on {args}"));
        match answer {
            Ok(_) => accepted += 1,
            Err(Value::Object(error)) => {
                let kind = error["kind"].as_str().unwrap_or_default();
                assert!(
                    KINDS.contains(&kind),
                    "{command}: untyped error {error:?} for {args}"
                );
                assert!(
                    error["message"].as_str().is_some_and(|m| !m.is_empty()),
                    "{command}: no message in {error:?}"
                );
                assert_eq!(
                    engine.commit_count(),
                    before,
                    "{command} refused {args} but wrote"
                );
            }
            // Refused by Tauri before the command ran: it names the argument.
            Err(Value::String(text)) => {
                assert!(
                    text.contains("invalid args") || text.contains("missing required key"),
                    "{command}: unexpected refusal {text}"
                );
                assert_eq!(engine.commit_count(), before, "{command} wrote");
            }
            Err(other) => panic!("{command}: error of unknown shape {other}"),
        }
    }
    // Hostile, not hopeless: some payloads were well-formed enough to pass.
    assert!(accepted > 0);
    // The data is still whole and readable, after a restart too.
    for read in [
        "get_overview",
        "get_reflection",
        "get_vault",
        "get_no_contact",
    ] {
        h.call(read, json!({})).unwrap();
    }
    drop(engine);
    println!("{accepted} of {PAYLOADS} hostile payloads were accepted as valid input");
}
