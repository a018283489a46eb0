//! Many callers at once: concurrent saves, the notifier beside them, and a notification service that is away, late or silent.

use super::*;

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
