//! A learning path laid out for print: the words and QR codes of a handout, in one
//! language, ready for the PDF and HTML writers. No catalogue lookups happen in the
//! writers: everything they print is here.

/// A QR code as a square of modules, row by row (`true` = dark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side (without the quiet zone).
    pub width: usize,
    /// `width * width` modules, row by row.
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

/// A web address printed with its QR code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutLink {
    /// What the address leads to, in words ("Proton Mail: créer un compte").
    pub label: String,
    /// The https address, printed in full under the code.
    pub url: String,
    pub qr: QrMatrix,
}

/// One step card on paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutStep {
    /// 1-based.
    pub number: usize,
    pub title: String,
    /// The one action of the step.
    pub text: String,
    /// Why it matters.
    pub why: String,
    pub links: Vec<HandoutLink>,
}

/// The fixed words of a handout, in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutLabels {
    /// "Étape" / "Step" (followed by the number).
    pub step: String,
    /// "Pourquoi ?" / "Why?"
    pub why: String,
    /// "Ce qui change" / "What changes"
    pub changes: String,
    /// "Fait" / "Done" (beside the tick box of each step).
    pub done: String,
    /// "Scannez avec le téléphone" / "Scan with your phone"
    pub scan: String,
    /// Alternative text of a QR code image, with `{url}` replaced ("Code QR vers {url}").
    pub qr_alt: String,
}

/// A whole handout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handout {
    /// BCP 47 language tag of the text ("fr", "en").
    pub lang: String,
    pub title: String,
    pub summary: String,
    /// One line under the title ("Environ 30 minutes · Windows, macOS, Linux").
    pub meta: String,
    pub steps: Vec<HandoutStep>,
    /// What is lost or changes, honestly.
    pub changes: Vec<String>,
    /// Last line of every page ("Kit Libre · kit d'accès aux logiciels libres · vérifié le 22/11/2026").
    pub footer: String,
    pub labels: HandoutLabels,
}
