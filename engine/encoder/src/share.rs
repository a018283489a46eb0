//! One helper thread that shares a sentence's products with the thread
//! reading it: a check is what the person waits for when typing pauses,
//! and most machines have a second core idle then.
//!
//! Work comes as numbered chunks; the asking thread and the helper take
//! them in turn from one counter, so when the helper is busy or slow to
//! wake the asking thread simply takes every chunk itself. The helper is
//! started by the first shared product, never before the encoder is used.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

/// A task as the helper sees it, its borrows' lifetimes erased: the
/// thread that made it does not return before the helper is done with it.
#[derive(Clone, Copy)]
struct Task {
    work: *const (dyn Fn(usize) + Sync),
    next: *const AtomicUsize,
    chunks: usize,
}

// SAFETY: the pointers are only read while their owner waits (see `Task`),
// and what they point to is `Sync`.
unsafe impl Send for Task {}

#[derive(Default)]
struct State {
    /// A task waiting to be taken.
    task: Option<Task>,
    /// The helper is running a task it took.
    busy: bool,
    /// A chunk panicked in the helper.
    failed: bool,
}

struct Helper {
    /// A task was posted and not yet taken: read without the lock while
    /// the helper waits a moment for the next product before sleeping.
    posted: AtomicBool,
    state: Mutex<State>,
    wake: Condvar,
    idle: Condvar,
}

/// The helper, started on first use; none on a machine with one core.
fn helper() -> Option<&'static Helper> {
    static HELPER: OnceLock<Option<&'static Helper>> = OnceLock::new();
    *HELPER.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores < 2 {
            return None;
        }
        let helper: &'static Helper = Box::leak(Box::new(Helper {
            posted: AtomicBool::new(false),
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            idle: Condvar::new(),
        }));
        std::thread::Builder::new()
            .name("encoder".into())
            .stack_size(256 * 1024)
            .spawn(move || serve(helper))
            .ok()?;
        Some(helper)
    })
}

fn lock(helper: &Helper) -> MutexGuard<'_, State> {
    helper.state.lock().unwrap_or_else(|e| e.into_inner())
}

/// How long the helper looks for the next product before it sleeps: a
/// sentence's products come one after another, and waking a sleeping
/// thread costs more than most of them take.
const LINGER: std::time::Duration = std::time::Duration::from_micros(200);

/// The helper's loop: take a task, run chunks until none is left, say so.
fn serve(helper: &'static Helper) {
    let mut state = lock(helper);
    loop {
        let task = match state.task.take() {
            Some(task) => task,
            None => {
                drop(state);
                let since = std::time::Instant::now();
                while !helper.posted.load(Ordering::Acquire) && since.elapsed() < LINGER {
                    std::hint::spin_loop();
                }
                state = lock(helper);
                if state.task.is_none() {
                    state = helper.wake.wait(state).unwrap_or_else(|e| e.into_inner());
                }
                continue;
            }
        };
        helper.posted.store(false, Ordering::Release);
        state.busy = true;
        drop(state);
        // SAFETY: the task's owner waits until `busy` is false again.
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| unsafe { run(task) }));
        state = lock(helper);
        state.busy = false;
        state.failed |= ran.is_err();
        helper.idle.notify_all();
    }
}

/// Takes chunks from the task's counter until none is left.
///
/// # Safety
/// The task's pointers must be alive.
unsafe fn run(task: Task) {
    let (work, next) = (&*task.work, &*task.next);
    loop {
        let chunk = next.fetch_add(1, Ordering::Relaxed);
        if chunk >= task.chunks {
            break;
        }
        work(chunk);
    }
}

/// Takes back a task the helper has not started, and waits for the
/// helper to finish one it has: dropped on return and on a panic alike,
/// so the helper never holds a borrow that has ended.
struct Retract(&'static Helper);

impl Drop for Retract {
    fn drop(&mut self) {
        let mut state = lock(self.0);
        state.task = None;
        self.0.posted.store(false, Ordering::Release);
        while state.busy {
            state = self.0.idle.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if std::mem::take(&mut state.failed) && !std::thread::panicking() {
            panic!("a shared product failed in the encoder's helper thread");
        }
    }
}

/// Runs `work(0)` to `work(chunks - 1)`, each once, on this thread and
/// the helper; returns when all are done.
pub fn for_each_chunk(chunks: usize, work: &(dyn Fn(usize) + Sync)) {
    let next = AtomicUsize::new(0);
    let Some(helper) = helper().filter(|_| chunks > 1) else {
        (0..chunks).for_each(work);
        return;
    };
    // SAFETY: only the lifetime is erased; `Retract` keeps the borrows
    // alive for as long as the helper can use them.
    let work: *const (dyn Fn(usize) + Sync) = unsafe { std::mem::transmute(work) };
    let task = Task {
        work,
        next: &next,
        chunks,
    };
    let _retract = Retract(helper);
    lock(helper).task = Some(task);
    helper.posted.store(true, Ordering::Release);
    helper.wake.notify_one();
    // SAFETY: the borrows are alive here.
    unsafe { run(task) };
}

/// A slice that chunks write to at disjoint places from two threads.
pub struct Disjoint<'a> {
    start: *mut f32,
    len: usize,
    _slice: PhantomData<&'a mut [f32]>,
}

// SAFETY: writes go through `write`, whose callers keep them disjoint.
unsafe impl Sync for Disjoint<'_> {}

impl<'a> Disjoint<'a> {
    /// Shares `slice` for disjoint writes.
    pub fn new(slice: &'a mut [f32]) -> Disjoint<'a> {
        Disjoint {
            start: slice.as_mut_ptr(),
            len: slice.len(),
            _slice: PhantomData,
        }
    }

    /// Copies `values` to `at..at + values.len()`.
    ///
    /// # Safety
    /// No other thread writes or reads that range at the same time.
    pub unsafe fn write(&self, at: usize, values: &[f32]) {
        assert!(at + values.len() <= self.len, "a write past the end");
        std::ptr::copy_nonoverlapping(values.as_ptr(), self.start.add(at), values.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chunk_runs_once_even_from_many_threads() {
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    for chunks in [1usize, 2, 7, 64] {
                        let counts: Vec<AtomicUsize> =
                            (0..chunks).map(|_| AtomicUsize::new(0)).collect();
                        for_each_chunk(chunks, &|c| {
                            counts[c].fetch_add(1, Ordering::Relaxed);
                        });
                        assert!(counts.iter().all(|c| c.load(Ordering::Relaxed) == 1));
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
    }
}
