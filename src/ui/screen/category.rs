//! One category: the products people may use, and the free alternatives.

use crate::catalog::{Catalog, Entry};
use crate::t;
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Message, Route};
use iced::widget::{column, row};
use iced::{Alignment, Element, Length};

pub fn view<'a>(cat: &'a Catalog, id: &str, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let Some(c) = cat.category(id) else {
        return ctx.text(t!(lang, "cli-show-unknown", id = id)).into();
    };
    let entries = cat.in_category(id, lang);
    let mut used = column![].spacing(ctx.m.gap());
    let mut free = column![].spacing(ctx.m.gap());
    for e in &entries {
        let (title, badge) = match e {
            Entry::Proprietary(p) => (
                p.name.get(lang).to_owned(),
                ctx.small(t!(
                    lang,
                    "ui-alternatives-count",
                    count = cat.alternatives(&p.id).len()
                )),
            ),
            Entry::Free(f) => (
                f.name.get(lang).to_owned(),
                ctx.small(super::platforms_text(&f.platforms, lang)),
            ),
        };
        let content = column![
            row![ctx.h3(title).width(Length::Fill), badge]
                .spacing(ctx.m.gap())
                .align_y(Alignment::Center),
            ctx.text(e.summary(lang).to_owned()),
        ]
        .spacing(ctx.m.gap() / 2.0);
        let card = ring.card(ctx, content, Message::Open(Route::Entry(e.id().to_owned())));
        match e {
            Entry::Proprietary(_) => used = used.push(card),
            Entry::Free(_) => free = free.push(card),
        }
    }
    column![
        row![
            ctx.icon_sized(&c.pictogram, ctx.m.h1(), ctx.pal.primary),
            ctx.h1(c.name.get(lang).to_owned())
        ]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center),
        ctx.text(c.description.get(lang).to_owned()),
        ctx.section("lock", t!(lang, "ui-maybe-you-use")),
        used,
        ctx.section("leaf", t!(lang, "ui-free-alternatives")),
        free,
    ]
    .spacing(ctx.m.space())
    .into()
}
