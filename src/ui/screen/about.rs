//! "Learn more": why free software matters, what free and ethical mean here, what the kit
//! does and does not do.

use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Message, Route};
use iced::widget::{column, container, row};
use iced::{Alignment, Element, Length};

pub fn view<'a>(ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let point = |icon: &str, title: String, body: String| -> Element<'a, Message> {
        container(
            row![
                ctx.icon_sized(icon, ctx.m.tile_icon(), ctx.pal.good),
                column![ctx.h3(title), ctx.text(body)]
                    .spacing(ctx.m.gap())
                    .width(Length::Fill)
            ]
            .spacing(ctx.m.space())
            .align_y(Alignment::Start),
        )
        .padding(ctx.m.space())
        .width(Length::Fill)
        .style(style::card(ctx.pal))
        .into()
    };
    column![
        ctx.h1(t!(lang, "about-title")),
        ctx.text(t!(lang, "about-intro")),
        point(
            "lock",
            t!(lang, "about-privacy-title"),
            t!(lang, "about-privacy")
        ),
        point(
            "money",
            t!(lang, "about-cost-title"),
            t!(lang, "about-cost")
        ),
        point(
            "clock",
            t!(lang, "about-durable-title"),
            t!(lang, "about-durable")
        ),
        ctx.section("leaf", t!(lang, "about-free-title")),
        ctx.text(t!(lang, "about-free")),
        ctx.section("shield", t!(lang, "about-ethical-title")),
        ctx.text(t!(lang, "about-ethical")),
        ctx.section("heart", t!(lang, "about-kit-title")),
        ctx.text(t!(lang, "about-kit")),
        ring.button(
            ctx,
            "home",
            t!(lang, "ui-home"),
            Message::Open(Route::Home),
            ButtonKind::Primary
        ),
    ]
    .spacing(ctx.m.space())
    .into()
}
