//! The printable handout as a large-print, tagged A4 PDF (PDF/UA-1), written with krilla.
//!
//! Two passes. Layout first: the handout becomes pages of positioned drawing operations, each
//! one either part of a node of the logical structure (heading, paragraph, figure, list item)
//! or an artifact (footer, rules, tick boxes). Lines are wrapped here, with widths measured by
//! shaping the text with rustybuzz, the shaper krilla itself draws `draw_text` with. Then
//! krilla draws the pages, marks every piece of content, and writes the structure tree, the
//! outline (bookmarks) and the metadata (title shown in the title bar, language).
//!
//! Printed for people who read little, on shared black-and-white printers: body text at 15 pt
//! with 1.4 line spacing, black on white, one step never split from its title, QR codes big
//! enough for a phone camera, and the full address printed beside each code.

use std::num::NonZeroU16;

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use crate::guide::handout::{Handout, HandoutLink, HandoutStep, QrMatrix};

/// Why a handout could not be written as PDF.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// A font built into the program cannot be read: the program itself is damaged.
    #[error(
        "the built-in font {0} cannot be read, reinstall Kit Libre / la police intégrée {0} \
         est illisible, réinstallez Kit Libre"
    )]
    Font(&'static str),
    /// The PDF writer refused the document.
    #[error("cannot write the PDF / impossible d'écrire le PDF : {0}")]
    Write(String),
}

impl From<KrillaError> for PdfError {
    fn from(error: KrillaError) -> Self {
        match &error {
            KrillaError::Validation(errors) => {
                let kinds: Vec<String> = errors.iter().map(|(e, _)| format!("{e:?}")).collect();
                PdfError::Write(format!("{error} ({})", kinds.join(", ")))
            }
            _ => PdfError::Write(error.to_string()),
        }
    }
}

/// Writes the handout as a tagged A4 PDF.
///
/// The document is checked against PDF/UA-1 (the accessibility standard) by krilla's
/// validator. Should some odd input still fail that check, the same pages are written again
/// as plain tagged PDF (same structure, same metadata, no PDF/UA claim): a printable handout
/// is worth more to the person than an error.
pub fn write_pdf(h: &Handout) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let laid = Layout::run(h, &fonts);
    match render(h, &fonts, &laid, true) {
        Ok(bytes) => Ok(bytes),
        Err(RenderError::Krilla(KrillaError::Validation(_))) => {
            render(h, &fonts, &laid, false).map_err(PdfError::from)
        }
        Err(other) => Err(other.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Page geometry and type sizes (points; 1 mm = 72 / 25.4 pt).

const MM: f32 = 72.0 / 25.4;
const PAGE_W: f32 = 210.0 * MM;
const PAGE_H: f32 = 297.0 * MM;
const MARGIN: f32 = 18.0 * MM;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const RIGHT: f32 = PAGE_W - MARGIN;

/// Width of a QR code with its quiet zone, unless its modules would get too small to scan.
const QR_SIZE: f32 = 33.0 * MM;
/// Smallest module printed; bigger codes (long addresses) grow up to `QR_MAX`.
const QR_MIN_MODULE: f32 = 0.42 * MM;
const QR_MAX: f32 = 70.0 * MM;
/// Light modules around the code, as the QR standard asks.
const QR_QUIET: usize = 4;
/// Largest QR code the standard defines (version 40).
const QR_MAX_MODULES: usize = 177;
const QR_GAP: f32 = 5.0 * MM;

const STEP_GAP: f32 = 7.0 * MM;
const TICK_BOX: f32 = 18.0;
const RULE: f32 = 2.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Clone, Copy, Debug)]
struct Style {
    weight: Weight,
    size: f32,
    /// Line height as a multiple of the size.
    leading: f32,
}

impl Style {
    const fn new(weight: Weight, size: f32, leading: f32) -> Self {
        Self {
            weight,
            size,
            leading,
        }
    }

    fn line(self) -> f32 {
        self.size * self.leading
    }

    /// Baseline below the top of a line box: the capitals sit centred in the box.
    fn baseline(self) -> f32 {
        (self.line() + 0.7 * self.size) / 2.0
    }
}

const TITLE: Style = Style::new(Weight::Bold, 26.0, 1.3);
const META: Style = Style::new(Weight::Regular, 15.0, 1.4);
const SUMMARY: Style = Style::new(Weight::Regular, 16.0, 1.45);
const STEP_LABEL: Style = Style::new(Weight::Bold, 16.0, 1.4);
const HEADING: Style = Style::new(Weight::Bold, 21.0, 1.3);
const BODY: Style = Style::new(Weight::Regular, 15.0, 1.4);
const LABEL: Style = Style::new(Weight::Bold, 15.0, 1.4);
const URL: Style = Style::new(Weight::Regular, 14.0, 1.35);
const FOOTER: Style = Style::new(Weight::Regular, 10.0, 1.3);

const FOOTER_MAX_LINES: usize = 3;
/// First heading level (the handout title) and second (steps, "What changes").
const H1: NonZeroU16 = NonZeroU16::MIN;
const H2: NonZeroU16 = NonZeroU16::MIN.saturating_add(1);

// ---------------------------------------------------------------------------------------------
// Fonts: Andika, designed for beginning readers; embedded (subset) by krilla.

static REGULAR_TTF: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/Andika-Regular.ttf"
));
static BOLD_TTF: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/Andika-Bold.ttf"
));

/// One font twice: krilla's handle to draw and embed it, rustybuzz's face to measure it.
struct Face {
    font: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Result<Self, PdfError> {
        let font = Font::new(data.into(), 0).ok_or(PdfError::Font(name))?;
        let shaper = rustybuzz::Face::from_slice(data, 0).ok_or(PdfError::Font(name))?;
        let units_per_em = shaper.units_per_em() as f32;
        if units_per_em <= 0.0 {
            return Err(PdfError::Font(name));
        }
        Ok(Self {
            font,
            shaper,
            units_per_em,
        })
    }

    /// Advance width of `text` set at `size`, shaped as krilla's `draw_text` shapes it.
    fn width(&self, text: &str, size: f32) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f32 * size / self.units_per_em
    }

    fn has(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some_and(|g| g.0 != 0)
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Face::load(REGULAR_TTF, "Andika-Regular.ttf")?,
            bold: Face::load(BOLD_TTF, "Andika-Bold.ttf")?,
        })
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn width(&self, text: &str, style: Style) -> f32 {
        self.face(style.weight).width(text, style.size)
    }

    fn has(&self, c: char) -> bool {
        self.regular.has(c) && self.bold.has(c)
    }

    /// Text the fonts can draw: control and invisible formatting characters dropped, breaking
    /// spaces made plain spaces, line separators made `\n`, and characters Andika lacks
    /// replaced (a missing glyph prints as an empty box and breaks PDF/UA).
    fn clean(&self, text: &str) -> String {
        let replacement = if self.has('\u{FFFD}') {
            '\u{FFFD}'
        } else {
            '?'
        };
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
                '\t' => out.push(' '),
                c if c.is_control() || is_invisible(c) => {}
                // No-break spaces stay unbreakable (French puts one before "?" and ":").
                '\u{A0}' | '\u{202F}' | '\u{2007}' => {
                    out.push(if self.has(c) { c } else { '\u{A0}' });
                }
                c if c.is_whitespace() => out.push(' '),
                c if self.has(c) => out.push(c),
                _ => out.push(replacement),
            }
        }
        out
    }
}

/// Zero-width and direction marks, soft hyphen, variation selectors, byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

/// Cleaned text on one line: runs of spaces and line breaks become one space (no-break
/// spaces stay).
fn one_line(text: &str) -> String {
    text.split([' ', '\n'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for the metadata, the bookmarks and the structure attributes (heading titles, alt
/// texts), which viewers and screen readers show or speak with their own fonts: controls and
/// invisible characters dropped, on one line, nothing replaced.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Line breaking.

/// Breaks one paragraph into lines no wider than `width`. A line broken at a space keeps that
/// space at its end, so text copied out of the PDF (and read aloud) keeps its words apart.
/// Words wider than a line (web addresses) are cut, after a `/`, `.`, `-`… where possible.
fn wrap(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let face = fonts.face(style.weight);
    let width = width.max(style.size);
    let space = face.width(" ", style.size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in &glued_words(text) {
        let word = word.as_str();
        let word_width = face.width(word, style.size);
        if !line.is_empty() && line_width + space + word_width <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
            lines.push(std::mem::take(&mut line));
        }
        if word_width <= width {
            line = word.to_owned();
            line_width = word_width;
        } else {
            let mut pieces = break_word(face, style.size, word, width);
            line = pieces.pop().unwrap_or_default();
            line_width = face.width(&line, style.size);
            lines.extend(pieces);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of a paragraph, French punctuation kept with its word: a lone `»`, `:`, `;`,
/// `!` or `?` joins the word before it, a lone `«` the word after it (when the text has plain
/// spaces where French typography wants no-break ones).
fn glued_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let closing = word
            .chars()
            .all(|c| matches!(c, '»' | '›' | ':' | ';' | '!' | '?'));
        match words.last_mut() {
            Some(last) if closing || glue_next => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        glue_next = matches!(word, "«" | "‹");
    }
    words
}

/// Cuts a word too wide for a line into pieces that fit (at least one character each).
fn break_word(face: &Face, size: f32, word: &str, width: f32) -> Vec<String> {
    let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let chars: Vec<char> = word.chars().collect();
    let end = |n: usize| starts.get(n).copied().unwrap_or(word.len());
    // No glyph of Andika is narrower than 0.15 em: a bound for the search below.
    let most = ((width / (size * 0.15)).ceil() as usize).max(1);
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let fits = |n: usize| face.width(&word[starts[start]..end(start + n)], size) <= width;
        let (mut lo, mut hi) = (1, (chars.len() - start).min(most));
        if fits(hi) {
            lo = hi;
        } else {
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        let mut n = lo;
        if start + n < chars.len() {
            // Prefer to cut after a separator, if one sits in the last 40 % of the piece.
            if let Some(k) = (1..=n)
                .rev()
                .take_while(|k| k * 5 >= n * 3)
                .find(|k| is_url_separator(chars[start + k - 1]))
            {
                n = k;
            }
            // Never leave an accent at the start of a line, away from its letter.
            while n > 1 && is_combining(chars[start + n]) {
                n -= 1;
            }
        }
        pieces.push(word[starts[start]..end(start + n)].to_owned());
        start += n;
    }
    pieces
}

fn is_url_separator(c: char) -> bool {
    matches!(
        c,
        '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#' | ':' | ',' | ';' | '+' | '~' | '%'
    )
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The non-empty paragraphs of a text.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(str::trim).filter(|p| !p.is_empty())
}

// ---------------------------------------------------------------------------------------------
// QR codes.

/// Whether the matrix is a QR code we can draw (a square of 1 to 177 modules).
fn qr_usable(qr: &QrMatrix) -> bool {
    (1..=QR_MAX_MODULES).contains(&qr.width) && qr.dark.len() == qr.width * qr.width
}

/// Side of the printed code, quiet zone included, and the side of one module.
fn qr_size(qr: &QrMatrix) -> (f32, f32) {
    let modules = (qr.width + 2 * QR_QUIET) as f32;
    let mut size = QR_SIZE;
    if size / modules < QR_MIN_MODULE {
        size = (modules * QR_MIN_MODULE).min(QR_MAX);
    }
    (size, size / modules)
}

/// The dark modules as rectangles (one per run of dark modules in a row).
fn qr_path(qr: &QrMatrix, x: f32, y: f32, module: f32) -> Option<krilla::geom::Path> {
    let mut builder = PathBuilder::new();
    for row in 0..qr.width {
        let mut col = 0;
        while col < qr.width {
            if !qr.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < qr.width && qr.is_dark(col, row) {
                col += 1;
            }
            if let Some(rect) = Rect::from_xywh(
                x + (start + QR_QUIET) as f32 * module,
                y + (row + QR_QUIET) as f32 * module,
                (col - start) as f32 * module,
                module,
            ) {
                builder.push_rect(rect);
            }
        }
    }
    builder.finish()
}

/// A web address a PDF viewer can open: http(s), printable ASCII, no spaces.
fn linkable(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.bytes().all(|b| b.is_ascii_graphic())
}

// ---------------------------------------------------------------------------------------------
// Layout: structure nodes, drawing operations, rows, blocks, pages.

/// A node of the logical structure. Nodes are created in reading order; a node holds either
/// other nodes or content, never both, so drawing order cannot disturb the reading order.
struct StructNode {
    tag: TagKind,
    children: Vec<usize>,
    /// For `Link` nodes: the address the link annotations open.
    url: Option<String>,
}

/// What a piece of drawn content is, for assistive technology.
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// Real content, belonging to this structure node.
    Content(usize),
    /// Decoration or pagination, skipped by screen readers.
    Artifact(ArtifactType),
}

enum Op<'a> {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        style: Style,
        mark: Mark,
        /// The `Link` node this line belongs to (its area opens the address on screen).
        link: Option<usize>,
    },
    /// A horizontal black bar (decoration); `y` is its top.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
    },
    /// An empty square to tick by hand; `y` is its top.
    TickBox { x: f32, y: f32 },
    /// A QR code; `x`, `y` is the top left corner of its quiet zone.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        qr: &'a QrMatrix,
        node: usize,
    },
}

impl Op<'_> {
    fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Op::Text { y, .. } | Op::Rule { y, .. } | Op::TickBox { y, .. } | Op::Qr { y, .. } => {
                *y += dy;
            }
        }
        self
    }
}

/// A horizontal band of a block, never cut by a page break. Its operations are placed
/// relative to its top.
struct Row<'a> {
    height: f32,
    ops: Vec<Op<'a>>,
    /// Space only: dropped at the top of a page.
    spacer: bool,
}

impl<'a> Row<'a> {
    fn spacer(height: f32) -> Self {
        Self {
            height,
            ops: Vec::new(),
            spacer: true,
        }
    }

    fn new(height: f32, ops: Vec<Op<'a>>) -> Self {
        Self {
            height,
            ops,
            spacer: false,
        }
    }
}

/// A run of rows placed together.
struct Block<'a> {
    rows: Vec<Row<'a>>,
    /// The first rows that must share a page (a heading and the first lines under it).
    keep: usize,
    /// Start a new page rather than split the block, if the block fits on one page.
    whole: bool,
    /// Bookmark text, pointing at the first row placed.
    bookmark: Option<String>,
}

struct Bookmark {
    text: String,
    page: usize,
    y: f32,
}

/// The laid-out handout, ready to draw.
struct Layout<'a> {
    fonts: &'a Fonts,
    pages: Vec<Vec<Op<'a>>>,
    nodes: Vec<StructNode>,
    roots: Vec<usize>,
    bookmarks: Vec<Bookmark>,
    footer: Vec<String>,
    y: f32,
    bottom: f32,
}

impl<'a> Layout<'a> {
    fn run(h: &'a Handout, fonts: &'a Fonts) -> Self {
        let footer = footer_lines(fonts, &fonts.clean(&h.footer));
        let footer_height = footer.len().max(1) as f32 * FOOTER.line() + 4.0 * MM;
        let mut layout = Self {
            fonts,
            pages: vec![Vec::new()],
            nodes: Vec::new(),
            roots: Vec::new(),
            bookmarks: Vec::new(),
            footer,
            y: MARGIN,
            bottom: PAGE_H - MARGIN - footer_height,
        };
        let block = layout.title_block(h);
        layout.place(block);
        for step in &h.steps {
            let block = layout.step_block(h, step);
            layout.place(block);
        }
        if let Some(block) = layout.changes_block(h) {
            layout.place(block);
        }
        layout
    }

    fn node(&mut self, parent: Option<usize>, tag: impl Into<TagKind>) -> usize {
        let index = self.nodes.len();
        self.nodes.push(StructNode {
            tag: tag.into(),
            children: Vec::new(),
            url: None,
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(index),
            None => self.roots.push(index),
        }
        index
    }

    /// One row per line of `text` (already cleaned, one paragraph), from `x`, `width` wide.
    fn lines(&self, text: &str, style: Style, x: f32, width: f32, mark: Mark) -> Vec<Row<'a>> {
        self.line_rows(wrap(self.fonts, style, text, width), style, x, mark, None)
    }

    fn line_rows(
        &self,
        lines: Vec<String>,
        style: Style,
        x: f32,
        mark: Mark,
        link: Option<usize>,
    ) -> Vec<Row<'a>> {
        lines
            .into_iter()
            .map(|text| {
                let op = Op::Text {
                    x,
                    y: style.baseline(),
                    text,
                    style,
                    mark,
                    link,
                };
                Row::new(style.line(), vec![op])
            })
            .collect()
    }

    /// Paragraphs of `text` as `P` nodes under `parent`, with a little space between them.
    fn paragraph_rows(&mut self, parent: Option<usize>, text: &str, style: Style) -> Vec<Row<'a>> {
        let text = self.fonts.clean(text);
        let mut rows = Vec::new();
        for (i, paragraph) in paragraphs(&text).enumerate() {
            if i > 0 {
                rows.push(Row::spacer(style.line() * 0.4));
            }
            let p = self.node(parent, Tag::P);
            rows.extend(self.lines(paragraph, style, MARGIN, CONTENT_W, Mark::Content(p)));
        }
        rows
    }

    fn title_block(&mut self, h: &Handout) -> Block<'a> {
        let mut rows = Vec::new();
        let title = self.fonts.clean(&h.title);
        let title = one_line(&title);
        let mut bookmark = None;
        if !title.is_empty() {
            let h1 = self.node(None, Tag::Hn(H1, Some(plain(&h.title))));
            rows.extend(self.lines(&title, TITLE, MARGIN, CONTENT_W, Mark::Content(h1)));
            rows.push(Row::spacer(2.0 * MM));
            bookmark = Some(plain(&h.title));
        }
        rows.extend(self.paragraph_rows(None, &h.meta, META));
        if !rows.is_empty() {
            rows.push(Row::spacer(3.0 * MM));
            rows.push(rule_row());
        }
        let summary = self.paragraph_rows(None, &h.summary, SUMMARY);
        let keep = rows.len() + summary.len().min(2);
        rows.extend(summary);
        Block {
            rows,
            keep,
            whole: false,
            bookmark,
        }
    }

    fn step_block(&mut self, h: &Handout, step: &'a HandoutStep) -> Block<'a> {
        let labels = &h.labels;
        let raw_label = format!("{} {}", labels.step, step.number);
        let label = one_line(&self.fonts.clean(&raw_label));
        let title = one_line(&self.fonts.clean(&step.title));
        let heading = match plain(&step.title) {
            title if title.is_empty() => plain(&raw_label),
            title => format!("{} — {title}", plain(&raw_label)),
        };

        let section = self.node(None, Tag::Section);
        let h2 = self.node(Some(section), Tag::Hn(H2, Some(heading.clone())));
        let mut rows = vec![Row::spacer(STEP_GAP), rule_row()];

        // "Étape 3", with the tick box and "Fait" at the right end of the line when they fit.
        let done = self.fonts.clean(&labels.done);
        let done = one_line(&done);
        let label_width = self.fonts.width(&label, STEP_LABEL);
        let done_width = self.fonts.width(&done, LABEL);
        let tick_width = TICK_BOX + 6.0 + done_width;
        let tick_inline = label_width + 10.0 * MM + tick_width <= CONTENT_W;
        let mut label_ops = vec![Op::Text {
            x: MARGIN,
            y: STEP_LABEL.baseline(),
            // The space keeps "Étape 3" apart from the title in copied and spoken text.
            text: format!("{label} "),
            style: STEP_LABEL,
            mark: Mark::Content(h2),
            link: None,
        }];
        if tick_inline {
            let x = RIGHT - tick_width;
            label_ops.push(Op::TickBox {
                x,
                y: (STEP_LABEL.line() - TICK_BOX) / 2.0,
            });
            if !done.is_empty() {
                // Created after the heading: read right after it.
                let p = self.node(Some(section), Tag::P);
                label_ops.push(Op::Text {
                    x: x + TICK_BOX + 6.0,
                    y: STEP_LABEL.baseline(),
                    text: done.clone(),
                    style: LABEL,
                    mark: Mark::Content(p),
                    link: None,
                });
            }
        }
        rows.push(Row::new(STEP_LABEL.line(), label_ops));
        if !title.is_empty() {
            rows.extend(self.lines(&title, HEADING, MARGIN, CONTENT_W, Mark::Content(h2)));
        }
        if !tick_inline {
            let text_x = MARGIN + TICK_BOX + 6.0;
            let mut tick_rows = if done.is_empty() {
                vec![Row::new(LABEL.line(), Vec::new())]
            } else {
                let p = self.node(Some(section), Tag::P);
                self.lines(&done, LABEL, text_x, RIGHT - text_x, Mark::Content(p))
            };
            if let Some(first) = tick_rows.first_mut() {
                first.ops.push(Op::TickBox {
                    x: MARGIN,
                    y: (LABEL.line() - TICK_BOX) / 2.0,
                });
            }
            rows.extend(tick_rows);
        }
        rows.push(Row::spacer(1.5 * MM));

        let text = self.paragraph_rows(Some(section), &step.text, BODY);
        let keep = rows.len() + text.len().min(3);
        rows.extend(text);

        let why_text = self.fonts.clean(&step.why);
        if paragraphs(&why_text).next().is_some() {
            rows.push(Row::spacer(BODY.line() * 0.5));
            let why_label = one_line(&self.fonts.clean(&labels.why));
            if !why_label.is_empty() {
                let p = self.node(Some(section), Tag::P);
                rows.extend(self.lines(&why_label, LABEL, MARGIN, CONTENT_W, Mark::Content(p)));
            }
            rows.extend(self.paragraph_rows(Some(section), &why_text, BODY));
        }

        for link in &step.links {
            rows.push(Row::spacer(4.0 * MM));
            rows.extend(self.link_rows(h, section, link));
        }

        Block {
            rows,
            keep,
            whole: true,
            bookmark: Some(heading),
        }
    }

    /// A QR code with, beside it, what it leads to, the full address and "scan with your
    /// phone". When the words are much taller than the code (a very long address), they go
    /// under it instead, where they may continue on the next page.
    fn link_rows(&mut self, h: &Handout, section: usize, link: &'a HandoutLink) -> Vec<Row<'a>> {
        let group = self.node(Some(section), Tag::Div);
        let url = self.fonts.clean(&link.url);
        let url = url.split_whitespace().collect::<String>();
        let qr = qr_usable(&link.qr).then(|| (&link.qr, qr_size(&link.qr)));

        let figure = qr.map(|_| {
            let alt = plain(&h.labels.qr_alt.replace("{url}", &link.url));
            let (url, label) = (plain(&link.url), plain(&link.label));
            let alt = [alt.as_str(), url.as_str(), label.as_str()]
                .into_iter()
                .find(|a| !a.is_empty())
                .unwrap_or("QR")
                .to_owned();
            self.node(Some(group), Tag::Figure(Some(alt)))
        });

        let label = self.fonts.clean(&link.label);
        let label = one_line(&label);
        let label_node = (!label.is_empty()).then(|| {
            // Beside a code, the label is the figure's caption.
            let tag: TagKind = if figure.is_some() {
                Tag::Caption.into()
            } else {
                Tag::P.into()
            };
            self.node(Some(group), tag)
        });
        let (url_node, link_node) = if url.is_empty() {
            (None, None)
        } else {
            let p = self.node(Some(group), Tag::P);
            let link_node = linkable(&url).then(|| {
                let node = self.node(Some(p), Tag::Link);
                self.nodes[node].url = Some(url.clone());
                node
            });
            (Some(p), link_node)
        };
        let scan = self.fonts.clean(&h.labels.scan);
        let scan = one_line(&scan);
        let scan_node = (qr.is_some() && !scan.is_empty()).then(|| self.node(Some(group), Tag::P));

        let text_x = match qr {
            Some((_, (size, _))) => MARGIN + size + QR_GAP,
            None => MARGIN,
        };
        let column = |layout: &Self, x: f32| {
            let width = RIGHT - x;
            let mut rows = Vec::new();
            if let Some(node) = label_node {
                rows.extend(layout.lines(&label, LABEL, x, width, Mark::Content(node)));
            }
            if let Some(node) = url_node {
                let mark = Mark::Content(link_node.unwrap_or(node));
                let lines = wrap(layout.fonts, URL, &url, width);
                rows.extend(layout.line_rows(lines, URL, x, mark, link_node));
            }
            if let Some(node) = scan_node {
                rows.push(Row::spacer(1.0 * MM));
                rows.extend(layout.lines(&scan, URL, x, width, Mark::Content(node)));
            }
            rows
        };

        let (Some((qr, (size, module))), Some(figure)) = (qr, figure) else {
            return column(self, MARGIN);
        };
        let qr_op = Op::Qr {
            x: MARGIN,
            y: 0.0,
            module,
            qr,
            node: figure,
        };
        let beside = column(self, text_x);
        let beside_height: f32 = beside.iter().map(|r| r.height).sum();
        if beside_height <= size.max((self.bottom - MARGIN) * 0.4) {
            // One unbreakable row: the code, and the words top-aligned beside it.
            let mut ops = vec![qr_op];
            let mut y = 0.0;
            for row in beside {
                ops.extend(row.ops.into_iter().map(|op| op.shifted(y)));
                y += row.height;
            }
            vec![Row::new(size.max(beside_height), ops)]
        } else {
            let mut rows = vec![Row::new(size, vec![qr_op]), Row::spacer(2.0 * MM)];
            rows.extend(column(self, MARGIN));
            rows
        }
    }

    fn changes_block(&mut self, h: &Handout) -> Option<Block<'a>> {
        let items: Vec<String> = h
            .changes
            .iter()
            .map(|c| {
                let c = self.fonts.clean(c);
                paragraphs(&c).collect::<Vec<_>>().join(" ")
            })
            .filter(|c| !c.is_empty())
            .collect();
        if items.is_empty() {
            return None;
        }
        let section = self.node(None, Tag::Section);
        let mut rows = vec![Row::spacer(STEP_GAP), rule_row()];
        let heading = self.fonts.clean(&h.labels.changes);
        let heading = one_line(&heading);
        if !heading.is_empty() {
            let h2 = self.node(Some(section), Tag::Hn(H2, Some(plain(&h.labels.changes))));
            rows.extend(self.lines(&heading, HEADING, MARGIN, CONTENT_W, Mark::Content(h2)));
            rows.push(Row::spacer(1.5 * MM));
        }
        let keep = rows.len() + 2;
        let list = self.node(Some(section), Tag::L(ListNumbering::Disc));
        let bullet = if self.fonts.has('•') { "•" } else { "-" };
        let indent = self.fonts.width(bullet, LABEL) + 4.0 * MM;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                rows.push(Row::spacer(BODY.line() * 0.3));
            }
            let li = self.node(Some(list), Tag::LI);
            let lbl = self.node(Some(li), Tag::Lbl);
            let body = self.node(Some(li), Tag::LBody);
            let mut lines = self.lines(
                item,
                BODY,
                MARGIN + indent,
                CONTENT_W - indent,
                Mark::Content(body),
            );
            if let Some(first) = lines.first_mut() {
                first.ops.insert(
                    0,
                    Op::Text {
                        x: MARGIN,
                        y: BODY.baseline(),
                        text: bullet.to_owned(),
                        style: LABEL,
                        mark: Mark::Content(lbl),
                        link: None,
                    },
                );
            }
            rows.extend(lines);
        }
        Some(Block {
            rows,
            keep,
            whole: false,
            bookmark: (!heading.is_empty()).then(|| plain(&h.labels.changes)),
        })
    }

    fn at_top(&self) -> bool {
        self.y <= MARGIN + 0.01
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn place(&mut self, block: Block<'a>) {
        let total: f32 = block.rows.iter().map(|r| r.height).sum();
        let head: f32 = block.rows.iter().take(block.keep).map(|r| r.height).sum();
        let page_height = self.bottom - MARGIN;
        if self.y + total > self.bottom && !self.at_top() {
            let whole_fits_a_page = block.whole && total <= page_height;
            if whole_fits_a_page || self.y + head > self.bottom {
                self.new_page();
            }
        }
        let mut bookmark = block.bookmark;
        for row in block.rows {
            if row.spacer && self.at_top() {
                continue;
            }
            if self.y + row.height > self.bottom && !self.at_top() {
                self.new_page();
                if row.spacer {
                    continue;
                }
            }
            if let Some(text) = bookmark.take() {
                self.bookmarks.push(Bookmark {
                    text,
                    page: self.pages.len() - 1,
                    y: self.y,
                });
            }
            let y = self.y;
            if let Some(page) = self.pages.last_mut() {
                page.extend(row.ops.into_iter().map(|op| op.shifted(y)));
            }
            self.y += row.height;
        }
    }
}

fn rule_row<'a>() -> Row<'a> {
    Row::new(
        RULE + 3.0 * MM,
        vec![Op::Rule {
            x: MARGIN,
            y: 0.0,
            width: CONTENT_W,
            thickness: RULE,
        }],
    )
}

/// The footer text, wrapped beside the page number, on at most `FOOTER_MAX_LINES` lines.
fn footer_lines(fonts: &Fonts, footer: &str) -> Vec<String> {
    let text = paragraphs(footer).collect::<Vec<_>>().join(" ");
    let width = CONTENT_W - fonts.width("page 9999 / 9999", FOOTER) - 6.0 * MM;
    let mut lines = wrap(fonts, FOOTER, &text, width);
    if lines.len() > FOOTER_MAX_LINES {
        lines.truncate(FOOTER_MAX_LINES);
        if let Some(last) = lines.last_mut() {
            let mut cut = last.trim_end().to_owned();
            while !cut.is_empty() && fonts.width(&format!("{cut}…"), FOOTER) > width {
                cut.pop();
            }
            *last = format!("{}…", cut.trim_end());
        }
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Drawing with krilla.

enum RenderError {
    Krilla(KrillaError),
    Other(PdfError),
}

impl From<KrillaError> for RenderError {
    fn from(error: KrillaError) -> Self {
        RenderError::Krilla(error)
    }
}

impl From<RenderError> for PdfError {
    fn from(error: RenderError) -> Self {
        match error {
            RenderError::Krilla(error) => error.into(),
            RenderError::Other(error) => error,
        }
    }
}

/// What the drawing collected for the structure tree: the marked content of each node, and the
/// link annotations of `Link` nodes.
struct Marked {
    content: Vec<Vec<Identifier>>,
    annotations: Vec<Vec<Identifier>>,
}

fn render(h: &Handout, fonts: &Fonts, laid: &Layout<'_>, ua: bool) -> Result<Vec<u8>, RenderError> {
    let mut settings = SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    if ua {
        // PDF/UA-1 (ISO 14289-1): krilla checks what it can (title, language, alt texts,
        // heading titles, outline, tagging, glyphs with a Unicode meaning) and writes the
        // PDF/UA identification; the structure choices are ours (see `Layout`).
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| RenderError::Other(PdfError::Write(format!("{e:?}"))))?;
    }
    let page_settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| RenderError::Other(PdfError::Write("A4 page size".to_owned())))?;

    let mut document = Document::new_with(settings);
    let mut marked = Marked {
        content: vec![Vec::new(); laid.nodes.len()],
        annotations: vec![Vec::new(); laid.nodes.len()],
    };
    let total = laid.pages.len();
    for (index, ops) in laid.pages.iter().enumerate() {
        let mut page = document.start_page_with(page_settings.clone());
        let mut link_areas: Vec<(usize, Rect)> = Vec::new();
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op, &mut marked, &mut link_areas);
        }
        draw_footer(&mut surface, fonts, &laid.footer, index + 1, total);
        surface.finish();
        for (node, area) in link_areas {
            let Some(url) = laid.nodes[node].url.clone() else {
                continue;
            };
            let target = Target::Action(Action::Link(LinkAction::new(url.clone())));
            let annotation = Annotation::new_link(LinkAnnotation::new(area, target), Some(url));
            marked.annotations[node].push(page.add_tagged_annotation(annotation));
        }
        page.finish();
    }

    let lang = match h.lang.trim() {
        "" => "und".to_owned(),
        lang => lang.to_owned(),
    };
    let mut tree = TagTree::new().with_lang(Some(lang.clone()));
    for &root in &laid.roots {
        tree.push(tag_group(laid, &marked, root));
    }
    document.set_tag_tree(tree);

    let mut outline = Outline::new();
    for bookmark in &laid.bookmarks {
        let destination = XyzDestination::new(bookmark.page, Point::from_xy(MARGIN, bookmark.y));
        outline.push_child(OutlineNode::new(bookmark.text.clone(), destination));
    }
    document.set_outline(outline);

    // PDF/UA wants a title in the title bar: the program's name when the handout has none.
    let title = match plain(&h.title) {
        title if title.is_empty() => "Kit Libre".to_owned(),
        title => title,
    };
    let metadata = Metadata::new()
        .title(title)
        .language(lang)
        .creator("Kit Libre".to_owned());
    document.set_metadata(metadata);
    Ok(document.finish()?)
}

fn tag_group(laid: &Layout<'_>, marked: &Marked, index: usize) -> TagGroup {
    let mut group = TagGroup::new(laid.nodes[index].tag.clone());
    // A link's annotations come first, then what it covers (krilla's best practice).
    for &id in &marked.annotations[index] {
        group.push(id);
    }
    for &child in &laid.nodes[index].children {
        group.push(tag_group(laid, marked, child));
    }
    for &id in &marked.content[index] {
        group.push(id);
    }
    group
}

fn black_fill() -> Fill {
    Fill::default()
}

fn draw(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    op: &Op<'_>,
    marked: &mut Marked,
    link_areas: &mut Vec<(usize, Rect)>,
) {
    match op {
        Op::Text {
            x,
            y,
            text,
            style,
            mark,
            link,
        } => {
            let id = match mark {
                Mark::Content(_) => surface.start_tagged(ContentTag::Span(SpanTag::empty())),
                Mark::Artifact(kind) => {
                    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(*kind)))
                }
            };
            surface.set_fill(Some(black_fill()));
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(style.weight).font.clone(),
                style.size,
                text,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
            if let Mark::Content(node) = mark {
                marked.content[*node].push(id);
            }
            if let Some(node) = link {
                let width = fonts.width(text.trim_end(), *style);
                let top = y - style.size * 0.85;
                if let Some(area) = Rect::from_xywh(*x, top, width, style.size * 1.1) {
                    link_areas.push((*node, area));
                }
            }
        }
        Op::Rule {
            x,
            y,
            width,
            thickness,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *width, *thickness) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            if let Some(path) = builder.finish() {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    ArtifactType::Layout,
                )));
                surface.set_fill(Some(black_fill()));
                surface.draw_path(&path);
                surface.end_tagged();
            }
        }
        Op::TickBox { x, y } => {
            let Some(rect) = Rect::from_xywh(*x, *y, TICK_BOX, TICK_BOX) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            if let Some(path) = builder.finish() {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    ArtifactType::Layout,
                )));
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    width: 1.5,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
                surface.end_tagged();
            }
        }
        Op::Qr {
            x,
            y,
            module,
            qr,
            node,
        } => {
            if let Some(path) = qr_path(qr, *x, *y, *module) {
                let id = surface.start_tagged(ContentTag::Other);
                surface.set_fill(Some(black_fill()));
                surface.draw_path(&path);
                surface.end_tagged();
                marked.content[*node].push(id);
            }
        }
    }
}

fn draw_footer(surface: &mut Surface<'_>, fonts: &Fonts, lines: &[String], page: usize, of: usize) {
    let footer = Mark::Artifact(ArtifactType::Footer);
    let top = PAGE_H - MARGIN - lines.len().max(1) as f32 * FOOTER.line();
    let mut ops = vec![Op::Rule {
        x: MARGIN,
        y: top - 2.0 * MM,
        width: CONTENT_W,
        thickness: 0.75,
    }];
    let number = format!("page {page} / {of}");
    ops.push(Op::Text {
        x: RIGHT - fonts.width(&number, FOOTER),
        y: top + FOOTER.baseline(),
        text: number,
        style: FOOTER,
        mark: footer,
        link: None,
    });
    for (i, line) in lines.iter().enumerate() {
        ops.push(Op::Text {
            x: MARGIN,
            y: top + i as f32 * FOOTER.line() + FOOTER.baseline(),
            text: line.clone(),
            style: FOOTER,
            mark: footer,
            link: None,
        });
    }
    let mut unused = Marked {
        content: Vec::new(),
        annotations: Vec::new(),
    };
    let mut no_links = Vec::new();
    for op in &ops {
        draw(surface, fonts, op, &mut unused, &mut no_links);
    }
}

#[cfg(test)]
mod tests {
    use qrcode::{Color, QrCode};

    use super::*;
    use crate::guide::handout::HandoutLabels;

    const LONG_URL: &str = "https://framagit.org/kit-libre/catalogue/-/blob/main/guides/\
        installer-libreoffice-sur-un-ordinateur-partage-de-la-mediatheque/etape-numero-quatre?\
        utm_source=fiche-papier&utm_medium=qr&langue=fr&version=2026-11-22";

    fn qr(url: &str) -> QrMatrix {
        let code = QrCode::new(url.as_bytes()).expect("the test address fits in a QR code");
        QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        }
    }

    fn link(label: &str, url: &str) -> HandoutLink {
        HandoutLink {
            label: label.to_owned(),
            url: url.to_owned(),
            qr: qr(url),
        }
    }

    fn labels() -> HandoutLabels {
        HandoutLabels {
            step: "Étape".to_owned(),
            why: "Pourquoi\u{a0}?".to_owned(),
            changes: "Ce qui change".to_owned(),
            done: "Fait".to_owned(),
            scan: "Scannez avec le téléphone".to_owned(),
            qr_alt: "Code QR vers {url}".to_owned(),
        }
    }

    fn sample() -> Handout {
        let titles = [
            "Sauvegarder vos documents avant de commencer",
            "Installer LibreOffice, la suite bureautique libre",
            "Ouvrir vos anciens fichiers Word et Excel",
            "Créer une adresse e-mail chez Proton Mail",
            "Remplacer Photoshop par GIMP pour retoucher vos photos",
            "Installer Firefox et le bloqueur de publicités uBlock Origin",
            "Ranger vos mots de passe dans KeePassXC",
            "Vérifier que tout fonctionne et demander de l'aide",
        ];
        let steps = titles
            .iter()
            .enumerate()
            .map(|(i, title)| HandoutStep {
                number: i + 1,
                title: (*title).to_owned(),
                text: format!(
                    "Branchez la clé USB fournie par la médiathèque. Ouvrez le dossier « Kit \
                     Libre » puis double-cliquez sur le fichier d'installation. Suivez les \
                     instructions à l'écran sans rien changer : les réglages proposés \
                     conviennent à presque tout le monde. Cela prend environ {} minutes.\n\
                     Si une fenêtre vous demande l'autorisation de modifier l'ordinateur, \
                     répondez « Oui ». En cas de doute, demandez à la personne qui anime \
                     l'atelier.",
                    5 + i
                ),
                why: "Les logiciels libres sont gratuits, ne vous espionnent pas et \
                      continueront de lire vos fichiers dans dix ans. Vous pouvez les copier \
                      et les donner à vos proches sans rien enfreindre."
                    .to_owned(),
                links: match i {
                    1 => vec![
                        link(
                            "LibreOffice : télécharger",
                            "https://fr.libreoffice.org/download/telecharger-libreoffice/",
                        ),
                        link("Le guide de la médiathèque", LONG_URL),
                    ],
                    3 => vec![link(
                        "Proton Mail : créer un compte",
                        "https://account.proton.me/mail/signup",
                    )],
                    i if i % 2 == 0 => vec![link(
                        "Le site du logiciel",
                        &format!("https://example.org/logiciel-{i}"),
                    )],
                    _ => Vec::new(),
                },
            })
            .collect();
        Handout {
            lang: "fr".to_owned(),
            title: "Passer aux logiciels libres à la médiathèque".to_owned(),
            summary: "Cette fiche vous guide pas à pas pour remplacer les logiciels payants \
                      de votre ordinateur par des logiciels libres et gratuits. Cochez chaque \
                      case quand l'étape est faite. Vous pouvez vous arrêter à tout moment et \
                      reprendre plus tard."
                .to_owned(),
            meta: "Environ 45 minutes · Windows, macOS, Linux".to_owned(),
            steps,
            changes: vec![
                "Les documents très anciens de Word peuvent perdre un peu de mise en page."
                    .to_owned(),
                "Les macros d'Excel ne fonctionnent pas toutes dans LibreOffice Calc.".to_owned(),
                "Vos favoris Chrome sont importés dans Firefox, mais pas vos mots de passe \
                 enregistrés : notez-les avant de commencer."
                    .to_owned(),
            ],
            footer: "Kit Libre · kit d'accès aux logiciels libres · vérifié le 22/11/2026"
                .to_owned(),
            labels: labels(),
        }
    }

    fn empty() -> Handout {
        Handout {
            lang: "fr".to_owned(),
            title: "Fiche vide".to_owned(),
            summary: String::new(),
            meta: String::new(),
            steps: Vec::new(),
            changes: Vec::new(),
            footer: String::new(),
            labels: labels(),
        }
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    /// The page count, read from the page tree root.
    fn page_count(pdf: &[u8]) -> usize {
        let text = String::from_utf8_lossy(pdf);
        text.split("/Type/Pages")
            .skip(1)
            .filter_map(|rest| {
                let count = rest.split("/Count ").nth(1)?;
                count
                    .split(|c: char| !c.is_ascii_digit())
                    .next()?
                    .parse()
                    .ok()
            })
            .max()
            .unwrap_or(0)
    }

    /// Layout, then the PDF/UA-1 pass only (no fallback), so a validation error fails the test.
    fn write_ua(h: &Handout) -> Vec<u8> {
        let fonts = Fonts::load().expect("the fonts load");
        let laid = Layout::run(h, &fonts);
        match render(h, &fonts, &laid, true) {
            Ok(bytes) => bytes,
            Err(e) => panic!("PDF/UA-1 validation failed: {}", PdfError::from(e)),
        }
    }

    #[test]
    fn sample_is_a_tagged_pdf_in_french() {
        let h = sample();
        let pdf = write_pdf(&h).expect("the sample writes");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(contains(&pdf, b"/Lang(fr)"), "catalog language");
        assert!(contains(&pdf, b"/StructTreeRoot"));
        assert!(contains(&pdf, b"/MarkInfo"));
        assert!(
            contains(&pdf, b"/DisplayDocTitle true"),
            "title bar shows the title"
        );
        assert!(
            contains(&pdf, h.title.as_bytes()) || contains(&pdf, &utf16be(&h.title)),
            "title metadata"
        );
        assert!(page_count(&pdf) > 1, "pages: {}", page_count(&pdf));
        assert!(contains(&pdf, b"/URI"), "clickable addresses");
        for role in [
            "H1", "H2", "Sect", "P", "Figure", "Caption", "Link", "L", "LI", "Lbl",
        ] {
            assert!(contains(&pdf, format!("/S/{role}/").as_bytes()), "{role}");
        }
        assert!(contains(
            &pdf,
            b"/Alt(Code QR vers https://account.proton.me/mail/signup)"
        ));
    }

    #[test]
    fn sample_passes_pdf_ua_validation() {
        let pdf = write_ua(&sample());
        assert!(contains(&pdf, b"pdfuaid:part"), "PDF/UA identification");
    }

    #[test]
    fn the_fallback_is_tagged_pdf_without_the_pdf_ua_claim() {
        let h = sample();
        let fonts = Fonts::load().expect("the fonts load");
        let laid = Layout::run(&h, &fonts);
        let Ok(pdf) = render(&h, &fonts, &laid, false) else {
            panic!("plain tagged PDF writes");
        };
        assert!(contains(&pdf, b"/StructTreeRoot"));
        assert!(contains(&pdf, b"/Lang(fr)"));
        assert!(!contains(&pdf, b"pdfuaid:part"));
    }

    #[test]
    fn empty_handout_still_writes() {
        let pdf = write_ua(&empty());
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_count(&pdf), 1);
        assert!(write_pdf(&empty()).is_ok());
    }

    #[test]
    fn odd_input_never_fails() {
        let mut nothing = empty();
        nothing.lang = String::new();
        nothing.title = String::new();
        nothing.labels = HandoutLabels {
            step: String::new(),
            why: String::new(),
            changes: String::new(),
            done: String::new(),
            scan: String::new(),
            qr_alt: String::new(),
        };
        nothing.steps = vec![HandoutStep {
            number: 0,
            title: String::new(),
            text: String::new(),
            why: String::new(),
            links: vec![HandoutLink {
                label: String::new(),
                url: String::new(),
                qr: QrMatrix {
                    width: 0,
                    dark: Vec::new(),
                },
            }],
        }];
        write_ua(&nothing);

        let mut odd = sample();
        let huge_word = "x".repeat(5_000);
        let huge_text = "Une phrase ordinaire qui se répète encore et encore. ".repeat(2_000);
        let huge_url = format!("https://example.org/{}", "chemin/".repeat(700));
        odd.title = "Emoji 😀, 中文, עברית\u{0}\u{7}\u{200B}\u{FEFF}, e\u{301}".to_owned();
        odd.footer = "pied de page très long ".repeat(100);
        odd.labels.why = "Pour\nquoi\u{2028}?".to_owned();
        odd.labels.done = "Fait\nquand tout est bien terminé et vérifié par vous-même et par \
                           la personne qui anime l'atelier numérique de la médiathèque"
            .to_owned();
        odd.summary = format!("{huge_word}\n\n\r\n\t{huge_text}");
        odd.steps[0].title = huge_word.clone();
        odd.steps[1].text = huge_text.clone();
        odd.steps[2].links = vec![
            HandoutLink {
                label: "Adresse interminable".to_owned(),
                url: huge_url.clone(),
                // Too long for any QR code: nothing is drawn.
                qr: QrMatrix {
                    width: 0,
                    dark: Vec::new(),
                },
            },
            HandoutLink {
                label: "Matrice abîmée".to_owned(),
                url: "https://example.org/".to_owned(),
                qr: QrMatrix {
                    width: 21,
                    dark: vec![true; 20],
                },
            },
            link("Code QR de version 40", &"https://example.org/".repeat(100)),
        ];
        odd.changes = vec![String::new(), "  ".to_owned(), huge_text];
        let pdf = write_ua(&odd);
        assert!(page_count(&pdf) > 10);
        assert!(write_pdf(&odd).is_ok());
    }

    #[test]
    fn nothing_leaves_the_printable_area() {
        let fonts = Fonts::load().expect("the fonts load");
        let mut h = sample();
        h.steps[3].title = "y".repeat(400);
        let laid = Layout::run(&h, &fonts);
        assert!(laid.pages.len() > 1);
        for (page, ops) in laid.pages.iter().enumerate() {
            for op in ops {
                let (left, top, right, bottom) = match op {
                    Op::Text {
                        x, y, text, style, ..
                    } => (
                        *x,
                        y - style.size,
                        x + fonts.width(text.trim_end(), *style),
                        *y,
                    ),
                    Op::Rule { x, y, width, .. } => (*x, *y, x + width, *y + RULE),
                    Op::TickBox { x, y } => (*x, *y, x + TICK_BOX, y + TICK_BOX),
                    Op::Qr {
                        x, y, module, qr, ..
                    } => {
                        let side = (qr.width + 2 * QR_QUIET) as f32 * module;
                        (*x, *y, x + side, y + side)
                    }
                };
                let inside = left >= MARGIN - 0.01
                    && right <= RIGHT + 0.01
                    && top >= MARGIN - 0.01
                    && bottom <= laid.bottom + 0.01;
                assert!(inside, "page {page}: {left} {top} {right} {bottom}");
            }
        }
    }

    #[test]
    fn a_step_title_stays_with_its_text() {
        let fonts = Fonts::load().expect("the fonts load");
        let h = sample();
        let laid = Layout::run(&h, &fonts);
        let page_of = |needle: &str| {
            laid.pages.iter().position(|ops| {
                ops.iter()
                    .any(|op| matches!(op, Op::Text { text, .. } if text.contains(needle)))
            })
        };
        // Each step block fits on a page, so its label, title and text share one page.
        for (i, step) in h.steps.iter().enumerate() {
            let label = page_of(&format!("Étape {} ", step.number));
            let title = page_of(&step.title.split(' ').take(2).collect::<Vec<_>>().join(" "));
            let text_end = page_of(&format!("{} minutes", 5 + i));
            assert!(label.is_some(), "step {}", step.number);
            assert!(label == title && label == text_end, "step {}", step.number);
        }
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_character() {
        let fonts = Fonts::load().expect("the fonts load");
        let text = format!("Scannez le code : {LONG_URL} puis suivez les instructions à l'écran.");
        for width in [60.0, 150.0, CONTENT_W] {
            let lines = wrap(&fonts, BODY, &text, width);
            for line in &lines {
                assert!(fonts.width(line.trim_end(), BODY) <= width + 0.01, "{line}");
            }
            assert_eq!(lines.concat(), text);
        }
        // A character wider than the line still goes somewhere, one per line.
        let lines = wrap(&fonts, BODY, "WWW", 1.0);
        assert_eq!(lines.concat(), "WWW");
    }

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            glued_words("le dossier « Kit Libre » : ouvrez-le ! Pourquoi ?"),
            [
                "le",
                "dossier",
                "« Kit",
                "Libre » :",
                "ouvrez-le !",
                "Pourquoi ?"
            ]
        );
        // Nothing to join to: nothing lost either.
        assert_eq!(glued_words("? « "), ["?", "«"]);
    }

    #[test]
    fn long_addresses_break_after_separators() {
        let fonts = Fonts::load().expect("the fonts load");
        let lines = wrap(&fonts, URL, LONG_URL, 250.0);
        assert!(lines.len() > 2);
        for line in &lines[..lines.len() - 1] {
            let last = line.chars().last().unwrap_or(' ');
            assert!(is_url_separator(last), "{line}");
        }
    }

    #[test]
    fn missing_characters_are_replaced() {
        let fonts = Fonts::load().expect("the fonts load");
        let cleaned = fonts.clean("a\u{0}b\u{200B}c\td😀\u{2028}é");
        assert!(!cleaned.contains('\u{0}') && !cleaned.contains('\u{200B}'));
        assert!(cleaned.starts_with("abc d"));
        assert!(cleaned.ends_with("\né"));
        assert!(!cleaned.contains('😀'));
        assert!(cleaned.chars().all(|c| c == '\n' || fonts.has(c)));
    }

    #[test]
    fn errors_are_bilingual() {
        let message = PdfError::Write("détail".to_owned()).to_string();
        assert!(message.contains("cannot write the PDF"));
        assert!(message.contains("impossible d'écrire le PDF"));
        assert!(message.contains("détail"));
    }
}
