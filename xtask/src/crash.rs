//! `cargo xtask crash --cycles N`: every write acknowledged is on disk,
//! whatever moment the process dies.
//!
//! Each cycle starts a child (this program again, as `__crash-child`) that
//! opens the store through the real engine facade, takes the start backup
//! as the app does, and then writes drafts and logs moments, printing
//! `ack <kind> <text>` only after each call returned. The parent SIGKILLs it
//! at a random moment (during open, migration, backup or writes), reopens
//! the store itself and checks that every acknowledged entry is there,
//! whole. The first cycle starts from the first release's fixture, so the
//! migration is among the moments killed.
//!
//! It writes `target/crash/report.json`:
//! `{"cycles": N, "acknowledged": A, "lost": L, "seconds": S}`, and fails
//! when anything acknowledged was lost or the store did not open.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;
use engine::{Crossroads, EventKind};

use crate::system::{workspace_root, Failure};

/// The internal command the child runs.
pub const CHILD_COMMAND: &str = "__crash-child";

/// The zone every write is made in (the harness is not about time).
const ZONE: chrono_tz::Tz = chrono_tz::UTC;

/// Runs the harness: `--cycles N` (default 200).
pub fn run(args: &[String]) -> Result<(), Failure> {
    let cycles = match args {
        [] => 200,
        [flag, n] if flag == "--cycles" => n
            .parse()
            .map_err(|_| Failure(format!("crash: --cycles takes a number, not {n}")))?,
        _ => return Err(Failure("usage: cargo xtask crash [--cycles N]".into())),
    };
    let root = workspace_root();
    let out = root.join("target/crash");
    std::fs::create_dir_all(&out).map_err(|e| Failure(e.to_string()))?;
    let data = out.join("data");
    let _ = std::fs::remove_dir_all(&data);
    copy_dir(&root.join("engine/tests/fixtures/v1"), &data)?;

    let me = std::env::current_exe().map_err(|e| Failure(e.to_string()))?;
    let started = Instant::now();
    let mut acknowledged: BTreeSet<(String, String)> = BTreeSet::new();
    let mut seed = u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15;
    println!("crash harness: {cycles} cycles, data in {}", data.display());
    for cycle in 0..cycles {
        // Up to 400 ms: often inside open, the migration or the backup,
        // often mid-write.
        let kill_after = Duration::from_micros(next(&mut seed) % 400_000);
        acknowledged.extend(one_cycle(&me, &data, cycle, kill_after)?);
    }
    let lost = check(&data, &acknowledged)?;
    let seconds = started.elapsed().as_secs_f64();
    let report = serde_json::json!({
        "cycles": cycles,
        "acknowledged": acknowledged.len(),
        "lost": lost.len(),
        "seconds": (seconds * 10.0).round() / 10.0,
    });
    std::fs::write(out.join("report.json"), format!("{report:#}\n"))
        .map_err(|e| Failure(e.to_string()))?;
    println!(
        "{cycles} cycles, {} writes acknowledged, {} lost, {seconds:.1} s",
        acknowledged.len(),
        lost.len()
    );
    if lost.is_empty() {
        Ok(())
    } else {
        Err(Failure(format!(
            "crash: {} acknowledged writes lost after SIGKILL, among them {:?}",
            lost.len(),
            &lost[..lost.len().min(5)]
        )))
    }
}

/// One child, killed after `kill_after`; returns what it acknowledged.
fn one_cycle(
    me: &Path,
    data: &Path,
    cycle: u32,
    kill_after: Duration,
) -> Result<Vec<(String, String)>, Failure> {
    let mut child = Command::new(me)
        .arg(CHILD_COMMAND)
        .arg(data)
        .arg(cycle.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| Failure(format!("crash child: {e}")))?;
    let stdout = child.stdout.take().expect("piped");
    let (lines, acks) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    std::thread::sleep(kill_after);
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill(2) takes no pointers; the pid is our own child's.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
    }
    let _ = child.wait();
    let _ = reader.join();
    let mut acknowledged = Vec::new();
    for line in acks.try_iter() {
        if let Some(rest) = line.strip_prefix("ack ") {
            let (kind, text) = rest.split_once(' ').unwrap_or((rest, ""));
            acknowledged.push((kind.to_owned(), text.to_owned()));
        } else if let Some(problem) = line.strip_prefix("error ") {
            return Err(Failure(format!("crash cycle {cycle}: {problem}")));
        }
    }
    Ok(acknowledged)
}

/// Reopens the store and returns every acknowledged entry that is missing.
fn check(
    data: &Path,
    acknowledged: &BTreeSet<(String, String)>,
) -> Result<Vec<(String, String)>, Failure> {
    let app = open_patiently(data)?;
    // Everything in the store, read back through a backup file (every
    // draft and every event, whatever its day).
    let file = app
        .backup(Utc::now(), engine::BackupReason::Start)
        .map_err(|e| Failure(e.to_string()))?;
    let text = std::fs::read_to_string(&file).map_err(|e| Failure(e.to_string()))?;
    let backup: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Failure(e.to_string()))?;
    let field = |tree: &str, name: &str| -> BTreeSet<String> {
        backup["trees"][tree]
            .as_object()
            .map(|records| {
                records
                    .values()
                    .filter_map(|r| r[name].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let drafts = field("drafts", "text");
    // Notes live apart from their events since schema 3.
    let notes: BTreeSet<String> = backup["trees"]["event_notes"]
        .as_object()
        .map(|records| {
            records
                .values()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    Ok(acknowledged
        .iter()
        .filter(|(kind, text)| match kind.as_str() {
            "draft" => !drafts.contains(text),
            // The engine trims a note ("write 80 " has no dots after it).
            "note" => !notes.contains(text.trim()),
            _ => true,
        })
        .cloned()
        .collect())
}

/// Opens the store; a lock still held by a just-killed child is waited out.
fn open_patiently(data: &Path) -> Result<Crossroads, Failure> {
    let started = Instant::now();
    loop {
        match Crossroads::open(data) {
            Ok(app) => return Ok(app),
            Err(e) if e.kind() == engine::ErrorKind::StoreLocked => {
                if started.elapsed() > Duration::from_secs(10) {
                    return Err(Failure(format!("crash: {e}")));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(Failure(format!("crash: the store did not open: {e}"))),
        }
    }
}

/// The child: open, back up, make sure drafts can be written, then write
/// until killed, acknowledging each write once the engine answered.
pub fn child(args: &[String]) -> Result<(), Failure> {
    let data = PathBuf::from(args.first().ok_or_else(|| Failure("no data dir".into()))?);
    let cycle = args.get(1).cloned().unwrap_or_default();
    let say = |line: String| {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    let app = match open_patiently(&data) {
        Ok(app) => app,
        Err(Failure(e)) => {
            say(format!("error {e}"));
            return Ok(());
        }
    };
    let now = Utc::now();
    let _ = app.backup(now, engine::BackupReason::Start);
    for n in 0.. {
        // Notes are stored trimmed, so no text ends in a space.
        let text = format!("cycle {cycle} write {n} {}", "·".repeat(n % 40))
            .trim_end()
            .to_owned();
        let now = Utc::now();
        if n % 3 == 2 {
            if app
                .log_event(EventKind::UrgeResisted, Some(&text), now, ZONE)
                .is_ok()
            {
                say(format!("ack note {text}"));
            }
        } else if app.save_draft(None, &text, false, now).is_ok() {
            say(format!("ack draft {text}"));
        }
    }
    Ok(())
}

fn next(seed: &mut u64) -> u64 {
    // xorshift: enough to spread the kill moments.
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(to).map_err(|e| Failure(e.to_string()))?;
    for entry in std::fs::read_dir(from).map_err(|e| Failure(e.to_string()))? {
        let entry = entry.map_err(|e| Failure(e.to_string()))?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| Failure(e.to_string()))?;
        }
    }
    Ok(())
}
