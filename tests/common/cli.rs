//! The `tualek` binary run as a user runs it, for the command-line tests.

use std::process::{Command, Output};

pub fn tualek(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tualek"))
        .args(args)
        .env("TUALEK_REVIEWER", "cli-tester")
        .output()
        .unwrap()
}

/// Runs a command that must succeed; returns what it printed.
pub fn ok(args: &[&str]) -> String {
    let out = tualek(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must fail (exit 1, a one-line reason); returns the reason.
pub fn fails(args: &[&str]) -> String {
    let out = tualek(args);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail with 1");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("tualek: "), "{err}");
    err
}
