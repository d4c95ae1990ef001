//! Text from files and projects, made safe to print on a terminal.
//!
//! A file name, a document title or a reviewer's name comes from whoever
//! made the file. Printed raw, an ESC starts a terminal escape sequence (it
//! can retitle the window, hide text, or on some terminals do worse), a
//! RIGHT-TO-LEFT OVERRIDE (U+202E) shows `exe.txt` for `txt.exe`, and a
//! newline forges a second message line. Every such character is shown as an
//! escape instead (`\u{1b}`, `\u{202e}`, `\n`); everything else — Lao, Thai,
//! combining marks, emoji — is printed as it is.
//!
//! JSON output needs none of this: serde escapes control characters, and a
//! program reads it, not a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` would be interpreted by a terminal or reorder what it shows:
/// C0 and C1 controls, DEL, the bidirectional controls (embeddings,
/// overrides, isolates, marks) and the line and paragraph separators.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `text` with every character a terminal would act on written as an escape.
/// Borrowed when there is none (the usual case).
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as [`display_safe`] text.
pub fn path_safe(path: &std::path::Path) -> String {
    display_safe(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::display_safe;

    #[test]
    fn terminal_controls_and_bidi_overrides_are_escaped() {
        assert_eq!(
            display_safe("a\u{1b}[2Jb\u{202e}txt.exe"),
            "a\\u{1b}[2Jb\\u{202e}txt.exe"
        );
        assert_eq!(display_safe("one\ntwo\tthree\r"), "one\\ntwo\\tthree\\r");
        assert_eq!(display_safe("\u{9b}31m \u{7f}"), "\\u{9b}31m \\u{7f}");
        assert_eq!(
            display_safe("\u{2066}x\u{2069}\u{200f}\u{2028}"),
            "\\u{2066}x\\u{2069}\\u{200f}\\u{2028}"
        );
    }

    #[test]
    fn other_text_is_left_as_it_is() {
        for text in ["ເຈົ້າໜ້າທີ່ 1,255 ຄົນ", "ภาษาไทย", "e\u{301}", "👩‍👩‍👧", "a\\u{1b}"]
        {
            assert!(matches!(
                display_safe(text),
                std::borrow::Cow::Borrowed(t) if t == text
            ));
        }
    }
}
