//! `tualek generate`: the man pages and shell completions, made from the same
//! clap grammar the binary parses, so they never drift from it. Hidden from
//! `--help`: it is for packaging (`dist/check-deb`), not for users; run on
//! demand rather than from a build script, so an ordinary build does not pay.

use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;

use super::args::Cli;

/// What to write.
#[derive(Debug, Subcommand)]
pub enum GenerateCmd {
    /// Man pages: tualek.1 and tualek-COMMAND.1 for every command.
    Man { dir: std::path::PathBuf },
    /// Shell completions: tualek.bash, _tualek (zsh) and tualek.fish.
    Completions { dir: std::path::PathBuf },
}

/// The command line's grammar as clap sees it, for the packaging test that
/// checks every command is in the man pages and completions.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The shells a completion script is written for.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

pub fn run(what: GenerateCmd) -> Result<ExitCode, String> {
    let (dir, written) = match &what {
        GenerateCmd::Man { dir } => (dir, man_pages(dir)),
        GenerateCmd::Completions { dir } => (dir, completions(dir)),
    };
    let count = written.map_err(|e| format!("cannot write into {}: {e}", dir.display()))?;
    println!("wrote {count} files into {}", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// A page per visible command (clap_mangen leaves hidden ones out); returns
/// how many files the folder holds.
fn man_pages(dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(command(), dir)?;
    count_files(dir, "1")
}

fn completions(dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = command();
    for shell in SHELLS {
        clap_complete::generate_to(shell, &mut cmd, "tualek", dir)?;
    }
    Ok(SHELLS.len())
}

fn count_files(dir: &Path, extension: &str) -> std::io::Result<usize> {
    let mut n = 0;
    for entry in std::fs::read_dir(dir)? {
        if entry?.path().extension().is_some_and(|e| e == extension) {
            n += 1;
        }
    }
    Ok(n)
}
