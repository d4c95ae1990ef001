//! Tualek's own file chooser, for desktops where rfd cannot show a dialog (no
//! xdg desktop portal, no zenity): a path field with Tab completion over a
//! listing of the folder being typed, Enter to accept and Esc to cancel.
//!
//! Written here rather than taken from a crate: egui-file-dialog 0.15 needs
//! egui 0.36, and egui_file 0.29 gives its fields no accessible names and
//! prints its errors to stdout.

use std::collections::BTreeSet;
use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::text::{CCursor, CCursorRange};
use egui::{Color32, Key, Ui};

use crate::i18n::{Arg, I18n};

/// What the chooser asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooserMode {
    /// One existing file.
    OpenFile,
    /// One or more existing files (ticked in the listing, or typed).
    OpenFiles,
    /// A file to write: it may not exist yet, its folder must.
    SaveFile,
    /// An existing folder.
    Folder,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooserOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    is_dir: bool,
}

/// A problem with what was typed: a message id and the path it names.
type Problem = (&'static str, String);

pub struct FileChooser {
    mode: ChooserMode,
    title: String,
    /// Extensions listed (lower case, no dot); all files when empty.
    extensions: Vec<String>,
    /// The path field: a folder ending in a separator, or a file's path.
    text: String,
    /// The folder last listed and what it holds (or why it cannot be read).
    listing: Option<(PathBuf, Result<Vec<Entry>, String>)>,
    /// Files ticked in the listing (OpenFiles).
    ticked: BTreeSet<PathBuf>,
    show_all: bool,
    problem: Option<Problem>,
    /// A file SaveFile would replace: a second Enter (or Save) confirms.
    replace: Option<PathBuf>,
    /// Whether a save may replace a file (not for a new project).
    may_replace: bool,
    /// The message id saying why this chooser shows instead of the system's.
    reason: Option<&'static str>,
    /// Put the cursor at the end of the path field on the next frame.
    refocus: bool,
}

const FIELD_ID: &str = "tualek-file-chooser-path";

impl FileChooser {
    /// A chooser starting in `dir`, with `file_name` typed for a save.
    pub fn new(
        mode: ChooserMode,
        title: String,
        dir: &Path,
        file_name: Option<&str>,
        extensions: &[&str],
    ) -> FileChooser {
        let mut text = with_separator(&dir.display().to_string());
        if let Some(name) = file_name {
            text.push_str(name);
        }
        FileChooser {
            mode,
            title,
            extensions: extensions.iter().map(|e| e.to_ascii_lowercase()).collect(),
            text,
            listing: None,
            ticked: BTreeSet::new(),
            show_all: false,
            problem: None,
            replace: None,
            may_replace: true,
            reason: None,
            refocus: true,
        }
    }

    /// Shows `reason` (a message id) above the field: why this chooser is up.
    pub fn with_reason(mut self, reason: &'static str) -> FileChooser {
        self.reason = Some(reason);
        self
    }

    /// A save that refuses existing files instead of offering to replace them.
    pub fn never_replace(mut self) -> FileChooser {
        self.may_replace = false;
        self
    }

    pub fn mode(&self) -> ChooserMode {
        self.mode
    }

    /// What the path field holds.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
        self.problem = None;
        self.replace = None;
    }

    /// The folder the field points into, and the start of a name typed in it.
    fn split(&self) -> (PathBuf, String) {
        let text = expand_home(&self.text);
        if text.is_empty() {
            return (current_dir(), String::new());
        }
        if text.ends_with(MAIN_SEPARATOR) || text.ends_with('/') {
            return (absolute(Path::new(&text)), String::new());
        }
        let path = Path::new(&text);
        let prefix = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => absolute(p),
            _ => current_dir(),
        };
        (dir, prefix)
    }

    /// Reads the folder the field points into, unless it is listed already.
    fn refresh(&mut self) {
        let (dir, _) = self.split();
        if self.listing.as_ref().is_some_and(|(d, _)| *d == dir) {
            return;
        }
        let entries = read_folder(&dir);
        self.listing = Some((dir, entries));
    }

    /// The listed entries that the typed name starts (case ignored) and the filters let through.
    fn matches(&self) -> Vec<Entry> {
        let (_, prefix) = self.split();
        self.matching(&prefix.to_lowercase())
    }

    /// What the listing shows: the matches; for a save whose new name matches
    /// nothing, the whole folder, to see what is there already.
    fn shown(&self) -> Vec<Entry> {
        let found = self.matches();
        if found.is_empty() && self.mode == ChooserMode::SaveFile {
            self.matching("")
        } else {
            found
        }
    }

    fn matching(&self, prefix: &str) -> Vec<Entry> {
        let Some((_, Ok(entries))) = &self.listing else {
            return Vec::new();
        };
        entries
            .iter()
            .filter(|e| e.name.to_lowercase().starts_with(prefix))
            .filter(|e| self.show_all || !e.name.starts_with('.') || prefix.starts_with('.'))
            .filter(|e| {
                e.is_dir
                    || (self.mode != ChooserMode::Folder
                        && (self.show_all
                            || self.extensions.is_empty()
                            || self.has_extension(&e.name)))
            })
            .cloned()
            .collect()
    }

    fn has_extension(&self, name: &str) -> bool {
        Path::new(name)
            .extension()
            .map(|x| x.to_string_lossy().to_ascii_lowercase())
            .is_some_and(|x| self.extensions.contains(&x))
    }

    /// Tab: completes the typed name as far as the matching entries agree;
    /// a single folder gets its separator, so the next Tab lists inside it.
    pub fn complete(&mut self) {
        self.refresh();
        let found = self.matches();
        let (dir, prefix) = self.split();
        let completed = match found.as_slice() {
            [] => return,
            [one] => {
                let mut name = one.name.clone();
                if one.is_dir {
                    name.push(MAIN_SEPARATOR);
                }
                name
            }
            many => {
                let common = common_prefix(many.iter().map(|e| e.name.as_str()));
                if common.chars().count() <= prefix.chars().count() {
                    return;
                }
                common
            }
        };
        self.set_text(&dir.join(completed).display().to_string());
        if self.text.ends_with(MAIN_SEPARATOR) {
            self.refresh();
        }
        self.refocus = true;
    }

    /// Enter (or the main button): picks what the field names, or goes into the folder it names.
    pub fn accept(&mut self) -> Option<ChooserOutcome> {
        let (dir, prefix) = self.split();
        let path = if prefix.is_empty() {
            dir.clone()
        } else {
            dir.join(&prefix)
        };
        let shown = path.display().to_string();
        self.problem = None;
        if self.mode == ChooserMode::Folder {
            return if path.is_dir() {
                Some(ChooserOutcome::Picked(vec![path]))
            } else {
                self.problem = Some(("chooser-not-a-folder", shown));
                None
            };
        }
        if path.is_dir() {
            if self.mode == ChooserMode::OpenFiles && prefix.is_empty() && !self.ticked.is_empty() {
                return Some(ChooserOutcome::Picked(
                    self.ticked.iter().cloned().collect(),
                ));
            }
            self.enter_folder(&path);
            return None;
        }
        match self.mode {
            ChooserMode::OpenFile | ChooserMode::OpenFiles => {
                if !path.is_file() {
                    self.problem = Some(("chooser-not-found", shown));
                    return None;
                }
                let mut picked = self.ticked.clone();
                picked.insert(path);
                Some(ChooserOutcome::Picked(picked.into_iter().collect()))
            }
            ChooserMode::SaveFile => {
                if !dir.is_dir() {
                    self.problem = Some(("chooser-no-folder", dir.display().to_string()));
                    return None;
                }
                if path.exists() && !self.may_replace {
                    self.problem = Some(("chooser-exists", shown));
                    return None;
                }
                if path.exists() && self.replace.as_ref() != Some(&path) {
                    self.replace = Some(path);
                    self.problem = Some(("chooser-replace", shown));
                    return None;
                }
                Some(ChooserOutcome::Picked(vec![path]))
            }
            ChooserMode::Folder => unreachable!("handled above"),
        }
    }

    fn enter_folder(&mut self, dir: &Path) {
        // A save keeps the name typed so far.
        let keep = match self.mode {
            ChooserMode::SaveFile => self.file_name_typed(),
            _ => String::new(),
        };
        self.set_text(&(with_separator(&dir.display().to_string()) + &keep));
        self.refresh();
        self.refocus = true;
    }

    /// For a save: the file name last typed or proposed, whatever folder the field is in.
    fn file_name_typed(&self) -> String {
        let (dir, prefix) = self.split();
        if dir.join(&prefix).is_dir() {
            String::new()
        } else {
            prefix
        }
    }

    /// Draws the chooser; returns its outcome once the user picks or cancels.
    pub fn show(&mut self, ctx: &egui::Context, i18n: &I18n) -> Option<ChooserOutcome> {
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            return Some(ChooserOutcome::Cancelled);
        }
        self.refresh();
        let mut open = true;
        let mut outcome = None;
        egui::Window::new(self.title.clone())
            .id(egui::Id::unique("tualek-file-chooser"))
            .collapsible(false)
            .default_size([620.0, 440.0])
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .open(&mut open)
            .show(ctx, |ui| outcome = self.contents(ui, i18n));
        if !open {
            return Some(ChooserOutcome::Cancelled);
        }
        outcome
    }

    fn contents(&mut self, ui: &mut Ui, i18n: &I18n) -> Option<ChooserOutcome> {
        let mut outcome = None;
        if let Some(reason) = self.reason {
            ui.label(egui::RichText::new(i18n.t(reason)).weak());
            ui.add_space(4.0);
        }
        let (dir, _) = self.split();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    dir.parent().is_some(),
                    egui::Button::new(i18n.t("chooser-parent")),
                )
                .clicked()
                && let Some(parent) = dir.parent()
            {
                self.enter_folder(parent);
            }
            if let Some(home) = home_dir()
                && ui.button(i18n.t("chooser-home")).clicked()
            {
                self.enter_folder(&home);
            }
        });

        let id = egui::Id::unique(FIELD_ID);
        let focused = ui.memory(|m| m.has_focus(id));
        if focused && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Tab)) {
            self.complete();
        }
        let field = ui.horizontal(|ui| {
            let label = ui.label(i18n.t("chooser-path"));
            ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .id(id)
                    .lock_focus(true)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        });
        let field = field.inner;
        if field.changed() {
            self.problem = None;
            self.replace = None;
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            outcome = self.accept();
            if outcome.is_none() {
                self.refocus = true;
            }
        }
        if self.refocus {
            self.refocus = false;
            field.request_focus();
            let end = self.text.chars().count();
            if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
                state
                    .cursor
                    .set_char_range(Some(CCursorRange::one(CCursor::new(end))));
                state.store(ui.ctx(), id);
            }
        }
        if let Some((id, arg)) = &self.problem {
            ui.colored_label(
                Color32::from_rgb(220, 60, 60),
                i18n.t_args(id, &[("arg", Arg::Str(arg))]),
            );
        }
        ui.weak(i18n.t(match self.mode {
            ChooserMode::OpenFiles => "chooser-hint-files",
            _ => "chooser-hint",
        }));

        let bottom = ui.spacing().interact_size.y * 2.5;
        let listing_height = (ui.available_height() - bottom).max(120.0);
        egui::ScrollArea::vertical()
            .max_height(listing_height)
            .min_scrolled_height(listing_height.min(260.0))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(done) = self.listing_ui(ui, i18n) {
                    outcome = Some(done);
                }
            });

        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .checkbox(&mut self.show_all, i18n.t("chooser-show-all"))
                .changed()
            {
                self.refocus = true;
            }
            if self.mode == ChooserMode::OpenFiles && !self.ticked.is_empty() {
                ui.label(i18n.t_args(
                    "chooser-ticked",
                    &[("count", Arg::Int(self.ticked.len() as i64))],
                ));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(i18n.t("chooser-cancel")).clicked() {
                    outcome = Some(ChooserOutcome::Cancelled);
                }
                let main = match self.mode {
                    ChooserMode::SaveFile => "chooser-save",
                    ChooserMode::Folder => "chooser-choose-folder",
                    _ => "chooser-open",
                };
                if ui.button(i18n.t(main)).clicked()
                    && let Some(done) = self.accept()
                {
                    outcome = Some(done);
                }
            });
        });
        outcome
    }

    fn listing_ui(&mut self, ui: &mut Ui, i18n: &I18n) -> Option<ChooserOutcome> {
        let (dir, _) = self.split();
        if let Some((_, Err(e))) = &self.listing {
            ui.colored_label(
                Color32::from_rgb(220, 60, 60),
                i18n.t_args("chooser-unreadable", &[("arg", Arg::Str(e))]),
            );
            return None;
        }
        let found = self.shown();
        if found.is_empty() {
            ui.weak(i18n.t("chooser-nothing"));
        }
        let mut outcome = None;
        for entry in found {
            let path = dir.join(&entry.name);
            if entry.is_dir {
                let shown = format!("{}{MAIN_SEPARATOR}", entry.name);
                if ui.selectable_label(false, shown).clicked() {
                    self.enter_folder(&path);
                }
                continue;
            }
            let chosen = self.ticked.contains(&path) || self.split_path() == path;
            let row = ui.selectable_label(chosen, &entry.name);
            if row.double_clicked() {
                self.set_text(&path.display().to_string());
                outcome = self.accept();
            } else if row.clicked() {
                if self.mode == ChooserMode::OpenFiles && !self.ticked.remove(&path) {
                    self.ticked.insert(path.clone());
                }
                self.set_text(&path.display().to_string());
                self.refocus = true;
            }
        }
        outcome
    }

    fn split_path(&self) -> PathBuf {
        let (dir, prefix) = self.split();
        dir.join(prefix)
    }
}

fn read_folder(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| Entry {
            name: e.file_name().to_string_lossy().into_owned(),
            // Follows links, so a link to a folder opens as one.
            is_dir: e.path().is_dir(),
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

fn common_prefix<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let mut common: String = names.next().unwrap_or_default().to_string();
    for name in names {
        let same = common
            .chars()
            .zip(name.chars())
            .take_while(|(a, b)| a == b)
            .count();
        common = common.chars().take(same).collect();
    }
    common
}

fn with_separator(dir: &str) -> String {
    if dir.ends_with(MAIN_SEPARATOR) || dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}{MAIN_SEPARATOR}")
    }
}

fn home_dir() -> Option<PathBuf> {
    directories::UserDirs::new().map(|u| u.home_dir().to_path_buf())
}

/// `~` and `~/…` stand for the home folder, as in a shell.
fn expand_home(text: &str) -> String {
    match (text.strip_prefix('~'), home_dir()) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with(['/', MAIN_SEPARATOR]) => {
            format!("{}{rest}", home.display())
        }
        _ => text.to_string(),
    }
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        current_dir().join(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("reports")).unwrap();
        std::fs::create_dir(dir.path().join("review")).unwrap();
        std::fs::write(dir.path().join("report-2024.tualek"), "").unwrap();
        std::fs::write(dir.path().join("report-2025.tualek"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        dir
    }

    fn chooser(mode: ChooserMode, dir: &Path) -> FileChooser {
        FileChooser::new(mode, "t".into(), dir, None, &["tualek"])
    }

    fn names(c: &FileChooser) -> Vec<String> {
        c.matches().into_iter().map(|e| e.name).collect()
    }

    #[test]
    fn lists_folders_first_then_the_files_the_filter_lets_through() {
        let d = folder();
        let mut c = chooser(ChooserMode::OpenFile, d.path());
        c.refresh();
        assert_eq!(
            names(&c),
            [
                "reports",
                "review",
                "report-2024.tualek",
                "report-2025.tualek"
            ]
        );
        c.show_all = true;
        assert!(names(&c).contains(&"notes.txt".to_string()));
    }

    #[test]
    fn tab_completes_as_far_as_the_names_agree_then_into_a_folder() {
        let d = folder();
        let mut c = chooser(ChooserMode::OpenFile, d.path());
        c.set_text(&d.path().join("rep").display().to_string());
        c.complete();
        assert_eq!(c.text(), d.path().join("report").display().to_string());
        c.set_text(&d.path().join("reports").display().to_string());
        c.complete();
        assert_eq!(
            c.text(),
            format!("{}{MAIN_SEPARATOR}", d.path().join("reports").display())
        );
        c.set_text(&d.path().join("rev").display().to_string());
        c.complete();
        assert_eq!(
            c.text(),
            format!("{}{MAIN_SEPARATOR}", d.path().join("review").display())
        );
    }

    #[test]
    fn enter_opens_a_file_goes_into_a_folder_and_names_what_is_missing() {
        let d = folder();
        let mut c = chooser(ChooserMode::OpenFile, d.path());
        c.set_text(&d.path().join("reports").display().to_string());
        assert_eq!(c.accept(), None);
        assert_eq!(c.split().0, d.path().join("reports"));
        c.set_text(&d.path().join("nothing.tualek").display().to_string());
        assert_eq!(c.accept(), None);
        assert_eq!(c.problem.as_ref().unwrap().0, "chooser-not-found");
        let file = d.path().join("report-2024.tualek");
        c.set_text(&file.display().to_string());
        assert_eq!(c.accept(), Some(ChooserOutcome::Picked(vec![file])));
    }

    #[test]
    fn a_save_asks_before_replacing_and_needs_an_existing_folder() {
        let d = folder();
        let mut c = FileChooser::new(
            ChooserMode::SaveFile,
            "t".into(),
            d.path(),
            Some("report-2024.tualek"),
            &["tualek"],
        );
        assert_eq!(c.accept(), None, "the file exists: asks first");
        assert_eq!(c.problem.as_ref().unwrap().0, "chooser-replace");
        let file = d.path().join("report-2024.tualek");
        assert_eq!(c.accept(), Some(ChooserOutcome::Picked(vec![file])));
        c.set_text(
            &d.path()
                .join("missing")
                .join("x.tualek")
                .display()
                .to_string(),
        );
        assert_eq!(c.accept(), None);
        assert_eq!(c.problem.as_ref().unwrap().0, "chooser-no-folder");
        // A new name matches nothing: the listing shows the whole folder.
        c.set_text(&d.path().join("new.tualek").display().to_string());
        c.refresh();
        assert!(c.matches().is_empty());
        assert_eq!(c.shown().len(), 4);
        // Going into a folder keeps the name being typed.
        c.set_text(&d.path().join("new.tualek").display().to_string());
        c.enter_folder(&d.path().join("reports"));
        assert_eq!(
            c.text(),
            d.path()
                .join("reports")
                .join("new.tualek")
                .display()
                .to_string()
        );
    }

    #[test]
    fn a_folder_chooser_picks_the_folder_typed() {
        let d = folder();
        let mut c = chooser(ChooserMode::Folder, d.path());
        c.refresh();
        assert_eq!(names(&c), ["reports", "review"], "folders only");
        c.set_text(&d.path().join("review").display().to_string());
        assert_eq!(
            c.accept(),
            Some(ChooserOutcome::Picked(vec![d.path().join("review")]))
        );
        c.set_text(&d.path().join("notes.txt").display().to_string());
        assert_eq!(c.accept(), None);
    }
}
