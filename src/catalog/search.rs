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
    /// The folded words, each with its letter set.
    words: Vec<(String, u64)>,
    /// Letter set of `compact`: a cheap filter before any edit distance.
    letters: u64,
}

/// The set of letters and digits in an ASCII string, as bits.
fn letter_set(s: &str) -> u64 {
    s.bytes().fold(0u64, |acc, b| match b {
        b'a'..=b'z' => acc | 1 << (b - b'a'),
        b'0'..=b'9' => acc | 1 << (26 + b - b'0'),
        _ => acc,
    })
}

/// Whether `q` could be within `typos` edits of a string whose letters are `set`: each
/// edit brings at most one letter the other string lacks.
fn may_be_close(q_letters: u64, set: u64, typos: usize) -> bool {
    (q_letters & !set).count_ones() as usize <= typos
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
    /// Folded entry names per language, by slot (proprietary first, then free).
    sort_keys: [Vec<String>; 2],
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
            let words = folded
                .split(' ')
                .map(|w| (w.to_owned(), letter_set(w)))
                .collect();
            let letters = letter_set(&compact);
            terms.push(Term {
                entry,
                kind,
                original: s.to_owned(),
                folded,
                compact,
                words,
                letters,
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
        let keys = |lang: Lang| -> Vec<String> {
            catalog
                .proprietary
                .iter()
                .map(|p| fold(p.name.get(lang)))
                .chain(catalog.free.iter().map(|f| fold(f.name.get(lang))))
                .collect()
        };
        SearchIndex {
            terms,
            sort_keys: [keys(Lang::Fr), keys(Lang::En)],
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
        let query = Query::new(&q);
        let mut matcher = match self.matcher.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        let n_prop = catalog.proprietary.len();
        let slots = n_prop + catalog.free.len();
        // Best (score, term, how) per entry.
        let mut best: Vec<Option<(u32, usize, MatchKind)>> = vec![None; slots];
        for (ti, term) in self.terms.iter().enumerate() {
            let Some((raw, how)) = score_term(term, &query, &mut matcher) else {
                continue;
            };
            let score = raw * term.kind.weight() / 100;
            let slot = match term.entry {
                EntryRef::Proprietary(i) => i,
                EntryRef::Free(i) => n_prop + i,
            };
            if slot < slots && best[slot].is_none_or(|(s, _, _)| s < score) {
                best[slot] = Some((score, ti, how));
            }
        }
        let keys = &self.sort_keys[usize::from(lang == Lang::En)];
        let mut found: Vec<(usize, u32, usize, MatchKind)> = best
            .into_iter()
            .enumerate()
            .filter_map(|(slot, b)| b.map(|(s, t, h)| (slot, s, t, h)))
            .collect();
        // Higher score first; on a tie, proprietary (lower slot) before free, then by name.
        found.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| (a.0 >= n_prop).cmp(&(b.0 >= n_prop)))
                .then_with(|| {
                    let ka = keys.get(a.0).map(String::as_str).unwrap_or("");
                    let kb = keys.get(b.0).map(String::as_str).unwrap_or("");
                    ka.cmp(kb)
                })
        });
        found.truncate(limit);
        found
            .into_iter()
            .map(|(_, score, ti, how)| {
                let term = &self.terms[ti];
                Hit {
                    entry: term.entry,
                    score,
                    how,
                    term_kind: term.kind,
                    matched: term.original.clone(),
                }
            })
            .collect()
    }
}

/// A folded query, prepared once for every term.
struct Query<'a> {
    folded: &'a str,
    compact: String,
    words: Vec<(&'a str, u64)>,
    letters: u64,
}

impl<'a> Query<'a> {
    fn new(folded: &'a str) -> Query<'a> {
        let compact = folded.replace(' ', "");
        let letters = letter_set(&compact);
        let words = folded.split(' ').map(|w| (w, letter_set(w))).collect();
        Query {
            folded,
            compact,
            words,
            letters,
        }
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

/// Typos allowed for a query of `len` letters.
fn max_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

/// Score out of 1000 of one term for the query, and how it matched.
fn score_term(term: &Term, q: &Query<'_>, matcher: &mut Matcher) -> Option<(u32, MatchKind)> {
    let t = term.folded.as_str();
    let qc = q.compact.as_str();
    // Closeness of lengths: "word" should rank "Word" above "WordPad".
    let ratio = |n: usize, m: usize| (n.min(m) * 100 / m.max(1)) as u32;

    if t == q.folded || term.compact == qc {
        return Some((1000, MatchKind::Exact));
    }
    if t.starts_with(q.folded) || term.compact.starts_with(qc) {
        return Some((800 + ratio(qc.len(), term.compact.len()), MatchKind::Prefix));
    }
    if q.words
        .iter()
        .all(|(qw, _)| term.words.iter().any(|(tw, _)| tw.starts_with(qw)))
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
    if typos > 0 && may_be_close(q.letters, term.letters, typos) {
        // Whole term ("excell" ~ "excel", "foto shop" ~ "photoshop").
        if qc.len().abs_diff(term.compact.len()) <= typos {
            let d = strsim::osa_distance(qc, &term.compact);
            if d <= typos {
                return Some((500 - 80 * d as u32, MatchKind::Typo));
            }
        }
        // The start of the term, while typing one word ("fotosh" ~ "photoshop").
        if q.words.len() == 1 && term.compact.len() > qc.len() {
            let longer = &term.compact[..qc.len() + 1];
            if may_be_close(q.letters, letter_set(longer), typos) {
                let head = &term.compact[..qc.len()];
                let d = strsim::osa_distance(qc, head).min(strsim::osa_distance(qc, longer));
                if d <= typos {
                    return Some((440 - 80 * d as u32, MatchKind::Typo));
                }
            }
        }
    }
    // Each word of the query near one word of the term ("adobe fotoshop").
    if q.words.len() > 1
        && q.words.iter().all(|(qw, ql)| {
            let allowed = max_typos(qw.len());
            term.words.iter().any(|(tw, tl)| {
                tw.starts_with(qw)
                    || (allowed > 0
                        && qw.len().abs_diff(tw.len()) <= allowed
                        && may_be_close(*ql, *tl, allowed)
                        && strsim::osa_distance(qw, tw) <= allowed)
            })
        })
    {
        return Some((420, MatchKind::Typo));
    }

    if qc.len() >= 3 && may_be_close(q.letters, term.letters, 0) {
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
