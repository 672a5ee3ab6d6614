//! GLPI lists exported as CSV (GLPI writes `;`, a UTF-8 BOM, and headers in its user's
//! language): one row per computer and program, or one row per computer with its
//! programs on several lines of one cell. French and English header names are both
//! understood; a file without a computer column and a software column is reported with
//! the columns it has.
//!
//! Rows of one computer need not be together: they are grouped by computer name within
//! the file (memory proportional to that one file, which the size limit bounds).

use crate::detect::os::OsFacts;
use crate::detect::{Installed, SourceKind};
use crate::fleet::hardware::family_of;
use crate::fleet::{Format, Hardware, Identity, Machine, ProblemKind, normalize_datetime};
use std::collections::HashMap;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Col {
    Computer,
    Software,
    Publisher,
    Version,
    Os,
    OsVersion,
    Serial,
    Uuid,
    Date,
}

/// A header, lower case without accents or extra blanks.
fn norm(h: &str) -> String {
    let h = deunicode::deunicode(h.trim().trim_start_matches('\u{feff}')).to_lowercase();
    h.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has(h: &str, words: &[&str]) -> bool {
    words.iter().any(|w| h.contains(w))
}

/// What one header names, without knowing the others (plain "Nom"/"Name" is decided
/// later).
fn classify(h: &str) -> Option<Col> {
    const OS: [&str; 4] = [
        "systeme d'exploitation",
        "operating system",
        "systeme d exploitation",
        "os -",
    ];
    const SOFT: [&str; 4] = ["logiciel", "software", "programme", "application"];
    if h == "uuid" || h.ends_with("- uuid") {
        return Some(Col::Uuid);
    }
    if has(h, &["numero de serie", "serial"]) {
        return Some(Col::Serial);
    }
    if has(h, &OS) || h == "os" {
        return Some(if h.contains("version") {
            Col::OsVersion
        } else {
            Col::Os
        });
    }
    if has(
        h,
        &[
            "derniere mise a jour",
            "last update",
            "dernier inventaire",
            "last inventory",
            "date de derniere remontee",
        ],
    ) {
        return Some(Col::Date);
    }
    if has(h, &["editeur", "publisher"]) {
        return Some(Col::Publisher);
    }
    if h.contains("version") {
        return Some(Col::Version);
    }
    if has(
        h,
        &[
            "ordinateur",
            "computer",
            "hostname",
            "nom d'hote",
            "poste de travail",
        ],
    ) || ["machine", "poste", "element", "item", "appareil", "device"].contains(&h)
    {
        return Some(Col::Computer);
    }
    if has(h, &SOFT)
        && !has(
            h,
            &["nombre", "number", "count", "licen", "categ", "install"],
        )
    {
        return Some(Col::Software);
    }
    None
}

/// The columns of a header line: index of each kind.
fn columns(headers: &[String]) -> HashMap<Col, usize> {
    let mut cols: HashMap<Col, usize> = HashMap::new();
    let normed: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    for (i, h) in normed.iter().enumerate() {
        if let Some(c) = classify(h) {
            // The first column of a kind wins, except a software version column, which
            // beats a plain "Version" elsewhere.
            let better = c == Col::Version && has(h, &["logiciel", "software", "versions - nom"]);
            if better {
                cols.insert(c, i);
            } else {
                cols.entry(c).or_insert(i);
            }
        }
    }
    // "Nom" / "Name": the computer in a computer list with a software column, the
    // software in a list that names the computer elsewhere.
    for (i, h) in normed.iter().enumerate() {
        if h == "nom" || h == "name" {
            if cols.contains_key(&Col::Software) && !cols.contains_key(&Col::Computer) {
                cols.insert(Col::Computer, i);
            } else if cols.contains_key(&Col::Computer) && !cols.contains_key(&Col::Software) {
                cols.insert(Col::Software, i);
            }
        }
    }
    cols
}

/// The separator of the header line: the one it has most of, outside quotes.
fn separator(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b';', b',', b'\t'][best]
}

/// Whether the text looks like a CSV table (a header line with separators).
pub fn looks_like_csv(text: &str) -> bool {
    let line = text.lines().next().unwrap_or("");
    !line.is_empty() && line.len() < 16 * 1024 && line.contains([';', ',', '\t'])
}

#[derive(Default)]
struct Acc {
    name: String,
    os: Option<String>,
    os_version: Option<String>,
    serial: Option<String>,
    uuid: Option<String>,
    date: Option<String>,
    programs: Vec<Installed>,
}

fn cell<'a>(rec: &'a csv::StringRecord, cols: &HashMap<Col, usize>, c: Col) -> Option<&'a str> {
    cols.get(&c)
        .and_then(|&i| rec.get(i))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Reads an export; each computer goes to `sink`. Machines read before a broken line are
/// kept, and the line is reported.
pub fn read(text: &str, sink: &mut dyn FnMut(Machine)) -> Result<(), ProblemKind> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ProblemKind::CsvInvalid {
            line: 1,
            detail: e.to_string(),
        })?
        .iter()
        .map(str::to_owned)
        .collect();
    let cols = columns(&headers);
    let mut missing = Vec::new();
    if !cols.contains_key(&Col::Computer) {
        missing.push("Ordinateur / Computer".to_owned());
    }
    if !cols.contains_key(&Col::Software) {
        missing.push("Logiciel / Software".to_owned());
    }
    if !missing.is_empty() {
        return Err(ProblemKind::CsvMissingColumns {
            missing,
            found: headers
                .iter()
                .take(12)
                .map(|h| h.trim().to_owned())
                .collect(),
        });
    }
    let mut order: Vec<String> = Vec::new();
    let mut machines: HashMap<String, Acc> = HashMap::new();
    let mut failure = None;
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                failure = Some(ProblemKind::CsvInvalid {
                    line: e.position().map(|p| p.line()).unwrap_or(0),
                    detail: e.to_string(),
                });
                break;
            }
        };
        let Some(computer) = cell(&rec, &cols, Col::Computer) else {
            continue;
        };
        let key = computer.to_lowercase();
        let acc = machines.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            Acc {
                name: computer.to_owned(),
                ..Acc::default()
            }
        });
        let set = |slot: &mut Option<String>, c: Col| {
            if slot.is_none() {
                *slot = cell(&rec, &cols, c).map(str::to_owned);
            }
        };
        set(&mut acc.os, Col::Os);
        set(&mut acc.os_version, Col::OsVersion);
        set(&mut acc.serial, Col::Serial);
        set(&mut acc.uuid, Col::Uuid);
        if let Some(d) = cell(&rec, &cols, Col::Date).and_then(normalize_datetime)
            && acc.date.as_ref().is_none_or(|old| d > *old)
        {
            acc.date = Some(d);
        }
        // Several programs in one cell, one per line (GLPI's multi-valued columns);
        // publisher and version cells then have as many lines.
        let lines = |c: Col| -> Vec<&str> {
            cell(&rec, &cols, c)
                .map(|s| s.lines().map(str::trim).collect())
                .unwrap_or_default()
        };
        let names = lines(Col::Software);
        let publishers = lines(Col::Publisher);
        let versions = lines(Col::Version);
        let aligned = |v: &Vec<&str>, i: usize| -> Option<String> {
            if v.len() == names.len() {
                v.get(i).map(|s| (*s).to_owned())
            } else if v.len() == 1 {
                Some(v[0].to_owned())
            } else {
                None
            }
        };
        for (i, n) in names.iter().enumerate() {
            if let Some(p) = Installed::new(n, SourceKind::Inventory) {
                acc.programs.push(
                    p.publisher(aligned(&publishers, i).as_deref())
                        .version(aligned(&versions, i).as_deref()),
                );
            }
        }
    }
    for key in order {
        let Some(acc) = machines.remove(&key) else {
            continue;
        };
        let family = family_of(&[acc.os.as_deref()]);
        let os = OsFacts {
            family,
            name: acc.os.clone(),
            version: acc.os_version.clone(),
            long_version: acc.os.clone(),
            kernel: acc.os_version.clone(),
            ..OsFacts::unknown(family)
        };
        // On Windows the names are Apps & features names: read them as such.
        let programs = acc
            .programs
            .into_iter()
            .map(|mut p| {
                if family == crate::detect::os::Family::Windows {
                    p.source = SourceKind::WindowsUninstall;
                }
                p
            })
            .collect();
        sink(Machine {
            identity: Identity {
                deviceid: None,
                uuid: acc.uuid,
                serial: acc.serial,
                host: Some(acc.name.clone()),
            },
            name: acc.name,
            inventory_date: acc.date,
            os,
            hardware: Hardware::default(),
            programs,
            format: Format::GlpiCsv,
        });
    }
    match failure {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols_of(line: &str) -> HashMap<Col, usize> {
        columns(&line.split(';').map(str::to_owned).collect::<Vec<_>>())
    }

    #[test]
    fn french_and_english_headers() {
        let c = cols_of("Ordinateur;Logiciel;Éditeur;Version;Système d'exploitation - Nom");
        assert_eq!(c.get(&Col::Computer), Some(&0));
        assert_eq!(c.get(&Col::Software), Some(&1));
        assert_eq!(c.get(&Col::Publisher), Some(&2));
        assert_eq!(c.get(&Col::Version), Some(&3));
        assert_eq!(c.get(&Col::Os), Some(&4));
        let c = cols_of("Name;Entity;Serial number;Software - Name;Software - Version");
        assert_eq!(c.get(&Col::Computer), Some(&0));
        assert_eq!(c.get(&Col::Software), Some(&3));
        assert_eq!(c.get(&Col::Version), Some(&4));
        assert_eq!(c.get(&Col::Serial), Some(&2));
        let c = cols_of("Nom;Éditeur;Nombre d'installations");
        assert!(!c.contains_key(&Col::Computer));
    }

    #[test]
    fn rows_are_grouped_by_computer_and_cells_split_by_line() {
        let text = "\u{feff}Ordinateur;Logiciel;Version\nPC-1;\"Firefox\nGIMP 2.10\";\"128.0\n2.10\"\nPC-2;VLC;3.0\npc-1;7-Zip 23.01 (x64);23.01\n";
        let mut got = Vec::new();
        read(text, &mut |m| got.push(m)).expect("read");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "PC-1");
        let names: Vec<&str> = got[0].programs.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Firefox", "GIMP 2.10", "7-Zip 23.01 (x64)"]);
        assert_eq!(got[0].programs[1].version.as_deref(), Some("2.10"));
    }
}
