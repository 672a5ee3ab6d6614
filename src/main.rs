//! `kitlibre`: the window with no command, the command line otherwise.
//!
//! On Windows the program is built for the GUI subsystem, so no console window opens when
//! it starts from the Start menu or Explorer. The Windows packages also carry
//! `kitlibre.com`: the same program marked for the console subsystem
//! (scripts/build-windows.sh), which cmd and PowerShell pick before the `.exe` when
//! someone types `kitlibre`: it prints in the console, the shell waits for it and gets its
//! exit code, as with LibreOffice's `soffice.com`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // The first-frame benchmark counts from here.
    let _ = kitlibre::ui::started();
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
            let options = kitlibre::ui::Options {
                catalog_dir: cli.global.catalog,
                lang: cli.global.lang,
                first_frame: kitlibre::ui::FirstFrame::from_env(),
                public_session: cli.public_session,
                workshop: cli.workshop,
            };
            match kitlibre::ui::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    let lang = kitlibre::i18n::resolve_lang(cli.global.lang);
                    eprintln!(
                        "kitlibre: {}",
                        kitlibre::t!(lang, "ui-window-failed", detail = e.to_string())
                    );
                    ExitCode::from(2)
                }
            }
        }
    }
}
