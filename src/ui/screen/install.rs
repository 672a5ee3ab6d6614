//! Installing a free program from the window: the plan in words first (what will run,
//! whether a password will be asked, the size), then the run with its progress, its
//! output and Cancel, then the result in plain words and whether the program is found.
//! On a locked-down PC: the reasons, the official page, and a sheet for IT.

use crate::catalog::model::Lang;
use crate::cli_install::{route_text, step_detail, step_text, why_not_text};
use crate::install::codes::Outcome;
use crate::install::plan::{Plan, Route, StepKind};
use crate::install::run::{Event, RunReport};
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Message, Route as Page};
use iced::widget::{column, container, progress_bar, row};
use iced::{Element, Length};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Output lines kept on screen while a step runs.
pub const SHOWN_LINES: usize = 8;

/// What the install screen shows.
#[derive(Debug)]
pub enum Install {
    /// The plan, waiting for the person's go.
    Planned {
        plan: Box<Plan>,
        sheet: Option<PathBuf>,
    },
    /// No plan could be made (the reason, in words).
    Impossible { id: String, reason: String },
    Running {
        plan: Box<Plan>,
        step: usize,
        kind: Option<StepKind>,
        lines: VecDeque<String>,
        progress: Option<(u64, Option<u64>)>,
        cancel: Arc<AtomicBool>,
    },
    Finished {
        plan: Box<Plan>,
        report: Box<RunReport>,
    },
}

impl Install {
    pub fn id(&self) -> &str {
        match self {
            Install::Planned { plan, .. }
            | Install::Running { plan, .. }
            | Install::Finished { plan, .. } => &plan.id,
            Install::Impossible { id, .. } => id,
        }
    }

    /// Applies an event of the run.
    pub fn on_event(&mut self, event: InstallEvent) {
        match (self, event) {
            (
                Install::Running {
                    step,
                    kind,
                    lines,
                    progress,
                    ..
                },
                InstallEvent::Run(e),
            ) => match e {
                Event::StepStarted { index, kind: k } => {
                    *step = index;
                    *kind = Some(k);
                    *progress = None;
                }
                Event::Output { line } => {
                    lines.push_back(line);
                    while lines.len() > SHOWN_LINES {
                        lines.pop_front();
                    }
                }
                Event::Progress { done, total } => *progress = Some((done, total)),
                Event::StepFinished { .. } => {}
            },
            (this @ Install::Running { .. }, InstallEvent::Finished(report)) => {
                let placeholder = Install::Impossible {
                    id: String::new(),
                    reason: String::new(),
                };
                if let Install::Running { plan, .. } = std::mem::replace(this, placeholder) {
                    *this = Install::Finished { plan, report };
                }
            }
            _ => {}
        }
    }
}

/// What the run thread reports.
#[derive(Clone, Debug)]
pub enum InstallEvent {
    Run(Event),
    Finished(Box<RunReport>),
}

/// Runs a plan on its own thread; its events arrive as messages.
pub fn start(
    plan: Plan,
    data: Arc<crate::ui::LoadedCatalog>,
    cache: PathBuf,
    cancel: Arc<AtomicBool>,
) -> iced::Task<Message> {
    let (tx, rx) = iced::futures::channel::mpsc::unbounded::<InstallEvent>();
    let spawned = std::thread::Builder::new()
        .name("kitlibre-install".into())
        .spawn(move || {
            let ctx = crate::install::run::RunContext::for_machine(&cache);
            let id = plan.id.clone();
            let events = tx.clone();
            let mut on = move |e: Event| {
                let _ = events.unbounded_send(InstallEvent::Run(e));
            };
            let report = crate::install::run::execute(&plan, &ctx, &cancel, &mut on, &|| {
                crate::cli_install::found_now(&data.catalog, &id)
            });
            let _ = tx.unbounded_send(InstallEvent::Finished(Box::new(report)));
        });
    match spawned {
        Ok(_) => iced::Task::run(rx, Message::InstallEvent),
        Err(_) => iced::Task::none(),
    }
}

fn plan_view<'a>(plan: &Plan, ctx: &Ctx) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut col = column![ctx.item("info", ctx.pal.primary, route_text(plan.route, lang))]
        .spacing(ctx.m.gap());
    if plan.route != Route::GuideOnly && !plan.steps.is_empty() {
        col = col.push(if plan.needs_admin {
            ctx.item("lock", ctx.pal.warn, t!(lang, "plan-needs-admin"))
        } else {
            ctx.item("check", ctx.pal.good, t!(lang, "plan-no-admin"))
        });
    }
    if let Some(bytes) = plan.download_bytes {
        let mb = (bytes + 512 * 1024) / (1024 * 1024);
        col = col.push(ctx.item("download", ctx.pal.primary, t!(lang, "plan-size", mb = mb)));
    }
    if !plan.steps.is_empty() {
        col = col.push(ctx.h3(t!(lang, "plan-will-run")));
        for (n, s) in plan.steps.iter().enumerate() {
            col = col.push(ctx.text(format!("{}. {}", n + 1, step_text(s.kind, lang))));
            let d = step_detail(&s.action);
            if !d.is_empty() {
                col = col.push(ctx.small(d));
            }
        }
    }
    if !plan.considered.is_empty() {
        col = col.push(ctx.h3(t!(lang, "plan-considered")));
        for (route, why) in &plan.considered {
            col = col.push(ctx.small(format!(
                "• {} — {}",
                route_text(*route, lang),
                why_not_text(why, lang)
            )));
        }
    }
    container(col)
        .padding(ctx.m.space())
        .width(Length::Fill)
        .style(style::card(ctx.pal))
        .into()
}

pub fn view<'a>(state: &'a Install, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    match state {
        Install::Impossible { id, reason } => column![
            ctx.h1(t!(lang, "ui-install-title", name = id.as_str())),
            ctx.text(reason.clone()),
        ]
        .spacing(ctx.m.space())
        .into(),
        Install::Planned { plan, sheet } => {
            let mut page = column![
                ctx.h1(t!(lang, "ui-install-title", name = plan.name.as_str())),
                plan_view(plan, ctx)
            ]
            .spacing(ctx.m.space());
            let mut actions = row![].spacing(ctx.m.gap());
            match plan.route {
                Route::GuideOnly => {
                    actions = actions.push(ring.button(
                        ctx,
                        "document",
                        t!(lang, "ui-save-sheet"),
                        Message::InstallSaveSheet,
                        ButtonKind::Primary,
                    ));
                    if let Some(url) = plan.steps.iter().find_map(|s| match &s.action {
                        crate::install::plan::Action::Open { url } => Some(url.clone()),
                        _ => None,
                    }) {
                        actions = actions.push(ring.button(
                            ctx,
                            "external",
                            t!(lang, "ui-download-page"),
                            Message::OpenLink(url),
                            ButtonKind::Secondary,
                        ));
                    }
                }
                Route::Phone | Route::WebService | Route::DownloadPage => {
                    for (label, url) in &plan.links {
                        actions = actions.push(ring.button(
                            ctx,
                            "external",
                            label.clone(),
                            Message::OpenLink(url.clone()),
                            ButtonKind::Primary,
                        ));
                    }
                }
                _ => {
                    actions = actions.push(ring.button(
                        ctx,
                        "download",
                        t!(lang, "ui-install-now"),
                        Message::InstallRun,
                        ButtonKind::Primary,
                    ));
                }
            }
            actions = actions.push(ring.button(
                ctx,
                "back",
                t!(lang, "ui-back"),
                Message::Back,
                ButtonKind::Secondary,
            ));
            page = page.push(actions.wrap().vertical_spacing(ctx.m.gap()));
            if let Some(path) = sheet {
                page = page.push(
                    container(ctx.item(
                        "check",
                        ctx.pal.good,
                        t!(lang, "cli-sheet-saved", path = path.display().to_string()),
                    ))
                    .padding(ctx.m.pad())
                    .width(Length::Fill)
                    .style(style::notice(ctx.pal, ctx.pal.good)),
                );
            }
            page.into()
        }
        Install::Running {
            plan,
            step,
            kind,
            lines,
            progress,
            ..
        } => {
            let total = plan.steps.len().max(1);
            let what = kind.map(|k| step_text(k, lang)).unwrap_or_default();
            let done = step + 1;
            let mut page = column![
                ctx.h1(t!(lang, "ui-installing", name = plan.name.as_str())),
                ctx.text(t!(
                    lang,
                    "ui-install-step",
                    done = done,
                    total = total,
                    step = what
                )),
                progress_bar(0.0..=total as f32, *step as f32 + 0.5)
                    .girth(ctx.m.space())
                    .length(Length::Fill),
            ]
            .spacing(ctx.m.space());
            if let Some((done, Some(all))) = progress {
                page = page.push(
                    progress_bar(0.0..=(*all).max(1) as f32, *done as f32)
                        .girth(ctx.m.gap())
                        .length(Length::Fill),
                );
            }
            if !lines.is_empty() {
                let mut out = column![].spacing(2.0);
                for l in lines {
                    out = out.push(ctx.small(l.clone()));
                }
                page = page.push(
                    container(out)
                        .padding(ctx.m.pad())
                        .width(Length::Fill)
                        .style(style::card(ctx.pal)),
                );
            }
            page = page.push(ring.button(
                ctx,
                "cross",
                t!(lang, "ui-cancel"),
                Message::InstallCancel,
                ButtonKind::Secondary,
            ));
            page.into()
        }
        Install::Finished { plan, report } => {
            let tone = if report.outcome.is_success() {
                ctx.pal.good
            } else {
                ctx.pal.warn
            };
            let icon = if report.outcome.is_success() {
                "check"
            } else {
                "info"
            };
            let mut page = column![
                ctx.h1(t!(lang, "ui-install-title", name = plan.name.as_str())),
                container(ctx.item(icon, tone, report.outcome.message(lang)))
                    .padding(ctx.m.pad())
                    .width(Length::Fill)
                    .style(style::notice(ctx.pal, tone)),
            ]
            .spacing(ctx.m.space());
            match report.verified {
                Some(true) => {
                    page = page.push(ctx.item(
                        "check",
                        ctx.pal.good,
                        t!(lang, "cli-install-verified", name = plan.name.as_str()),
                    ))
                }
                Some(false) => {
                    page = page.push(ctx.item(
                        "info",
                        ctx.pal.warn,
                        t!(lang, "cli-install-not-verified", name = plan.name.as_str()),
                    ))
                }
                None => {}
            }
            if !report.outcome.is_success()
                && report.outcome != Outcome::Cancelled
                && !report.output_tail.is_empty()
            {
                let mut out = column![ctx.h3(t!(lang, "ui-install-details"))].spacing(2.0);
                for l in report.output_tail.iter().rev().take(12).rev() {
                    out = out.push(ctx.small(l.clone()));
                }
                page = page.push(
                    container(out)
                        .padding(ctx.m.pad())
                        .width(Length::Fill)
                        .style(style::card(ctx.pal)),
                );
            }
            let mut actions = row![
                ring.button(
                    ctx,
                    "info",
                    t!(lang, "ui-see-alternative", name = plan.name.as_str()),
                    Message::Open(Page::Entry(plan.id.clone())),
                    ButtonKind::Secondary
                ),
                ring.button(
                    ctx,
                    "home",
                    t!(lang, "ui-home"),
                    Message::Open(Page::Home),
                    ButtonKind::Secondary
                ),
            ]
            .spacing(ctx.m.gap());
            if matches!(
                report.outcome,
                Outcome::NeedsAdmin | Outcome::BlockedByPolicy
            ) {
                actions = actions.push(ring.button(
                    ctx,
                    "document",
                    t!(lang, "ui-save-sheet"),
                    Message::InstallSaveSheet,
                    ButtonKind::Primary,
                ));
            }
            page = page.push(actions.wrap().vertical_spacing(ctx.m.gap()));
            page.into()
        }
    }
}

/// Where the IT sheet is saved: the Documents folder, else the kit's data folder.
pub fn sheet_path(
    paths: &crate::settings::Paths,
    session_dir: Option<&std::path::Path>,
    id: &str,
    lang: Lang,
) -> Option<PathBuf> {
    let name = match lang {
        Lang::Fr => format!("demande-installation-{id}.txt"),
        Lang::En => format!("installation-request-{id}.txt"),
    };
    super::save_path(paths, session_dir, &name)
}
