//! Search over the whole catalogue: names in both languages, aliases, keywords and
//! category names; case- and accent-insensitive, tolerant of typos.
//!
//! Every searchable term is folded once, when the index is built (ASCII, lower case,
//! punctuation as spaces). A query is folded the same way and each term gets the best
//! of: exact, prefix, word prefix, substring, fuzzy subsequence (nucleo-matcher), and
//! typo distance (strsim's Damerau-Levenshtein). An entry's score is its best term's.

use crate::catalog::model::Lang;
use crate::catalog::{Catalog, EntryRef};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use serde::Serialize;
use std::sync::Mutex;

/// Folds text for comparison: transliterated to ASCII ("é" -> "e", "œ" -> "oe"), lower
/// case, anything but letters and digits turned into single spaces.
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What a term is, which weighs its matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    Name,
    Alias,
    Keyword,
    Category,
}

impl TermKind {
    /// Percent of a match's score kept for this kind of term.
    fn weight(self) -> u32 {
        match self {
            TermKind::Name => 100,
            TermKind::Alias => 96,
            TermKind::Keyword => 80,
            TermKind::Category => 60,
        }
    }
}

/// How the query matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    Exact,
    Prefix,
    WordPrefix,
    Substring,
    Fuzzy,
    Typo,
}

#[derive(Debug)]
struct Term {
    entry: EntryRef,
    kind: TermKind,
    /// As written in the catalogue, to show what matched.
    original: String,
    folded: String,
    /// Folded, without spaces ("foto shop" and "fotoshop" meet here).
    compact: String,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: EntryRef,
    pub score: u32,
    pub how: MatchKind,
    pub term_kind: TermKind,
    /// The catalogue text that matched.
    pub matched: String,
}

/// The search index of one catalogue.
#[derive(Debug)]
pub struct SearchIndex {
    terms: Vec<Term>,
    matcher: Mutex<Matcher>,
}

/// Longest query considered, in characters (a pasted text is cut).
pub const MAX_QUERY_CHARS: usize = 100;

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let mut terms = Vec::new();
        let mut add = |entry: EntryRef, kind: TermKind, s: &str| {
            let folded = fold(s);
            if folded.is_empty() {
                return;
            }
            let compact = folded.replace(' ', "");
            terms.push(Term {
                entry,
                kind,
                original: s.to_owned(),
                folded,
                compact,
            });
        };
        let category_names = |id: &str| -> Vec<String> {
            catalog
                .category(id)
                .map(|c| vec![c.name.fr.clone(), c.name.en.clone()])
                .unwrap_or_default()
        };
        for (i, p) in catalog.proprietary.iter().enumerate() {
            let r = EntryRef::Proprietary(i);
            for n in p.name.all() {
                add(r, TermKind::Name, n);
            }
            for a in &p.aliases {
                add(r, TermKind::Alias, a);
            }
            for k in p.keywords.fr.iter().chain(&p.keywords.en) {
                add(r, TermKind::Keyword, k);
            }
            for c in category_names(&p.category) {
                add(r, TermKind::Category, &c);
            }
        }
        for (i, f) in catalog.free.iter().enumerate() {
            let r = EntryRef::Free(i);
            for n in f.name.all() {
                add(r, TermKind::Name, n);
            }
            for a in &f.aliases {
                add(r, TermKind::Alias, a);
            }
            for k in f.keywords.fr.iter().chain(&f.keywords.en) {
                add(r, TermKind::Keyword, k);
            }
            for c in category_names(&f.category) {
                add(r, TermKind::Category, &c);
            }
        }
        // Duplicate terms of one entry (a name repeated as an alias) only cost time.
        terms.sort_by(|a, b| {
            (a.entry_key(), &a.folded, a.kind as u8).cmp(&(b.entry_key(), &b.folded, b.kind as u8))
        });
        terms.dedup_by(|b, a| a.entry == b.entry && a.folded == b.folded);
        SearchIndex {
            terms,
            matcher: Mutex::new(Matcher::new(Config::DEFAULT)),
        }
    }

    /// Number of searchable terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The best entries for `query`, best first, at most `limit`. On equal scores a
    /// proprietary product comes before free entries (the person is looking for what
    /// they use), then names in `lang` order.
    pub fn search(&self, catalog: &Catalog, query: &str, lang: Lang, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let q = fold(&query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let qc = q.replace(' ', "");
        let q_words: Vec<&str> = q.split(' ').collect();
        let mut matcher = match self.matcher.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut best: Vec<Option<Hit>> = Vec::new();
        best.resize(catalog.proprietary.len() + catalog.free.len(), None);
        let slot = |r: EntryRef| match r {
            EntryRef::Proprietary(i) => i,
            EntryRef::Free(i) => catalog.proprietary.len() + i,
        };
        for term in &self.terms {
            let Some((raw, how)) = score_term(term, &q, &qc, &q_words, &mut matcher) else {
                continue;
            };
            let score = raw * term.kind.weight() / 100;
            let s = slot(term.entry);
            if s >= best.len() {
                continue;
            }
            if best[s].as_ref().is_none_or(|h| h.score < score) {
                best[s] = Some(Hit {
                    entry: term.entry,
                    score,
                    how,
                    term_kind: term.kind,
                    matched: term.original.clone(),
                });
            }
        }
        let mut hits: Vec<Hit> = best.into_iter().flatten().collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| kind_order(a.entry).cmp(&kind_order(b.entry)))
                .then_with(|| {
                    let na = fold(catalog.entry(a.entry).name(lang));
                    let nb = fold(catalog.entry(b.entry).name(lang));
                    na.cmp(&nb)
                })
        });
        hits.truncate(limit);
        hits
    }
}

impl Term {
    fn entry_key(&self) -> (u8, usize) {
        match self.entry {
            EntryRef::Proprietary(i) => (0, i),
            EntryRef::Free(i) => (1, i),
        }
    }
}

fn kind_order(r: EntryRef) -> u8 {
    match r {
        EntryRef::Proprietary(_) => 0,
        EntryRef::Free(_) => 1,
    }
}

/// Typos allowed for a query of `len` letters.
fn max_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Score out of 1000 of one term for the folded query, and how it matched.
fn score_term(
    term: &Term,
    q: &str,
    qc: &str,
    q_words: &[&str],
    matcher: &mut Matcher,
) -> Option<(u32, MatchKind)> {
    let t = term.folded.as_str();
    // Closeness of lengths: "word" should rank "Word" above "WordPad".
    let ratio = |n: usize, m: usize| (n.min(m) * 100 / m.max(1)) as u32;

    if t == q || term.compact == qc {
        return Some((1000, MatchKind::Exact));
    }
    if t.starts_with(q) || term.compact.starts_with(qc) {
        return Some((
            800 + ratio(qc.len(), term.compact.len()),
            MatchKind::Prefix,
        ));
    }
    let t_words: Vec<&str> = t.split(' ').collect();
    if q_words
        .iter()
        .all(|qw| t_words.iter().any(|tw| tw.starts_with(qw)))
    {
        return Some((
            700 + ratio(qc.len(), term.compact.len()),
            MatchKind::WordPrefix,
        ));
    }
    if qc.len() >= 3 && term.compact.contains(qc) {
        return Some((
            550 + ratio(qc.len(), term.compact.len()) / 2,
            MatchKind::Substring,
        ));
    }

    let typos = max_typos(qc.len());
    if typos > 0 {
        // Whole term ("excell" ~ "excel", "foto shop" ~ "photoshop").
        let d = strsim::damerau_levenshtein(qc, &term.compact);
        if d <= typos {
            return Some((500 - 80 * d as u32, MatchKind::Typo));
        }
        // The start of the term, while typing ("fotosh" ~ "photoshop").
        if term.compact.len() > qc.len() {
            let end = (qc.len() + 1).min(term.compact.len());
            let head = &term.compact[..end];
            let d = strsim::damerau_levenshtein(qc, head)
                .min(strsim::damerau_levenshtein(qc, &head[..qc.len()]));
            if d <= typos {
                return Some((440 - 80 * d as u32, MatchKind::Typo));
            }
        }
        // One word of the query against one word of the term ("adobe fotoshop").
        let word_hits = q_words
            .iter()
            .filter(|qw| {
                let allowed = max_typos(qw.len());
                t_words.iter().any(|tw| {
                    tw.starts_with(**qw)
                        || (allowed > 0 && strsim::damerau_levenshtein(qw, tw) <= allowed)
                })
            })
            .count();
        if q_words.len() > 1 && word_hits == q_words.len() {
            return Some((420, MatchKind::Typo));
        }
    }

    if qc.len() >= 3 {
        let score = matcher.fuzzy_match(
            Utf32Str::Ascii(term.compact.as_bytes()),
            Utf32Str::Ascii(qc.as_bytes()),
        )?;
        // nucleo's score grows with matched characters and bonuses; bring it under the
        // typo band, and require most of the query to match closely.
        let per_char = u32::from(score) / qc.len() as u32;
        if per_char >= 12 {
            return Some((200 + per_char.min(100), MatchKind::Fuzzy));
        }
    }
    None
}
