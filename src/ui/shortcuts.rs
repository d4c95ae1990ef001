//! The keyboard: every shortcut in one table, used both to act and to draw the overlay (F1).

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Confirm,
    Reject,
    Fix,
    Next,
    Previous,
    NextUnreviewed,
    SwitchPane,
    Reanchor,
    Add,
    Link,
    LinkAll,
    NextDisagreement,
    PreviousDisagreement,
    Undo,
    Redo,
    Search,
    Help,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Rename,
    NewProject,
    OpenProject,
    ImportFiles,
    Export,
    ToggleClaims,
    NextClaim,
    PreviousClaim,
    AcceptClaim,
    DismissClaim,
    SplitClaim,
    ToggleQa,
    NextProblem,
    PreviousProblem,
    AcceptSegment,
}

/// Each shortcut, its keys, and the message id of its description.
pub const TABLE: &[(Shortcut, &[KeyboardShortcut], &str)] = &[
    // Shift+Enter (accept a segment) before Enter, which would match it too.
    (
        Shortcut::AcceptSegment,
        &[shift(Key::Enter)],
        "key-accept-segment",
    ),
    (Shortcut::Confirm, &[k(Key::Enter)], "key-confirm"),
    // Shift+X (dismiss a claim) before X, which would match it too.
    (
        Shortcut::DismissClaim,
        &[shift(Key::X)],
        "key-dismiss-claim",
    ),
    (Shortcut::Reject, &[k(Key::X), k(Key::Delete)], "key-reject"),
    (Shortcut::Fix, &[k(Key::E)], "key-fix"),
    (Shortcut::Next, &[k(Key::J), k(Key::ArrowDown)], "key-next"),
    (
        Shortcut::Previous,
        &[k(Key::K), k(Key::ArrowUp)],
        "key-previous",
    ),
    (
        Shortcut::NextUnreviewed,
        &[k(Key::N)],
        "key-next-unreviewed",
    ),
    (Shortcut::SwitchPane, &[k(Key::Tab)], "key-switch-pane"),
    (Shortcut::Reanchor, &[k(Key::R)], "key-reanchor"),
    // Shift+A before A, as for L.
    (Shortcut::AcceptClaim, &[shift(Key::A)], "key-accept-claim"),
    (Shortcut::SplitClaim, &[shift(Key::S)], "key-split-claim"),
    (Shortcut::Add, &[k(Key::A)], "key-add"),
    // Before plain L, which would match Shift+L too.
    (Shortcut::LinkAll, &[shift(Key::L)], "key-link-all"),
    (Shortcut::Link, &[k(Key::L)], "key-link"),
    // Shift+D before D, as for L.
    (
        Shortcut::PreviousDisagreement,
        &[shift(Key::D)],
        "key-previous-disagreement",
    ),
    (
        Shortcut::NextDisagreement,
        &[k(Key::D)],
        "key-next-disagreement",
    ),
    (
        Shortcut::Redo,
        &[ctrl_shift(Key::Z), ctrl(Key::Y)],
        "key-redo",
    ),
    (Shortcut::Undo, &[ctrl(Key::Z)], "key-undo"),
    (Shortcut::Search, &[ctrl(Key::F)], "key-search"),
    (
        Shortcut::Help,
        &[k(Key::F1), k(Key::Questionmark)],
        "key-help",
    ),
    (
        Shortcut::ZoomIn,
        &[ctrl(Key::Plus), ctrl(Key::Equals)],
        "key-zoom-in",
    ),
    (Shortcut::ZoomOut, &[ctrl(Key::Minus)], "key-zoom-out"),
    (Shortcut::ZoomReset, &[ctrl(Key::Num0)], "key-zoom-reset"),
    (Shortcut::Rename, &[k(Key::F2)], "key-rename"),
    (Shortcut::NewProject, &[ctrl(Key::N)], "key-new-project"),
    (Shortcut::OpenProject, &[ctrl(Key::O)], "key-open-project"),
    (Shortcut::ImportFiles, &[ctrl(Key::I)], "key-import-files"),
    (Shortcut::Export, &[ctrl(Key::E)], "key-export"),
    (Shortcut::ToggleClaims, &[k(Key::C)], "key-toggle-claims"),
    (
        Shortcut::NextClaim,
        &[k(Key::CloseBracket)],
        "key-next-claim",
    ),
    (
        Shortcut::PreviousClaim,
        &[k(Key::OpenBracket)],
        "key-previous-claim",
    ),
    (Shortcut::ToggleQa, &[k(Key::Q)], "key-toggle-qa"),
    // Shift+F8 before F8, as for L.
    (
        Shortcut::PreviousProblem,
        &[shift(Key::F8)],
        "key-previous-problem",
    ),
    (Shortcut::NextProblem, &[k(Key::F8)], "key-next-problem"),
];

/// The keys of `shortcut` as the user reads them, for a menu item.
pub fn keys_of(shortcut: Shortcut) -> String {
    TABLE
        .iter()
        .find(|(s, _, _)| *s == shortcut)
        .map(|(_, keys, _)| describe(keys))
        .unwrap_or_default()
}

const fn k(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}
const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// The shortcuts pressed this frame, consumed so no widget also acts on them.
/// Outside a text field only; in one, only those with Ctrl still apply.
pub fn pressed(ctx: &egui::Context) -> Vec<Shortcut> {
    let typing = ctx.text_edit_focused();
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (what, keys, _) in TABLE {
            for key in *keys {
                // Shift+L or Shift+D in a field is a capital letter.
                if typing && !key.modifiers.command && !key.modifiers.ctrl {
                    continue;
                }
                if i.consume_shortcut(key) {
                    out.push(*what);
                    break;
                }
            }
        }
    });
    out
}

/// The keys of a shortcut as the user reads them ("Ctrl+Shift+Z", "?", "↓").
pub fn describe(keys: &[KeyboardShortcut]) -> String {
    keys.iter()
        .map(describe_one)
        .collect::<Vec<_>>()
        .join(" / ")
}

fn describe_one(k: &KeyboardShortcut) -> String {
    let mut out = String::new();
    if k.modifiers.command || k.modifiers.ctrl {
        out.push_str(if cfg!(target_os = "macos") {
            "⌘"
        } else {
            "Ctrl+"
        });
    }
    if k.modifiers.alt {
        out.push_str("Alt+");
    }
    if k.modifiers.shift {
        out.push_str("Shift+");
    }
    out.push_str(key_name(k.logical_key));
    out
}

/// A key as printed on the keyboard; egui's own names ("Questionmark",
/// "Down") are for programmers.
pub fn key_name(key: Key) -> &'static str {
    match key {
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Questionmark => "?",
        Key::Plus => "+",
        Key::Minus => "−",
        Key::Equals => "=",
        Key::Num0 => "0",
        Key::Escape => "Esc",
        Key::Delete => "Delete",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        other => other.name(),
    }
}
