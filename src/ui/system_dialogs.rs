//! Whether rfd can show a file dialog on this desktop, checked before asking it.
//!
//! On Linux and the BSDs rfd 0.17 asks the xdg desktop portal's FileChooser
//! over the D-Bus session bus (through libdbus, loaded at run time), else runs
//! `zenity`; with neither, `pick_file()` returns `None` at once, which cannot
//! be told from Cancel. So the same things are checked here first: zenity on
//! `PATH`, or libdbus, a session bus and a portal answering for FileChooser.
//! Elsewhere (Windows, macOS) the system dialog is always there.

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

/// The environment variable that chooses the dialogs: `builtin` for Tualek's
/// own, `system` (or `native`) for rfd without checking, anything else to check.
pub const ENV: &str = "TUALEK_FILE_DIALOG";

/// How long the portal may take to answer (it may be started on demand).
const PORTAL_TIMEOUT: Duration = Duration::from_secs(5);

/// Which file dialogs to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogChoice {
    /// The system's when this desktop has one, else Tualek's own.
    Auto,
    /// Always the system's (rfd), unchecked.
    System,
    /// Always Tualek's own.
    Builtin,
}

impl DialogChoice {
    /// What [`ENV`] asks for; [`DialogChoice::Auto`] when unset or unknown.
    pub fn from_env() -> DialogChoice {
        DialogChoice::parse(std::env::var_os(ENV).as_deref())
    }

    pub fn parse(value: Option<&OsStr>) -> DialogChoice {
        match value
            .and_then(|v| v.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("builtin" | "built-in" | "tualek" | "own") => DialogChoice::Builtin,
            Some("system" | "native" | "rfd") => DialogChoice::System,
            _ => DialogChoice::Auto,
        }
    }
}

/// Why Tualek's own chooser is shown: a message id of the UI's translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// [`ENV`] asked for it.
    Asked,
    /// Neither the portal nor zenity is there.
    NoSystemDialog,
}

impl Fallback {
    pub fn message_id(self) -> &'static str {
        match self {
            Fallback::Asked => "dialog-fallback-asked",
            Fallback::NoSystemDialog => "dialog-fallback-none",
        }
    }
}

/// Whether rfd will find a dialog to show on this desktop (see the module's comment).
pub fn system_dialog_available() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        zenity_on_path(std::env::var_os("PATH").as_deref())
            || (libdbus_loads()
                && session_bus_address().is_some_and(|a| portal_file_chooser(&a, PORTAL_TIMEOUT)))
    } else {
        true
    }
}

/// Whether an executable `zenity` is in one of the folders of `path` (a `PATH` value).
pub fn zenity_on_path(path: Option<&OsStr>) -> bool {
    path.is_some_and(|p| std::env::split_paths(p).any(|dir| is_executable(&dir.join("zenity"))))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// The session bus as libdbus finds it: `DBUS_SESSION_BUS_ADDRESS`, else the
/// socket `$XDG_RUNTIME_DIR/bus` when it is there.
pub fn session_bus_address() -> Option<String> {
    if let Some(a) = std::env::var_os("DBUS_SESSION_BUS_ADDRESS")
        .and_then(|a| a.into_string().ok())
        .filter(|a| !a.trim().is_empty())
    {
        return Some(a);
    }
    let socket = Path::new(&std::env::var_os("XDG_RUNTIME_DIR")?).join("bus");
    socket
        .exists()
        .then(|| format!("unix:path={}", socket.display()))
}

/// Whether libdbus loads, as rfd loads it (`libdbus-1.so.3`, else `libdbus-1.so`).
#[cfg(unix)]
fn libdbus_loads() -> bool {
    [c"libdbus-1.so.3", c"libdbus-1.so"].iter().any(|name| {
        // SAFETY: dlopen with a valid C string; the handle is closed at once
        // and nothing from the library is called.
        unsafe {
            let handle = libc::dlopen(name.as_ptr(), libc::RTLD_LAZY | libc::RTLD_LOCAL);
            if handle.is_null() {
                false
            } else {
                libc::dlclose(handle);
                true
            }
        }
    })
}

#[cfg(not(unix))]
fn libdbus_loads() -> bool {
    false
}

/// Whether a portal on the bus at `address` answers for its FileChooser
/// interface (by reading the interface's `version` property) within `timeout`.
#[cfg(unix)]
pub fn portal_file_chooser(address: &str, timeout: Duration) -> bool {
    let address = address.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    // On a thread of its own, so a bus that never answers cannot hold the caller.
    std::thread::spawn(move || {
        let asked = pollster::block_on(async move {
            let conn = zbus::connection::Builder::address(address.as_str())?
                .method_timeout(timeout)
                .build()
                .await?;
            conn.call_method(
                Some("org.freedesktop.portal.Desktop"),
                "/org/freedesktop/portal/desktop",
                Some("org.freedesktop.DBus.Properties"),
                "Get",
                &("org.freedesktop.portal.FileChooser", "version"),
            )
            .await?;
            Ok::<(), zbus::Error>(())
        });
        let _ = tx.send(asked.is_ok());
    });
    rx.recv_timeout(timeout + Duration::from_secs(1))
        .unwrap_or(false)
}

#[cfg(not(unix))]
pub fn portal_file_chooser(_address: &str, _timeout: Duration) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_chooses_the_dialogs() {
        let parse = |s: &str| DialogChoice::parse(Some(OsStr::new(s)));
        assert_eq!(parse("builtin"), DialogChoice::Builtin);
        assert_eq!(parse("BUILTIN"), DialogChoice::Builtin);
        assert_eq!(parse("system"), DialogChoice::System);
        assert_eq!(parse("native"), DialogChoice::System);
        assert_eq!(parse(""), DialogChoice::Auto);
        assert_eq!(DialogChoice::parse(None), DialogChoice::Auto);
    }

    #[cfg(unix)]
    #[test]
    fn zenity_counts_only_as_an_executable_on_the_path() {
        use std::os::unix::fs::PermissionsExt;
        let with = tempfile::tempdir().unwrap();
        let without = tempfile::tempdir().unwrap();
        let zenity = with.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n").unwrap();
        let path = |dirs: &[&Path]| std::env::join_paths(dirs).unwrap();
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(
            !zenity_on_path(Some(&path(&[with.path()]))),
            "not executable"
        );
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(zenity_on_path(Some(&path(&[without.path(), with.path()]))));
        assert!(!zenity_on_path(Some(&path(&[without.path()]))));
        assert!(!zenity_on_path(None));
    }

    #[cfg(unix)]
    #[test]
    fn no_portal_where_no_bus_listens() {
        let dir = tempfile::tempdir().unwrap();
        let address = format!("unix:path={}", dir.path().join("bus").display());
        assert!(!portal_file_chooser(&address, Duration::from_secs(2)));
    }
}
