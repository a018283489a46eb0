//! The engine's layers: each module imports only from its own layer or
//! below. This reads every `crate::` path in the engine's sources (test
//! code and comments aside) and fails on one that runs up a layer, or on a
//! module no layer names yet; and it keeps putting announcements in the
//! outbox to the schedule.
//!
//! ```text
//! facade     lib.rs, app/        checks gates, calls steps, answers views
//! schedule   schedule/           what falls due when, into the outbox
//! program    program             every gate and status, from the steps' facts
//! steps      profile ... moving_on   records and views, nothing about order
//!                                or about when anything falls due
//! storage    store, outbox       one write path; what is to be announced
//! base       text, time, errors, choices, the program's vocabulary
//! ```

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Layers from the bottom up, with the top-level modules in each.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "base",
        &[
            "error", "time", "choice", "language", "stage", "text", "begging", "coach", "safety",
        ],
    ),
    ("storage", &["store", "outbox"]),
    (
        "steps",
        &[
            "settings",
            "privacy",
            "care",
            "profile",
            "dealbreakers",
            "reflect",
            "drafts",
            "no_contact",
            "life",
            "reach_out",
            "together",
            "moving_on",
            "moments",
            "markdown",
        ],
    ),
    ("program", &["program"]),
    ("schedule", &["schedule"]),
    // The crate root: `crate::Name` for a re-exported name is the facade too.
    ("facade", &["lib", "app"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// Every `.rs` file under `dir`, but the test-only ones (`tests.rs`,
/// `*_tests.rs`, and the folders `*_tests/`).
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.to_string_lossy().ends_with("_tests") {
                out.extend(sources(&path));
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.to_string_lossy().ends_with("_tests.rs")
            && !path.ends_with("tests.rs")
        {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a source file belongs to (`lib` for lib.rs).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_owned()
}

/// The file's code without comments and without its test modules (from
/// the first `#[cfg(test)]` that opens a module on).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            let opens_module = lines.peek().is_some_and(|next| {
                let next = next.trim_start();
                next.starts_with("mod ")
                    || next.starts_with("pub(crate) mod ")
                    || next.starts_with("#[path")
            });
            if opens_module {
                break;
            }
        }
        if trimmed.starts_with("//") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// The first name of every `crate::` path in `code` (each name of a
/// `crate::{a, b::c}` group).
fn crate_names(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth == 0 || (depth == 1 && c == ',') {
                    let name = word(item.trim());
                    if !name.is_empty() {
                        names.insert(name);
                    }
                    item.clear();
                    if depth == 0 {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
        } else {
            let name = word(rest);
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

#[test]
fn every_import_runs_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for file in sources(&src) {
        let module = module_of(&src, &file);
        let Some(own) = layer_of(&module) else {
            problems.push(format!(
                "{}: module `{module}` is in no layer (add it to LAYERS)",
                file.display()
            ));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for name in crate_names(&code) {
            if name == module {
                continue;
            }
            // A name that is no module is a re-export at the crate root.
            let theirs = layer_of(&name).unwrap_or(LAYERS.len() - 1);
            if theirs > own {
                problems.push(format!(
                    "{}: `{module}` ({}) imports `crate::{name}` ({}), a layer above",
                    file.strip_prefix(&src).unwrap().display(),
                    LAYERS[own].0,
                    LAYERS[theirs].0,
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn only_the_store_backend_names_sled() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let backend = src.join("store").join("sled.rs");
    let naming: Vec<String> = sources(&src)
        .into_iter()
        .filter(|file| *file != backend)
        .filter(|file| {
            // `self::sled::` is the store's own backend module.
            let code = code_of(&std::fs::read_to_string(file).unwrap());
            code.matches("sled::").count() > code.matches("self::sled::").count()
        })
        .map(|file| file.strip_prefix(&src).unwrap().display().to_string())
        .collect();
    assert!(
        naming.is_empty(),
        "only store/sled.rs may name sled, not {naming:?}"
    );
}

/// Whether `code` names `word` as a whole identifier.
fn names_word(code: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[test]
fn only_the_schedule_puts_announcements_in_the_outbox() {
    // Emptying the outbox with the whole program (moving on, erase) is
    // not announcing anything, so `save_pending` is not on the list.
    const PRODUCING: [&str; 3] = ["enqueue", "enqueue_milestones", "drop_where"];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut producing = Vec::new();
    for file in sources(&src) {
        let module = module_of(&src, &file);
        if module == "schedule" || module == "outbox" {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(&file).unwrap());
        for word in PRODUCING.iter().filter(|w| names_word(&code, w)) {
            producing.push(format!(
                "{} names `{word}`",
                file.strip_prefix(&src).unwrap().display()
            ));
        }
    }
    assert!(
        producing.is_empty(),
        "only schedule/ decides what is due: {producing:?}"
    );
}

#[test]
fn the_word_reader_sees_whole_identifiers_only() {
    assert!(names_word("outbox::enqueue(tx)", "enqueue"));
    assert!(names_word("use crate::outbox::{drop_where};", "drop_where"));
    assert!(!names_word("outbox::enqueue_milestones(tx)", "enqueue"));
    assert!(!names_word("let requeued = 1;", "enqueue"));
}

#[test]
fn the_reader_sees_grouped_and_plain_paths_and_skips_comments_and_tests() {
    let code = code_of(
        "use crate::{program, store::{Read, Tx}};\n\
         /// crate::schedule in a doc comment\n\
         let x = crate::outbox::offer();\n\
         #[cfg(test)]\n\
         mod tests {\n    use crate::app;\n}\n",
    );
    let names: Vec<String> = crate_names(&code).into_iter().collect();
    assert_eq!(names, ["outbox", "program", "store"]);
}
