//! `kitlibre`: the window with no command, the command line otherwise.

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
