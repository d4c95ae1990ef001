//! Where an export's bytes go, and how they get there.
//!
//! A regular file (or a new name) is written beside its destination under a
//! temporary name, synced, then renamed over it: a failed export never leaves
//! half a file, and the old file stays as it was. Anything else that already
//! exists at the path — a device such as `/dev/full`, a named pipe,
//! `/dev/stdout` — is written to directly: renaming a file over it would
//! replace the device or the pipe instead of writing into it. `-` is the
//! standard output.
//!
//! Permissions are those a user expects of a saved file: a replaced file
//! keeps its mode (and, where allowed, its owner); a new one gets
//! `0666 & !umask`, as a shell redirection does. The umask is never read:
//! the temporary file is created with mode 0666 and the kernel applies the
//! umask itself (reading it with `umask(2)` means setting it, which races
//! with every other thread creating files).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::ExportError;

/// What `--out` names, as an export sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-`: the standard output.
    Stdout,
    /// Something that exists and is not a regular file or a folder (a
    /// device, a named pipe, a socket), written to as it is.
    Stream(PathBuf),
    /// A regular file, existing or not, replaced atomically. A symbolic
    /// link to a file is followed: the file it names is replaced.
    File(PathBuf),
    /// A folder.
    Folder(PathBuf),
}

impl Target {
    /// What `path` is now (nothing is created or opened).
    pub fn of(path: &Path) -> Target {
        if path == Path::new("-") {
            return Target::Stdout;
        }
        match std::fs::metadata(path) {
            Ok(m) if is_our_stdout(&m) => Target::Stdout,
            Ok(m) if m.is_dir() => Target::Folder(path.to_path_buf()),
            // `/dev/stdout` or `/dev/fd/3` may lead to a regular file (a
            // shell redirection): write into it, as the shell opened it.
            Ok(m) if m.is_file() && !path.starts_with("/dev") && !path.starts_with("/proc") => {
                let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                Target::File(real)
            }
            Ok(_) => Target::Stream(path.to_path_buf()),
            Err(_) => Target::File(path.to_path_buf()),
        }
    }

    /// Whether the export goes into a stream rather than a file: nothing can
    /// be written beside it (a dataset card, a labeling config).
    pub fn is_stream(&self) -> bool {
        matches!(self, Target::Stdout | Target::Stream(_))
    }
}

/// Whether `meta` is the file this process's standard output goes to
/// (`/dev/stdout`, `/dev/fd/1`): written through the standard output, which
/// shares the shell's offset, rather than opened anew at offset 0.
fn is_our_stdout(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: fstat only fills the plain struct it is given.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(libc::STDOUT_FILENO, &mut st) } != 0 {
            return false;
        }
        st.st_dev as u64 == meta.dev() && st.st_ino as u64 == meta.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Whether `path` names the standard output or an existing device, pipe or
/// socket (see [`Target::is_stream`]).
pub fn is_stream(path: &Path) -> bool {
    Target::of(path).is_stream()
}

/// Runs `write` into `path`: a file through a temporary file beside it and a
/// rename (see the module's doc), a stream directly; refuses a folder, a
/// read-only file and a folder that is missing or cannot be written in.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match Target::of(path) {
        Target::Stdout => {
            let out = std::io::stdout().lock();
            write_stream(out, "the standard output", write)
        }
        Target::Stream(p) => {
            // A regular file behind `/dev/fd/3` was opened by the shell:
            // append, as `>>` would, rather than write over its start.
            let append = std::fs::metadata(&p).is_ok_and(|m| m.is_file());
            let file = std::fs::OpenOptions::new()
                .write(true)
                .append(append)
                .open(&p)
                .map_err(|e| ExportError::Io(p.display().to_string(), e))?;
            write_stream(file, &p.display().to_string(), write)
        }
        Target::Folder(p) => Err(ExportError::Invalid(format!(
            "cannot write {}: it is a folder; give the name of a file (nothing was written)",
            p.display()
        ))),
        Target::File(real) => write_file(path, &real, write),
    }
}

/// Writes into an open stream, buffered; every write error is reported.
fn write_stream(
    out: impl Write,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut buf = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = write(&mut buf).and_then(|()| {
        buf.flush()
            .map_err(|e| ExportError::Io(name.to_string(), e))
    });
    match written.map_err(|e| rename_output(e, name)) {
        // A device or a pipe has no old file to keep: say what it refused.
        Err(ExportError::Io(_, e)) if e.kind() == std::io::ErrorKind::StorageFull => {
            Err(ExportError::Invalid(format!(
                "could not write to {name}: no space left on device"
            )))
        }
        other => other,
    }
}

/// Writers name their output "output" (they do not know the path): the
/// error names the real one.
fn rename_output(e: ExportError, name: &str) -> ExportError {
    match e {
        ExportError::Io(_, e) => ExportError::Io(name.to_string(), e),
        ExportError::Csv(e) if e.is_io_error() => match e.into_kind() {
            csv::ErrorKind::Io(e) => ExportError::Io(name.to_string(), e),
            kind => ExportError::Invalid(format!("cannot write CSV: {kind:?}")),
        },
        ExportError::Json(e) if e.is_io() => {
            ExportError::Io(name.to_string(), std::io::Error::from(e))
        }
        other => other,
    }
}

/// Writes a regular file at `path` (whose real location is `real`, after
/// any symbolic link) through a temporary file and a rename.
fn write_file(
    path: &Path,
    real: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| ExportError::Io(shown.clone(), e);
    let dir = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(ExportError::Invalid(format!(
            "cannot write {shown}: the folder {} does not exist; nothing was written",
            dir.display()
        )));
    }
    let old = std::fs::metadata(real).ok();
    if let Some(old) = &old
        && read_only(real, old)
    {
        return Err(ExportError::Invalid(format!(
            "{shown} is read-only; nothing was written"
        )));
    }
    let tmp = temp_beside(dir, old.is_none()).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => ExportError::Invalid(format!(
            "cannot write {shown}: the folder {} does not let you write in it; nothing was written",
            dir.display()
        )),
        std::io::ErrorKind::ReadOnlyFilesystem => ExportError::Invalid(format!(
            "cannot write {shown}: the folder {} is on a read-only disk; nothing was written",
            dir.display()
        )),
        _ => io(e),
    })?;
    // Large writes: a gold set of a million figures is half a gigabyte.
    let mut buf = std::io::BufWriter::with_capacity(1 << 20, tmp);
    write(&mut buf).map_err(|e| rename_output(e, &shown))?;
    let tmp = buf.into_inner().map_err(|e| io(e.into_error()))?;
    if let Some(old) = &old {
        keep_owner_and_mode(tmp.as_file(), old).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(real).map_err(|e| io(e.error))?;
    Ok(())
}

/// A temporary file in `dir`: mode 0666 less the umask for a new file, the
/// owner's alone (0600) for one that replaces a file and gets its mode.
fn temp_beside(dir: &Path, new: bool) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tualek-export-");
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new;
    builder.tempfile_in(dir)
}

/// Whether a file may not be replaced: no write permission bit at all (the
/// owner made it read-only; root included), or none for this user.
fn read_only(path: &Path, meta: &std::fs::Metadata) -> bool {
    if meta.permissions().readonly() {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        if let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) {
            // SAFETY: `c` is a valid NUL-terminated string for the call's duration.
            return unsafe { libc::access(c.as_ptr(), libc::W_OK) } != 0;
        }
    }
    false
}

/// Gives the new file the old one's permission bits and, when allowed (as
/// root), its owner and group.
fn keep_owner_and_mode(file: &std::fs::File, old: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; for anyone else the file is theirs already.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}
