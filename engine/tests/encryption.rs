//! Encryption at rest: what the person wrote never reaches the disk in
//! clear once a passphrase is set, milestones still work while locked, and
//! a wrong passphrase is a calm, typed error.

use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use engine::reflect::{Decision, Prompt};
use engine::{Crossroads, ErrorKind, EventKind, KeyCost};

mod common;

const MARKERS: [&str; 4] = ["Zebulonia", "Quixotrix", "Marmaladeus", "Fennimorex"];

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap()
}

/// A program with each marker word in a different kind of record.
fn write_markers(app: &Crossroads) {
    let tz = chrono_tz::UTC;
    let now = t0();
    common::profile_without_dealbreakers(app, MARKERS[0], now);
    app.save_reflection(Prompt::Reason, MARKERS[1], now)
        .unwrap();
    app.decide(Decision::Try, now, tz).unwrap();
    app.save_draft(None, MARKERS[2], false, now).unwrap();
    app.start_no_contact(None, now, tz).unwrap();
    app.log_event(EventKind::UrgeResisted, Some(MARKERS[3]), now, tz)
        .unwrap();
    // A plan with a daily reminder: sealed too, so it waits while locked.
    app.save_trigger(
        None,
        &engine::life::TriggerInput {
            kind: engine::choice::Choice::Picked(engine::life::TriggerKind::TimeOfDay),
            moment: "The hour they used to text".into(),
            plan: "Walk round the block".into(),
            reminder: Some("21:00".into()),
        },
        now,
        tz,
    )
    .unwrap();
}

/// Every marker found in any file under `dir`.
fn markers_on_disk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            for marker in MARKERS {
                if bytes.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                    found.push(format!("{marker} in {}", path.display()));
                }
            }
        }
    }
    found
}

#[test]
fn with_a_passphrase_nothing_written_is_on_disk_in_clear_and_milestones_still_work_locked() {
    let dir = tempfile::tempdir().unwrap();
    let app = Crossroads::open(dir.path()).unwrap();
    write_markers(&app);
    app.backup(t0(), engine::BackupReason::Start).unwrap();
    assert!(
        !markers_on_disk(dir.path()).is_empty(),
        "the test can see them"
    );
    // The backup made before the passphrase still holds them: remove it,
    // as the settings screen tells the person (older backups are in clear).
    std::fs::remove_dir_all(dir.path().join("backups")).unwrap();

    let mismatch = app
        .set_passphrase(
            "a long quiet river",
            "a long quiet rover",
            KeyCost::for_tests(),
            t0(),
        )
        .unwrap_err();
    assert_eq!(mismatch.field(), Some("repeat"));
    let state = app
        .set_passphrase(
            "a long quiet river",
            "a long quiet river",
            KeyCost::for_tests(),
            t0(),
        )
        .unwrap();
    assert!(state.enabled && !state.locked);
    app.backup(t0() + Duration::minutes(1), engine::BackupReason::Daily)
        .unwrap();
    drop(app);
    assert_eq!(markers_on_disk(dir.path()), Vec::<String>::new());

    let app = Crossroads::open(dir.path()).unwrap();
    assert!(app.encryption().locked, "opens locked");
    assert_eq!(app.profile().unwrap_err().kind(), ErrorKind::Locked);
    assert_eq!(
        app.overview(t0(), chrono_tz::UTC).unwrap_err().kind(),
        ErrorKind::Locked
    );
    // The notifier works while locked: day 1 is announced.
    let day1 = t0() + Duration::days(1);
    let due = app.check_milestones(day1, chrono_tz::UTC).unwrap();
    assert!(due.announce.is_some());
    // The tray's "I feel the urge" (no note) works locked; a note waits.
    let before = app.commit_count();
    let with_note = app.log_event(EventKind::UrgeResisted, Some("x"), day1, chrono_tz::UTC);
    assert_eq!(with_note.unwrap_err().kind(), ErrorKind::Locked);
    assert_eq!(app.commit_count(), before, "nothing written");

    let wrong = app.unlock("a long quiet rivers").unwrap_err();
    assert_eq!(
        (wrong.kind(), wrong.field()),
        (ErrorKind::InvalidInput, Some("passphrase"))
    );
    assert!(app.encryption().locked);
    app.unlock("a long quiet river").unwrap();
    assert_eq!(app.profile().unwrap().unwrap().ex_name, MARKERS[0]);
    let step3 = app
        .no_contact(t0() + Duration::minutes(1), chrono_tz::UTC)
        .unwrap();
    assert_eq!(step3.today[0].note.as_deref(), Some(MARKERS[3]));
    // New writes are sealed too.
    app.save_draft(None, "Quixotrix again", false, day1)
        .unwrap();
    drop(app);
    assert_eq!(markers_on_disk(dir.path()), Vec::<String>::new());
}

#[test]
fn the_passphrase_can_be_changed_and_removed_and_locking_forgets_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let app = Crossroads::open(dir.path()).unwrap();
    write_markers(&app);
    app.set_passphrase(
        "first passphrase",
        "first passphrase",
        KeyCost::for_tests(),
        t0(),
    )
    .unwrap();
    let short = app
        .change_passphrase("first passphrase", "short", "short", KeyCost::for_tests())
        .unwrap_err();
    assert_eq!(short.field(), Some("new_passphrase"));
    let mismatch = app
        .change_passphrase(
            "first passphrase",
            "second passphrase",
            "second passphrase!",
            KeyCost::for_tests(),
        )
        .unwrap_err();
    assert_eq!(mismatch.field(), Some("repeat"));
    let wrong = app
        .change_passphrase(
            "not it at all",
            "second passphrase",
            "second passphrase",
            KeyCost::for_tests(),
        )
        .unwrap_err();
    assert_eq!(wrong.field(), Some("passphrase"));
    app.change_passphrase(
        "first passphrase",
        "second passphrase",
        "second passphrase",
        KeyCost::for_tests(),
    )
    .unwrap();
    assert!(app.lock().locked);
    assert_eq!(app.vault().unwrap_err().kind(), ErrorKind::Locked);
    assert!(app.unlock("first passphrase").is_err());
    app.unlock("second passphrase").unwrap();
    assert_eq!(app.vault().unwrap().drafts[0].text, MARKERS[2]);
    // A second "set" is out of order; removing needs the right passphrase.
    assert_eq!(
        app.set_passphrase(
            "third passphrase",
            "third passphrase",
            KeyCost::for_tests(),
            t0()
        )
        .unwrap_err()
        .kind(),
        ErrorKind::OutOfOrder
    );
    assert!(app.remove_passphrase("first passphrase").is_err());
    let off = app.remove_passphrase("second passphrase").unwrap();
    assert!(!off.enabled && !off.locked);
    drop(app);
    let app = Crossroads::open(dir.path()).unwrap();
    assert!(!app.encryption().enabled);
    assert_eq!(app.profile().unwrap().unwrap().ex_name, MARKERS[0]);
}

#[test]
fn an_encrypted_backup_restores_and_asks_for_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let app = Crossroads::open(dir.path()).unwrap();
    write_markers(&app);
    app.set_passphrase(
        "backup passphrase",
        "backup passphrase",
        KeyCost::for_tests(),
        t0(),
    )
    .unwrap();
    let file = app
        .backup(t0() + Duration::minutes(5), engine::BackupReason::Start)
        .unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        MARKERS.iter().all(|m| !text.contains(m)),
        "sealed in the backup"
    );
    app.save_draft(None, "after the backup", false, t0())
        .unwrap();
    let id = file.file_name().unwrap().to_str().unwrap();
    app.restore(id, t0() + Duration::minutes(6)).unwrap();
    // Same passphrase, key still in memory: still open, as it was.
    assert_eq!(app.vault().unwrap().drafts.len(), 1);
    drop(app);
    let app = Crossroads::open(dir.path()).unwrap();
    assert!(app.encryption().locked);
    app.unlock("backup passphrase").unwrap();
    assert_eq!(
        app.reflection(t0(), chrono_tz::UTC).unwrap().answers[&Prompt::Reason],
        MARKERS[1]
    );
}

#[test]
fn the_help_lines_need_nothing_the_passphrase_seals() {
    let dir = tempfile::tempdir().unwrap();
    let app = Crossroads::open(dir.path()).unwrap();
    write_markers(&app);
    app.set_country("GB", t0()).unwrap();
    app.save_safety_plan(
        &engine::care::SafetyPlanInput {
            calming: "A walk by the river".into(),
            ..Default::default()
        },
        t0(),
    )
    .unwrap();
    app.set_passphrase(
        "a quiet harbour",
        "a quiet harbour",
        KeyCost::for_tests(),
        t0(),
    )
    .unwrap();
    drop(app);
    let app = Crossroads::open(dir.path()).unwrap();
    assert!(app.encryption().locked);
    // Safety from the lock screen: the country's lines, never an error.
    assert_eq!(app.country().unwrap().code.as_deref(), Some("GB"));
    // The plan is the person's own words: it opens after unlocking.
    assert_eq!(app.safety_plan().unwrap_err().kind(), ErrorKind::Locked);
    // Choosing another country works while locked too (it seals nothing).
    app.set_country("IE", t0()).unwrap();
    app.unlock("a quiet harbour").unwrap();
    assert_eq!(app.country().unwrap().code.as_deref(), Some("IE"));
}

#[test]
fn the_idle_lock_is_the_engines_rule_only_with_a_passphrase_and_a_chosen_time() {
    let dir = tempfile::tempdir().unwrap();
    let app = Crossroads::open(dir.path()).unwrap();
    let choose = |minutes| {
        app.save_privacy(engine::privacy::PrivacySettings {
            lock_after_minutes: minutes,
            very_discreet: false,
        })
        .unwrap()
    };
    choose(Some(15));
    // No passphrase: nothing to lock, and the page is told not to.
    assert_eq!(app.encryption().idle_lock_minutes, None);
    assert!(!app.lock_if_idle(None, t0()));
    app.set_passphrase("correct horse", "correct horse", KeyCost::for_tests(), t0())
        .unwrap();
    assert_eq!(app.encryption().idle_lock_minutes, Some(15));
    // Used 14 minutes ago: not yet.
    assert!(!app.lock_if_idle(Some(t0() - Duration::minutes(14)), t0()));
    assert!(!app.encryption().locked);
    // 15 minutes: locked, once.
    assert!(app.lock_if_idle(Some(t0() - Duration::minutes(15)), t0()));
    assert!(app.encryption().locked);
    assert!(!app.lock_if_idle(None, t0()));
    // The choice stays readable while locked; no time chosen: never.
    assert_eq!(app.encryption().idle_lock_minutes, Some(15));
    app.unlock("correct horse").unwrap();
    choose(None);
    assert_eq!(app.encryption().idle_lock_minutes, None);
    assert!(!app.lock_if_idle(None, t0() + Duration::days(1)));
}
