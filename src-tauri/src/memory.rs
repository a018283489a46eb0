//! Gives the memory that one-off work freed back to the system.
//!
//! A backup reads, decodes and writes every record once; opening the store
//! and the notifier's first look decode every record too. glibc keeps
//! what such work freed inside its per-thread arenas for reuse, so a
//! process that waits in the tray for weeks would go on holding it: with
//! ten years of data, about 35 MB after the start and daily backups, and
//! 18 MB in the tray's start over (measured with `malloc_trim` called from
//! a debugger; see BENCHMARKS.md).

/// Returns freed heap pages to the system, where the allocator allows it.
/// Call it after a burst of allocation that will not come again soon.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only walks glibc's own arenas under their locks
    // and releases pages no allocation uses; it touches nothing of ours.
    unsafe {
        libc::malloc_trim(0);
    }
}
