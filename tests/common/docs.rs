//! Office documents for the migration tests: the real ones in ../shared/data/documents
//! (read in place) and small ones generated here with the same crates the kit reads them
//! with (zip, cfb), each made to carry one feature (macros, a password, a mail merge...).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// ../shared/data/documents, or None with a printed notice when ../shared is absent.
pub fn shared_documents() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/documents");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "notice: {} is absent; the tests on real documents are skipped",
            dir.display()
        );
        None
    }
}

/// A real document from the shared data, or a generated stand-in when it is absent.
pub fn real_or_generated(rel: &str) -> Vec<u8> {
    if let Some(d) = shared_documents()
        && let Ok(b) = std::fs::read(d.join(rel))
    {
        return b;
    }
    if rel.ends_with(".docx") {
        minimal_docx(&[])
    } else {
        minimal_xlsx(&[])
    }
}

fn zip_from(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in parts {
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// Copies a ZIP package, replacing or adding parts.
pub fn zip_with(base: &[u8], replace: &[(&str, &[u8])]) -> Vec<u8> {
    let mut r = zip::ZipArchive::new(std::io::Cursor::new(base)).expect("base zip");
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..r.len() {
        let mut f = r.by_index(i).expect("entry");
        let name = f.name().expect("entry name").into_owned();
        if replace.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("read entry");
        parts.push((name, data));
    }
    for (n, d) in replace {
        parts.push(((*n).to_owned(), d.to_vec()));
    }
    let refs: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_from(&refs)
}

const CT_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#;

/// A small .docx with a main part, styles using the given fonts, and extra parts.
pub fn minimal_docx(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let ct = format!(
        "{CT_HEAD}<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr><w:t>Bonjour</w:t></w:r></w:p></w:body></w:document>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ];
    parts.extend_from_slice(extra);
    zip_from(&parts)
}

/// A small .xlsx (or .xlsm content type when `macro_enabled`) with extra parts.
pub fn minimal_xlsx(extra: &[(&str, &[u8])]) -> Vec<u8> {
    minimal_xlsx_typed(false, extra)
}

pub fn minimal_xlsx_typed(macro_enabled: bool, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let main = if macro_enabled {
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    } else {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    };
    let ct = format!(
        "{CT_HEAD}<Override PartName=\"/xl/workbook.xml\" ContentType=\"{main}\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let wb = r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let wb_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let sheet = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>"#;
    let styles = r#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Aptos Narrow"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", wb_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
    ];
    parts.extend_from_slice(extra);
    zip_from(&parts)
}

/// A .docx attached to a network template, with a mail merge on a spreadsheet.
pub fn docx_with_template_and_merge() -> Vec<u8> {
    let settings = r#"<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rId1"/><w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataType w:val="native"/><w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\Adresses\habitants.xlsx;"/><w:query w:val="SELECT * FROM `Feuil1$`"/><w:dataSource r:id="rId2"/></w:mailMerge></w:settings>"#;
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///\\serveur\modeles\Courrier%20Mairie.dotm" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource" Target="file:///C:\Adresses\habitants.xlsx" TargetMode="External"/></Relationships>"#;
    minimal_docx(&[
        ("word/settings.xml", settings.as_bytes()),
        ("word/_rels/settings.xml.rels", rels.as_bytes()),
    ])
}

/// An .xlsx with a link to another workbook and a data connection.
pub fn xlsx_with_links() -> Vec<u8> {
    let link = r#"<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>"#;
    let link_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\serveur\finances\budget%202024.xlsx" TargetMode="External"/></Relationships>"#;
    let conn = r#"<?xml version="1.0"?><connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="Requête RH" type="1"/><connection id="2" name="Paie" type="5"/></connections>"#;
    minimal_xlsx(&[
        ("xl/externalLinks/externalLink1.xml", link.as_bytes()),
        (
            "xl/externalLinks/_rels/externalLink1.xml.rels",
            link_rels.as_bytes(),
        ),
        ("xl/connections.xml", conn.as_bytes()),
    ])
}

/// An .xlsm whose VBA project is present.
pub fn xlsm_with_vba() -> Vec<u8> {
    minimal_xlsx_typed(true, &[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not read")])
}

/// An .xlsm with no VBA project: named for macros, has none.
pub fn xlsm_without_vba() -> Vec<u8> {
    minimal_xlsx_typed(true, &[])
}

/// An OLE compound file with these streams and storages.
pub fn compound(streams: &[(&str, Vec<u8>)], storages: &[&str]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("cfb");
    for s in storages {
        cf.create_storage(s).expect("storage");
        cf.create_stream(format!("{s}/dir"))
            .and_then(|mut st| st.write_all(b"x"))
            .expect("stream in storage");
    }
    for (name, data) in streams {
        let mut st = cf.create_stream(name).expect("stream");
        st.write_all(data).expect("write stream");
    }
    cf.flush().expect("flush");
    cf.into_inner().into_inner()
}

/// A Word 97 file: `flags` is the FibBase flags word (0x0100 encrypted, 0x0001 template).
pub fn word97(flags: u16, macros: bool) -> Vec<u8> {
    let mut fib = vec![0u8; 64];
    fib[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    fib[10..12].copy_from_slice(&flags.to_le_bytes());
    let storages: &[&str] = if macros { &["/Macros"] } else { &[] };
    compound(
        &[("/WordDocument", fib), ("/1Table", vec![0; 16])],
        storages,
    )
}

fn biff(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut r = kind.to_le_bytes().to_vec();
    r.extend_from_slice(&(data.len() as u16).to_le_bytes());
    r.extend_from_slice(data);
    r
}

/// An Excel 97 workbook globals stream: optionally encrypted, optionally with a macro sheet.
pub fn excel97(encrypted: bool, macro_sheet: bool, vba: bool) -> Vec<u8> {
    let mut wb = biff(
        0x0809,
        &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    if encrypted {
        wb.extend(biff(0x002F, &[0x01, 0x00, 0x01, 0x00]));
    }
    let mut sheet = vec![0u8, 0, 0, 0, 0, 0x00, 1, 0, b'A'];
    wb.extend(biff(0x0085, &sheet));
    if macro_sheet {
        sheet[5] = 0x01;
        sheet[8] = b'M';
        wb.extend(biff(0x0085, &sheet));
    }
    wb.extend(biff(0x000A, &[]));
    let storages: &[&str] = if vba { &["/_VBA_PROJECT_CUR"] } else { &[] };
    compound(&[("/Workbook", wb)], storages)
}

/// A PowerPoint 97 file, encrypted or not.
pub fn powerpoint97(encrypted: bool) -> Vec<u8> {
    let mut atom = vec![0u8; 32];
    let token: u32 = if encrypted { 0xF3D1_C4DF } else { 0xE391_C05F };
    atom[12..16].copy_from_slice(&token.to_le_bytes());
    compound(
        &[
            ("/PowerPoint Document", vec![0u8; 32]),
            ("/Current User", atom),
        ],
        &[],
    )
}

/// An OOXML document encrypted with a password (the compound-file wrapper).
pub fn encrypted_ooxml() -> Vec<u8> {
    compound(
        &[
            ("/EncryptionInfo", vec![4, 0, 4, 0, 0x40, 0, 0, 0]),
            ("/EncryptedPackage", vec![0u8; 64]),
        ],
        &[],
    )
}

/// An OpenDocument text, optionally encrypted or with Basic macros.
pub fn odt(encrypted: bool, basic: bool) -> Vec<u8> {
    let manifest = if encrypted {
        r#"<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>"#
    } else {
        r#"<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>"#
    };
    let content = r#"<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:automatic-styles><style:style><style:text-properties style:font-name="Liberation Serif" style:font-name-asian="Noto Sans CJK SC"/></style:style></office:automatic-styles></office:document-content>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ];
    if basic {
        parts.push(("Basic/script-lc.xml", b"<x/>"));
        parts.push(("Basic/Standard/Module1.xml", b"<module/>"));
    }
    zip_from(&parts)
}

/// Writes files (relative path, bytes) under `dir`.
pub fn write_tree(dir: &Path, files: &[(&str, Vec<u8>)]) {
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write fixture");
    }
}
