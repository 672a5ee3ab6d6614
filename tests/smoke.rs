//! Smoke test of the real window: the release candidate binary is started under Xvfb with
//! the software renderer, draws its first frame, a screenshot of the screen is taken and
//! must not be blank, then Ctrl+Q closes the window and the process exits with status 0.
//!
//! Needs Xvfb (package xvfb), xdotool and ImageMagick's `import`/`identify` (package
//! imagemagick); scripts/run-tests.sh installs them. A missing tool fails the test with the
//! package to install: the smoke test is part of CI and is never skipped silently.

use kitlibre::bench::{Display, WindowProcess};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn need(tool: &str, package: &str) {
    assert!(
        which::which(tool).is_ok(),
        "the smoke test needs `{tool}` (Debian package {package}); scripts/run-tests.sh installs it"
    );
}

fn run(display: &Display, program: &str, args: &[&str]) -> String {
    let mut cmd = Command::new(program);
    cmd.args(args);
    for (k, v) in display.vars() {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Distinct colours in a picture (ImageMagick's %k): a blank screen has one or two.
fn colours(display: &Display, png: &Path) -> u64 {
    let png = png.to_str().expect("utf-8 path");
    run(display, "identify", &["-format", "%k", png])
        .trim()
        .parse()
        .expect("a colour count")
}

fn smoke(lang: &str) {
    need("Xvfb", "xvfb");
    need("xdotool", "xdotool");
    need("import", "imagemagick");
    need("identify", "imagemagick");
    let display = Display::start_xvfb().expect("Xvfb starts");
    let exe = Path::new(env!("CARGO_BIN_EXE_kitlibre"));
    let mut window = WindowProcess::start(exe, &display, "announce", &["--lang", lang])
        .expect("the window process starts");
    // A debug build on a busy CI machine is slow to start; the benchmark times it, not this.
    let first_frame = window.wait_first_frame(Duration::from_secs(180));
    assert!(first_frame.is_ok(), "no first frame: {first_frame:?}");

    // The window is there, with its title.
    let ids = run(&display, "xdotool", &["search", "--name", "Kit Libre"]);
    let id = ids
        .lines()
        .next()
        .expect("a window named Kit Libre")
        .to_string();
    let title = run(&display, "xdotool", &["getwindowname", &id]);
    assert!(title.starts_with("Kit Libre"), "{title}");

    // A screenshot of the whole screen: the window drew text and pictures, not a blank area.
    let dir = tempfile::tempdir().expect("tmp");
    let shot = dir.path().join(format!("smoke-{lang}.png"));
    run(
        &display,
        "import",
        &["-window", "root", shot.to_str().expect("utf-8 path")],
    );
    let n = colours(&display, &shot);
    assert!(n > 50, "the screen looks blank: {n} colours");
    if let Some(keep) = std::env::var_os("KITLIBRE_SCREENSHOTS") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep).expect("screenshot folder");
        std::fs::copy(&shot, keep.join(shot.file_name().expect("name"))).expect("copy");
    }

    // Ctrl+Q closes the window; the process ends by itself, with status 0.
    // (Without a window manager the focus is given by hand; a key sent before the window
    // has taken it is lost, hence a few tries.)
    let mut status = Err(String::new());
    for _ in 0..3 {
        run(&display, "xdotool", &["windowfocus", "--sync", &id]);
        run(&display, "xdotool", &["key", "ctrl+q"]);
        status = window.wait_exit(Duration::from_secs(10));
        if status.is_ok() {
            break;
        }
    }
    assert_eq!(
        status,
        Ok(Some(0)),
        "the window did not quit cleanly; it printed: {:?}",
        window.printed
    );
    assert!(
        !window.printed.iter().any(|l| l.contains("panicked")),
        "{:?}",
        window.printed
    );
}

#[test]
fn the_real_window_starts_draws_and_quits_in_french() {
    smoke("fr");
}

#[test]
fn the_real_window_starts_draws_and_quits_in_english() {
    smoke("en");
}
