//! Signed catalogue updates against a real HTTP server on 127.0.0.1: good, tampered,
//! truncated, replayed-old, expired, oversized, slow, unsigned, signed by a stranger,
//! invalid, cut mid-download. After every refusal the catalogue in use is the one before,
//! untouched, and the message says why.

mod common;

use common::*;
use kitlibre::catalog::model::{Date, Lang};
use kitlibre::settings::{Paths, Placement};
use kitlibre::update::{self, Options, Source, UpdateError};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

/// A signing key pair for the tests (the kit is told to trust its public half).
struct Signer {
    kp: minisign::KeyPair,
}

impl Signer {
    fn new() -> Signer {
        Signer {
            kp: minisign::KeyPair::generate_unencrypted_keypair().expect("keys"),
        }
    }
    fn public(&self) -> String {
        self.kp.pk.to_base64()
    }
    fn sign(&self, data: &[u8]) -> String {
        minisign::sign(
            Some(&self.kp.pk),
            &self.kp.sk,
            std::io::Cursor::new(data),
            Some("kitlibre catalogue"),
            None,
        )
        .expect("sign")
        .into_string()
    }
}

/// The small valid catalogue of the tests, with a release.
fn archive(
    version: u64,
    expires: &str,
    edit: impl Fn(&mut Vec<(&'static str, String)>),
) -> Vec<u8> {
    let mut files = good_catalog();
    edit(&mut files);
    files.push((
        "release.toml",
        format!("version = {version}\npublished = 2026-11-20\nexpires = {expires}\n"),
    ));
    let dir = write_catalog(&files);
    update::pack(dir.path()).expect("pack").1
}

/// What the server answers for a path.
#[derive(Clone)]
enum Answer {
    /// 200 with this body.
    Body(Vec<u8>),
    /// 404.
    Missing,
    /// Announces the whole length, sends the first `sent` bytes, then closes.
    Cut { body: Vec<u8>, sent: usize },
    /// Sends the headers, then waits before sending the body.
    Slow(Vec<u8>, Duration),
    /// Streams `n` bytes without a length.
    Endless(usize),
}

struct Server {
    base: String,
}

fn serve(routes: Vec<(&'static str, Answer)>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || answer(stream, &routes));
        }
    });
    Server { base }
}

fn answer(mut stream: TcpStream, routes: &[(&'static str, Answer)]) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Skip the headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let found = routes
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, a)| a.clone());
    let head = |len: Option<usize>| match len {
        Some(n) => format!("HTTP/1.1 200 OK\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n"),
        None => "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_owned(),
    };
    let _ = match found.unwrap_or(Answer::Missing) {
        Answer::Body(b) => stream
            .write_all(head(Some(b.len())).as_bytes())
            .and_then(|_| stream.write_all(&b)),
        Answer::Missing => stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        Answer::Cut { body, sent } => stream
            .write_all(head(Some(body.len())).as_bytes())
            .and_then(|_| stream.write_all(&body[..sent])),
        Answer::Slow(b, wait) => stream
            .write_all(head(Some(b.len())).as_bytes())
            .and_then(|_| {
                std::thread::sleep(wait);
                stream.write_all(&b)
            }),
        Answer::Endless(n) => stream.write_all(head(None).as_bytes()).and_then(|_| {
            let chunk = vec![b'x'; 64 * 1024];
            let mut left = n;
            while left > 0 {
                let k = left.min(chunk.len());
                stream.write_all(&chunk[..k])?;
                left -= k;
            }
            Ok(())
        }),
    };
    let _ = stream.flush();
}

fn opts(signer: &Signer) -> Options {
    Options {
        keys: vec![signer.public()],
        today: TODAY,
        timeout: Duration::from_secs(2),
        allow_loopback_http: true,
    }
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap_or(&p).display().to_string();
                out.push((rel, std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn updates_over_http_accept_the_good_and_refuse_every_bad_answer() {
    let signer = Signer::new();
    let stranger = Signer::new();
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::under(tmp.path(), Placement::Environment);
    let o = opts(&signer);

    let v2 = archive(2, "2027-06-01", |_| {});
    let v3 = archive(3, "2027-06-01", |_| {});
    let mut tampered = v3.clone();
    let n = tampered.len();
    tampered[n / 2] ^= 0x55;
    let expired = archive(9, "2026-11-01", |_| {});
    let invalid = archive(8, "2027-06-01", |files| {
        for (p, t) in files.iter_mut() {
            if *p == "free/freewriter.toml" {
                *t = t.replace("debian = \"freewriter\"", "debian = \"freewriter;reboot\"");
            }
        }
    });
    let big = vec![b'P'; (update::MAX_ARCHIVE_BYTES + 1) as usize];
    let routes = vec![
        ("/v2.zip", Answer::Body(v2.clone())),
        (
            "/v2.zip.minisig",
            Answer::Body(signer.sign(&v2).into_bytes()),
        ),
        ("/v3.zip", Answer::Body(v3.clone())),
        (
            "/v3.zip.minisig",
            Answer::Body(signer.sign(&v3).into_bytes()),
        ),
        ("/tampered.zip", Answer::Body(tampered)),
        (
            "/tampered.zip.minisig",
            Answer::Body(signer.sign(&v3).into_bytes()),
        ),
        (
            "/truncated.zip",
            Answer::Cut {
                body: v3.clone(),
                sent: v3.len() / 3,
            },
        ),
        (
            "/truncated.zip.minisig",
            Answer::Body(signer.sign(&v3).into_bytes()),
        ),
        ("/expired.zip", Answer::Body(expired.clone())),
        (
            "/expired.zip.minisig",
            Answer::Body(signer.sign(&expired).into_bytes()),
        ),
        ("/invalid.zip", Answer::Body(invalid.clone())),
        (
            "/invalid.zip.minisig",
            Answer::Body(signer.sign(&invalid).into_bytes()),
        ),
        ("/big.zip", Answer::Body(big)),
        (
            "/endless.zip",
            Answer::Endless((update::MAX_ARCHIVE_BYTES * 2) as usize),
        ),
        (
            "/slow.zip",
            Answer::Slow(v3.clone(), Duration::from_secs(6)),
        ),
        (
            "/slow.zip.minisig",
            Answer::Body(signer.sign(&v3).into_bytes()),
        ),
        ("/unsigned.zip", Answer::Body(v3.clone())),
        ("/stranger.zip", Answer::Body(v3.clone())),
        (
            "/stranger.zip.minisig",
            Answer::Body(stranger.sign(&v3).into_bytes()),
        ),
        ("/garbled.zip", Answer::Body(v3.clone())),
        (
            "/garbled.zip.minisig",
            Answer::Body(b"untrusted comment: x\nnot base64 at all\n".to_vec()),
        ),
        ("/notzip.zip", Answer::Body(b"PK but not really".to_vec())),
        (
            "/notzip.zip.minisig",
            Answer::Body(signer.sign(b"PK but not really").into_bytes()),
        ),
    ];
    let server = serve(routes);
    let url = |p: &str| Source::Url(format!("{}{p}", server.base));

    // Before anything: the built-in catalogue.
    assert_eq!(update::installed(&paths), None);
    let (_, in_use) = update::load_in_use(&paths);
    assert_eq!(in_use.origin, "embedded");

    // A good update is installed and used.
    let installed = update::update(&url("/v2.zip"), &paths, &o).expect("v2 installs");
    assert_eq!(installed.release.version, 2);
    let (loaded, in_use) = update::load_in_use(&paths);
    assert_eq!(in_use.origin, "installed");
    assert!(loaded.catalog.get("freewriter").is_some());
    let root = update::catalogs_dir(&paths).expect("dir");
    let before = tree(&root);

    let cases: Vec<(&str, &str)> = vec![
        ("/v2.zip", "not-newer"),
        ("/tampered.zip", "bad-signature"),
        ("/truncated.zip", "truncated"),
        ("/expired.zip", "expired"),
        ("/invalid.zip", "invalid"),
        ("/big.zip", "too-big"),
        ("/endless.zip", "too-big"),
        ("/slow.zip", "network"),
        ("/unsigned.zip", "no-signature"),
        ("/stranger.zip", "unknown-key"),
        ("/garbled.zip", "signature-format"),
        ("/notzip.zip", "not-an-archive"),
        ("/nothing-here.zip", "http-status"),
    ];
    for (path, code) in cases {
        let err = update::update(&url(path), &paths, &o).expect_err(path);
        assert_eq!(err.code(), code, "{path}: {err:?}");
        // A clear message in both languages.
        assert!(!err.message(Lang::Fr).is_empty() && !err.message(Lang::En).is_empty());
        // The catalogue in use is the one before, byte for byte.
        assert_eq!(
            tree(&root),
            before,
            "{path} changed the installed catalogue"
        );
        let (_, in_use) = update::load_in_use(&paths);
        assert_eq!(in_use.release.map(|r| r.version), Some(2), "{path}");
    }
    let err = update::update(&url("/invalid.zip"), &paths, &o).expect_err("invalid");
    assert!(
        err.message(Lang::En).contains("shell special characters"),
        "{}",
        err.message(Lang::En)
    );

    // Plain http elsewhere than the test's loopback is refused before any connection.
    let strict = Options {
        allow_loopback_http: false,
        ..o.clone()
    };
    let err = update::update(&url("/v3.zip"), &paths, &strict).expect_err("http");
    assert_eq!(
        err,
        UpdateError::NotHttps(format!("{}/v3.zip", server.base))
    );

    // The next good one replaces it, and the old folder goes.
    let installed = update::update(&url("/v3.zip"), &paths, &o).expect("v3 installs");
    assert_eq!(installed.release.version, 3);
    let dirs: Vec<String> = std::fs::read_dir(&root)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut dirs = dirs;
    dirs.sort();
    assert_eq!(dirs, vec!["current".to_owned(), "v3".to_owned()]);
    // Replaying the older v2 now is a rollback.
    let err = update::update(&url("/v2.zip"), &paths, &o).expect_err("rollback");
    assert_eq!(
        err,
        UpdateError::NotNewer {
            offered: 2,
            current: 3
        }
    );
}

#[test]
fn the_built_in_catalogue_is_version_1_and_cannot_be_replaced_by_an_equal_one() {
    let signer = Signer::new();
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::under(tmp.path(), Placement::Environment);
    let embedded = update::embedded_release().expect("catalog/release.toml");
    let same = archive(embedded.version, "2027-06-01", |_| {});
    let err = update::install(&same, &signer.sign(&same), &paths, &opts(&signer))
        .expect_err("not newer than the built-in one");
    assert_eq!(err.code(), "not-newer");
    assert!(update::catalogs_dir(&paths).is_none_or(|d| !d.exists()));
}

#[test]
fn an_interrupted_install_leaves_the_previous_catalogue_in_use() {
    let signer = Signer::new();
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::under(tmp.path(), Placement::Environment);
    let o = opts(&signer);
    let v2 = archive(2, "2027-06-01", |_| {});
    update::install(&v2, &signer.sign(&v2), &paths, &o).expect("v2");
    let root = update::catalogs_dir(&paths).expect("dir");
    // What a crash at each step would leave: a half-written staging folder, then a
    // complete v3 folder whose pointer switch never happened.
    std::fs::create_dir_all(root.join(".incoming-crash/free")).expect("staging");
    std::fs::write(root.join(".incoming-crash/free/half.toml"), "name = ").expect("half");
    std::fs::create_dir_all(root.join("v3")).expect("v3");
    std::fs::write(root.join("v3/release.toml"), "version = 3\n").expect("partial");
    let (_, in_use) = update::load_in_use(&paths);
    assert_eq!(in_use.release.map(|r| r.version), Some(2));
    // A pointer to a damaged folder: the built-in catalogue, never a broken one.
    std::fs::write(root.join("current"), "v3").expect("pointer");
    let (loaded, in_use) = update::load_in_use(&paths);
    assert_eq!(in_use.origin, "embedded");
    assert!(loaded.catalog.get("gimp").is_some());
    std::fs::write(root.join("current"), "../../etc").expect("pointer");
    assert_eq!(update::installed(&paths), None);
    // The next install succeeds and clears the leftovers.
    std::fs::write(root.join("current"), "v2").expect("pointer");
    let v3 = archive(3, "2027-06-01", |_| {});
    update::install(&v3, &signer.sign(&v3), &paths, &o).expect("v3");
    assert!(!root.join(".incoming-crash").exists());
    assert!(!root.join("v2").exists());
}

#[test]
fn archives_with_unexpected_entries_are_refused() {
    use std::io::Write as _;
    let signer = Signer::new();
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::under(tmp.path(), Placement::Environment);
    for (name, body) in [
        ("../escape.toml", "x = 1"),
        ("/abs.toml", "x = 1"),
        ("free/run.sh", "rm -rf /"),
    ] {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("release.toml", zip::write::SimpleFileOptions::default())
            .expect("file");
        zip.write_all(b"version = 7\npublished = 2026-11-20\nexpires = 2027-06-01\n")
            .expect("write");
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("file");
        zip.write_all(body.as_bytes()).expect("write");
        let bytes = zip.finish().expect("zip").into_inner();
        let err =
            update::install(&bytes, &signer.sign(&bytes), &paths, &opts(&signer)).expect_err(name);
        assert_eq!(err.code(), "not-an-archive", "{name}");
    }
    assert!(!tmp.path().join("escape.toml").exists());
}

#[test]
fn the_command_line_packs_and_refuses_a_catalogue_the_kit_cannot_trust() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut files = good_catalog();
    files.push((
        "release.toml",
        "version = 5\npublished = 2026-11-20\nexpires = 2027-06-01\n".to_owned(),
    ));
    let dir = write_catalog(&files);
    let out = tmp.path().join("catalogue.zip");
    let data = tmp.path().join("data");
    let run = |args: &[&str]| {
        let o = bin()
            .env("KITLIBRE_DATA_DIR", &data)
            .args(args)
            .output()
            .expect("runs");
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, text, _) = run(&[
        "catalog",
        "pack",
        dir.path().to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(code, 0, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["release"]["version"], 5);
    // Signed by a key the kit does not embed: refused, and the built-in one stays.
    let stranger = Signer::new();
    let bytes = std::fs::read(&out).expect("zip");
    std::fs::write(
        tmp.path().join("catalogue.zip.minisig"),
        stranger.sign(&bytes),
    )
    .expect("sig");
    let (code, _, err) = run(&[
        "--lang",
        "fr",
        "catalog",
        "update",
        "--from",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("Catalogue refusé : il est signé par une clé que le kit ne connaît pas."),
        "{err}"
    );
    assert!(err.contains("intégré au programme"), "{err}");
    let (code, text, _) = run(&["catalog", "info", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["in_use"]["origin"], "embedded");
    // A missing file is bad input.
    let (code, _, err) = run(&[
        "--lang",
        "en",
        "catalog",
        "update",
        "--from",
        "/no/such.zip",
    ]);
    assert_eq!(code, 2, "{err}");
    // A damaged release.toml is a catalogue error.
    let mut broken = good_catalog();
    broken.push(("release.toml", "version = \"one\"\n".to_owned()));
    let dir = write_catalog(&broken);
    let (code, text, _) = run(&["catalog", "check", dir.path().to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("release.toml"), "{text}");
}
