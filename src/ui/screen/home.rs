//! Home: the search field (focused on start), the categories as large tiles, a sentence on
//! why free software matters; while typing, the results grouped "you use" / "free".

use crate::catalog::Entry;
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Focusable, Ring};
use crate::ui::{Message, Ready, Route, SEARCH_ID};
use iced::widget::{column, container, row, text_input};
use iced::{Alignment, Element, Length};

pub fn view<'a>(r: &'a Ready, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    ring.register(Focusable::Input(SEARCH_ID));
    let search = text_input(&t!(lang, "ui-search-placeholder"), &r.query)
        .id(SEARCH_ID)
        .on_input(Message::SearchChanged)
        .on_submit(Message::SearchSubmitted)
        .size(ctx.m.h3())
        .font(ctx.font)
        .padding(ctx.m.pad())
        .style(style::search_field(ctx.pal));
    let head = column![
        ctx.h1(t!(lang, "ui-home-title")),
        row![ctx.icon("search"), search]
            .spacing(ctx.m.gap())
            .align_y(Alignment::Center),
        ctx.small(t!(lang, "ui-search-hint")),
    ]
    .spacing(ctx.m.space());

    let rest: Element<'a, Message> = if r.query.trim().is_empty() {
        landing(r, ctx, ring)
    } else {
        results(r, ctx, ring)
    };
    column![head, rest].spacing(ctx.m.section()).into()
}

fn landing<'a>(r: &'a Ready, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let cat = &r.data.catalog;
    let why = ring.action_card(
        ctx,
        "heart",
        ctx.pal.good,
        t!(lang, "ui-why-short"),
        "info",
        t!(lang, "ui-learn-more"),
        Message::Open(Route::About),
    );
    let guides = ring.action_card(
        ctx,
        "flag",
        ctx.pal.primary,
        t!(lang, "ui-guides-card"),
        "arrow-right",
        t!(lang, "ui-guides-open"),
        Message::Open(Route::Guides),
    );
    let documents = ring.action_card(
        ctx,
        "document",
        ctx.pal.primary,
        t!(lang, "ui-documents-card"),
        "arrow-right",
        t!(lang, "docs-ui-title"),
        Message::Open(Route::Documents),
    );

    let tiles = cat.categories.iter().map(|c| {
        let n = cat.in_category(&c.id, lang).len();
        ring.tile(
            ctx,
            &c.pictogram,
            c.name.get(lang).to_owned(),
            t!(lang, "ui-entries-count", count = n),
            Message::Open(Route::Category(c.id.clone())),
        )
    });
    let grid = row(tiles)
        .spacing(ctx.m.space())
        .wrap()
        .vertical_spacing(ctx.m.space());
    column![
        why,
        guides,
        documents,
        ctx.section("list", t!(lang, "ui-categories")),
        grid
    ]
    .spacing(ctx.m.space())
    .into()
}

fn results<'a>(r: &'a Ready, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let cat = &r.data.catalog;
    if r.hits.is_empty() {
        return container(ctx.text(t!(lang, "ui-search-none", query = r.query.as_str())))
            .padding(ctx.m.space())
            .style(style::card(ctx.pal))
            .width(Length::Fill)
            .into();
    }
    let mut used = column![].spacing(ctx.m.space());
    let mut free = column![].spacing(ctx.m.space());
    let (mut n_used, mut n_free) = (0, 0);
    for hit in &r.hits {
        match cat.entry(hit.entry) {
            Entry::Proprietary(p) => {
                n_used += 1;
                let mut alts = row![ctx.small(t!(lang, "ui-alternatives-short"))]
                    .spacing(ctx.m.gap())
                    .align_y(Alignment::Center);
                for rep in cat.alternatives(&p.id).into_iter().take(3) {
                    if let Some(f) = cat.free(&rep.free) {
                        alts = alts.push(ring.button(
                            ctx,
                            "arrow-right",
                            f.name.get(lang).to_owned(),
                            Message::Open(Route::Entry(f.id.clone())),
                            ButtonKind::Secondary,
                        ));
                    }
                }
                let card = column![
                    row![
                        ctx.h3(p.name.get(lang).to_owned()).width(Length::Fill),
                        ctx.badge(
                            "lock",
                            super::proprietary_kind_text(p.kind, lang),
                            ctx.pal.bad
                        )
                    ]
                    .spacing(ctx.m.gap())
                    .align_y(Alignment::Center),
                    ctx.text(p.summary.get(lang).to_owned()),
                    alts.wrap().vertical_spacing(ctx.m.gap()),
                    ring.button(
                        ctx,
                        "info",
                        t!(lang, "ui-see-product", name = p.name.get(lang)),
                        Message::Open(Route::Entry(p.id.clone())),
                        ButtonKind::Primary
                    ),
                ]
                .spacing(ctx.m.gap());
                used = used.push(
                    container(card)
                        .padding(ctx.m.pad())
                        .width(Length::Fill)
                        .style(style::card(ctx.pal)),
                );
            }
            Entry::Free(f) => {
                n_free += 1;
                let content = column![
                    row![
                        ctx.h3(f.name.get(lang).to_owned()).width(Length::Fill),
                        super::entry::freedom_badge(f, ctx)
                    ]
                    .spacing(ctx.m.gap())
                    .align_y(Alignment::Center),
                    ctx.text(f.summary.get(lang).to_owned()),
                    ctx.small(super::platforms_text(&f.platforms, lang)),
                ]
                .spacing(ctx.m.gap());
                free =
                    free.push(ring.card(ctx, content, Message::Open(Route::Entry(f.id.clone()))));
            }
        }
    }
    let mut out = column![].spacing(ctx.m.section());
    if n_used > 0 {
        out = out.push(
            column![ctx.section("lock", t!(lang, "ui-you-use")), used].spacing(ctx.m.space()),
        );
    }
    if n_free > 0 {
        out = out.push(
            column![ctx.section("leaf", t!(lang, "ui-free-results")), free].spacing(ctx.m.space()),
        );
    }
    out.into()
}
