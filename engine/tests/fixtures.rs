//! The disk format is a promise: a store written by each released format
//! opens, migrates and reads back every value.
//!
//! `fixtures/v1/` was written by the first release (schema 1) with the
//! program in `fixtures/v1-writer.rs.txt`; it holds every record kind. Each
//! test works on a copy, never on the fixture itself.

use std::path::Path;

use chrono::{DateTime, Duration, TimeZone, Utc};
use engine::dealbreakers::Path as ChosenPath;
use engine::reflect::{Decision, GrowthWay, Pattern, Prompt};
use engine::{Announcement, Crossroads, EndedBy, EventKind, Pronouns};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn open_copy(name: &str) -> (tempfile::TempDir, Crossroads) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_dir(&fixture, dir.path());
    let app = Crossroads::open(dir.path()).expect("the fixture opens");
    (dir, app)
}

/// When the v1 writer ran.
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 20, 0, 0).unwrap()
}

#[test]
fn a_v1_store_opens_migrates_and_reads_back_every_value() {
    let (dir, app) = open_copy("v1");
    let tz = chrono_tz::Europe::Berlin;
    let now = t0() + Duration::minutes(61);
    assert_eq!(app.schema_version().unwrap(), Some(engine::SCHEMA_VERSION));

    let profile = app.profile().unwrap().unwrap();
    assert_eq!(profile.ex_name, "Jordan \u{1F494}");
    assert_eq!(profile.pronouns, Pronouns::They);
    assert_eq!(profile.breakup_date.to_string(), "2026-04-18");
    assert_eq!(profile.ended_by, EndedBy::Them);

    let check = app.dealbreakers().unwrap();
    assert!(check.answers.unwrap().lied && !check.abuse && check.done);
    assert_eq!(check.path, Some(ChosenPath::Continue));

    let step1 = app.reflection(now, tz).unwrap();
    assert_eq!(
        step1.answers[&Prompt::Reason],
        "We <b>fought</b> about money & time."
    );
    assert_eq!(step1.answers[&Prompt::Weight], "Small, against four years.");
    assert_eq!(step1.pattern, Some(Pattern::NotSure));
    assert_eq!(step1.growth_way, Some(GrowthWay::Journaling));
    let steps: Vec<(&str, bool)> = step1
        .steps
        .iter()
        .map(|s| (s.text.as_str(), s.done))
        .collect();
    assert_eq!(
        steps,
        [("Book a therapist", true), ("Journal on Sundays", false)]
    );
    assert_eq!(step1.decision, Some(Decision::Try));

    let vault = app.vault().unwrap();
    let drafts: Vec<(&str, bool)> = vault
        .drafts
        .iter()
        .map(|d| (d.text.as_str(), d.apology_for_later))
        .collect();
    assert_eq!(
        drafts,
        [
            ("I'm sorry I missed your show.", true),
            ("Please come back. I'll die without you.", false)
        ]
    );
    assert_eq!(vault.pledge.unwrap().text, "I will not beg.");

    let settings = app.settings().unwrap();
    assert_eq!(settings.milestones, [1, 3, 7, 14]);
    assert!(settings.notifications && settings.quiet_hours.is_some());

    let step3 = app.no_contact(now, tz).unwrap();
    assert_eq!(
        step3.history.len(),
        1,
        "the texted slip ended the first streak"
    );
    assert_eq!(step3.history[0].ended_by, Some(EventKind::Texted));
    assert_eq!(step3.history[0].days, 11);
    assert_eq!(step3.counts.urges_resisted, 2);
    assert_eq!(step3.counts.looking_slips, 1);
    assert_eq!(step3.counts.they_contacted, 1);
    assert_eq!(step3.counts.contact_slips, 1);
    let notes = step3.today.iter().filter(|e| e.note.is_some()).count();
    assert_eq!((step3.today.len(), notes), (5, 3));

    // The new streak announces its own first day, once; nothing of the old
    // streak comes back.
    let day1 = t0() + Duration::hours(1) + Duration::days(1) + Duration::hours(8);
    let first = app.check_milestones(day1, tz).unwrap().announce.unwrap();
    assert_eq!(first.announcement, Announcement::Milestone { days: 1 });
    app.confirm_shown(first.id).unwrap();
    assert_eq!(app.check_milestones(day1, tz).unwrap().announce, None);

    // The first release's backup is listed, but cannot be restored.
    let backups = Crossroads::backups(dir.path()).unwrap();
    assert_eq!(backups.len(), 1);
    assert!(!backups[0].restorable);
}

#[test]
fn a_migrated_store_opens_again_unchanged() {
    let (dir, app) = open_copy("v1");
    let now = t0();
    let tz = chrono_tz::Europe::Berlin;
    let before = serde_json::to_value(app.reflection(now, tz).unwrap()).unwrap();
    drop(app);
    let again = Crossroads::open(dir.path()).unwrap();
    assert_eq!(
        serde_json::to_value(again.reflection(now, tz).unwrap()).unwrap(),
        before
    );
}

/// Writes `fixtures/v<SCHEMA_VERSION>/` with this build's format: run once
/// when a format is released, with `cargo test -p engine --test fixtures --
/// --ignored write_the_current_fixture`, and commit the folder. (`v2` was
/// written this way by schema 2, `v3` by schema 3.)
#[test]
#[ignore = "writes the fixture; run by hand when a format is released"]
fn write_the_current_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("v{}", engine::SCHEMA_VERSION));
    let _ = std::fs::remove_dir_all(&dir);
    let app = Crossroads::open(&dir).unwrap();
    write_every_kind(&app);
}

/// One of every record kind, with text that needs care (markup, emoji).
fn write_every_kind(app: &Crossroads) {
    use engine::{ProfileInput, SettingsInput};
    let tz = chrono_tz::Europe::Berlin;
    let t0 = t0();
    app.save_profile(
        &ProfileInput {
            ex_name: "Jordan \u{1F494}".into(),
            pronouns: "they".into(),
            breakup_date: "2026-04-18".into(),
            ended_by: "them".into(),
        },
        t0,
        tz,
    )
    .unwrap();
    let no = || "no".into();
    app.answer_dealbreakers(
        &engine::dealbreakers::AnswersInput {
            cheated: no(),
            lied: "yes".into(),
            put_down: no(),
            abusive: no(),
        },
        t0,
    )
    .unwrap();
    app.choose_path(ChosenPath::Continue, true, t0).unwrap();
    app.save_reflection(Prompt::Reason, "We <b>fought</b> about money & time.")
        .unwrap();
    app.save_reflection(Prompt::Weight, "Small, against four years.")
        .unwrap();
    app.set_pattern(Pattern::NotSure, t0, tz).unwrap();
    app.set_growth_way(GrowthWay::Journaling, t0, tz).unwrap();
    app.add_growth_step("Book a therapist", t0, tz).unwrap();
    app.add_growth_step("Journal on Sundays", t0, tz).unwrap();
    app.set_growth_step(1, true, t0, tz).unwrap();
    app.decide(Decision::Try, t0, tz).unwrap();
    app.save_draft(None, "Please come back. I'll die without you.", false, t0)
        .unwrap();
    app.save_draft(
        None,
        "I'm sorry I missed your show.",
        true,
        t0 + Duration::minutes(1),
    )
    .unwrap();
    app.pledge("I will not beg.", t0).unwrap();
    app.save_settings(
        &SettingsInput {
            milestones: "1, 3, 7, 14".into(),
            notifications: true,
            quiet_hours_enabled: true,
            quiet_start: "22:00".into(),
            quiet_end: "07:00".into(),
        },
        t0,
        tz,
    )
    .unwrap();
    app.start_no_contact(Some("2026-04-20T18:30"), t0, tz)
        .unwrap();
    // Days 1, 3 and 7 waiting in the outbox, one try failed.
    let waiting = app
        .check_milestones(t0 - Duration::hours(10), tz)
        .unwrap()
        .announce
        .unwrap();
    app.show_failed(waiting.id, t0 - Duration::hours(10))
        .unwrap();
    let t1 = t0 + Duration::hours(1);
    for kind in [
        EventKind::UrgeResisted,
        EventKind::CheckedSocial,
        EventKind::TheyContacted,
    ] {
        app.log_event(kind, Some("a note"), t1, tz).unwrap();
    }
    app.log_event(EventKind::Texted, None, t1, tz).unwrap();
    app.log_event(EventKind::UrgeResisted, None, t1, tz)
        .unwrap();
}

#[test]
fn a_v2_store_opens_and_reads_back_every_value() {
    every_value_of_a_later_fixture("v2");
}

#[test]
fn a_v3_store_opens_and_reads_back_every_value() {
    every_value_of_a_later_fixture("v3");
}

fn every_value_of_a_later_fixture(name: &str) {
    let (_dir, app) = open_copy(name);
    let tz = chrono_tz::Europe::Berlin;
    let now = t0() + Duration::minutes(61);
    assert_eq!(app.schema_version().unwrap(), Some(engine::SCHEMA_VERSION));
    assert_eq!(app.profile().unwrap().unwrap().ex_name, "Jordan \u{1F494}");
    let step1 = app.reflection(now, tz).unwrap();
    assert_eq!(
        step1.answers[&Prompt::Reason],
        "We <b>fought</b> about money & time."
    );
    assert_eq!(step1.pattern, Some(Pattern::NotSure));
    assert_eq!(step1.steps.len(), 2);
    assert_eq!(app.vault().unwrap().drafts.len(), 2);
    let step3 = app.no_contact(now, tz).unwrap();
    assert_eq!(step3.history.len(), 1);
    assert_eq!(step3.counts.urges_resisted, 2);
    let notes: Vec<&str> = step3
        .today
        .iter()
        .filter_map(|e| e.note.as_deref())
        .collect();
    assert_eq!(notes, ["a note", "a note", "a note"]);
    // The slip made the waiting milestones of the old streak moot.
    let day1 = t0() + Duration::hours(1) + Duration::days(1) + Duration::hours(8);
    let first = app.check_milestones(day1, tz).unwrap().announce.unwrap();
    assert_eq!(first.announcement, Announcement::Milestone { days: 1 });
    assert_eq!(app.pending_notifications().unwrap(), 1);
}

#[test]
fn a_backup_of_every_record_kind_restores_value_by_value() {
    let (dir, app) = open_copy("v2");
    let tz = chrono_tz::Europe::Berlin;
    let now = t0() + Duration::minutes(61);
    let snapshot = |app: &Crossroads| {
        serde_json::json!({
            "profile": app.profile_view(now, tz).unwrap(),
            "check": app.dealbreakers().unwrap(),
            "step1": app.reflection(now, tz).unwrap(),
            "vault": app.vault().unwrap(),
            "settings": app.settings().unwrap(),
            "step3": app.no_contact(now, tz).unwrap(),
            "waiting": app.pending_notifications().unwrap(),
        })
    };
    let before = snapshot(&app);
    let file = app.backup(now, engine::BackupReason::Start).unwrap();
    // Change a little of everything.
    app.save_draft(None, "a new draft", false, now).unwrap();
    app.add_growth_step("a new step", now, tz).unwrap();
    app.log_event(EventKind::Met, Some("met"), now, tz).unwrap();
    assert_ne!(snapshot(&app), before);
    let id = file.file_name().unwrap().to_str().unwrap();
    app.restore(id, now + Duration::minutes(1)).unwrap();
    assert_eq!(snapshot(&app), before);
    drop(app);
    let reopened = Crossroads::open(dir.path()).unwrap();
    assert_eq!(snapshot(&reopened), before, "and after a restart");
}
