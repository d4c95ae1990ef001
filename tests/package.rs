//! The Debian package's parts (dist/, assets/icons/): the man pages and shell
//! completions the binary generates cover every command; the desktop entry
//! and the AppStream metadata pass their validators; the metadata's newest
//! release is this version, so a version bump without release notes fails.
//! dist/check-deb builds, installs and runs the package itself.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::tools::tool_present;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tualek generate WHAT DIR` into a fresh folder and returns it.
fn generate(what: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = common::cli::tualek(&["generate", what, dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "generate {what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// The commands a user sees, as (man page name, command name), nested ones
/// too: ("tualek-claims-accept", "accept").
fn visible_commands() -> Vec<(String, String)> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<(String, String)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let page = format!("{prefix}-{}", sub.get_name());
            out.push((page.clone(), sub.get_name().to_string()));
            walk(sub, &page, out);
        }
    }
    let mut out = Vec::new();
    walk(&tualek::cli::command(), "tualek", &mut out);
    out
}

fn top_level_commands() -> Vec<String> {
    tualek::cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

#[test]
fn man_pages_cover_every_command() {
    let dir = generate("man");
    let main = std::fs::read_to_string(dir.path().join("tualek.1")).unwrap();
    assert!(main.contains(".TH tualek 1"), "{main}");
    let commands = visible_commands();
    assert!(commands.len() > 30, "{commands:?}");
    for (page, name) in &commands {
        let text = std::fs::read_to_string(dir.path().join(format!("{page}.1")))
            .unwrap_or_else(|e| panic!("no man page {page}.1: {e}"));
        assert!(text.contains(name), "{page}.1 does not name {name}");
    }
    for name in top_level_commands() {
        // roff escapes the hyphen: the page lists `tualek\-scan(1)`.
        let reference = format!("tualek\\-{}(1)", name.replace('-', "\\-"));
        assert!(main.contains(&reference), "tualek.1 lacks {reference}");
    }
    assert!(
        !dir.path().join("tualek-generate.1").exists(),
        "the hidden generate command has no page"
    );
}

#[test]
fn completions_cover_every_command_and_parse() {
    let dir = generate("completions");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    let (bash, zsh, fish) = (read("tualek.bash"), read("_tualek"), read("tualek.fish"));
    for name in top_level_commands() {
        assert!(
            bash.contains(&format!("tualek,{name})")),
            "bash lacks {name}"
        );
        assert!(zsh.contains(&format!("'{name}:")), "zsh lacks {name}");
        assert!(
            fish.contains(&format!("-a \"{name}\"")),
            "fish lacks {name}"
        );
    }
    // Each shell reads its script without running it.
    let shells: [(&str, &[&str], &str); 3] = [
        ("bash", &["-n"], "tualek.bash"),
        ("zsh", &["-n"], "_tualek"),
        ("fish", &["--no-execute"], "tualek.fish"),
    ];
    for (shell, flags, file) in shells {
        if !tool_present(shell, &["-c", "true"], shell) {
            continue;
        }
        let out = Command::new(shell)
            .args(flags)
            .arg(dir.path().join(file))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{shell} cannot parse {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Runs a validator on a file of dist/; Err with what it said.
fn validate(program: &str, args: &[&str], file: &str) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .arg(root().join("dist").join(file))
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() {
        Ok(())
    } else {
        Err(said)
    }
}

#[test]
fn desktop_entry_is_valid() {
    if !tool_present(
        "desktop-file-validate",
        &["--help"],
        "desktop-file-validate (desktop-file-utils)",
    ) {
        return;
    }
    validate("desktop-file-validate", &[], "tualek.desktop").unwrap();
    let entry = std::fs::read_to_string(root().join("dist/tualek.desktop")).unwrap();
    assert!(entry.contains("\nIcon=tualek\n"), "{entry}");
}

#[test]
fn metainfo_is_valid() {
    if !tool_present("appstreamcli", &["--version"], "appstreamcli (appstream)") {
        return;
    }
    validate(
        "appstreamcli",
        &["validate", "--no-net"],
        "tualek.metainfo.xml",
    )
    .unwrap();
}

/// The metainfo's elements of one name: (attributes, text), in file order.
fn elements(xml: &str, name: &str) -> Vec<(Vec<(String, String)>, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    let mut open: Option<Vec<(String, String)>> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name => {
                let attributes = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0);
                        (a.key.as_ref().to_string(), value.unwrap().into_owned())
                    })
                    .collect();
                open = Some(attributes);
                found.push((open.clone().unwrap(), String::new()));
            }
            Event::Text(t) if open.is_some() => {
                found.last_mut().unwrap().1 += &t.xml10_content();
            }
            Event::End(e) if e.name().as_ref() == name => open = None,
            Event::Eof => return found,
            _ => {}
        }
    }
}

fn attribute<'a>(attributes: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn metainfo_matches_the_crate() {
    let xml = std::fs::read_to_string(root().join("dist/tualek.metainfo.xml")).unwrap();
    let releases = elements(&xml, "release");
    let newest = releases.first().expect("a <release>");
    assert_eq!(
        attribute(&newest.0, "version"),
        Some(env!("CARGO_PKG_VERSION")),
        "the newest <release> in dist/tualek.metainfo.xml is not Cargo.toml's version: write its release notes"
    );
    let license = elements(&xml, "project_license");
    assert_eq!(license[0].1.trim(), env!("CARGO_PKG_LICENSE"));
    let launchable = elements(&xml, "launchable");
    assert!(root().join("dist").join(launchable[0].1.trim()).exists());
    let binary = elements(&xml, "binary");
    assert_eq!(binary[0].1.trim(), env!("CARGO_PKG_NAME"));
    // Every screenshot it names is in dist/screenshots, at the size it says.
    let images = elements(&xml, "image");
    assert!(images.len() >= 2, "{images:?}");
    for (attributes, url) in images {
        let file = url.trim().rsplit('/').next().unwrap();
        let size = png_size(&root().join("dist/screenshots").join(file));
        let said = (
            attribute(&attributes, "width"),
            attribute(&attributes, "height"),
        );
        assert_eq!(
            (said.0.map(str::to_string), said.1.map(str::to_string)),
            (Some(size.0.to_string()), Some(size.1.to_string())),
            "{file}"
        );
    }
}

/// A PNG's width and height, from its IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is no PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The source paths of `[package.metadata.deb] assets` in Cargo.toml.
fn deb_asset_sources() -> Vec<PathBuf> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.deb]");
    let assets = section.split("assets = [").nth(1).unwrap();
    let assets = &assets[..assets.find("\n]").unwrap()];
    assets
        .lines()
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .map(|rest| PathBuf::from(&rest[..rest.find('"').unwrap()]))
        .collect()
}

#[test]
fn icons_are_packaged_at_their_sizes() {
    let sources = deb_asset_sources();
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let icon = PathBuf::from(format!("assets/icons/hicolor/{size}x{size}/tualek.png"));
        assert!(
            sources.contains(&icon),
            "Cargo.toml does not package {icon:?}"
        );
        assert_eq!(png_size(&root().join(&icon)), (size, size), "{icon:?}");
    }
    assert!(sources.contains(&PathBuf::from("assets/icons/tualek.svg")));
    // Everything but what `tualek generate` and cargo write is committed.
    for source in sources.iter().filter(|s| !s.starts_with("target")) {
        assert!(root().join(source).is_file(), "{source:?} is missing");
    }
}
