//! Learning paths: the list of paths, and the player that shows one step card at a time
//! (one action, its "why", what the kit verified on this computer, the links), with the
//! progress of each path remembered. The same screens serve the workshop mode, drawn
//! larger and in high contrast for a projector.

use crate::catalog::Catalog;
use crate::catalog::model::{Guide, Lang};
use crate::guide::checks::{Facts, Outcome, Verdict, evaluate};
use crate::guide::progress::{PathProgress, Progress, Store};
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Ring, disabled_button};
use crate::ui::{Message, Route};
use iced::widget::{column, container, progress_bar, qr_code, row};
use iced::{Alignment, Element, Length};
use std::path::PathBuf;
use std::sync::Arc;

/// The paths' state in the window.
#[derive(Debug)]
pub struct Guides {
    /// Where progress is kept (memory only in a public session).
    pub store: Store,
    pub progress: Progress,
    /// What the checks look at; gathered when a path is first opened.
    pub facts: Option<Arc<Facts>>,
    /// Facts are being gathered.
    pub checking: bool,
    /// QR code of each step's link, for the path on show.
    pub qr: Vec<Option<qr_code::Data>>,
    /// A handout was saved (path), or could not be (message).
    pub note: Option<(bool, String, Option<PathBuf>)>,
}

impl Guides {
    pub fn new(store: Store) -> Guides {
        let progress = store.load();
        Guides {
            store,
            progress,
            facts: None,
            checking: false,
            qr: Vec::new(),
            note: None,
        }
    }

    /// Prepares the player for a path: progress within bounds, QR codes of its links.
    pub fn open(&mut self, g: &Guide) {
        let mut p = self.progress.of(&g.id);
        p.clamp(g.steps.len());
        self.progress.set(&g.id, p);
        self.qr = g
            .steps
            .iter()
            .map(|s| {
                s.link
                    .as_ref()
                    .and_then(|u| qr_code::Data::new(u.as_bytes()).ok())
            })
            .collect();
        self.note = None;
    }

    /// Ticks the steps of `g` whose check passes with the facts gathered, and unticks
    /// those the kit sees are not done.
    pub fn tick_verified(&mut self, g: &Guide, catalog: &Catalog) {
        let Some(facts) = self.facts.clone() else {
            return;
        };
        let mut p = self.progress.of(&g.id);
        for (i, s) in g.steps.iter().enumerate() {
            // A verifiable step follows what the kit sees, both ways.
            if let Some(c) = &s.check {
                match evaluate(c, &facts, catalog, Lang::Fr).outcome {
                    Outcome::Passed => {
                        p.done.insert(i);
                    }
                    Outcome::NotYet => {
                        p.done.remove(&i);
                    }
                    Outcome::Unknown => {}
                }
            }
        }
        self.progress.set(&g.id, p);
    }

    /// The verdict of step `i` of `g`, when it has a check and facts are there.
    pub fn verdict(&self, g: &Guide, i: usize, catalog: &Catalog, lang: Lang) -> Option<Verdict> {
        let check = g.steps.get(i)?.check.as_ref()?;
        let facts = self.facts.as_ref()?;
        Some(evaluate(check, facts, catalog, lang))
    }

    pub fn update_path(
        &mut self,
        id: &str,
        f: impl FnOnce(&mut PathProgress, usize),
        steps: usize,
    ) {
        let mut p = self.progress.of(id);
        f(&mut p, steps);
        p.clamp(steps);
        self.progress.set(id, p);
    }
}

/// Gathers the facts the checks need, off the UI thread.
pub fn gather(data: Arc<crate::ui::LoadedCatalog>) -> iced::Task<Message> {
    iced::Task::perform(
        async move {
            tokio::task::spawn_blocking(move || Facts::gather(&data.catalog))
                .await
                .ok()
        },
        |facts| match facts {
            Some(f) => Message::GuideFacts(Arc::new(f)),
            None => Message::Done,
        },
    )
}

fn done_count(p: &PathProgress, steps: usize) -> usize {
    p.done.iter().filter(|&&i| i < steps).count()
}

/// The list of paths.
pub fn list<'a>(
    catalog: &'a Catalog,
    guides: &Guides,
    workshop: bool,
    public: bool,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![
        ctx.h1(t!(lang, "ui-guides-title")),
        ctx.text(if workshop {
            t!(lang, "ui-workshop-choose")
        } else {
            t!(lang, "ui-guides-intro")
        }),
    ]
    .spacing(ctx.m.space());
    if !workshop {
        page = page.push(ring.action_card(
            ctx,
            "people",
            ctx.pal.primary,
            t!(lang, "ui-workshop-card"),
            "people",
            t!(lang, "ui-workshop-start"),
            Message::WorkshopStart,
        ));
    }
    if public {
        page = page.push(ctx.item("lock", ctx.pal.good, t!(lang, "ui-public-progress")));
    }
    for g in &catalog.guides {
        let p = guides.progress.of(&g.id);
        let n = g.steps.len();
        let done = done_count(&p, n);
        let state = if done == 0 {
            t!(lang, "ui-guide-not-started", steps = n)
        } else {
            t!(lang, "ui-guide-progress", done = done, steps = n)
        };
        let audience = match g.audience {
            crate::catalog::model::Audience::Agents => {
                Some(ctx.badge("user", t!(lang, "ui-guide-for-agents"), ctx.pal.primary))
            }
            crate::catalog::model::Audience::Everyone => None,
        };
        let mut meta = row![ctx.small(crate::guide::meta_line(g, lang))]
            .spacing(ctx.m.gap())
            .align_y(Alignment::Center);
        if let Some(a) = audience {
            meta = meta.push(a);
        }
        let content = row![
            ctx.icon_sized(&g.pictogram, ctx.m.tile_icon(), ctx.pal.primary),
            column![
                ctx.h3(g.title.get(lang).to_owned()),
                ctx.text(g.summary.get(lang).to_owned()),
                meta,
                row![
                    ctx.small(state),
                    progress_bar(0.0..=n.max(1) as f32, done as f32)
                        .length(ctx.m.tile_width())
                        .girth(ctx.m.gap())
                ]
                .spacing(ctx.m.gap())
                .align_y(Alignment::Center),
            ]
            .spacing(ctx.m.gap())
            .width(Length::Fill)
        ]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center);
        page = page.push(ring.card(ctx, content, Message::GuideOpen(g.id.clone())));
    }
    page.into()
}

/// The player: one card of the path `id` (or its end).
pub fn player<'a>(
    catalog: &'a Catalog,
    guides: &'a Guides,
    id: &str,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let Some(g) = catalog.guide(id) else {
        return ctx.text(t!(lang, "guide-cli-unknown", id = id)).into();
    };
    let n = g.steps.len();
    let p = guides.progress.of(&g.id);
    let current = p.current.min(n);
    let done = done_count(&p, n);
    let head = column![
        ctx.small(g.title.get(lang).to_owned()),
        row![
            ctx.small(if current < n {
                t!(lang, "ui-guide-step-of", step = (current + 1), steps = n)
            } else {
                t!(lang, "ui-guide-end")
            }),
            progress_bar(0.0..=n.max(1) as f32, done as f32)
                .length(Length::Fill)
                .girth(ctx.m.gap()),
            ctx.small(t!(lang, "ui-guide-progress", done = done, steps = n)),
        ]
        .spacing(ctx.m.gap())
        .align_y(Alignment::Center),
    ]
    .spacing(ctx.m.gap());

    let back = if current > 0 {
        ring.button(
            ctx,
            "back",
            t!(lang, "ui-guide-previous"),
            Message::GuidePrevious,
            ButtonKind::Secondary,
        )
    } else {
        disabled_button(ctx, "back", t!(lang, "ui-guide-previous"))
    };
    if current >= n {
        return end(g, guides, head, back, ctx, ring);
    }

    let step = &g.steps[current];
    let is_done = p.done.contains(&current);
    let mut card = column![
        row![
            ctx.icon_sized(&step.pictogram, ctx.m.tile_icon() * 1.5, ctx.pal.primary),
            ctx.h1(step.title.get(lang).to_owned()).width(Length::Fill),
        ]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center),
        ctx.text(step.text.get(lang).to_owned()).size(ctx.m.h3()),
    ]
    .spacing(ctx.m.space());

    // What the kit verified on this computer.
    if step.check.is_some() {
        let line: Element<'a, Message> = match guides.verdict(g, current, catalog, lang) {
            Some(v) => {
                let (icon, tone) = match v.outcome {
                    Outcome::Passed => ("check", ctx.pal.good),
                    Outcome::NotYet => ("cross", ctx.pal.warn),
                    Outcome::Unknown => ("info", ctx.pal.muted),
                };
                row![
                    ctx.item(icon, tone, v.message),
                    ring.button(
                        ctx,
                        "search",
                        t!(lang, "ui-guide-check-again"),
                        Message::GuideCheck,
                        ButtonKind::Secondary
                    )
                ]
                .spacing(ctx.m.space())
                .align_y(Alignment::Center)
                .into()
            }
            None if guides.checking => {
                ctx.item("clock", ctx.pal.muted, t!(lang, "ui-guide-checking"))
            }
            None => ring.button(
                ctx,
                "search",
                t!(lang, "ui-guide-check-again"),
                Message::GuideCheck,
                ButtonKind::Secondary,
            ),
        };
        card = card.push(line);
    }

    // Why.
    card = card.push(
        container(
            column![
                row![ctx.icon("info"), ctx.h3(t!(lang, "guide-why"))]
                    .spacing(ctx.m.gap())
                    .align_y(Alignment::Center),
                ctx.text(step.why.get(lang).to_owned()),
            ]
            .spacing(ctx.m.gap()),
        )
        .padding(ctx.m.space())
        .width(Length::Fill)
        .style(style::badge(ctx.pal, ctx.pal.primary)),
    );

    // Links: catalogue entries, the web page and its QR code for the phone.
    let mut links = row![].spacing(ctx.m.gap());
    for e in &step.entries {
        if let Some(entry) = catalog.get(e) {
            links = links.push(ring.button(
                ctx,
                "arrow-right",
                entry.name(lang).to_owned(),
                Message::Open(Route::Entry(e.clone())),
                ButtonKind::Secondary,
            ));
        }
    }
    if let Some(url) = &step.link {
        links = links.push(ring.button(
            ctx,
            "external",
            t!(lang, "ui-guide-open-site"),
            Message::OpenLink(url.clone()),
            ButtonKind::Secondary,
        ));
    }
    card = card.push(links.wrap().vertical_spacing(ctx.m.gap()));
    if let (Some(url), Some(Some(data))) = (&step.link, guides.qr.get(current)) {
        card = card.push(
            row![
                container(qr_code(data).cell_size(ctx.m.qr_cell()))
                    .padding(ctx.m.gap())
                    .style(style::card(ctx.pal)),
                column![ctx.text(t!(lang, "guide-scan")), ctx.small(url.clone())]
                    .spacing(ctx.m.gap())
                    .width(Length::Fill),
            ]
            .spacing(ctx.m.space())
            .align_y(Alignment::Center),
        );
    }

    let tick = if is_done {
        ring.button(
            ctx,
            "check",
            t!(lang, "ui-guide-done"),
            Message::GuideToggleDone,
            ButtonKind::Selected,
        )
    } else {
        ring.button(
            ctx,
            "check",
            t!(lang, "ui-guide-mark-done"),
            Message::GuideToggleDone,
            ButtonKind::Secondary,
        )
    };
    let next = ring.button(
        ctx,
        "arrow-right",
        if current + 1 < n {
            t!(lang, "ui-guide-next")
        } else {
            t!(lang, "ui-guide-finish")
        },
        Message::GuideNext,
        ButtonKind::Primary,
    );
    let nav = row![back, tick, next]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(ctx.m.gap());

    column![
        head,
        container(card)
            .padding(ctx.m.section())
            .width(Length::Fill)
            .style(style::card(ctx.pal)),
        nav
    ]
    .spacing(ctx.m.space())
    .into()
}

/// The end of a path: what changes, the handouts, back to the paths.
fn end<'a>(
    g: &'a Guide,
    guides: &Guides,
    head: iced::widget::Column<'a, Message>,
    back: Element<'a, Message>,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut changes = column![ctx.section("flag", t!(lang, "guide-changes"))].spacing(ctx.m.gap());
    for c in &g.changes {
        changes = changes.push(ctx.item("arrow-right", ctx.pal.text, c.get(lang).to_owned()));
    }
    let mut page = column![
        head,
        container(
            column![
                row![
                    ctx.icon_sized("star", ctx.m.tile_icon() * 1.5, ctx.pal.good),
                    ctx.h1(t!(lang, "ui-guide-end-title")).width(Length::Fill)
                ]
                .spacing(ctx.m.space())
                .align_y(Alignment::Center),
                ctx.text(g.summary.get(lang).to_owned()),
                changes,
            ]
            .spacing(ctx.m.space())
        )
        .padding(ctx.m.section())
        .width(Length::Fill)
        .style(style::card(ctx.pal)),
        ctx.section("pdf", t!(lang, "ui-guide-handout-title")),
        ctx.text(t!(lang, "ui-guide-handout-text")),
        row![
            ring.button(
                ctx,
                "pdf",
                t!(lang, "ui-guide-handout-pdf"),
                Message::GuideHandout(crate::cli_guide::HandoutFormat::Pdf),
                ButtonKind::Primary
            ),
            ring.button(
                ctx,
                "globe",
                t!(lang, "ui-guide-handout-html"),
                Message::GuideHandout(crate::cli_guide::HandoutFormat::Html),
                ButtonKind::Secondary
            ),
        ]
        .spacing(ctx.m.space())
        .wrap()
        .vertical_spacing(ctx.m.gap()),
    ]
    .spacing(ctx.m.space());
    if let Some((ok, msg, path)) = &guides.note {
        let mut line = row![ctx.item(
            if *ok { "check" } else { "cross" },
            if *ok { ctx.pal.good } else { ctx.pal.bad },
            msg.clone()
        )]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center);
        if let Some(path) = path {
            line = line.push(ring.button(
                ctx,
                "external",
                t!(lang, "ui-guide-handout-open"),
                Message::GuideOpenFile(path.clone()),
                ButtonKind::Secondary,
            ));
        }
        page = page.push(line);
    }
    page.push(
        row![
            back,
            ring.button(
                ctx,
                "list",
                t!(lang, "ui-guide-all-paths"),
                Message::Open(Route::Guides),
                ButtonKind::Secondary
            ),
            ring.button(
                ctx,
                "back",
                t!(lang, "ui-guide-restart"),
                Message::GuideRestart,
                ButtonKind::Secondary
            ),
        ]
        .spacing(ctx.m.space())
        .wrap()
        .vertical_spacing(ctx.m.gap()),
    )
    .into()
}

/// Where a handout is saved: the person's documents folder (or the kit's data folder,
/// or the public session's throwaway folder).
pub fn handout_path(
    paths: &crate::settings::Paths,
    session_dir: Option<&std::path::Path>,
    id: &str,
    lang: Lang,
    format: crate::cli_guide::HandoutFormat,
) -> Option<PathBuf> {
    let name = match lang {
        Lang::Fr => format!("fiche-{id}.{}", format.code()),
        Lang::En => format!("handout-{id}.{}", format.code()),
    };
    super::save_path(paths, session_dir, &name)
}
