//! "My computer": the scan runs off the UI thread with progress, then shows what this
//! computer is (and what that means), "you use → you could use" cards, the free programs
//! already there, and the full list on demand.

use crate::catalog::model::Lang;
use crate::cli_scan::{advice_text, os_summary};
use crate::detect::SourceKind;
use crate::detect::scan::ScanReport;
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Message, Route};
use iced::widget::{column, container, progress_bar, row};
use iced::{Alignment, Element, Length};
use std::sync::Arc;

/// At most this many programs are drawn in the full list (the command line lists them all).
pub const LIST_LIMIT: usize = 300;

/// What the scan reports while it runs.
#[derive(Clone, Debug)]
pub enum ScanEvent {
    /// The scan started, with the number of sources to read.
    Started { total: usize },
    /// One source answered.
    SourceDone(SourceKind),
    /// The report.
    Done(Arc<ScanReport>),
}

/// The state of the screen.
#[derive(Debug, Default)]
pub enum Computer {
    /// No scan yet.
    #[default]
    Idle,
    /// Reading sources.
    Scanning {
        done: usize,
        total: usize,
        last: Option<SourceKind>,
        handle: Option<iced::task::Handle>,
    },
    /// The report, and whether the full list is open.
    Done {
        report: Arc<ScanReport>,
        show_all: bool,
    },
}

impl Computer {
    /// Stops a scan in progress (leaving the screen, or Cancel).
    pub fn cancel(&mut self) {
        if let Computer::Scanning {
            handle: Some(h), ..
        } = self
        {
            h.abort();
        }
        if matches!(self, Computer::Scanning { .. }) {
            *self = Computer::Idle;
        }
    }
}

/// Starts a scan of this computer on its own thread; events arrive as messages.
pub fn start(
    data: Arc<crate::ui::LoadedCatalog>,
    lang: Lang,
) -> (iced::Task<Message>, iced::task::Handle) {
    use crate::detect::scan::{Inputs, scan_observed, source_count};
    let (tx, rx) = iced::futures::channel::mpsc::unbounded::<ScanEvent>();
    let spawned = std::thread::Builder::new()
        .name("kitlibre-scan".into())
        .spawn(move || {
            let inputs = Inputs::local();
            let _ = tx.unbounded_send(ScanEvent::Started {
                total: source_count(&inputs),
            });
            let matcher = crate::detect::matching::Matcher::new(&data.catalog);
            let os = crate::detect::os::collect();
            let report = scan_observed(&data.catalog, &matcher, &inputs, os, lang, &mut |r| {
                let _ = tx.unbounded_send(ScanEvent::SourceDone(r.source));
            });
            let _ = tx.unbounded_send(ScanEvent::Done(Arc::new(report)));
        });
    let task = match spawned {
        Ok(_) => iced::Task::run(rx, Message::Scan),
        Err(_) => iced::Task::none(),
    };
    task.abortable()
}

pub fn view<'a>(state: &'a Computer, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![ctx.h1(t!(lang, "ui-computer"))].spacing(ctx.m.space());
    match state {
        Computer::Idle => {
            page = page.push(ctx.text(t!(lang, "ui-computer-intro")));
            page = page.push(ring.button(
                ctx,
                "search",
                t!(lang, "ui-scan-start"),
                Message::ScanStart,
                ButtonKind::Primary,
            ));
        }
        Computer::Scanning {
            done, total, last, ..
        } => {
            let total = (*total).max(1);
            let what = last
                .map(|s| {
                    let done = *done;
                    t!(
                        lang,
                        "ui-scan-progress-source",
                        source = s.code(),
                        done = done,
                        total = total
                    )
                })
                .unwrap_or_else(|| t!(lang, "ui-scan-progress"));
            page = page.push(ctx.text(what));
            page = page.push(
                progress_bar(0.0..=total as f32, *done as f32)
                    .girth(ctx.m.space())
                    .length(Length::Fill),
            );
            page = page.push(ring.button(
                ctx,
                "cross",
                t!(lang, "ui-cancel"),
                Message::ScanCancel,
                ButtonKind::Secondary,
            ));
        }
        Computer::Done { report, show_all } => {
            page = page.push(report_view(report, *show_all, ctx, ring));
        }
    }
    page.into()
}

fn report_view<'a>(
    r: &'a ScanReport,
    show_all: bool,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![].spacing(ctx.m.space());
    // The machine.
    let mut facts = column![ctx.item("computer", ctx.pal.primary, os_summary(&r.os, lang))]
        .spacing(ctx.m.gap());
    match r.os.is_admin {
        Some(true) => facts = facts.push(ctx.item("check", ctx.pal.good, t!(lang, "scan-admin"))),
        Some(false) => {}
        None => {}
    }
    page = page.push(
        container(facts)
            .padding(ctx.m.space())
            .width(Length::Fill)
            .style(style::card(ctx.pal)),
    );
    for a in &r.advice {
        page = page.push(
            container(ctx.item("info", ctx.pal.warn, advice_text(a, lang)))
                .padding(ctx.m.pad())
                .width(Length::Fill)
                .style(style::notice(ctx.pal, ctx.pal.warn)),
        );
    }

    // You use -> you could use.
    page = page.push(ctx.section("lock", t!(lang, "ui-you-use-could-use")));
    if r.proprietary.is_empty() {
        page = page.push(ctx.text(t!(lang, "scan-no-proprietary")));
    }
    for f in &r.proprietary {
        let mut alts = row![ctx.small(t!(lang, "ui-alternatives-short"))]
            .spacing(ctx.m.gap())
            .align_y(Alignment::Center);
        for a in f.alternatives.iter().take(4) {
            let label = if a.installed {
                t!(lang, "scan-already-installed", name = a.name.as_str())
            } else {
                a.name.clone()
            };
            alts = alts.push(ring.button(
                ctx,
                if a.installed { "check" } else { "arrow-right" },
                label,
                Message::Open(Route::Entry(a.id.clone())),
                if a.installed {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                },
            ));
        }
        let mut buttons = row![].spacing(ctx.m.gap());
        if let Some(first) = f.alternatives.first().filter(|a| !a.installed) {
            buttons = buttons.push(ring.button(
                ctx,
                "download",
                t!(lang, "ui-install-button", name = first.name.as_str()),
                Message::InstallPlan(first.id.clone()),
                ButtonKind::Primary,
            ));
        }
        buttons = buttons.push(ring.button(
            ctx,
            "info",
            t!(lang, "ui-see-product", name = f.name.as_str()),
            Message::Open(Route::Entry(f.id.clone())),
            ButtonKind::Secondary,
        ));
        let card = column![
            ctx.h3(f.name.clone()),
            ctx.small(t!(lang, "ui-seen-as", names = f.seen_as.join(" ; "))),
            alts.wrap().vertical_spacing(ctx.m.gap()),
            buttons.wrap().vertical_spacing(ctx.m.gap()),
        ]
        .spacing(ctx.m.gap());
        page = page.push(
            container(card)
                .padding(ctx.m.pad())
                .width(Length::Fill)
                .style(style::card(ctx.pal)),
        );
    }

    // Free programs already there.
    if !r.free.is_empty() {
        page = page.push(ctx.section("leaf", t!(lang, "ui-free-already")));
        let mut chips = row![].spacing(ctx.m.gap());
        for f in &r.free {
            chips = chips.push(ring.button(
                ctx,
                "check",
                f.name.clone(),
                Message::Open(Route::Entry(f.id.clone())),
                ButtonKind::Secondary,
            ));
        }
        page = page.push(chips.wrap().vertical_spacing(ctx.m.gap()));
    }

    // Everything found, on demand.
    page = page.push(ctx.section(
        "list",
        t!(lang, "ui-all-programs", count = r.programs.len()),
    ));
    page = page.push(ctx.small(t!(
        lang,
        "scan-total",
        count = r.programs.len(),
        ms = format!("{:.0}", r.millis)
    )));
    let toggle = if show_all {
        t!(lang, "ui-hide-list")
    } else {
        t!(lang, "ui-show-list")
    };
    page = page.push(
        row![
            ring.button(
                ctx,
                "list",
                toggle,
                Message::ScanToggleList,
                ButtonKind::Secondary
            ),
            ring.button(
                ctx,
                "search",
                t!(lang, "ui-scan-again"),
                Message::ScanStart,
                ButtonKind::Secondary
            ),
        ]
        .spacing(ctx.m.gap())
        .wrap()
        .vertical_spacing(ctx.m.gap()),
    );
    if show_all {
        let mut list = column![].spacing(ctx.m.gap() / 2.0);
        for p in r.programs.iter().take(LIST_LIMIT) {
            let what = p
                .matched
                .as_ref()
                .map(|m| format!(" → {}", m.id))
                .unwrap_or_default();
            list = list.push(ctx.small(format!(
                "{}  {}  [{}]{what}",
                p.installed.name,
                p.installed.version.as_deref().unwrap_or(""),
                p.installed.source.code()
            )));
        }
        if r.programs.len() > LIST_LIMIT {
            let more = r.programs.len() - LIST_LIMIT;
            list = list.push(ctx.small(t!(lang, "ui-list-more", count = more)));
        }
        page = page.push(
            container(list)
                .padding(ctx.m.pad())
                .width(Length::Fill)
                .style(style::card(ctx.pal)),
        );
    }
    page.into()
}
