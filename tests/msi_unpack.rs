//! Unpacking an MSI for one user without Windows Installer (install::msi): a package built
//! by wixl (msitools) as vendors build theirs, and hostile packages written here with the
//! msi and cab crates, one trap each: a file name that climbs out of the folder, a
//! directory loop, a cabinet outside the package, a size over the limit, bytes that are no
//! MSI at all, and a file already there.

mod common;

use kitlibre::install::msi::{UnpackError, unpack};
use std::io::{Cursor, Write};
use std::path::Path;

/// An MSI with a Directory table `dirs` (id, parent, DefaultDir), one component per
/// file in the last directory, and the files in an embedded MSZIP cabinet (or the media
/// naming `cabinet` as is, when it does not start with '#').
fn package(dirs: &[(&str, Option<&str>, &str)], files: &[(&str, &[u8])], cabinet: &str) -> Vec<u8> {
    use msi::{Column, Insert, Package, PackageType, Value};
    let mut p = Package::create(PackageType::Installer, Cursor::new(Vec::new())).expect("package");
    p.create_table(
        "Directory",
        vec![
            Column::build("Directory").primary_key().id_string(72),
            Column::build("Directory_Parent").nullable().id_string(72),
            Column::build("DefaultDir").text_string(255),
        ],
    )
    .expect("Directory");
    p.create_table(
        "Component",
        vec![
            Column::build("Component").primary_key().id_string(72),
            Column::build("Directory_").id_string(72),
        ],
    )
    .expect("Component");
    p.create_table(
        "File",
        vec![
            Column::build("File").primary_key().id_string(72),
            Column::build("Component_").id_string(72),
            Column::build("FileName").text_string(255),
            Column::build("Sequence").int16(),
        ],
    )
    .expect("File");
    p.create_table(
        "Media",
        vec![
            Column::build("DiskId").primary_key().int16(),
            Column::build("LastSequence").int16(),
            Column::build("Cabinet").nullable().text_string(255),
        ],
    )
    .expect("Media");
    let mut rows = Insert::into("Directory");
    for (id, parent, default) in dirs {
        rows = rows.row(vec![
            Value::from(*id),
            parent.map(Value::from).unwrap_or(Value::Null),
            Value::from(*default),
        ]);
    }
    p.insert_rows(rows).expect("dirs");
    let last = dirs.last().expect("a directory").0;
    let mut components = Insert::into("Component");
    let mut file_rows = Insert::into("File");
    for (i, (name, _)) in files.iter().enumerate() {
        let key = format!("f{i}");
        components = components.row(vec![Value::from(format!("c{i}")), Value::from(last)]);
        file_rows = file_rows.row(vec![
            Value::from(key),
            Value::from(format!("c{i}")),
            Value::from(*name),
            Value::Int(i as i32 + 1),
        ]);
    }
    p.insert_rows(components).expect("components");
    p.insert_rows(file_rows).expect("files");
    p.insert_rows(Insert::into("Media").row(vec![
        Value::Int(1),
        Value::Int(files.len() as i32),
        Value::from(cabinet),
    ]))
    .expect("media");
    if let Some(stream) = cabinet.strip_prefix('#') {
        let mut builder = cab::CabinetBuilder::new();
        {
            let folder = builder.add_folder(cab::CompressionType::MsZip);
            for i in 0..files.len() {
                folder.add_file(format!("f{i}"));
            }
        }
        let mut writer = builder.build(Cursor::new(Vec::new())).expect("cab");
        let mut i = 0;
        while let Some(mut w) = writer.next_file().expect("cab file") {
            w.write_all(files[i].1).expect("cab data");
            i += 1;
        }
        let cab_bytes = writer.finish().expect("cab finish").into_inner();
        let mut s = p.write_stream(stream).expect("stream");
        s.write_all(&cab_bytes).expect("stream data");
    }
    p.into_inner().expect("package bytes").into_inner()
}

fn write(dir: &Path, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join("app.msi");
    std::fs::write(&path, bytes).expect("msi");
    path
}

const LAYOUT: [(&str, Option<&str>, &str); 3] = [
    ("TARGETDIR", None, "SourceDir"),
    ("ProgramFiles64Folder", Some("TARGETDIR"), "PFiles64"),
    (
        "INSTALLDIR",
        Some("ProgramFiles64Folder"),
        "FREEWR~1|FreeWriter",
    ),
];

#[test]
fn files_land_where_msiexec_a_puts_them_and_nothing_is_replaced() {
    let dir = tempfile::tempdir().expect("tmp");
    let msi = write(
        dir.path(),
        &package(
            &LAYOUT,
            &[
                ("FREEWR~1.EXE|freewriter.exe", b"MZ program"),
                ("lisezmoi.txt", b"bonjour"),
            ],
            "#app.cab",
        ),
    );
    let target = dir.path().join("Programs/freewriter");
    let done = unpack(&msi, &target, 1 << 20).expect("unpacked");
    assert_eq!(done.files, 2);
    assert_eq!(
        std::fs::read(target.join("PFiles64/FreeWriter/freewriter.exe")).expect("exe"),
        b"MZ program"
    );
    assert_eq!(
        std::fs::read(target.join("PFiles64/FreeWriter/lisezmoi.txt")).expect("txt"),
        b"bonjour"
    );
    // A second run finds the files there and replaces none of them.
    std::fs::write(target.join("PFiles64/FreeWriter/lisezmoi.txt"), b"mine").expect("edit");
    assert!(matches!(
        unpack(&msi, &target, 1 << 20),
        Err(UnpackError::Exists(_))
    ));
    assert_eq!(
        std::fs::read(target.join("PFiles64/FreeWriter/lisezmoi.txt")).expect("txt"),
        b"mine"
    );
}

#[test]
fn hostile_packages_are_refused_with_a_reason_and_write_nothing_outside() {
    let dir = tempfile::tempdir().expect("tmp");
    let target = dir.path().join("out");
    type Expect = fn(&UnpackError) -> bool;
    let unsafe_name: Expect = |e| matches!(e, UnpackError::UnsafeName(_));
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        (
            "a file name that climbs out",
            package(&LAYOUT, &[("..\\..\\evil.txt", b"x")], "#app.cab"),
            unsafe_name,
        ),
        (
            "a directory named ..",
            package(
                &[
                    ("TARGETDIR", None, "SourceDir"),
                    ("UP", Some("TARGETDIR"), ".."),
                    ("D", Some("UP"), "escaped"),
                ],
                &[("evil.txt", b"x")],
                "#app.cab",
            ),
            unsafe_name,
        ),
        (
            "a reserved device name",
            package(&LAYOUT, &[("CON.txt", b"x")], "#app.cab"),
            unsafe_name,
        ),
        (
            "a directory loop",
            package(
                &[("A", Some("B"), "a"), ("B", Some("A"), "b")],
                &[("f.txt", b"x")],
                "#app.cab",
            ),
            unsafe_name,
        ),
        (
            "a cabinet outside the package",
            package(&LAYOUT, &[("f.txt", b"x")], "external.cab"),
            |e| matches!(e, UnpackError::ExternalFiles(_)),
        ),
        (
            "bytes that are no MSI",
            b"MZ\x90\x00 not a package".repeat(100),
            |e| matches!(e, UnpackError::NotAPackage(_)),
        ),
    ];
    for (what, bytes, expect) in cases {
        let msi = write(dir.path(), &bytes);
        let r = unpack(&msi, &target, 1 << 20);
        assert!(r.as_ref().is_err_and(expect), "{what}: {r:?}");
        assert!(!dir.path().join("evil.txt").exists(), "{what}");
        assert!(!dir.path().join("escaped").exists(), "{what}");
    }
    // Over the size limit.
    let big = vec![b'a'; 10_000];
    let msi = write(
        dir.path(),
        &package(&LAYOUT, &[("big.bin", &big)], "#app.cab"),
    );
    assert!(matches!(
        unpack(&msi, &dir.path().join("big"), 1_000),
        Err(UnpackError::TooLarge(1_000))
    ));
}

#[test]
fn a_package_built_by_wixl_unpacks_like_a_vendor_msi() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("tool.exe"), b"MZ tool").expect("payload");
    let msi = common::wixl(
        dir.path(),
        r#"<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Outil" Language="1036" Version="1.2.3" Manufacturer="Test"
           UpgradeCode="{12345678-1234-1234-1234-123456789ABC}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="Outil libre">
          <Component Id="Main" Guid="*" Win64="yes">
            <File Id="ToolExe" Name="tool.exe" Source="tool.exe" KeyPath="yes"/>
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="All" Level="1"><ComponentRef Id="Main"/></Feature>
  </Product>
</Wix>
"#,
    );
    let target = dir.path().join("unpacked");
    let done = unpack(&msi, &target, 1 << 20).expect("unpacked");
    assert_eq!(done.files, 1);
    let found: Vec<_> = walkdir::WalkDir::new(&target)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "tool.exe")
        .map(|e| e.into_path())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(std::fs::read(&found[0]).expect("tool"), b"MZ tool");
    assert!(
        found[0].to_string_lossy().contains("Outil libre"),
        "{}",
        found[0].display()
    );
}
