fn main() -> std::process::ExitCode {
    // Piped into `head`, a command-line tool ends quietly when the reader
    // goes away, instead of panicking on the failed write.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    tualek::cli::main()
}
