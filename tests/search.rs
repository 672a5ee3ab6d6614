//! Search over the real, embedded catalogue, as people type.

use kitlibre::catalog::model::Lang;
use kitlibre::catalog::search::SearchIndex;
use kitlibre::catalog::{Catalog, load_embedded};
use std::sync::LazyLock;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| load_embedded().catalog);
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(&CATALOG));

fn ids(query: &str, n: usize) -> Vec<String> {
    INDEX
        .search(&CATALOG, query, Lang::Fr, n)
        .iter()
        .map(|h| CATALOG.entry(h.entry).id().to_owned())
        .collect()
}

fn first(query: &str) -> String {
    ids(query, 1).into_iter().next().unwrap_or_default()
}

#[test]
fn a_product_name_finds_the_product_first() {
    assert_eq!(first("photoshop"), "adobe-photoshop");
    assert_eq!(first("Word"), "microsoft-word");
    assert_eq!(first("WhatsApp"), "whatsapp");
    assert_eq!(first("gmail"), "gmail");
    assert_eq!(first("LibreOffice"), "libreoffice");
}

#[test]
fn case_and_accents_do_not_matter() {
    assert_eq!(first("PHOTOSHOP"), "adobe-photoshop");
    assert_eq!(first("emmabuntus"), "emmabuntus");
    assert_eq!(first("Emmabuntüs"), "emmabuntus");
    assert_eq!(first("éxcel"), "microsoft-excel");
}

#[test]
fn common_misspellings_are_understood() {
    assert_eq!(first("excell"), "microsoft-excel");
    assert_eq!(first("exel"), "microsoft-excel");
    assert_eq!(first("foto shop"), "adobe-photoshop");
    assert_eq!(first("fotoshop"), "adobe-photoshop");
    assert_eq!(first("whatsap"), "whatsapp");
    assert_eq!(first("powerpoit"), "microsoft-powerpoint");
    assert_eq!(first("librofice"), "libreoffice");
}

#[test]
fn a_need_in_french_or_english_finds_products_of_both_kinds() {
    let fr = ids("traitement de texte", 10);
    assert!(fr.contains(&"microsoft-word".to_owned()), "{fr:?}");
    assert!(fr.contains(&"libreoffice".to_owned()), "{fr:?}");
    let en = ids("word processor", 10);
    assert!(en.contains(&"microsoft-word".to_owned()), "{en:?}");
    assert!(en.contains(&"libreoffice".to_owned()), "{en:?}");
    let photo = ids("retouche photo", 10);
    assert!(photo.contains(&"gimp".to_owned()), "{photo:?}");
}

#[test]
fn translated_names_work_in_both_languages() {
    assert_eq!(first("google agenda"), "google-calendar");
    assert_eq!(first("google calendar"), "google-calendar");
}

#[test]
fn typing_letter_by_letter_keeps_the_right_answer_on_top() {
    for prefix in ["phot", "photo", "photos", "photosh"] {
        let top = ids(prefix, 3);
        assert!(
            top.contains(&"adobe-photoshop".to_owned()),
            "{prefix}: {top:?}"
        );
    }
    assert_eq!(first("libreof"), "libreoffice");
    assert_eq!(first("thunderb"), "thunderbird");
}

#[test]
fn a_proprietary_product_comes_with_its_alternatives() {
    let alts: Vec<&str> = CATALOG
        .alternatives("adobe-photoshop")
        .iter()
        .map(|r| r.free.as_str())
        .collect();
    assert_eq!(alts.first(), Some(&"gimp"), "{alts:?}");
    let alts: Vec<&str> = CATALOG
        .alternatives("microsoft-word")
        .iter()
        .map(|r| r.free.as_str())
        .collect();
    assert_eq!(alts.first(), Some(&"libreoffice"), "{alts:?}");
}

#[test]
fn nonsense_and_odd_input_give_nothing_and_never_panic() {
    assert!(ids("xqzwvkj", 10).is_empty());
    assert!(ids("", 10).is_empty());
    assert!(ids("   !!! ???", 10).is_empty());
    assert!(ids("a", 0).is_empty());
    let long = "photoshop ".repeat(5_000);
    let _ = ids(&long, 10);
    let _ = ids("😀🎉 ñ ß ʒ 中文", 10);
    let _ = ids("\u{0}\u{7f}", 10);
}
