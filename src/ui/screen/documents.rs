//! The LibreOffice move assistant, step by step for agents: choose a folder -> inventory
//! with its readiness summary and the files that need attention -> preview of what the
//! conversion will do -> conversion with progress and Cancel -> report, fonts, default
//! save format, and the checklist of what to verify by hand, saved as a file for IT.
//! The work runs off the UI thread (the library's inventory and conversion); this screen
//! only shows it.

use crate::catalog::model::Lang;
use crate::migrate::convert::{self, Plan, Report, Target};
use crate::migrate::fonts::{FontEnv, FontStatus, SUBSTITUTES};
use crate::migrate::inventory::{Inventory, needing_attention};
use crate::migrate::soffice::Soffice;
use crate::migrate::xcu::{self, DefaultFormat};
use crate::migrate::{Readiness, words};
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Focusable, Ring};
use crate::ui::{Message, Route};
use iced::widget::{column, container, progress_bar, row, text_input};
use iced::{Alignment, Element, Length};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The folder field's widget id.
pub const FOLDER_ID: &str = "docs-folder";
/// The output folder field's widget id.
pub const OUT_ID: &str = "docs-out";
/// Files listed under "need attention" before "… and N more".
pub const SHOWN_FILES: usize = 40;

/// What the inventory thread found.
#[derive(Debug)]
pub struct Found {
    pub inventory: Inventory,
    pub fonts: FontEnv,
    /// LibreOffice, when installed.
    pub office: Option<Soffice>,
    /// LibreOffice's current default format (first profile).
    pub format: Option<xcu::Current>,
}

/// Where the assistant is.
#[derive(Debug, Default)]
pub enum Stage {
    /// Step 1: choose a folder.
    #[default]
    Choose,
    /// Reading the folder.
    Reading {
        documents: usize,
        cancel: Arc<AtomicBool>,
    },
    /// Steps 2 and 3: the inventory and the preview of the conversion.
    Inventoried { found: Arc<Found> },
    /// Step 4: converting.
    Converting {
        found: Arc<Found>,
        done: usize,
        total: usize,
        cancel: Arc<AtomicBool>,
    },
    /// Step 5: the report.
    Converted {
        found: Arc<Found>,
        report: Arc<Report>,
    },
}

/// The assistant's state.
#[derive(Debug)]
pub struct Documents {
    pub folder: String,
    pub out: String,
    pub target: Target,
    pub stage: Stage,
    /// The conversion preview for the current folder, target and output folder.
    pub preview: Option<Plan>,
    /// A message for the person (errors, "saved to...").
    pub note: Option<(bool, String)>,
}

impl Default for Documents {
    fn default() -> Documents {
        let folder = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.display().to_string()))
            .unwrap_or_default();
        Documents {
            out: default_out(&folder),
            folder,
            target: Target::Odf,
            stage: Stage::Choose,
            preview: None,
            note: None,
        }
    }
}

/// The output folder proposed for a documents folder: beside it, "<name> (LibreOffice)".
pub fn default_out(folder: &str) -> String {
    let trimmed = folder.trim().trim_end_matches(['/', '\\']);
    if trimmed.is_empty() {
        return String::new();
    }
    format!("{trimmed} (LibreOffice)")
}

/// What the worker threads report.
#[derive(Clone, Debug)]
pub enum DocsEvent {
    Reading(usize),
    Inventoried(Result<Arc<Found>, String>),
    Converting { done: usize, total: usize },
    Converted(Result<Arc<Report>, String>),
}

impl Documents {
    pub fn found(&self) -> Option<&Arc<Found>> {
        match &self.stage {
            Stage::Inventoried { found }
            | Stage::Converting { found, .. }
            | Stage::Converted { found, .. } => Some(found),
            _ => None,
        }
    }

    /// Stops what runs (leaving the screen, Cancel).
    pub fn cancel(&self) {
        match &self.stage {
            Stage::Reading { cancel, .. } | Stage::Converting { cancel, .. } => {
                cancel.store(true, Ordering::SeqCst)
            }
            _ => {}
        }
    }

    /// Computes the preview again (after the inventory, or a change of format or folder).
    pub fn refresh_preview(&mut self) {
        self.preview = self
            .found()
            .map(|f| convert::plan(&f.inventory, Path::new(self.out.trim()), self.target));
    }

    pub fn on_event(&mut self, event: DocsEvent) {
        match event {
            DocsEvent::Reading(n) => {
                if let Stage::Reading { documents, .. } = &mut self.stage {
                    *documents = n;
                }
            }
            DocsEvent::Inventoried(Ok(found)) => {
                if matches!(self.stage, Stage::Reading { .. }) {
                    self.stage = Stage::Inventoried { found };
                    self.refresh_preview();
                }
            }
            DocsEvent::Inventoried(Err(e)) => {
                self.stage = Stage::Choose;
                self.note = Some((false, e));
            }
            DocsEvent::Converting { done, total } => {
                if let Stage::Converting {
                    done: d, total: t, ..
                } = &mut self.stage
                {
                    *d = done;
                    *t = total;
                }
            }
            DocsEvent::Converted(result) => {
                let Some(found) = self.found().cloned() else {
                    return;
                };
                match result {
                    Ok(report) => self.stage = Stage::Converted { found, report },
                    Err(e) => {
                        self.stage = Stage::Inventoried { found };
                        self.note = Some((false, e));
                        self.refresh_preview();
                    }
                }
            }
        }
    }
}

/// Reads a folder on its own thread; progress and the result arrive as messages.
pub fn start_inventory(
    folder: PathBuf,
    cancel: Arc<AtomicBool>,
    lang: Lang,
) -> iced::Task<Message> {
    let (tx, rx) = iced::futures::channel::mpsc::unbounded::<DocsEvent>();
    let spawned = std::thread::Builder::new()
        .name("kitlibre-inventory".into())
        .spawn(move || {
            let office = crate::migrate::soffice::find();
            let extra = office
                .as_ref()
                .and_then(|s| s.program.as_ref())
                .map(|p| crate::migrate::fonts::libreoffice_font_dirs(p))
                .unwrap_or_default();
            let fonts = FontEnv::system(&extra);
            let progress = tx.clone();
            let mut last = std::time::Instant::now();
            let result = crate::migrate::inventory::inventory(
                &folder,
                &[],
                &fonts,
                &mut |p| {
                    if last.elapsed().as_millis() > 100 {
                        last = std::time::Instant::now();
                        let _ = progress.unbounded_send(DocsEvent::Reading(p.documents));
                    }
                },
                &cancel,
            );
            let format = xcu::profiles()
                .first()
                .and_then(|p| std::fs::read_to_string(p.join(xcu::FILE)).ok())
                .and_then(|x| xcu::read(&x).ok())
                .or_else(|| Some(xcu::Current::default()));
            let event = match result {
                Ok(inventory) if inventory.cancelled => {
                    DocsEvent::Inventoried(Err(t!(lang, "docs-inv-cancelled")))
                }
                Ok(inventory) => DocsEvent::Inventoried(Ok(Arc::new(Found {
                    inventory,
                    fonts,
                    office,
                    format,
                }))),
                Err(e) => DocsEvent::Inventoried(Err(e.message(lang))),
            };
            let _ = tx.unbounded_send(event);
        });
    match spawned {
        Ok(_) => iced::Task::run(rx, Message::DocsEvent),
        Err(_) => iced::Task::none(),
    }
}

/// Converts on its own thread.
pub fn start_conversion(
    plan: Plan,
    office: Soffice,
    cancel: Arc<AtomicBool>,
    lang: Lang,
) -> iced::Task<Message> {
    let (tx, rx) = iced::futures::channel::mpsc::unbounded::<DocsEvent>();
    let spawned = std::thread::Builder::new()
        .name("kitlibre-convert".into())
        .spawn(move || {
            let progress = tx.clone();
            let result = convert::run(
                &plan,
                &office,
                &convert::Options::default(),
                &mut |p| {
                    if let convert::Progress::Done { done, total } = p {
                        let _ = progress.unbounded_send(DocsEvent::Converting { done, total });
                    }
                },
                &cancel,
            );
            let event = match result {
                Ok(report) => {
                    // The reports beside the converted files, as the command line writes them.
                    let _ = convert::write_reports(&report, lang);
                    DocsEvent::Converted(Ok(Arc::new(report)))
                }
                Err(e) => DocsEvent::Converted(Err(e.message(lang))),
            };
            let _ = tx.unbounded_send(event);
        });
    match spawned {
        Ok(_) => iced::Task::run(rx, Message::DocsEvent),
        Err(_) => iced::Task::none(),
    }
}

/// Where the checklist is saved: the Documents folder, else the kit's data folder.
pub fn checklist_path(
    paths: &crate::settings::Paths,
    session_dir: Option<&std::path::Path>,
    lang: Lang,
) -> Option<PathBuf> {
    let name = match lang {
        Lang::Fr => "liste-verification-libreoffice.txt",
        Lang::En => "libreoffice-checklist.txt",
    };
    super::save_path(paths, session_dir, name)
}

fn card<'a>(ctx: &Ctx, content: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(content)
        .padding(ctx.m.space())
        .width(Length::Fill)
        .style(style::card(ctx.pal))
        .into()
}

fn step_title<'a>(ctx: &Ctx, n: u8, title: String) -> Element<'a, Message> {
    ctx.section(
        "arrow-right",
        t!(ctx.lang, "docs-ui-step", n = n, title = title),
    )
}

fn field<'a>(
    ctx: &Ctx,
    ring: &Ring,
    id: &'static str,
    label: String,
    value: &str,
    on_input: fn(String) -> Message,
    on_submit: Option<Message>,
) -> Element<'a, Message> {
    ring.register(Focusable::Input(id));
    let mut input = text_input("", value)
        .id(id)
        .on_input(on_input)
        .size(ctx.m.body())
        .font(ctx.font)
        .padding(ctx.m.pad())
        .style(style::search_field(ctx.pal));
    if let Some(m) = on_submit {
        input = input.on_submit(m);
    }
    column![
        ctx.text(label),
        row![ctx.icon("archive"), input]
            .spacing(ctx.m.gap())
            .align_y(Alignment::Center)
    ]
    .spacing(ctx.m.gap())
    .into()
}

pub fn view<'a>(d: &'a Documents, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![
        ctx.h1(t!(lang, "docs-ui-title")),
        ctx.text(t!(lang, "docs-ui-intro")),
        ctx.item("shield", ctx.pal.good, t!(lang, "docs-ui-originals-safe")),
    ]
    .spacing(ctx.m.space());
    if let Some((ok, note)) = &d.note {
        let tone = if *ok { ctx.pal.good } else { ctx.pal.warn };
        page = page.push(
            container(ctx.item(if *ok { "check" } else { "info" }, tone, note.clone()))
                .padding(ctx.m.pad())
                .width(Length::Fill)
                .style(style::notice(ctx.pal, tone)),
        );
    }
    page = page.push(step_title(ctx, 1, t!(lang, "docs-ui-step-choose")));
    match &d.stage {
        Stage::Choose => {
            let mut quick = row![].spacing(ctx.m.gap());
            if let Some(u) = directories::UserDirs::new() {
                for (label, dir) in [
                    (t!(lang, "docs-ui-my-documents"), u.document_dir()),
                    (t!(lang, "docs-ui-desktop"), u.desktop_dir()),
                ] {
                    if let Some(dir) = dir {
                        quick = quick.push(ring.button(
                            ctx,
                            "archive",
                            label,
                            Message::DocsFolderChanged(dir.display().to_string()),
                            ButtonKind::Secondary,
                        ));
                    }
                }
            }
            page = page.push(card(
                ctx,
                column![
                    field(
                        ctx,
                        ring,
                        FOLDER_ID,
                        t!(lang, "docs-ui-folder"),
                        &d.folder,
                        Message::DocsFolderChanged,
                        Some(Message::DocsInventory),
                    ),
                    quick.wrap().vertical_spacing(ctx.m.gap()),
                    ring.button(
                        ctx,
                        "search",
                        t!(lang, "docs-ui-read"),
                        Message::DocsInventory,
                        ButtonKind::Primary,
                    ),
                ]
                .spacing(ctx.m.space()),
            ));
        }
        Stage::Reading { documents, .. } => {
            let count: usize = *documents;
            page = page.push(card(
                ctx,
                column![
                    ctx.text(t!(lang, "docs-ui-reading", path = d.folder.as_str())),
                    ctx.text(t!(lang, "docs-inv-progress", count = count)),
                    ring.button(
                        ctx,
                        "cross",
                        t!(lang, "ui-cancel"),
                        Message::DocsCancel,
                        ButtonKind::Secondary,
                    ),
                ]
                .spacing(ctx.m.space()),
            ));
        }
        Stage::Inventoried { found } => {
            page = page.push(folder_line(d, ctx, ring));
            page = page.push(inventory_view(found, ctx, ring));
            page = page.push(preview_view(d, found, ctx, ring));
        }
        Stage::Converting {
            found, done, total, ..
        } => {
            let (done_n, total_n): (usize, usize) = (*done, *total);
            page = page.push(folder_line(d, ctx, ring));
            page = page.push(inventory_summary(found, ctx));
            page = page.push(step_title(ctx, 4, t!(lang, "docs-ui-step-convert")));
            page = page.push(card(
                ctx,
                column![
                    ctx.text(t!(
                        lang,
                        "docs-conv-progress",
                        done = done_n,
                        total = total_n
                    )),
                    progress_bar(0.0..=(*total).max(1) as f32, *done as f32)
                        .girth(ctx.m.space())
                        .length(Length::Fill),
                    ctx.small(t!(lang, "docs-ui-cancel-resumes")),
                    ring.button(
                        ctx,
                        "cross",
                        t!(lang, "ui-cancel"),
                        Message::DocsCancel,
                        ButtonKind::Secondary,
                    ),
                ]
                .spacing(ctx.m.space()),
            ));
        }
        Stage::Converted { found, report } => {
            page = page.push(folder_line(d, ctx, ring));
            page = page.push(inventory_summary(found, ctx));
            page = page.push(report_view(found, report, ctx, ring));
        }
    }
    page.into()
}

fn folder_line<'a>(d: &Documents, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    row![
        ctx.item("archive", ctx.pal.primary, d.folder.clone()),
        ring.button(
            ctx,
            "back",
            t!(ctx.lang, "docs-ui-other-folder"),
            Message::DocsRestart,
            ButtonKind::Secondary,
        )
    ]
    .spacing(ctx.m.space())
    .align_y(Alignment::Center)
    .wrap()
    .into()
}

fn inventory_summary<'a>(found: &Found, ctx: &Ctx) -> Element<'a, Message> {
    let lang = ctx.lang;
    let tt = &found.inventory.totals;
    if tt.documents == 0 {
        return card(ctx, ctx.text(t!(lang, "docs-inv-none")));
    }
    let templates: usize = tt.templates + tt.attached_templates;
    card(
        ctx,
        column![
            ctx.h3(t!(
                lang,
                "docs-inv-totals",
                documents = tt.documents,
                ready = tt.ready,
                check = tt.check,
                needs = tt.needs_work
            )),
            row![
                ctx.badge(
                    "check",
                    words::readiness(Readiness::Ready, lang),
                    ctx.pal.good
                ),
                ctx.small(tt.ready.to_string()),
                ctx.badge(
                    "eye",
                    words::readiness(Readiness::Check, lang),
                    ctx.pal.primary
                ),
                ctx.small(tt.check.to_string()),
                ctx.badge(
                    "tools",
                    words::readiness(Readiness::NeedsWork, lang),
                    ctx.pal.warn
                ),
                ctx.small(tt.needs_work.to_string()),
            ]
            .spacing(ctx.m.gap())
            .align_y(Alignment::Center)
            .wrap(),
            ctx.small(t!(
                lang,
                "docs-inv-details",
                macros = tt.with_macros,
                encrypted = tt.encrypted,
                damaged = tt.cannot_open,
                templates = templates,
                merges = tt.mail_merges
            )),
        ]
        .spacing(ctx.m.gap()),
    )
}

fn inventory_view<'a>(found: &'a Found, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let lang = ctx.lang;
    let inv = &found.inventory;
    let mut col = column![
        step_title(ctx, 2, t!(lang, "docs-ui-step-inventory")),
        inventory_summary(found, ctx)
    ]
    .spacing(ctx.m.space());
    // Fonts: what is used, and the free fonts of the same size to install.
    let mut fonts = column![ctx.h3(t!(lang, "docs-inv-fonts"))].spacing(ctx.m.gap());
    for f in inv.totals.fonts.iter().take(12) {
        let tone = match f.status {
            FontStatus::Installed | FontStatus::Replaced { .. } | FontStatus::Symbols => {
                ctx.pal.good
            }
            FontStatus::ToInstall { .. } | FontStatus::Missing => ctx.pal.primary,
            FontStatus::NoEquivalent => ctx.pal.warn,
        };
        fonts = fonts.push(ctx.item(
            "note",
            tone,
            t!(
                lang,
                "docs-inv-font-line",
                font = f.name.clone(),
                count = f.documents,
                status = words::font_status(&f.status, lang)
            ),
        ));
    }
    let mut to_install: Vec<&str> = inv
        .totals
        .fonts
        .iter()
        .filter_map(|f| match &f.status {
            FontStatus::ToInstall { entry, .. } => Some(entry.as_str()),
            _ => None,
        })
        .collect();
    to_install.dedup();
    let mut buttons = row![].spacing(ctx.m.gap());
    let mut seen = Vec::new();
    for s in SUBSTITUTES {
        if to_install.contains(&s.entry) && !seen.contains(&s.entry) {
            seen.push(s.entry);
            buttons = buttons.push(ring.button(
                ctx,
                "download",
                t!(lang, "docs-ui-install-font", font = s.free),
                Message::InstallPlan(s.entry.to_owned()),
                ButtonKind::Secondary,
            ));
        }
    }
    if !inv.totals.fonts.is_empty() {
        fonts = fonts.push(buttons.wrap().vertical_spacing(ctx.m.gap()));
        col = col.push(card(ctx, fonts));
    }
    // The files that need a person, most serious first.
    let attention = needing_attention(inv);
    if !attention.is_empty() {
        let mut list = column![ctx.h3(t!(lang, "docs-inv-attention"))].spacing(ctx.m.gap());
        for f in attention.iter().take(SHOWN_FILES) {
            let (icon, tone) = match f.readiness {
                Readiness::NeedsWork => ("tools", ctx.pal.warn),
                _ => ("eye", ctx.pal.primary),
            };
            let mut entry = column![ctx.item(
                icon,
                tone,
                format!(
                    "{} — {}",
                    f.path.display(),
                    words::readiness(f.readiness, lang)
                )
            )]
            .spacing(2.0);
            for x in f.findings.iter().take(4) {
                entry = entry.push(ctx.small(format!("    • {}", words::finding(x, lang))));
            }
            list = list.push(entry);
        }
        if attention.len() > SHOWN_FILES {
            let more: usize = attention.len() - SHOWN_FILES;
            list = list.push(ctx.small(t!(lang, "docs-checklist-more", count = more)));
        }
        list = list.push(ring.button(
            ctx,
            "document",
            t!(lang, "docs-ui-save-checklist"),
            Message::DocsSaveChecklist,
            ButtonKind::Secondary,
        ));
        col = col.push(card(ctx, list));
    }
    col.into()
}

fn target_button<'a>(d: &Documents, ctx: &Ctx, ring: &Ring, t: Target) -> Element<'a, Message> {
    ring.button(
        ctx,
        if t == Target::Pdf { "pdf" } else { "document" },
        words::target(t, ctx.lang),
        Message::DocsTarget(t),
        if d.target == t {
            ButtonKind::Selected
        } else {
            ButtonKind::Secondary
        },
    )
}

fn preview_view<'a>(
    d: &'a Documents,
    found: &Found,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut col =
        column![step_title(ctx, 3, t!(lang, "docs-ui-step-preview"))].spacing(ctx.m.space());
    let targets = row![
        target_button(d, ctx, ring, Target::Odf),
        target_button(d, ctx, ring, Target::Ooxml),
        target_button(d, ctx, ring, Target::Pdf),
    ]
    .spacing(ctx.m.gap())
    .wrap()
    .vertical_spacing(ctx.m.gap());
    let mut inner = column![
        ctx.text(t!(lang, "docs-ui-format")),
        targets,
        field(
            ctx,
            ring,
            OUT_ID,
            t!(lang, "docs-ui-out"),
            &d.out,
            Message::DocsOutChanged,
            None,
        ),
    ]
    .spacing(ctx.m.space());
    if let Some(p) = &d.preview {
        inner = inner.push(ctx.h3(t!(
            lang,
            "docs-conv-plan",
            convert = p.jobs.len(),
            skip = p.skipped.len()
        )));
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for s in &p.skipped {
            let w = match &s.why {
                convert::SkipWhy::AlreadyConverted { .. } => t!(lang, "docs-ui-already-done"),
                other => words::skip_why(other, lang),
            };
            match reasons.iter_mut().find(|(r, _)| *r == w) {
                Some((_, n)) => *n += 1,
                None => reasons.push((w, 1)),
            }
        }
        for (why, n) in reasons {
            inner = inner.push(ctx.small(format!("• {why} : {n}")));
        }
    }
    if let Err(e) = convert::check_folders(Path::new(d.folder.trim()), Path::new(d.out.trim())) {
        inner = inner.push(ctx.item("info", ctx.pal.warn, e.message(lang)));
    } else if found.office.is_none() {
        inner = inner.push(ctx.item("info", ctx.pal.warn, t!(lang, "docs-ui-no-libreoffice")));
        inner = inner.push(ring.button(
            ctx,
            "download",
            t!(lang, "ui-install-button", name = "LibreOffice"),
            Message::InstallPlan("libreoffice".into()),
            ButtonKind::Primary,
        ));
    } else if d.preview.as_ref().is_some_and(|p| !p.jobs.is_empty()) {
        inner = inner.push(ring.button(
            ctx,
            "arrow-right",
            t!(lang, "docs-ui-convert"),
            Message::DocsConvert,
            ButtonKind::Primary,
        ));
    }
    col = col.push(card(ctx, inner));
    col.into()
}

fn report_view<'a>(
    found: &'a Found,
    report: &'a Report,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let good = report.failed.is_empty() && !report.cancelled;
    let tone = if good { ctx.pal.good } else { ctx.pal.warn };
    let seconds = format!("{:.0}", report.seconds.round());
    let mut col = column![
        step_title(ctx, 5, t!(lang, "docs-ui-step-report")),
        container(ctx.item(
            if good { "check" } else { "info" },
            tone,
            t!(
                lang,
                "docs-conv-summary",
                converted = report.converted.len(),
                failed = report.failed.len(),
                skipped = report.skipped.len(),
                seconds = seconds,
                runs = report.soffice_runs
            )
        ))
        .padding(ctx.m.pad())
        .width(Length::Fill)
        .style(style::notice(ctx.pal, tone)),
        ctx.item("shield", ctx.pal.good, t!(lang, "docs-conv-originals")),
    ]
    .spacing(ctx.m.space());
    if report.cancelled {
        col = col.push(ctx.text(t!(lang, "docs-conv-cancelled")));
    }
    if !report.failed.is_empty() {
        let mut list = column![ctx.h3(t!(lang, "docs-conv-failed"))].spacing(ctx.m.gap());
        for f in report.failed.iter().take(SHOWN_FILES) {
            list = list.push(ctx.small(format!(
                "• {} — {}",
                f.source.display(),
                words::fail_reason(&f.reason, lang)
            )));
        }
        col = col.push(card(ctx, list));
    }
    let mut actions = row![
        ring.button(
            ctx,
            "external",
            t!(lang, "docs-ui-open-out"),
            Message::DocsOpenOut,
            ButtonKind::Primary,
        ),
        ring.button(
            ctx,
            "document",
            t!(lang, "docs-ui-save-checklist"),
            Message::DocsSaveChecklist,
            ButtonKind::Secondary,
        ),
    ]
    .spacing(ctx.m.gap());
    if report.cancelled {
        actions = actions.push(ring.button(
            ctx,
            "arrow-right",
            t!(lang, "docs-ui-resume"),
            Message::DocsConvert,
            ButtonKind::Secondary,
        ));
    }
    col = col.push(actions.wrap().vertical_spacing(ctx.m.gap()));
    // LibreOffice's default save format.
    let current = found
        .format
        .as_ref()
        .map(|c| words::current_format(c, lang))
        .unwrap_or_default();
    col = col.push(card(
        ctx,
        column![
            ctx.h3(t!(lang, "docs-ui-default-format")),
            ctx.text(t!(lang, "docs-checklist-format", format = current)),
            ctx.small(t!(lang, "docs-ui-default-format-help")),
            row![
                ring.button(
                    ctx,
                    "document",
                    t!(lang, "docs-ui-save-as-odf"),
                    Message::DocsSetFormat(DefaultFormat::Odf),
                    ButtonKind::Secondary,
                ),
                ring.button(
                    ctx,
                    "document",
                    t!(lang, "docs-ui-save-as-ooxml"),
                    Message::DocsSetFormat(DefaultFormat::Ooxml),
                    ButtonKind::Secondary,
                ),
            ]
            .spacing(ctx.m.gap())
            .wrap()
            .vertical_spacing(ctx.m.gap()),
        ]
        .spacing(ctx.m.gap()),
    ));
    // What to check by hand.
    col = col.push(card(
        ctx,
        column![
            ctx.h3(t!(lang, "docs-checklist-by-hand")),
            ctx.item("eye", ctx.pal.primary, t!(lang, "docs-checklist-hand-1")),
            ctx.item("eye", ctx.pal.primary, t!(lang, "docs-checklist-hand-2")),
            ctx.item("eye", ctx.pal.primary, t!(lang, "docs-checklist-hand-3")),
            ctx.item("eye", ctx.pal.primary, t!(lang, "docs-checklist-hand-4")),
        ]
        .spacing(ctx.m.gap()),
    ));
    col = col.push(ring.button(
        ctx,
        "home",
        t!(lang, "ui-home"),
        Message::Open(Route::Home),
        ButtonKind::Secondary,
    ));
    col.into()
}
