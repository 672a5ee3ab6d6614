//! Fleet report benchmark: generates a fleet of machine inventories (GLPI Agent JSON for
//! Windows 10, Windows 11 and Debian/Ubuntu PCs, a few OCS XML, a few duplicates and
//! broken files) in a temporary folder, then runs the real `kitlibre fleet report` on
//! 500 and on 5,000 of them and prints files per second, total time and peak memory.
//!
//! Peak memory is the report process's own: the benchmark runs the binary
//! (`CARGO_BIN_EXE_kitlibre`) and reads its high-water mark (`VmHWM` in
//! /proc/<pid>/status) every few milliseconds until it exits (Linux only; elsewhere the
//! figure is left out). Comparing 500 and 5,000 files shows that memory follows the
//! number of machines (a small row each), not the size of their inventories.
//!
//! Run: `cargo bench --bench fleet` (release build). `KITLIBRE_FLEET_BENCH_SIZES=500,20000`
//! changes the fleet sizes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so every run measures the same fleet.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Windows programs as Apps & features lists them: (name, publisher, version).
const WINDOWS_COMMON: [(&str, &str, &str); 14] = [
    ("Microsoft Edge", "Microsoft Corporation", "130.0.2849.80"),
    (
        "Microsoft Edge WebView2 Runtime",
        "Microsoft Corporation",
        "130.0.2849.80",
    ),
    ("Google Chrome", "Google LLC", "131.0.6778.70"),
    ("Mozilla Firefox (x64 fr)", "Mozilla", "132.0.1"),
    (
        "Adobe Acrobat Reader DC - Français",
        "Adobe Systems Incorporated",
        "24.004.20219",
    ),
    ("7-Zip 23.01 (x64)", "Igor Pavlov", "23.01"),
    ("VLC media player", "VideoLAN", "3.0.21"),
    (
        "Zoom Workplace (64-bit)",
        "Zoom Video Communications, Inc.",
        "6.2.11",
    ),
    (
        "Microsoft Teams classic",
        "Microsoft Corporation",
        "1.7.00.21751",
    ),
    ("WinRAR 6.24 (64-bit)", "win.rar GmbH", "6.24.0"),
    ("Notepad++ (64-bit x64)", "Notepad++ Team", "8.6.9"),
    ("TeamViewer", "TeamViewer", "15.59.3"),
    ("GIMP 2.10.38", "The GIMP Team", "2.10.38"),
    ("Java 8 Update 431", "Oracle Corporation", "8.0.4310.10"),
];

const OFFICES: [&str; 5] = [
    "Microsoft 365 Apps for enterprise - fr-fr",
    "Microsoft Office Professional Plus 2019 - fr-fr",
    "Microsoft Office Famille et Petite Entreprise 2016 - fr-fr",
    "Microsoft Office Standard 2013",
    "Microsoft 365 - fr-fr",
];

fn software(name: &str, publisher: &str, version: &str, from: &str) -> String {
    serde_json::json!({
        "name": name, "publisher": publisher, "version": version, "from": from,
        "arch": "x86_64", "system_category": "application",
        "install_date": "2024-03-11",
        "uninstall_string": format!("MsiExec.exe /X{{{:08X}-0000-0000-0000-000000000000}}", name.len()),
    })
    .to_string()
}

/// One GLPI Agent inventory, as JSON text.
fn glpi_json(i: usize, rng: &mut Rng) -> String {
    let kind = rng.below(100);
    let host = format!("PC-{i:05}");
    let (os, softwares) = if kind < 12 {
        // Debian / Ubuntu workstation: every dpkg package.
        let (name, full, version) = if rng.chance(50) {
            ("Debian", "Debian GNU/Linux 12 (bookworm)", "12.8")
        } else {
            ("Ubuntu", "Ubuntu 24.04.1 LTS", "24.04")
        };
        let mut s = Vec::new();
        for p in [
            "libreoffice-writer",
            "libreoffice-calc",
            "firefox-esr",
            "vlc",
            "gimp",
        ] {
            s.push(software(p, "Debian", "1.0-1", "deb"));
        }
        if rng.chance(30) {
            s.push(software(
                "google-chrome-stable",
                "Google LLC",
                "131.0",
                "deb",
            ));
        }
        for n in 0..(900 + rng.below(900)) {
            s.push(software(
                &format!("lib-package-{n}"),
                "Debian",
                "2.3-1+b1",
                "deb",
            ));
        }
        (
            serde_json::json!({"name": name, "full_name": full, "version": version,
                "kernel_name": "linux", "kernel_version": "6.1.0-27-amd64", "arch": "x86_64"}),
            s,
        )
    } else {
        let win11 = kind >= 60;
        let (full, kernel) = if win11 {
            ("Microsoft Windows 11 Professionnel", "10.0.22631")
        } else {
            ("Microsoft Windows 10 Professionnel", "10.0.19045")
        };
        let mut s = Vec::new();
        if rng.chance(85) {
            s.push(software(
                OFFICES[rng.below(OFFICES.len())],
                "Microsoft Corporation",
                "16.0",
                "registry",
            ));
        }
        if rng.chance(25) {
            s.push(software(
                "LibreOffice 24.8.2.1",
                "The Document Foundation",
                "24.8.2.1",
                "registry",
            ));
        }
        for (n, p, v) in WINDOWS_COMMON {
            if rng.chance(45) {
                s.push(software(n, p, v, "registry"));
            }
        }
        // Drivers, runtimes and line-of-business programs nobody has in a catalogue.
        for n in 0..(60 + rng.below(120)) {
            s.push(software(
                &format!("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.{n}.33135"),
                "Microsoft Corporation",
                "14.38.33135.0",
                "registry",
            ));
        }
        (
            serde_json::json!({"name": "Windows", "full_name": full, "version": "22H2",
                "kernel_name": "MSWin32", "kernel_version": kernel, "arch": "64-bit"}),
            s,
        )
    };
    let memory = [2048, 4096, 8192, 16384][rng.below(4)];
    format!(
        r#"{{"action":"inventory","deviceid":"{host}-2026-11-0{d}-08-30-12","itemtype":"Computer","content":{{
"accesslog":{{"logdate":"2026-11-0{d} 08:30:12"}},
"bios":{{"ssn":"SN{i:08}","smanufacturer":"Dell Inc.","smodel":"OptiPlex 5060"}},
"cpus":[{{"arch":"x86_64","name":"Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz","core":6,"speed":3000}}],
"hardware":{{"name":"{host}","uuid":"4C4C4544-{i:04X}-3510-8048-B2C04F4E3132","memory":{mem_rep},"chassis_type":"Desktop"}},
"memories":[{{"capacity":{memory},"caption":"DIMM0","type":"DDR4"}}],
"storages":[{{"disksize":{disk},"interface":"SATA","name":"sda","type":"disk"}}],
"operatingsystem":{os},
"softwares":[{softwares}],
"versionclient":"GLPI-Agent_v1.11"}}}}"#,
        d = 1 + i % 9,
        mem_rep = memory - 180,
        disk = [122_104, 244_198, 476_940][rng.below(3)],
        os = os,
        softwares = softwares.join(",\n"),
    )
}

/// One OCS Inventory XML.
fn ocs_xml(i: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<REQUEST><CONTENT>
<HARDWARE><NAME>OCS-{i:05}</NAME><OSNAME>Microsoft Windows 10 Professionnel</OSNAME><OSVERSION>10.0.19045</OSVERSION><MEMORY>8089</MEMORY><ARCH>x86 64 bit</ARCH></HARDWARE>
<SOFTWARES><NAME>Google Chrome</NAME><PUBLISHER>Google LLC</PUBLISHER><VERSION>131.0</VERSION></SOFTWARES>
<SOFTWARES><NAME>Microsoft Office Standard 2016</NAME><PUBLISHER>Microsoft Corporation</PUBLISHER></SOFTWARES>
<SOFTWARES><NAME>Mozilla Firefox (x64 fr)</NAME><PUBLISHER>Mozilla</PUBLISHER></SOFTWARES>
<STORAGES><DISKSIZE>244198</DISKSIZE><TYPE>Fixed hard disk media</TYPE></STORAGES>
</CONTENT><DEVICEID>OCS-{i:05}-2026-10-30-08-15-02</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>
"#
    )
}

/// Writes `n` inventories into `dir`: 94 % GLPI JSON, 5 % OCS XML, a few duplicates and
/// truncated files. Returns the bytes written.
fn generate(dir: &Path, n: usize) -> u64 {
    let mut rng = Rng(0x5eed_f1ee_7000_0001);
    let mut bytes = 0u64;
    for i in 0..n {
        let (name, text) = if i % 20 == 7 {
            (format!("ocs-{i:05}.xml"), ocs_xml(i))
        } else if i % 500 == 99 {
            // A truncated upload.
            let t = glpi_json(i, &mut rng);
            (format!("pc-{i:05}.json"), t[..t.len() / 3].to_owned())
        } else if i % 250 == 11 && i > 0 {
            // The same PC inventoried twice.
            let mut r2 = Rng(0x5eed_f1ee_7000_0001 ^ (i as u64 - 1));
            (
                format!("pc-{:05}-bis.json", i - 1),
                glpi_json(i - 1, &mut r2),
            )
        } else {
            (format!("pc-{i:05}.json"), glpi_json(i, &mut rng))
        };
        let mut f = std::fs::File::create(dir.join(name)).expect("create");
        f.write_all(text.as_bytes()).expect("write");
        bytes += text.len() as u64;
    }
    bytes
}

/// The process's peak resident memory so far, in kB (Linux).
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

struct Run {
    elapsed: Duration,
    peak_kb: Option<u64>,
    machines: u64,
    problems: u64,
    duplicates: u64,
}

fn run_report(dir: &Path, out: &Path) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kitlibre"))
        .args([
            "fleet",
            "report",
            "--json",
            "--lang",
            "en",
            "--today",
            "2026-11-22",
        ])
        .arg(dir)
        .stdout(Stdio::from(std::fs::File::create(out).expect("out")))
        .stderr(Stdio::null())
        .spawn()
        .expect("run kitlibre");
    let pid = child.id();
    let mut peak = None;
    loop {
        if let Some(kb) = vm_hwm(pid) {
            peak = Some(kb);
        }
        if let Ok(Some(status)) = child.try_wait() {
            assert!(status.success(), "fleet report failed: {status}");
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let elapsed = started.elapsed();
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out).expect("report")).expect("JSON report");
    let t = &report["totals"];
    Run {
        elapsed,
        peak_kb: peak,
        machines: t["machines"].as_u64().unwrap_or(0),
        problems: t["problems"].as_u64().unwrap_or(0),
        duplicates: t["duplicates"].as_u64().unwrap_or(0),
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("KITLIBRE_FLEET_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![500, 5000]);
    println!(
        "Kit Libre fleet report benchmark ({} build of the benchmark; the binary is {})",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "optimised"
        },
        env!("CARGO_BIN_EXE_kitlibre")
    );
    for n in sizes {
        let dir = tempfile::tempdir().expect("tempdir");
        let fleet = dir.path().join("fleet");
        std::fs::create_dir(&fleet).expect("dir");
        let t = Instant::now();
        let bytes = generate(&fleet, n);
        println!(
            "{n} files generated ({:.0} MB) in {:.1} s",
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        let out = dir.path().join("report.json");
        // A first run warms the page cache; the second is measured.
        let _ = run_report(&fleet, &out);
        let r = run_report(&fleet, &out);
        let secs = r.elapsed.as_secs_f64();
        println!(
            "  {n} files: {:.2} s, {:.0} files/s, {:.0} MB/s; peak memory {}; {} machines, {} duplicates, {} problems",
            secs,
            n as f64 / secs,
            bytes as f64 / 1e6 / secs,
            r.peak_kb
                .map(|kb| format!("{:.1} MB", kb as f64 / 1024.0))
                .unwrap_or_else(|| "not measured (no /proc)".into()),
            r.machines,
            r.duplicates,
            r.problems
        );
    }
}
