//! A large text file read in place: mapped into memory under a read lease,
//! instead of copied into a buffer (`tualek scan`'s read of 5 MB is a tenth of
//! its time when copied, a fiftieth when mapped).
//!
//! A mapping shows the file as it is now, so a file written or truncated
//! while it is mapped would change text already checked as UTF-8 (undefined
//! behaviour) or vanish under it (a bus error). The lease is what makes the
//! mapping safe on Linux: while this process holds it, the kernel makes any
//! other open for writing and any truncate wait (for `lease-break-time`,
//! 45 s by default) until the lease is let go, and it cannot be taken while
//! any process has the file open for writing. Without a lease (another
//! system, a file system without them, a file someone else owns, a writer
//! present) the file is read into a buffer as every other file is.

use std::fs::File;
use std::path::Path;

use super::decode::{check_utf8_text, has_bom};
use super::read::{open_within, read_at_most};
use super::{DecodeError, ImportError, decode, decode_owned};

/// Files smaller than this are read: mapping and leasing cost more than copying.
const MAP_FROM_BYTES: u64 = 1 << 20;

/// A text that is a buffer of its own or a leased mapping of its file.
pub enum FileText {
    Owned(String),
    #[cfg(target_os = "linux")]
    Mapped(Mapped),
}

impl FileText {
    pub fn as_str(&self) -> &str {
        match self {
            FileText::Owned(s) => s,
            #[cfg(target_os = "linux")]
            FileText::Mapped(m) => m.as_str(),
        }
    }
}

/// A mapped file checked as UTF-8 text, its lease held for as long as it lives.
#[cfg(target_os = "linux")]
pub struct Mapped {
    // Declared first, so unmapped before the file closes (closing lets the lease go).
    map: memmap2::Mmap,
    _file: File,
}

#[cfg(target_os = "linux")]
impl Mapped {
    fn as_str(&self) -> &str {
        // SAFETY: `Mapped::new` checked these bytes as UTF-8, and the lease
        // keeps every writer out of the file until `self` is dropped.
        unsafe { std::str::from_utf8_unchecked(&self.map) }
    }
}

/// The decoded text of a regular file of at most `max_bytes`, with the same
/// refusals as [`decode_owned`] of its bytes, mapped where it can be.
pub fn read_file_text(path: &Path, max_bytes: u64) -> Result<FileText, ImportError> {
    let (file, reported) = open_within(path, max_bytes)?;
    #[cfg(target_os = "linux")]
    if reported >= MAP_FROM_BYTES && lease(&file) {
        return mapped(file, max_bytes);
    }
    let bytes = read_at_most(file, reported, max_bytes)?;
    Ok(FileText::Owned(decode_owned(bytes)?))
}

fn unreadable(e: std::io::Error) -> ImportError {
    ImportError::Unreadable(e.to_string())
}

/// `F_SETSIG` of Linux's `<fcntl.h>` (which the libc crate leaves out).
#[cfg(target_os = "linux")]
const F_SETSIG: libc::c_int = 10;

/// Takes a read lease on `file`, held until it closes; false where the kernel gives none.
#[cfg(target_os = "linux")]
fn lease(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: plain fcntl calls on an open descriptor. A lease
    // broken by a writer is signalled with SIGIO, whose default action ends
    // the process; SIGURG, ignored unless handled, is asked for instead.
    unsafe {
        libc::fcntl(fd, F_SETSIG, libc::SIGURG) == 0
            && libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) == 0
    }
}

/// The text of a leased file, mapped; a file with a byte-order mark is
/// decoded into a buffer, as [`decode`] does.
#[cfg(target_os = "linux")]
fn mapped(file: File, max_bytes: u64) -> Result<FileText, ImportError> {
    // The size again, now that no one can change it.
    let size = file.metadata().map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(ImportError::GrewPastLimit {
            reported: size,
            limit: max_bytes,
        });
    }
    if size == 0 {
        return Err(DecodeError::Empty.into());
    }
    // SAFETY: the lease keeps writers and truncation out while it is mapped.
    let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) }.map_err(unreadable)?;
    if has_bom(&map) {
        return Ok(FileText::Owned(decode(&map)?));
    }
    check_utf8_text(&map)?;
    Ok(FileText::Mapped(Mapped { map, _file: file }))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::os::unix::fs::OpenOptionsExt;

    const BIG: usize = 3 << 19;

    fn big_text() -> String {
        let line = "ລາຍງານ 2023: 1,255 workers, ແມ່ຍິງ 493 ຄົນ\n";
        line.repeat(BIG / line.len() + 1)
    }

    fn file_with(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut f, bytes).unwrap();
        f
    }

    /// Opens `path` for writing without waiting on a lease: refused while one is held.
    fn open_for_writing(path: &Path) -> std::io::Result<File> {
        std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
    }

    #[test]
    fn a_large_file_is_mapped_and_keeps_writers_out_until_dropped() {
        let text = big_text();
        let f = file_with(text.as_bytes());
        let path = f.path().to_path_buf();
        // The temporary file's own handle is open for writing: no lease then.
        let held = read_file_text(&path, u64::MAX).unwrap();
        assert!(matches!(held, FileText::Owned(_)));
        assert_eq!(held.as_str(), text);
        let (_, path) = f.keep().unwrap();
        let held = read_file_text(&path, u64::MAX).unwrap();
        assert!(matches!(held, FileText::Mapped(_)), "leased and mapped");
        assert_eq!(held.as_str(), text);
        let refused = open_for_writing(&path).unwrap_err();
        assert_eq!(refused.raw_os_error(), Some(libc::EWOULDBLOCK));
        assert_eq!(held.as_str(), text, "the text is untouched");
        drop(held);
        open_for_writing(&path).expect("writable once the mapping is gone");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_mapped_file_is_refused_as_a_read_one_is() {
        let cases: [(Vec<u8>, ImportError); 3] = [
            (
                [big_text().as_bytes(), b"12\0"].concat(),
                DecodeError::Binary(big_text().len() + 2).into(),
            ),
            (
                [big_text().as_bytes(), b"\xFF 12"].concat(),
                DecodeError::InvalidUtf8(big_text().len()).into(),
            ),
            (vec![b' '; BIG], DecodeError::Empty.into()),
        ];
        for (bytes, refusal) in cases {
            let (_, path) = file_with(&bytes).keep().unwrap();
            let mapped = read_file_text(&path, u64::MAX).err().map(|e| e.to_string());
            assert_eq!(mapped, Some(refusal.to_string()));
            let read = decode_owned(bytes).err().map(|e| e.to_string());
            assert_eq!(read, Some(refusal.to_string()));
            std::fs::remove_file(&path).unwrap();
        }
    }

    #[test]
    fn a_mapped_file_with_a_bom_is_decoded_and_a_large_one_over_the_limit_refused() {
        let text = big_text();
        let (_, path) = file_with(&[b"\xEF\xBB\xBF", text.as_bytes()].concat())
            .keep()
            .unwrap();
        assert_eq!(read_file_text(&path, u64::MAX).unwrap().as_str(), text);
        let over = read_file_text(&path, 1 << 20).err().map(|e| e.to_string());
        assert!(over.is_some_and(|e| e.contains("over the limit")));
        std::fs::remove_file(&path).unwrap();
    }
}
