//! Building blocks shared by the screens: the view context (language, sizes, colours,
//! fonts), the keyboard focus ring, and labelled buttons (a pictogram is never alone).

use crate::catalog::model::Lang;
use crate::ui::Message;
use crate::ui::icons;
use crate::ui::style::{self, ButtonKind, Metrics, Pal};
use iced::widget::{Space, button, column, container, row, svg, text};
use iced::{Alignment, Element, Font, Length};
use std::cell::RefCell;

/// What every view needs to know about the person's choices.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub lang: Lang,
    pub m: Metrics,
    pub pal: Pal,
    pub font: Font,
    pub bold: Font,
}

impl Ctx {
    /// Body text.
    pub fn text<'a>(&self, s: impl text::IntoFragment<'a>) -> text::Text<'a> {
        text(s)
            .size(self.m.body())
            .font(self.font)
            .color(self.pal.text)
    }
    /// Secondary text.
    pub fn small<'a>(&self, s: impl text::IntoFragment<'a>) -> text::Text<'a> {
        text(s)
            .size(self.m.small())
            .font(self.font)
            .color(self.pal.muted)
    }
    pub fn h1<'a>(&self, s: impl text::IntoFragment<'a>) -> text::Text<'a> {
        text(s)
            .size(self.m.h1())
            .font(self.bold)
            .color(self.pal.text)
    }
    pub fn h2<'a>(&self, s: impl text::IntoFragment<'a>) -> text::Text<'a> {
        text(s)
            .size(self.m.h2())
            .font(self.bold)
            .color(self.pal.text)
    }
    pub fn h3<'a>(&self, s: impl text::IntoFragment<'a>) -> text::Text<'a> {
        text(s)
            .size(self.m.h3())
            .font(self.bold)
            .color(self.pal.text)
    }
    /// A pictogram tinted with `color`, at `size`.
    pub fn icon_sized(
        &self,
        name: &str,
        size: f32,
        color: iced::Color,
    ) -> Element<'static, Message> {
        svg(icons::handle(name))
            .width(size)
            .height(size)
            .style(style::icon_tint(color))
            .into()
    }
    pub fn icon(&self, name: &str) -> Element<'static, Message> {
        self.icon_sized(name, self.m.icon(), self.pal.text)
    }
    /// A small framed label (fit, licence...), with a pictogram.
    pub fn badge<'a>(&self, icon: &str, label: String, tone: iced::Color) -> Element<'a, Message> {
        container(
            row![
                self.icon_sized(icon, self.m.small(), tone),
                text(label)
                    .size(self.m.small())
                    .font(self.bold)
                    .color(self.pal.text)
            ]
            .spacing(self.m.gap() / 2.0)
            .align_y(Alignment::Center),
        )
        .padding([self.m.gap() / 2.0, self.m.gap()])
        .style(style::badge(self.pal, tone))
        .into()
    }
    /// A titled section with a pictogram.
    pub fn section<'a>(&self, icon: &str, title: String) -> Element<'a, Message> {
        row![self.icon(icon), self.h2(title)]
            .spacing(self.m.gap())
            .align_y(Alignment::Center)
            .into()
    }
    /// A line of text with a pictogram in front (a list item).
    pub fn item<'a>(&self, icon: &str, tone: iced::Color, s: String) -> Element<'a, Message> {
        row![
            self.icon_sized(icon, self.m.body(), tone),
            self.text(s).width(Length::Fill)
        ]
        .spacing(self.m.gap())
        .align_y(Alignment::Start)
        .into()
    }
    pub fn vspace(&self, v: f32) -> Space {
        Space::new().height(v)
    }
}

/// A button that cannot be used now (shown so that nothing moves), out of the focus ring.
pub fn disabled_button<'a>(ctx: &Ctx, icon: &str, label: String) -> Element<'a, Message> {
    let fg = style::mix(ctx.pal.text, ctx.pal.surface, 0.55);
    button(
        row![
            ctx.icon_sized(icon, ctx.m.icon(), fg),
            text(label).size(ctx.m.body()).font(ctx.bold).color(fg)
        ]
        .spacing(ctx.m.gap())
        .align_y(Alignment::Center),
    )
    .padding([ctx.m.gap(), ctx.m.gap()])
    .style(style::button_style(ctx.pal, ButtonKind::Secondary, false))
    .into()
}

/// Something the keyboard can reach with Tab.
#[derive(Clone, Debug)]
pub enum Focusable {
    /// A button: Enter sends this message.
    Action(Message),
    /// A text field, by widget id.
    Input(&'static str),
}

/// The keyboard focus ring of one view: every focusable control registers itself in
/// reading order; the one at `focus` is drawn with the focus border.
#[derive(Debug, Default)]
pub struct Ring {
    pub focus: Option<usize>,
    items: RefCell<Vec<Focusable>>,
}

impl Ring {
    pub fn new(focus: Option<usize>) -> Ring {
        Ring {
            focus,
            items: RefCell::new(Vec::new()),
        }
    }

    /// Registers a focusable; returns whether it holds the focus.
    pub fn register(&self, f: Focusable) -> bool {
        let mut items = self.items.borrow_mut();
        items.push(f);
        self.focus == Some(items.len() - 1)
    }

    pub fn into_items(self) -> Vec<Focusable> {
        self.items.into_inner()
    }

    /// A button with a pictogram and a label.
    pub fn button<'a>(
        &self,
        ctx: &Ctx,
        icon: &str,
        label: String,
        msg: Message,
        kind: ButtonKind,
    ) -> Element<'a, Message> {
        self.button_padded(ctx, icon, label, msg, kind, ctx.m.pad())
    }

    /// A button of the top bar: the same, with less room around its label.
    pub fn bar_button<'a>(
        &self,
        ctx: &Ctx,
        icon: &str,
        label: String,
        msg: Message,
        kind: ButtonKind,
    ) -> Element<'a, Message> {
        self.button_padded(ctx, icon, label, msg, kind, ctx.m.gap())
    }

    fn button_padded<'a>(
        &self,
        ctx: &Ctx,
        icon: &str,
        label: String,
        msg: Message,
        kind: ButtonKind,
        side: f32,
    ) -> Element<'a, Message> {
        let focused = self.register(Focusable::Action(msg.clone()));
        let fg = match kind {
            ButtonKind::Primary | ButtonKind::Selected => ctx.pal.on_primary,
            _ => ctx.pal.text,
        };
        let content = row![
            ctx.icon_sized(icon, ctx.m.icon(), fg),
            text(label).size(ctx.m.body()).font(ctx.bold).color(fg)
        ]
        .spacing(ctx.m.gap())
        .align_y(Alignment::Center);
        button(content)
            .padding([ctx.m.gap(), side])
            .style(style::button_style(ctx.pal, kind, focused))
            .on_press(msg)
            .into()
    }

    /// A framed card: a large pictogram beside a sentence and the one button it leads to.
    #[allow(clippy::too_many_arguments)]
    pub fn action_card<'a>(
        &self,
        ctx: &Ctx,
        icon: &str,
        tone: iced::Color,
        sentence: String,
        button_icon: &str,
        label: String,
        msg: Message,
    ) -> Element<'a, Message> {
        container(
            row![
                ctx.icon_sized(icon, ctx.m.tile_icon(), tone),
                column![
                    ctx.text(sentence),
                    self.button(ctx, button_icon, label, msg, ButtonKind::Secondary)
                ]
                .spacing(ctx.m.gap())
                .width(Length::Fill)
            ]
            .spacing(ctx.m.space())
            .align_y(Alignment::Center),
        )
        .padding(ctx.m.space())
        .width(Length::Fill)
        .style(style::card(ctx.pal))
        .into()
    }

    /// A whole card that opens something: title, text and pictogram.
    pub fn card<'a>(
        &self,
        ctx: &Ctx,
        content: impl Into<Element<'a, Message>>,
        msg: Message,
    ) -> Element<'a, Message> {
        let focused = self.register(Focusable::Action(msg.clone()));
        button(content)
            .width(Length::Fill)
            .padding(ctx.m.pad())
            .style(style::button_style(ctx.pal, ButtonKind::Card, focused))
            .on_press(msg)
            .into()
    }

    /// A large square-ish tile: pictogram above its label.
    pub fn tile<'a>(
        &self,
        ctx: &Ctx,
        icon: &str,
        label: String,
        detail: String,
        msg: Message,
    ) -> Element<'a, Message> {
        let focused = self.register(Focusable::Action(msg.clone()));
        let content = column![
            ctx.icon_sized(icon, ctx.m.tile_icon(), ctx.pal.primary),
            text(label)
                .size(ctx.m.h3())
                .font(ctx.bold)
                .color(ctx.pal.text)
                .align_x(Alignment::Center),
            ctx.small(detail).align_x(Alignment::Center)
        ]
        .spacing(ctx.m.gap())
        .align_x(Alignment::Center);
        button(container(content).center_x(Length::Fill))
            .width(ctx.m.tile_width())
            .padding(ctx.m.space())
            .style(style::button_style(ctx.pal, ButtonKind::Tile, focused))
            .on_press(msg)
            .into()
    }
}
