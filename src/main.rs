//! The `dateline` binary: parses arguments and runs the app or a headless command.

fn main() -> std::process::ExitCode {
    dateline::cli::main()
}
