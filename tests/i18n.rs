//! Every interface message exists in French and in English.

use kitlibre::catalog::model::Lang;
use kitlibre::i18n::{loader, message_ids};

#[test]
fn french_and_english_have_the_same_messages() {
    let fr = message_ids(Lang::Fr);
    let en = message_ids(Lang::En);
    assert!(fr.len() > 20, "French file read: {}", fr.len());
    let missing_en: Vec<&String> = fr.iter().filter(|k| !en.contains(k)).collect();
    let missing_fr: Vec<&String> = en.iter().filter(|k| !fr.contains(k)).collect();
    assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
    assert!(missing_fr.is_empty(), "missing in French: {missing_fr:?}");
}

#[test]
fn every_message_renders_in_both_languages() {
    for lang in Lang::ALL {
        for id in message_ids(lang) {
            assert!(loader(lang).has(&id), "{lang}: {id} does not load");
        }
    }
    // The two files really differ (not a copy of one another).
    let same = message_ids(Lang::Fr)
        .iter()
        .filter(|id| loader(Lang::Fr).get(id) == loader(Lang::En).get(id))
        .count();
    assert!(
        same * 5 < message_ids(Lang::Fr).len(),
        "{same} identical messages"
    );
}
