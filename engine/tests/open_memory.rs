//! What opening the store keeps in memory, counted by the allocator.
//!
//! Crossroads keeps its store open for weeks in the tray, so what opening it
//! holds is held all that time. Unpatched sled 0.34 allocated 41 metric
//! histograms of 512 KiB each (21 MB of zeros) even with its metrics
//! compiled out; the vendored copy no longer does (vendor/README.md). Bytes
//! counted by a wrapping allocator are exact and do not depend on how busy
//! the machine is, so this can be asserted; time and PSS are left to
//! `cargo xtask bench`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use engine::reflect::{Decision, Prompt};
use engine::{Crossroads, EventKind};

mod common;

/// The system allocator, counting the bytes that are live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed straight to `System`; the counter only
// observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MIB: usize = 1024 * 1024;

/// Live bytes that opening a store (and writing to it) may add. sled keeps
/// its 4 MiB page cache, a lazily touched page table (4 MiB, calloc'd and
/// mostly never written) and one 512 KiB write buffer; the histograms alone
/// were 21 MB.
const OPEN_BUDGET: usize = 12 * MIB;

/// Steps 1 and 3 as briefly as the program allows, so events can be logged.
fn start_no_contact(app: &Crossroads, now: DateTime<Utc>) {
    let tz = chrono_tz::UTC;
    common::profile_without_dealbreakers(app, "Sam", now);
    app.save_reflection(Prompt::Reason, "We wanted different things.", now)
        .unwrap();
    app.decide(Decision::Try, now, tz).unwrap();
    app.start_no_contact(None, now, tz).unwrap();
}

#[test]
fn opening_the_store_holds_megabytes_not_the_unused_metrics() {
    let dir = tempfile::tempdir().unwrap();
    let before = LIVE.load(Ordering::Relaxed);
    let app = Crossroads::open(dir.path()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).unwrap();
    // The rules alone read what is written: the sentence encoder a text
    // check loads is measured by `cargo xtask eval` and the bench, not here.
    engine::text::understanding::rules_only(|| {
        start_no_contact(&app, now);
        for minute in 0..200 {
            app.log_event(
                EventKind::UrgeResisted,
                Some("Went for a walk instead."),
                now + chrono::Duration::minutes(minute),
                chrono_tz::UTC,
            )
            .unwrap();
        }
    });
    let held = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    assert!(
        held < OPEN_BUDGET,
        "the open store holds {:.1} MiB (budget {} MiB)",
        held as f64 / MIB as f64,
        OPEN_BUDGET / MIB
    );
    // Still a working store: what was written reads back after reopening.
    let written = app.raw_records().unwrap();
    let events: usize = written.iter().map(|(_, records)| records.len()).sum();
    assert!(events >= 200, "only {events} records written");
    drop(app);
    let again = Crossroads::open(dir.path()).unwrap();
    assert_eq!(again.raw_records().unwrap(), written);
}
