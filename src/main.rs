fn main() -> std::process::ExitCode {
    // Piped into `head`, a command-line tool ends quietly when the reader
    // goes away, instead of panicking on the failed write.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // The command line runs its commands; the window is opened here, so the
    // command-line library never depends on the GUI.
    match tualek::cli::main() {
        tualek::cli::Ran::Done(code) => code,
        tualek::cli::Ran::Window { project, reviewer } => {
            match tualek::ui::run(project, reviewer.as_deref()) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => tualek::cli::window_failed(&e),
            }
        }
    }
}
