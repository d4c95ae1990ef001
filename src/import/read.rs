//! Reading a user's file, safely: only regular files, never more than a limit.
//!
//! A path a user names may be a named pipe (reading it waits for a writer
//! that may never come, while an import holds the project's write lock), a
//! device (`/dev/zero` reports size 0 and never ends) or a folder. So the
//! file's type is checked before it is opened and again on the opened handle
//! (`fstat`, which catches a path swapped between the check and the open),
//! the open itself cannot block (`O_NONBLOCK`), and the size limit holds the
//! bytes actually read, not the size the file system reports.

use std::fs::{File, FileType, OpenOptions};
use std::io::Read;
use std::path::Path;

use super::ImportError;

/// What a file that is not a regular file is, for a message ("it is a named pipe").
pub fn kind_of(file_type: &FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Refuses anything but a regular file, saying what it is.
fn regular(file_type: FileType) -> Result<(), ImportError> {
    if file_type.is_file() {
        Ok(())
    } else {
        Err(ImportError::NotAFile(kind_of(&file_type)))
    }
}

fn unreadable(e: std::io::Error) -> ImportError {
    ImportError::Unreadable(e.to_string())
}

/// Opens `path` for reading if it is a regular file (symbolic links are
/// followed, as a read would), with its size as the opened handle reports it.
pub fn open_regular(path: &Path) -> Result<(File, u64), ImportError> {
    // Before opening: a FIFO is never opened, a device never touched.
    regular(std::fs::metadata(path).map_err(unreadable)?.file_type())?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Should the path turn into a FIFO after the check, the open still
        // returns at once (and the check below refuses it); O_NONBLOCK
        // changes nothing for a regular file's reads.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(unreadable)?;
    // After opening: the file read is the file checked.
    let meta = file.metadata().map_err(unreadable)?;
    regular(meta.file_type())?;
    Ok((file, meta.len()))
}

/// A regular file's bytes, at most `max_bytes` of them: refused before
/// reading when its reported size is over, and when more bytes come than
/// that (a file growing, or one of the kernel's files that report size 0).
pub fn read_regular(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ImportError> {
    let (file, reported) = open_within(path, max_bytes)?;
    read_at_most(file, reported, max_bytes)
}

/// [`open_regular`], refused when the size the file reports is over `max_bytes`.
pub(crate) fn open_within(path: &Path, max_bytes: u64) -> Result<(File, u64), ImportError> {
    let (file, reported) = open_regular(path)?;
    if reported > max_bytes {
        return Err(ImportError::TooLarge {
            size: reported,
            limit: max_bytes,
        });
    }
    Ok((file, reported))
}

/// Reads `reader` to its end, refused once it yields more than `limit` bytes.
pub(crate) fn read_at_most(
    reader: impl Read,
    reported: u64,
    limit: u64,
) -> Result<Vec<u8>, ImportError> {
    let capacity = usize::try_from(reported.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    advise_huge_pages(&mut bytes);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::GrewPastLimit { reported, limit });
    }
    Ok(bytes)
}

/// Asks Linux to fault in the spare capacity of a large fresh buffer in one
/// call (`MADV_POPULATE_WRITE`, Linux 5.14) rather than a page fault every
/// 4 KB as it fills. Advice only: nothing changes if it is not taken.
pub fn prefault<T>(v: &mut Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const MADV_POPULATE_WRITE: libc::c_int = 23;
        let spare = v.spare_capacity_mut();
        let bytes = std::mem::size_of_val(spare);
        let start = spare.as_mut_ptr() as usize;
        let from = start.next_multiple_of(4096);
        let to = (start + bytes) / 4096 * 4096;
        if to > from {
            // SAFETY: the range lies inside the vector's own allocation; the
            // advice only makes its pages present, never changes what they hold.
            unsafe {
                libc::madvise(from as *mut libc::c_void, to - from, MADV_POPULATE_WRITE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// Asks Linux to back the 2 MB-aligned part of a large fresh buffer with huge
/// pages: filling it then costs a few page faults instead of one every 4 KB
/// (a third of reading a 5 MB file). Advice only: nothing changes if it is not
/// taken.
fn advise_huge_pages(bytes: &mut Vec<u8>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        if bytes.capacity() < 2 * HUGE {
            return;
        }
        let start = bytes.as_mut_ptr() as usize;
        let (from, to) = (
            start.next_multiple_of(HUGE),
            (start + bytes.capacity()) / HUGE * HUGE,
        );
        if to > from {
            // SAFETY: the range lies inside the buffer's own allocation, and
            // MADV_HUGEPAGE changes how its pages are backed, never what they hold.
            unsafe {
                libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = bytes;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_bytes_than_reported_are_refused_at_the_limit() {
        let endless = std::io::repeat(b'1');
        let err = read_at_most(endless, 0, 1000).unwrap_err();
        assert_eq!(
            err,
            ImportError::GrewPastLimit {
                reported: 0,
                limit: 1000
            }
        );
        assert_eq!(read_at_most(&b"12345"[..], 0, 5).unwrap(), b"12345");
    }

    #[test]
    fn a_folder_is_refused_as_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path(), 100).unwrap_err();
        assert_eq!(err, ImportError::NotAFile("a folder"));
        assert_eq!(
            err.to_string(),
            "cannot read it: it is a folder, not a regular file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading() {
        let err = read_regular(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(err, ImportError::NotAFile("a device"));
    }
}
