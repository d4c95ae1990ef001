//! Durability off the UI thread.
//!
//! With `synchronous=FULL` every commit waits for an fsync of the WAL, about
//! 4 ms on an ordinary disk: too long for a frame of the workbench. A store
//! put in deferred mode ([`Store::defer_sync`]) commits with
//! `synchronous=NORMAL` instead. When such a commit returns, its WAL frames
//! are in the operating system's hands, so the action already survives the
//! process being killed; a [`Flusher`] thread then fsyncs the WAL, after
//! which it also survives a power cut. The workbench shows "saving" for that
//! gap, a few milliseconds. The thread also runs the checkpoints the deferred
//! connection no longer runs itself (an automatic checkpoint fsyncs twice, on
//! whichever commit happens to cross the threshold).
//!
//! Command-line tools and background jobs keep `FULL`: they have no frame to keep.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::Store;
use super::error::{Result, StoreError};

/// Commits between two checkpoints; about what SQLite's own default (1000 WAL
/// pages) amounts to for review actions of a few pages each.
const CHECKPOINT_EVERY: u64 = 200;

/// How long the commits must stop before a checkpoint starts: longer than
/// the gap between two frames of a held key, shorter than a reviewer's pause.
const PAUSE: Duration = Duration::from_millis(60);

/// Wakes whoever shows the saved state (the UI asks for a repaint).
pub type Waker = Box<dyn Fn() + Send + 'static>;

/// Makes a deferred store's commits durable in the background. Dropping it
/// waits for the last flush, so closing a project leaves everything on disk.
pub struct Flusher {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    waker: Mutex<Option<Waker>>,
}

#[derive(Default)]
struct State {
    /// Commits made so far.
    committed: u64,
    /// Commits known to be on disk.
    flushed: u64,
    /// Full checkpoints run so far.
    checkpoints: u64,
    /// The thread is flushing or checkpointing.
    busy: bool,
    /// The first failure to flush, until taken.
    error: Option<String>,
    stop: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic on the flush thread must not take the UI down with it.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wake(&self) {
        if let Some(w) = self
            .waker
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            w();
        }
    }
}

impl Store {
    /// Switches this connection to deferred durability (see the module docs)
    /// and starts the thread that completes it. Calling it again is a no-op.
    pub fn defer_sync(&mut self) -> Result<()> {
        if self.flusher.is_some() {
            return Ok(());
        }
        let flusher = Flusher::start(&self.path)?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        self.flusher = Some(flusher);
        Ok(())
    }

    /// Whether every commit so far is on disk (always, for a store not deferred).
    pub fn is_flushed(&self) -> bool {
        self.flusher.as_ref().is_none_or(Flusher::is_flushed)
    }

    /// The background flusher of a deferred store.
    pub fn flusher(&self) -> Option<&Flusher> {
        self.flusher.as_ref()
    }

    /// Called after every commit of this connection.
    pub(super) fn committed(&self) {
        if let Some(f) = &self.flusher {
            f.committed();
        }
    }
}

impl Flusher {
    fn start(db: &Path) -> Result<Flusher> {
        let conn = checkpoint_connection(db)?;
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        let wal = PathBuf::from(wal);
        let shared = Arc::new(Shared::default());
        let thread = std::thread::Builder::new()
            .name("tualek-flush".into())
            .spawn({
                let shared = shared.clone();
                move || run(&shared, &wal, &conn)
            })
            .map_err(|e| StoreError::Invalid(format!("cannot start the flush thread: {e}")))?;
        Ok(Flusher {
            shared,
            thread: Some(thread),
        })
    }

    pub(super) fn committed(&self) {
        self.shared.lock().committed += 1;
        self.shared.changed.notify_all();
    }

    /// Whether every commit so far is on disk.
    pub fn is_flushed(&self) -> bool {
        let s = self.shared.lock();
        s.flushed >= s.committed
    }

    /// Blocks until every commit so far is on disk and the thread is idle
    /// (any checkpoint done), or `timeout` passes. Returns whether they are on disk.
    pub fn wait(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut s = self.shared.lock();
        let target = s.committed;
        while (s.flushed < target && s.error.is_none()) || s.busy {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            s = self
                .shared
                .changed
                .wait_timeout(s, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        s.flushed >= target
    }

    /// A failure to make commits durable (a full or failing disk), once.
    pub fn take_error(&self) -> Option<String> {
        self.shared.lock().error.take()
    }

    /// Full checkpoints run so far.
    pub fn checkpoints(&self) -> u64 {
        self.shared.lock().checkpoints
    }

    /// Called (from the flush thread) whenever commits become durable.
    pub fn set_waker(&self, waker: Waker) {
        *self.shared.waker.lock().unwrap_or_else(|p| p.into_inner()) = Some(waker);
    }
}

impl Drop for Flusher {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A second connection, for checkpoints only. It never migrates or writes rows.
fn checkpoint_connection(db: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(db, flags)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    // Checkpoints from here fsync the WAL before copying and the file after.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(Duration::from_secs(1))?;
    Ok(conn)
}

fn run(shared: &Shared, wal: &Path, conn: &Connection) {
    // Commits already tried; after a failure the next attempt waits for a new commit.
    let mut attempted = 0;
    let mut since_checkpoint = 0;
    loop {
        let target = {
            let mut s = shared.lock();
            s.busy = false;
            shared.changed.notify_all();
            while s.committed <= attempted && !s.stop {
                s = shared.changed.wait(s).unwrap_or_else(|p| p.into_inner());
            }
            if s.committed <= attempted {
                return; // stopping, and nothing is left to flush
            }
            s.busy = true;
            s.committed
        };
        since_checkpoint += target - attempted;
        attempted = target;
        // Every commit up to `target` has returned, so its frames are written:
        // one fsync of the WAL covers them all, however many arrived meanwhile.
        let synced = sync_wal(wal);
        {
            let mut s = shared.lock();
            match synced {
                Ok(()) => s.flushed = target,
                Err(e) => {
                    s.error
                        .get_or_insert(format!("{}: could not write to disk: {e}", wal.display()));
                    continue;
                }
            }
        }
        shared.changed.notify_all();
        shared.wake();

        // Checkpoint in a pause between actions: only a checkpoint that copies
        // every frame lets the next commit start the WAL over, and PASSIVE
        // (which never blocks the UI's commits) cannot catch up with a burst.
        // Nor should it try: its disk work would slow every frame of the burst.
        if since_checkpoint >= CHECKPOINT_EVERY && pause(shared, target) {
            shared.lock().busy = true;
            // A commit that slipped in while it ran is not copied, so the WAL
            // cannot start over yet: the next pause tries again.
            if checkpoint(conn) && shared.lock().committed == target {
                since_checkpoint = 0;
                shared.lock().checkpoints += 1;
            }
        }
    }
}

/// Waits [`PAUSE`] for a commit after `target`; true when none came (nor a stop).
/// Not busy meanwhile: a caller waiting for the flush does not wait for this.
fn pause(shared: &Shared, target: u64) -> bool {
    let mut s = shared.lock();
    s.busy = false;
    shared.changed.notify_all();
    let (s, _) = shared
        .changed
        .wait_timeout_while(s, PAUSE, |s| s.committed == target && !s.stop)
        .unwrap_or_else(|p| p.into_inner());
    s.committed == target && !s.stop
}

/// A PASSIVE checkpoint; whether it copied every frame of the WAL. A
/// failure (the file busy in another process) only means the WAL stays
/// longer: the next pause tries again.
fn checkpoint(conn: &Connection) -> bool {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })
    .is_ok_and(|(busy, log, copied)| busy == 0 && log == copied)
}

/// fdatasync of the WAL. Write access because Windows flushes only handles
/// that may write; nothing is written through it.
fn sync_wal(wal: &Path) -> std::io::Result<()> {
    match OpenOptions::new().read(true).write(true).open(wal) {
        Ok(f) => f.sync_data(),
        // No WAL means no frames waiting: the commits reached the file already.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
