//! Settings: language, text size, colours, font; where they are kept.

use crate::catalog::model::Lang;
use crate::settings::{FontChoice, Placement, ThemeChoice};
use crate::t;
use crate::ui::style::ButtonKind;
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Base, Message};
use iced::widget::{column, row};
use iced::{Alignment, Element};

fn choice(selected: bool) -> ButtonKind {
    if selected {
        ButtonKind::Selected
    } else {
        ButtonKind::Secondary
    }
}

/// The catalogue section's state: which catalogue is in use, an update on its way, the
/// last answer.
#[derive(Clone, Debug, Default)]
pub struct CatalogState {
    pub in_use: Option<crate::update::InUse>,
    pub checking: bool,
    pub note: Option<(bool, String)>,
}

pub fn view<'a>(
    base: &Base,
    catalog: &CatalogState,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let s = &base.settings;
    let wrap = |r: iced::widget::Row<'a, Message>| {
        r.spacing(ctx.m.gap())
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(ctx.m.gap())
    };

    let languages = wrap(row![
        ring.button(
            ctx,
            "language",
            "Français".to_owned(),
            Message::SetLanguage(Lang::Fr),
            choice(lang == Lang::Fr)
        ),
        ring.button(
            ctx,
            "language",
            "English".to_owned(),
            Message::SetLanguage(Lang::En),
            choice(lang == Lang::En)
        ),
    ]);
    let mut sizes = row![
        ring.button(
            ctx,
            "text-smaller",
            t!(lang, "ui-text-smaller"),
            Message::TextSmaller,
            ButtonKind::Secondary
        ),
        ctx.h3(format!("{} %", s.text_scale)),
        ring.button(
            ctx,
            "text-bigger",
            t!(lang, "ui-text-bigger"),
            Message::TextBigger,
            ButtonKind::Secondary
        ),
    ];
    for v in [100u16, 150, 200] {
        sizes = sizes.push(ring.button(
            ctx,
            "text-bigger",
            format!("{v} %"),
            Message::SetTextScale(v),
            choice(s.text_scale == v),
        ));
    }
    let themes = wrap(row![
        ring.button(
            ctx,
            "contrast",
            t!(lang, "ui-theme-light"),
            Message::SetTheme(ThemeChoice::Light),
            choice(s.theme == ThemeChoice::Light)
        ),
        ring.button(
            ctx,
            "contrast",
            t!(lang, "ui-theme-dark"),
            Message::SetTheme(ThemeChoice::Dark),
            choice(s.theme == ThemeChoice::Dark)
        ),
        ring.button(
            ctx,
            "contrast",
            t!(lang, "ui-high-contrast"),
            Message::SetTheme(ThemeChoice::HighContrast),
            choice(s.theme == ThemeChoice::HighContrast)
        ),
    ]);
    let fonts = wrap(row![
        ring.button(
            ctx,
            "document",
            t!(lang, "ui-font-legible"),
            Message::SetFont(FontChoice::Legible),
            choice(s.font == FontChoice::Legible)
        ),
        ring.button(
            ctx,
            "document",
            t!(lang, "ui-font-dyslexic"),
            Message::SetFont(FontChoice::Dyslexic),
            choice(s.font == FontChoice::Dyslexic)
        ),
    ]);
    let where_ = match (base.paths.placement, base.paths.settings_file()) {
        (Placement::Nowhere, _) | (_, None) => t!(lang, "ui-settings-nowhere"),
        (Placement::Portable, Some(f)) => {
            t!(lang, "ui-settings-portable", path = f.display().to_string())
        }
        (_, Some(f)) => t!(lang, "ui-settings-file", path = f.display().to_string()),
    };
    column![
        ctx.h1(t!(lang, "ui-settings")),
        ctx.section("language", t!(lang, "ui-language")),
        languages,
        ctx.section("text-bigger", t!(lang, "ui-text-size")),
        ctx.small(t!(lang, "ui-text-size-keys")),
        wrap(sizes),
        ctx.section("contrast", t!(lang, "ui-colours")),
        themes,
        ctx.section("document", t!(lang, "ui-font")),
        fonts,
        ctx.section("info", t!(lang, "ui-accessibility")),
        ctx.text(t!(lang, "ui-screen-readers")),
        ctx.section("settings", t!(lang, "ui-where-settings")),
        ctx.text(if base.public {
            t!(lang, "ui-public-on")
        } else {
            where_
        }),
        ctx.section("archive", t!(lang, "update-title")),
        ctx.text(
            catalog
                .in_use
                .as_ref()
                .map(|u| crate::cli_update::in_use_line(u, lang))
                .unwrap_or_default()
        ),
        ctx.small(t!(lang, "update-explain")),
        if base.public {
            ctx.small(t!(lang, "ui-public-on")).into()
        } else if catalog.checking {
            crate::ui::widgets::disabled_button(ctx, "clock", t!(lang, "update-checking"))
        } else {
            ring.button(
                ctx,
                "download",
                t!(lang, "update-check"),
                Message::CatalogCheck,
                ButtonKind::Secondary,
            )
        },
        match &catalog.note {
            Some((ok, msg)) => ctx.item(
                if *ok { "check" } else { "cross" },
                if *ok { ctx.pal.good } else { ctx.pal.bad },
                msg.clone(),
            ),
            None => ctx.vspace(0.0).into(),
        },
        ctx.section("lock", t!(lang, "ui-public-start")),
        ctx.text(t!(lang, "ui-public-explain")),
        if base.public {
            ring.button(
                ctx,
                "lock",
                t!(lang, "ui-public-finish"),
                Message::PublicFinish,
                ButtonKind::Primary,
            )
        } else {
            ring.button(
                ctx,
                "lock",
                t!(lang, "ui-public-start"),
                Message::PublicStart,
                ButtonKind::Secondary,
            )
        },
    ]
    .spacing(ctx.m.space())
    .into()
}
