//! The look of the window in one place: palettes (light, dark, high contrast), sizes that
//! follow the person's text size, fonts, and one style function per kind of widget.
//! Screens never use a colour or size literal: they ask this module.

use crate::settings::{FontChoice, ThemeChoice};
use iced::widget::{button, container, svg, text_input};
use iced::{Background, Border, Color, Font, Shadow, Theme, color, font};

/// The bundled fonts (see assets/fonts/README.md).
pub const ANDIKA_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Andika-Regular.ttf");
pub const ANDIKA_BOLD: &[u8] = include_bytes!("../../assets/fonts/Andika-Bold.ttf");
pub const DYSLEXIC_REGULAR: &[u8] = include_bytes!("../../assets/fonts/OpenDyslexic-Regular.otf");
pub const DYSLEXIC_BOLD: &[u8] = include_bytes!("../../assets/fonts/OpenDyslexic-Bold.otf");

/// Every font file the window needs, for the application and for tests.
pub fn font_files() -> Vec<&'static [u8]> {
    vec![ANDIKA_REGULAR, ANDIKA_BOLD, DYSLEXIC_REGULAR, DYSLEXIC_BOLD]
}

/// The regular and bold faces of a font choice.
pub fn fonts(choice: FontChoice) -> (Font, Font) {
    let family = match choice {
        FontChoice::Legible => "Andika",
        FontChoice::Dyslexic => "OpenDyslexic",
    };
    let regular = Font::with_name(family);
    let bold = Font {
        weight: font::Weight::Bold,
        ..regular
    };
    (regular, bold)
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pal {
    pub background: Color,
    pub surface: Color,
    pub text: Color,
    pub muted: Color,
    pub primary: Color,
    pub on_primary: Color,
    pub border: Color,
    pub focus: Color,
    pub good: Color,
    pub bad: Color,
    pub warn: Color,
    /// Border width of cards and buttons.
    pub line: f32,
}

impl Pal {
    pub fn of(choice: ThemeChoice) -> Pal {
        match choice {
            ThemeChoice::Light => Pal {
                background: color!(0xFBFAF7),
                surface: color!(0xFFFFFF),
                text: color!(0x1B1B1F),
                muted: color!(0x4A4F57),
                primary: color!(0x1F5BA8),
                on_primary: color!(0xFFFFFF),
                border: color!(0xB8BEC7),
                focus: color!(0xC2410C),
                good: color!(0x1E6B32),
                bad: color!(0xA8261E),
                warn: color!(0x7A4E00),
                line: 1.0,
            },
            ThemeChoice::Dark => Pal {
                background: color!(0x15171C),
                surface: color!(0x22252C),
                text: color!(0xF1F1F3),
                muted: color!(0xC2C6CE),
                primary: color!(0x8AB4F8),
                on_primary: color!(0x0B1B33),
                border: color!(0x4B515C),
                focus: color!(0xFFB86B),
                good: color!(0x86D99A),
                bad: color!(0xFF9A8F),
                warn: color!(0xF2CC60),
                line: 1.0,
            },
            ThemeChoice::HighContrast => Pal {
                background: color!(0x000000),
                surface: color!(0x000000),
                text: color!(0xFFFFFF),
                muted: color!(0xFFFFFF),
                primary: color!(0xFFFF00),
                on_primary: color!(0x000000),
                border: color!(0xFFFFFF),
                focus: color!(0x00FFFF),
                good: color!(0x7CFF7C),
                bad: color!(0xFF8080),
                warn: color!(0xFFFF00),
                line: 2.0,
            },
        }
    }

    /// The iced theme for these colours (what widgets without a style of ours use).
    pub fn theme(self, choice: ThemeChoice) -> Theme {
        let name = match choice {
            ThemeChoice::Light => "Kit Libre",
            ThemeChoice::Dark => "Kit Libre sombre",
            ThemeChoice::HighContrast => "Kit Libre contraste élevé",
        };
        Theme::custom(
            name,
            iced::theme::Palette {
                background: self.background,
                text: self.text,
                primary: self.primary,
                success: self.good,
                warning: self.warn,
                danger: self.bad,
            },
        )
    }
}

/// Sizes, scaled by the person's text size (100 % to 200 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub scale: f32,
}

impl Metrics {
    pub fn new(percent: u16) -> Metrics {
        Metrics {
            scale: f32::from(percent) / 100.0,
        }
    }
    fn s(self, v: f32) -> f32 {
        (v * self.scale).round()
    }
    pub fn body(self) -> f32 {
        self.s(19.0)
    }
    pub fn small(self) -> f32 {
        self.s(16.0)
    }
    pub fn h1(self) -> f32 {
        self.s(34.0)
    }
    pub fn h2(self) -> f32 {
        self.s(26.0)
    }
    pub fn h3(self) -> f32 {
        self.s(21.0)
    }
    pub fn icon(self) -> f32 {
        self.s(22.0)
    }
    pub fn tile_icon(self) -> f32 {
        self.s(44.0)
    }
    pub fn gap(self) -> f32 {
        self.s(8.0)
    }
    pub fn space(self) -> f32 {
        self.s(16.0)
    }
    pub fn section(self) -> f32 {
        self.s(28.0)
    }
    pub fn pad(self) -> f32 {
        self.s(12.0)
    }
    pub fn page_pad(self) -> f32 {
        self.s(24.0)
    }
    pub fn tile_width(self) -> f32 {
        self.s(210.0)
    }
    pub fn max_width(self) -> f32 {
        // Lines stay readable on wide screens; at large text the page may use more room.
        (900.0 * self.scale.sqrt()).round()
    }
    pub fn qr_cell(self) -> f32 {
        self.s(4.0)
    }
}

/// How a button looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonKind {
    /// The main action of a card or page.
    Primary,
    /// Other actions (top bar, secondary).
    Secondary,
    /// A large category tile.
    Tile,
    /// A whole card that opens a page.
    Card,
    /// A toggle that is on (selected setting).
    Selected,
}

fn border(c: Color, width: f32, radius: f32) -> Border {
    Border {
        color: c,
        width,
        radius: radius.into(),
    }
}

/// The style of a button of `kind`; `focused` draws the keyboard focus ring.
pub fn button_style(
    pal: Pal,
    kind: ButtonKind,
    focused: bool,
) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_theme, status| {
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        let (bg, fg, edge) = match kind {
            ButtonKind::Primary | ButtonKind::Selected => {
                (pal.primary, pal.on_primary, pal.primary)
            }
            ButtonKind::Secondary | ButtonKind::Tile | ButtonKind::Card => {
                (pal.surface, pal.text, pal.border)
            }
        };
        let bg = if hovered && kind != ButtonKind::Primary && kind != ButtonKind::Selected {
            mix(bg, pal.primary, 0.12)
        } else if hovered {
            mix(bg, pal.text, 0.15)
        } else {
            bg
        };
        let radius = match kind {
            ButtonKind::Tile | ButtonKind::Card => 10.0,
            _ => 8.0,
        };
        let b = if focused {
            border(pal.focus, 4.0, radius)
        } else if hovered {
            border(pal.primary, pal.line.max(2.0), radius)
        } else {
            border(edge, pal.line, radius)
        };
        button::Style {
            background: Some(Background::Color(bg)),
            text_color: fg,
            border: b,
            shadow: Shadow::default(),
            snap: true,
        }
    }
}

/// A card: a bordered surface.
pub fn card(pal: Pal) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(pal.surface)),
        border: border(pal.border, pal.line, 10.0),
        text_color: Some(pal.text),
        ..container::Style::default()
    }
}

/// A small label with a coloured edge (fit, licence, difficulty...).
pub fn badge(pal: Pal, tone: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(mix(pal.surface, tone, 0.10))),
        border: border(tone, pal.line.max(1.5), 6.0),
        text_color: Some(pal.text),
        ..container::Style::default()
    }
}

/// The page background.
pub fn page(pal: Pal) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(pal.background)),
        text_color: Some(pal.text),
        ..container::Style::default()
    }
}

/// The top bar.
pub fn bar(pal: Pal) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(pal.surface)),
        border: Border {
            color: pal.border,
            width: pal.line,
            radius: 0.0.into(),
        },
        text_color: Some(pal.text),
        ..container::Style::default()
    }
}

/// A notice (warning or information) box.
pub fn notice(pal: Pal, tone: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(mix(pal.surface, tone, 0.08))),
        border: border(tone, pal.line.max(2.0), 8.0),
        text_color: Some(pal.text),
        ..container::Style::default()
    }
}

/// The search field: large, with a strong border when focused.
pub fn search_field(pal: Pal) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
    move |_, status| {
        let focused = matches!(status, text_input::Status::Focused { .. });
        text_input::Style {
            background: Background::Color(pal.surface),
            border: if focused {
                border(pal.focus, 4.0, 10.0)
            } else {
                border(pal.border, pal.line.max(2.0), 10.0)
            },
            icon: pal.muted,
            placeholder: pal.muted,
            value: pal.text,
            selection: mix(pal.surface, pal.primary, 0.35),
        }
    }
}

/// Pictograms take the colour of the text around them.
pub fn icon_tint(c: Color) -> impl Fn(&Theme, svg::Status) -> svg::Style {
    move |_, _| svg::Style { color: Some(c) }
}

/// `a` moved towards `b` by `t` (0 to 1).
pub fn mix(a: Color, b: Color, t: f32) -> Color {
    Color {
        r: a.r + (b.r - a.r) * t,
        g: a.g + (b.g - a.g) * t,
        b: a.b + (b.b - a.b) * t,
        a: a.a + (b.a - a.a) * t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn lum(c: Color) -> f32 {
        let f = |v: f32| {
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
    }

    fn contrast(a: Color, b: Color) -> f32 {
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_contrast_meets_wcag_aa_and_high_contrast_meets_aaa() {
        for choice in [
            ThemeChoice::Light,
            ThemeChoice::Dark,
            ThemeChoice::HighContrast,
        ] {
            let p = Pal::of(choice);
            for (name, fg, bg) in [
                ("text", p.text, p.background),
                ("text on cards", p.text, p.surface),
                ("muted", p.muted, p.surface),
                ("primary button", p.on_primary, p.primary),
                ("good", p.good, p.surface),
                ("bad", p.bad, p.surface),
                ("warn", p.warn, p.surface),
            ] {
                let c = contrast(fg, bg);
                let needed = if choice == ThemeChoice::HighContrast {
                    7.0
                } else {
                    4.5
                };
                assert!(c >= needed, "{choice:?} {name}: {c:.2} < {needed}");
            }
            // The focus ring stands out from the page (non-text contrast, 3:1).
            assert!(contrast(p.focus, p.background) >= 3.0, "{choice:?} focus");
        }
    }
}
