use std::process::ExitCode;

fn main() -> ExitCode {
    justera::cli::main()
}
