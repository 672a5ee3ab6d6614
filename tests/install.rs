//! Installation: plans for every platform (pure), and runs against local stand-ins (fake
//! `flatpak` programs on PATH that record their argv and answer like the real one, a
//! local HTTP server for downloads), including cancel, failures and refused identifiers.

mod common;

use kitlibre::catalog::model::{Arch, Download, InstallerKind, Lang, Platform, Scope};
use kitlibre::catalog::{Catalog, load_embedded};
use kitlibre::install::Machine;
use kitlibre::install::codes::Outcome;
use kitlibre::install::plan::{Action, Plan, PlanError, Route, Step, StepKind, plan};
use kitlibre::install::run::{Event, RunContext, execute};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| load_embedded().catalog);

fn free(id: &str) -> &'static kitlibre::catalog::model::Free {
    CATALOG
        .free(id)
        .unwrap_or_else(|| panic!("{id} in the catalogue"))
}

fn argv(p: &Plan, i: usize) -> Vec<String> {
    match &p.steps[i].action {
        Action::Run { argv } => argv.clone(),
        other => panic!("step {i} is {other:?}"),
    }
}

fn linux(flatpak: bool, apt: bool, admin: bool) -> Machine {
    let mut m = Machine::bare(Platform::Linux, admin);
    if flatpak {
        m.flatpak = Some("/usr/bin/flatpak".into());
    }
    if apt {
        m.apt_get = Some("/usr/bin/apt-get".into());
        m.pkexec = Some("/usr/bin/pkexec".into());
    }
    m
}

#[test]
fn linux_prefers_flatpak_for_the_user_without_any_password() {
    let p = plan(free("gimp"), &linux(true, true, false), Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::FlatpakUser);
    assert!(!p.needs_admin);
    assert_eq!(
        argv(&p, 0),
        [
            "/usr/bin/flatpak",
            "remote-add",
            "--user",
            "--if-not-exists",
            "flathub",
            "https://dl.flathub.org/repo/flathub.flatpakrepo"
        ]
    );
    assert_eq!(
        argv(&p, 1),
        [
            "/usr/bin/flatpak",
            "install",
            "--user",
            "--noninteractive",
            "-y",
            "flathub",
            "org.gimp.GIMP"
        ]
    );
}

#[test]
fn linux_uses_the_distribution_package_only_for_an_administrator() {
    let p = plan(free("gimp"), &linux(false, true, true), Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::DistributionPackage);
    assert!(p.needs_admin);
    assert_eq!(
        argv(&p, 0),
        [
            "/usr/bin/pkexec",
            "--disable-internal-agent",
            "/usr/bin/apt-get",
            "install",
            "-y",
            "gimp"
        ]
    );
    // Not an administrator, no Flatpak: a guide and the commands for IT.
    let p = plan(free("gimp"), &linux(false, true, false), Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::GuideOnly);
    assert!(matches!(p.steps[0].action, Action::Open { .. }));
    let req = p.it_request.expect("IT request");
    assert!(
        req.commands
            .iter()
            .any(|c| c.join(" ") == "sudo apt-get install -y gimp")
    );
    assert!(
        req.identifiers
            .iter()
            .any(|(k, v)| k == "flathub" && v == "org.gimp.GIMP")
    );
}

#[test]
fn windows_winget_scope_follows_admin_rights_and_language() {
    let mut m = Machine::bare(Platform::Windows, true);
    m.winget = Some("winget".into());
    let p = plan(free("vlc"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::WingetMachine);
    let a = argv(&p, 0);
    assert!(a.windows(2).any(|w| w == ["--scope", "machine"]), "{a:?}");
    assert!(a.contains(&"--silent".to_owned()));
    // French speakers get Firefox in French.
    let p = plan(free("firefox"), &m, Lang::Fr).expect("plan");
    assert!(argv(&p, 0).contains(&"Mozilla.Firefox.fr".to_owned()));
    let p = plan(free("firefox"), &m, Lang::En).expect("plan");
    assert!(argv(&p, 0).contains(&"Mozilla.Firefox".to_owned()));
    // Not an administrator: user scope.
    m.is_admin = false;
    let p = plan(free("signal"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::WingetUser);
    assert!(argv(&p, 0).windows(2).any(|w| w == ["--scope", "user"]));
}

#[test]
fn windows_without_admin_unpacks_a_machine_only_msi_for_the_user() {
    let mut m = Machine::bare(Platform::Windows, false);
    m.winget = Some("winget".into());
    let p = plan(free("libreoffice"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::OfficialInstallerForUser);
    assert!(!p.needs_admin);
    let Action::Download { url, sha256, .. } = &p.steps[0].action else {
        panic!("download first")
    };
    assert!(url.starts_with("https://download.documentfoundation.org/"));
    assert_eq!(sha256.len(), 64);
    let a = argv(&p, 1);
    assert_eq!(&a[1..3], ["/a", "{file}"]);
    assert!(
        a.last()
            .is_some_and(|t| t.starts_with("TARGETDIR={user_programs}"))
    );
    // With admin rights and no winget: the MSI, machine-wide.
    let m = Machine::bare(Platform::Windows, true);
    let p = plan(free("libreoffice"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::OfficialInstaller);
    assert_eq!(p.steps[1].kind, StepKind::MsiInstall);
    assert!(p.needs_admin);
}

#[test]
fn windows_user_setup_program_runs_silently_without_admin() {
    let m = Machine::bare(Platform::Windows, false);
    let p = plan(free("gimp"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::OfficialInstaller);
    assert!(!p.needs_admin);
    let a = argv(&p, 1);
    assert_eq!(a[0], "{file}");
    assert!(a.contains(&"/VERYSILENT".to_owned()), "{a:?}");
}

#[test]
fn macos_homebrew_then_the_checked_disk_image() {
    let mut m = Machine::bare(Platform::Macos, false);
    m.arch = "aarch64".into();
    m.brew = Some("/opt/homebrew/bin/brew".into());
    let p = plan(free("vlc"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::Homebrew);
    assert_eq!(
        argv(&p, 0),
        [
            "/opt/homebrew/bin/brew",
            "install",
            "--cask",
            "--appdir=~/Applications",
            "vlc"
        ]
    );
    m.brew = None;
    let p = plan(free("vlc"), &m, Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::OfficialInstaller);
    assert!(matches!(p.steps[0].action, Action::Download { .. }));
    assert!(matches!(p.steps[1].action, Action::InstallDmg));
}

#[test]
fn phone_apps_and_services_get_links_not_installs() {
    let p = plan(free("newpipe"), &linux(true, true, true), Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::Phone);
    assert!(p.steps.is_empty());
    assert!(
        p.links
            .iter()
            .any(|(l, u)| l == "F-Droid" && u.starts_with("https://f-droid.org/packages/"))
    );
    let p = plan(free("framadate"), &linux(true, true, true), Lang::Fr).expect("plan");
    assert_eq!(p.route, Route::WebService);
    assert!(p.links.iter().all(|(_, u)| u.starts_with("https://")));
}

#[test]
fn an_identifier_with_shell_metacharacters_is_refused() {
    let mut f = free("gimp").clone();
    f.install.flathub = Some("org.gimp.GIMP;reboot".into());
    assert!(matches!(
        plan(&f, &linux(true, false, false), Lang::Fr),
        Err(PlanError::UnsafeIdentifier(_))
    ));
    let mut f = free("vlc").clone();
    f.install.winget = Some("VideoLAN.VLC && shutdown".into());
    let mut m = Machine::bare(Platform::Windows, true);
    m.winget = Some("winget".into());
    assert!(plan(&f, &m, Lang::Fr).is_err());
    let mut f = free("gimp").clone();
    if let Some(d) = f.install.downloads.first_mut() {
        d.silent_args = vec!["/S & del C:\\".into()];
    }
    assert!(plan(&f, &Machine::bare(Platform::Windows, false), Lang::Fr).is_err());
}

// ---------------------------------------------------------------------------------------
// Running against stand-ins.

/// A fake `flatpak` that records its argv and behaves like flatpak for one app id.
const FAKE_FLATPAK: &str = r#"#!/bin/sh
# The kit's PATH holds only this stand-in: the shell's own tools come from the system.
PATH=/usr/bin:/bin
printf '%s\n' "$*" >> "$FAKE_LOG"
case "$1" in
  remote-add) exit 0 ;;
  install)
    for last; do :; done
    if [ -n "$FAKE_FAIL" ]; then
      echo "Looking for matches…" 
      echo "error: Nothing matches $last in remote flathub" >&2
      exit 1
    fi
    if [ -n "$FAKE_HANG" ]; then
      sleep 30 &
      echo $! > "$FAKE_CHILD"
      wait
      exit 0
    fi
    echo "Looking for matches…"
    echo "Installing 1/1 $last"
    d="$XDG_DATA_HOME/flatpak/app/$last/x86_64/stable"
    mkdir -p "$d/abc123/files/share/metainfo"
    ln -sfn x86_64/stable "$XDG_DATA_HOME/flatpak/app/$last/current"
    ln -sfn abc123 "$d/active"
    printf '[Application]\nname=%s\n' "$last" > "$d/abc123/metadata"
    echo "Installation complete."
    exit 0 ;;
esac
exit 1
"#;

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let bin = dir.path().join("bin");
        std::fs::create_dir_all(&bin).expect("bin");
        let fake = bin.join("flatpak");
        std::fs::write(&fake, FAKE_FLATPAK).expect("fake flatpak");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        std::fs::create_dir_all(dir.path().join("share")).expect("share");
        std::fs::create_dir_all(dir.path().join("home")).expect("home");
        Sandbox { dir }
    }
    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
    fn log(&self) -> String {
        std::fs::read_to_string(self.path("log")).unwrap_or_default()
    }
    fn cmd(&self) -> std::process::Command {
        let mut c = common::bin();
        c.env("PATH", self.path("bin"))
            .env("XDG_DATA_HOME", self.path("share"))
            .env("HOME", self.path("home"))
            .env("KITLIBRE_DATA_DIR", self.path("kit"))
            .env("FAKE_LOG", self.path("log"))
            .env_remove("FLATPAK_USER_DIR");
        c
    }
}

#[test]
fn install_with_a_stand_in_flatpak_runs_argv_and_confirms_the_result() {
    let sb = Sandbox::new();
    let out = sb.cmd().args(["install", "gimp"]).output().expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bin = sb.path("bin/flatpak");
    assert_eq!(
        sb.log(),
        "remote-add --user --if-not-exists flathub https://dl.flathub.org/repo/flathub.flatpakrepo\ninstall --user --noninteractive -y flathub org.gimp.GIMP\n",
        "{}",
        bin.display()
    );
    assert!(
        stdout.contains("  | Installing 1/1 org.gimp.GIMP"),
        "{stdout}"
    );
    assert!(stdout.contains("C'est installé."), "{stdout}");
    assert!(stdout.contains("GIMP est bien présent"), "{stdout}");
}

#[test]
fn a_failing_install_is_explained_in_plain_words() {
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .env("FAKE_FAIL", "1")
        .args(["--lang", "en", "install", "gimp", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["report"]["outcome"], "not-found");
    assert_eq!(v["report"]["failed_step"], 1);
    assert!(
        v["message"]
            .as_str()
            .is_some_and(|m| m.contains("was not found"))
    );
    assert!(v["report"]["output_tail"].as_array().is_some_and(|t| {
        t.iter()
            .any(|l| l.as_str().is_some_and(|l| l.contains("Nothing matches")))
    }));
}

#[test]
fn cancel_stops_the_whole_process_tree() {
    let sb = Sandbox::new();
    let machine = {
        let mut m = Machine::bare(Platform::Linux, false);
        m.flatpak = Some(sb.path("bin/flatpak").to_string_lossy().into_owned());
        m
    };
    let p = plan(free("gimp"), &machine, Lang::Fr).expect("plan");
    let ctx = RunContext {
        download_dir: sb.path("downloads"),
        user_programs: sb.path("home/Applications"),
        allow_loopback_http: false,
        step_timeout: Duration::from_secs(60),
        max_download: 1024,
    };
    // The fake reads its settings from the environment of the process it is given: run
    // it through `env` so that nothing global changes in this test process.
    let mut p = p;
    for step in &mut p.steps {
        if let Action::Run { argv } = &mut step.action {
            let mut with_env = vec![
                "/usr/bin/env".to_owned(),
                format!("FAKE_LOG={}", sb.path("log").display()),
                "FAKE_HANG=1".to_owned(),
                format!("FAKE_CHILD={}", sb.path("child.pid").display()),
                format!("XDG_DATA_HOME={}", sb.path("share").display()),
            ];
            with_env.append(argv);
            *argv = with_env;
        }
    }
    let cancel = std::sync::Arc::new(AtomicBool::new(false));
    let c = cancel.clone();
    let child_file = sb.path("child.pid");
    let canceller = std::thread::spawn(move || {
        // Cancel once the fake's own child (sleep 30) is running.
        for _ in 0..100 {
            if child_file.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(100));
        c.store(true, Ordering::SeqCst);
    });
    let started = std::time::Instant::now();
    let mut events = Vec::new();
    let report = execute(&p, &ctx, &cancel, &mut |e| events.push(e), &|| Some(false));
    canceller.join().expect("canceller");
    assert_eq!(report.outcome, Outcome::Cancelled);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "stopped promptly"
    );
    let pid: i32 = std::fs::read_to_string(sb.path("child.pid"))
        .expect("child pid")
        .trim()
        .parse()
        .expect("pid");
    std::thread::sleep(Duration::from_millis(200));
    let alive = Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .unwrap_or_default()
            .contains(") Z ");
    assert!(!alive, "the grandchild (sleep) was stopped too");
    assert!(events.iter().any(|e| matches!(
        e,
        Event::StepFinished {
            outcome: Outcome::Cancelled,
            ..
        }
    )));
}

#[test]
fn refused_identifier_from_a_catalogue_directory() {
    let files = common::with_edit("free/freewriter.toml", |t| {
        t.replace(
            "flathub = \"org.example.FreeWriter\"",
            "flathub = \"org.example.FreeWriter;reboot\"",
        )
    });
    let dir = common::write_catalog(&files);
    let sb = Sandbox::new();
    let out = sb
        .cmd()
        .args([
            "--lang",
            "en",
            "--catalog",
            &dir.path().to_string_lossy(),
            "install",
            "freewriter",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not safe"), "{err}");
    assert!(sb.log().is_empty(), "nothing ran");
}

#[test]
fn guide_only_saves_a_sheet_for_it() {
    let sb = Sandbox::new();
    std::fs::remove_file(sb.path("bin/flatpak")).expect("no flatpak");
    let sheet = sb.path("demande.txt");
    let out = sb
        .cmd()
        .args([
            "install",
            "gimp",
            "--dry-run",
            "--no-admin",
            "--it-sheet",
            &sheet.to_string_lossy(),
        ])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&sheet).expect("sheet");
    assert!(text.contains("Demande d'installation : GIMP"), "{text}");
    assert!(text.contains("flathub: org.gimp.GIMP"), "{text}");
}

// ---------------------------------------------------------------------------------------
// Downloads against a local HTTP server.

/// Serves `body` for every request, `times` times; returns the address.
fn serve(body: Vec<u8>, times: usize) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(times) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes());
            let _ = s.write_all(&body);
        }
    });
    format!("http://{addr}/Tool-1.0-x86_64.AppImage")
}

fn appimage_plan(url: &str, sha256: &str, size: Option<u64>) -> Plan {
    Plan {
        id: "tool".into(),
        name: "Tool".into(),
        platform: Platform::Linux,
        route: Route::AppImage,
        steps: vec![
            Step {
                kind: StepKind::Download,
                action: Action::Download {
                    url: url.into(),
                    sha256: sha256.into(),
                    size,
                    file_name: "Tool-1.0-x86_64.AppImage".into(),
                },
                needs_admin: false,
            },
            Step {
                kind: StepKind::AppImageInstall,
                action: Action::InstallAppImage,
                needs_admin: false,
            },
        ],
        needs_admin: false,
        download_bytes: size,
        considered: Vec::new(),
        it_request: None,
        links: Vec::new(),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn ctx(dir: &Path) -> RunContext {
    RunContext {
        download_dir: dir.join("downloads"),
        user_programs: dir.join("Applications"),
        allow_loopback_http: true,
        step_timeout: Duration::from_secs(30),
        max_download: 10 * 1024 * 1024,
    }
}

#[test]
fn a_download_is_checked_then_installed() {
    let body = b"\x7fELF fake appimage payload".repeat(1000);
    let url = serve(body.clone(), 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let p = appimage_plan(&url, &sha256_hex(&body), Some(body.len() as u64));
    let report = execute(
        &p,
        &ctx(dir.path()),
        &AtomicBool::new(false),
        &mut |_| {},
        &|| Some(true),
    );
    assert_eq!(report.outcome, Outcome::Done, "{:?}", report.output_tail);
    let installed = dir.path().join("Applications/Tool-1.0-x86_64.AppImage");
    assert_eq!(std::fs::read(&installed).expect("installed"), body);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&installed)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "executable");
    }
    assert_eq!(report.verified, Some(true));
}

#[test]
fn a_tampered_download_is_deleted_and_never_installed() {
    let body = b"the real installer".to_vec();
    let tampered = b"the evil installer".to_vec();
    let url = serve(tampered, 1);
    let dir = tempfile::tempdir().expect("tempdir");
    let p = appimage_plan(&url, &sha256_hex(&body), None);
    let report = execute(
        &p,
        &ctx(dir.path()),
        &AtomicBool::new(false),
        &mut |_| {},
        &|| Some(true),
    );
    assert_eq!(report.outcome, Outcome::Corrupted);
    assert_eq!(report.failed_step, Some(0));
    assert!(
        !dir.path().join("Applications").exists(),
        "nothing installed"
    );
    let leftovers = std::fs::read_dir(dir.path().join("downloads"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(leftovers, 0, "the bad file was deleted");
}

#[test]
fn plain_http_outside_loopback_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = appimage_plan("http://example.org/Tool.AppImage", &"0".repeat(64), None);
    let report = execute(
        &p,
        &ctx(dir.path()),
        &AtomicBool::new(false),
        &mut |_| {},
        &|| None,
    );
    assert_eq!(report.outcome, Outcome::Failed);
    assert!(report.output_tail.iter().any(|l| l.contains("not https")));
}

#[test]
fn every_windows_and_macos_download_in_the_catalogue_plans_safely() {
    // Every entry with downloads gives a plan with checked downloads on each platform.
    for f in &CATALOG.free {
        for d in &f.install.downloads {
            let mut m = Machine::bare(d.platform, d.scope == Scope::Machine);
            m.arch = match d.arch {
                Arch::Aarch64 => "aarch64".into(),
                _ => "x86_64".into(),
            };
            let p = plan(f, &m, Lang::Fr).unwrap_or_else(|e| panic!("{}: {e}", f.id));
            let has_download = p.steps.iter().any(
                |s| matches!(&s.action, Action::Download { sha256, .. } if sha256.len() == 64),
            );
            let _: &Download = d;
            assert!(
                has_download || p.route == Route::GuideOnly || d.kind == InstallerKind::Exe,
                "{}: {:?}",
                f.id,
                p.route
            );
        }
    }
}

/// A real `flatpak --user` install from a local repository built here (no root, no
/// network): the repository is registered as "flathub" for a throwaway user.
#[test]
fn a_real_flatpak_user_install_from_a_local_repository() {
    let Ok(flatpak) = which::which("flatpak") else {
        println!("notice: flatpak is not installed; the real Flatpak install is not tested");
        return;
    };
    let t = tempfile::tempdir().expect("tempdir");
    let root = t.path();
    let env = |c: &mut std::process::Command| {
        c.env("HOME", root.join("home"))
            .env("XDG_DATA_HOME", root.join("share"))
            .env_remove("FLATPAK_USER_DIR");
    };
    std::fs::create_dir_all(root.join("home")).expect("home");
    std::fs::create_dir_all(root.join("share")).expect("share");
    let sh = |args: &[&str]| {
        let mut c = std::process::Command::new(&flatpak);
        env(&mut c);
        let out = c.args(args).output().expect("flatpak");
        assert!(
            out.status.success(),
            "flatpak {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // A minimal runtime and an application using it.
    let rt = root.join("runtime");
    std::fs::create_dir_all(rt.join("files")).expect("runtime");
    std::fs::create_dir_all(rt.join("usr")).expect("runtime");
    std::fs::write(
        rt.join("metadata"),
        "[Runtime]\nname=org.kitlibre.TestPlatform\n",
    )
    .expect("metadata");
    let repo = root.join("repo").to_string_lossy().into_owned();
    sh(&[
        "build-export",
        "--runtime",
        &repo,
        &rt.to_string_lossy(),
        "master",
    ]);
    let app = root.join("app");
    std::fs::create_dir_all(app.join("files/bin")).expect("app");
    std::fs::create_dir_all(app.join("files/share/metainfo")).expect("metainfo");
    std::fs::write(
        app.join("metadata"),
        "[Application]\nname=org.kitlibre.TestApp\nruntime=org.kitlibre.TestPlatform/x86_64/master\nsdk=org.kitlibre.TestPlatform/x86_64/master\ncommand=hello\n",
    )
    .expect("metadata");
    std::fs::write(app.join("files/bin/hello"), "#!/bin/sh\necho hello\n").expect("hello");
    std::fs::write(
        app.join("files/share/metainfo/org.kitlibre.TestApp.metainfo.xml"),
        "<?xml version=\"1.0\"?><component type=\"desktop-application\"><id>org.kitlibre.TestApp</id><name>FreeWriter</name><releases><release version=\"1.2.3\" date=\"2026-11-01\"/></releases></component>",
    )
    .expect("metainfo");
    sh(&["build-finish", "--command=hello", &app.to_string_lossy()]);
    sh(&["build-export", &repo, &app.to_string_lossy(), "master"]);
    sh(&[
        "remote-add",
        "--user",
        "--no-gpg-verify",
        "flathub",
        &format!("file://{repo}"),
    ]);

    // A catalogue whose free entry is that application.
    let files = common::with_edit("free/freewriter.toml", |t| {
        t.replace("org.example.FreeWriter", "org.kitlibre.TestApp")
    });
    let cat = common::write_catalog(&files);
    let mut c = common::bin();
    env(&mut c);
    let out = c
        .env("KITLIBRE_DATA_DIR", root.join("kit"))
        .args([
            "--lang",
            "en",
            "--catalog",
            &cat.path().to_string_lossy(),
            "install",
            "freewriter",
            "--json",
        ])
        .output()
        .expect("kitlibre install");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(v["plan"]["route"], "flatpak-user", "{v}");
    assert_eq!(
        v["plan"]["steps"].as_array().map(Vec::len),
        Some(1),
        "Flathub is already configured: no remote-add"
    );
    assert_eq!(v["report"]["outcome"], "done", "{v}");
    assert_eq!(
        v["report"]["verified"], true,
        "the new application is found by the scan"
    );
    assert!(
        root.join("share/flatpak/app/org.kitlibre.TestApp/current/active/files/bin/hello")
            .exists()
    );
    assert_eq!(out.status.code(), Some(0));
}
