//! `kitlibre`: the window with no command, the command line otherwise.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match kitlibre::cli::parse_args() {
        Ok(cli) => cli,
        Err(status) => return ExitCode::from(status as u8),
    };
    match cli.command {
        Some(command) => {
            let mut out = std::io::stdout().lock();
            let mut err = std::io::stderr().lock();
            let mut io = kitlibre::cli::Io {
                out: &mut out,
                err: &mut err,
            };
            let status = kitlibre::cli::run(&cli.global, command, &mut io);
            ExitCode::from(status as u8)
        }
        None => {
            use clap::CommandFactory;
            let _ = kitlibre::cli::Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
