//! External tools the export tests hand their files to: xmllint (Debian
//! `libxml2-utils`) and translate-toolkit (PyPI). `.ci/run` installs them and
//! sets TUALEK_REQUIRE_TOOLS=1, so there a missing tool fails the test;
//! elsewhere the check says it is skipped.

use std::path::Path;
use std::process::Command;

/// Whether `program` can be run; when it cannot, fails under
/// TUALEK_REQUIRE_TOOLS=1 and otherwise says the check is skipped.
pub fn tool_present(program: &str, probe: &[&str], what: &str) -> bool {
    let ran = Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ran {
        assert!(
            std::env::var("TUALEK_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{what} is required (TUALEK_REQUIRE_TOOLS=1) but `{program}` cannot run it"
        );
        println!("skipped: {what} is not installed");
    }
    ran
}

pub fn dtd_valid(path: &Path) -> Result<(), String> {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tmx14.dtd");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(&dtd)
        .arg(path)
        .output()
        .unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The units translate-toolkit reads from a TMX file: (source, target, notes).
pub fn translate_toolkit_units(path: &Path) -> Vec<(String, String, String)> {
    let script = r#"
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
print(json.dumps([[str(u.source), str(u.target), u.getnotes()] for u in store.units]))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "translate-toolkit refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The Python that has the annotation tools (spaCy) installed:
/// `$TUALEK_CONSUMERS_PYTHON` (the virtual environment `.ci/run` makes), else `python3`.
pub fn consumers_python() -> String {
    std::env::var("TUALEK_CONSUMERS_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs one of `tests/consumers/*.py` on `file`: Ok with what it printed, or Err with why it refused.
pub fn consumer_check(script: &str, file: &Path) -> Result<String, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/consumers")
        .join(script);
    let out = Command::new(consumers_python())
        .arg(&script)
        .arg(file)
        .output()
        .unwrap();
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// The Python of doccano's own virtual environment: `$TUALEK_DOCCANO_PYTHON`, else `python3`.
pub fn doccano_python() -> String {
    std::env::var("TUALEK_DOCCANO_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs `tests/consumers/doccano_check.py EXPORT REFERENCE`: Ok with its last line, or Err with why.
pub fn doccano_check(export: &Path, reference: &Path) -> Result<String, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/doccano_check.py");
    let out = Command::new(doccano_python())
        .arg(script)
        .arg(export)
        .arg(reference)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.success() {
        Ok(stdout.lines().last().unwrap_or_default().to_string())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}
