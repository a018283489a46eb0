//! What `/proc` says about the app's processes: memory and wake-ups.

use std::fs;

use crate::bundle::group_members;

/// A `kB` field of a `/proc` file in MB (0 when missing).
fn field_mb(path: &str, field: &str) -> f64 {
    fs::read_to_string(path)
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// PSS of one process in MB, from smaps_rollup.
pub fn pss_mb(pid: u32) -> f64 {
    field_mb(&format!("/proc/{pid}/smaps_rollup"), "Pss:")
}

/// Resident memory of one process in MB (what the encoder's budget counts).
pub fn rss_mb(pid: u32) -> f64 {
    field_mb(&format!("/proc/{pid}/status"), "VmRSS:")
}

pub fn comm(pid: u32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// PSS summed over the group, and the processes in it.
pub fn group_pss(pgid: u32) -> (f64, Vec<String>) {
    let members = group_members(pgid);
    let total = members.iter().map(|&pid| pss_mb(pid)).sum();
    (total, members.iter().map(|&pid| comm(pid)).collect())
}

/// Voluntary and involuntary context switches summed over every thread of
/// every process in the group.
pub fn group_switches(pgid: u32) -> (u64, u64) {
    let mut sums = (0, 0);
    for pid in group_members(pgid) {
        let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        for task in tasks.filter_map(Result::ok) {
            let Ok(status) = fs::read_to_string(task.path().join("status")) else {
                continue;
            };
            for line in status.lines() {
                let value = |l: &str| l.split_whitespace().nth(1)?.parse::<u64>().ok();
                if line.starts_with("voluntary_ctxt_switches") {
                    sums.0 += value(line).unwrap_or(0);
                } else if line.starts_with("nonvoluntary_ctxt_switches") {
                    sums.1 += value(line).unwrap_or(0);
                }
            }
        }
    }
    sums
}

/// The first process in the group named `name` (its `comm`).
pub fn main_pid(pgid: u32, name: &str) -> Option<u32> {
    group_members(pgid)
        .into_iter()
        .find(|&pid| comm(pid) == name)
}

/// Whether the thread `pid` (for a process: its main thread) is blocked in
/// a futex wait now: how a thread waits on a lock or a condition, such as
/// WebKit's wait for a reply from another of its processes. Always false
/// where the syscall number is not known.
pub fn in_futex_wait(pid: u32) -> bool {
    // x86_64's futex(2); /proc/PID/syscall starts with the number of the
    // syscall the thread is blocked in.
    const FUTEX: &str = if cfg!(target_arch = "x86_64") {
        "202"
    } else {
        "none"
    };
    fs::read_to_string(format!("/proc/{pid}/syscall"))
        .is_ok_and(|s| s.split_whitespace().next() == Some(FUTEX))
}
