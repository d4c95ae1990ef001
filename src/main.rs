fn main() -> std::process::ExitCode {
    tualek::cli::main()
}
