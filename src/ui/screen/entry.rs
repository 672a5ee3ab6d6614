//! One catalogue entry. A proprietary product: what it is, why consider leaving it, its
//! alternatives ranked with what carries over. A free one: what it is, its licence, how
//! to get it on each platform, QR codes for the phone, what it replaces.

use crate::catalog::model::{ConcernKind, Free, Proprietary};
use crate::catalog::{Catalog, Entry};
use crate::t;
use crate::ui::style::{self, ButtonKind};
use crate::ui::widgets::{Ctx, Ring};
use crate::ui::{Message, Route};
use iced::widget::{column, container, qr_code, row};
use iced::{Alignment, Element, Length};

/// A QR code shown on a free entry's page, with what it opens.
#[derive(Debug)]
pub struct Qr {
    /// What scanning it gives ("F-Droid", "App Store", "the service").
    pub label: String,
    pub url: String,
    pub data: qr_code::Data,
}

/// The addresses worth scanning with a phone for a free entry: its phone apps and, for a
/// web service, its address. Only https addresses built from validated catalogue data.
pub fn phone_links(f: &Free) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(id) = &f.install.fdroid {
        out.push(("F-Droid", format!("https://f-droid.org/packages/{id}/")));
    }
    if let Some(id) = &f.install.play_store {
        out.push((
            "Google Play",
            format!("https://play.google.com/store/apps/details?id={id}"),
        ));
    }
    if let Some(u) = &f.install.app_store {
        out.push(("App Store", u.clone()));
    }
    if let Some(u) = &f.install.web {
        out.push(("Web", u.clone()));
    } else if let Some(u) = f.service.as_ref().and_then(|s| s.signup.clone()) {
        out.push(("Web", u));
    }
    out.retain(|(_, u)| u.starts_with("https://"));
    out
}

/// The QR codes of an entry's page (none for proprietary entries).
pub fn qr_codes(cat: &Catalog, id: &str) -> Vec<Qr> {
    let Some(f) = cat.free(id) else {
        return Vec::new();
    };
    phone_links(f)
        .into_iter()
        .filter_map(|(label, url)| {
            let data = qr_code::Data::new(url.as_bytes()).ok()?;
            Some(Qr {
                label: label.to_owned(),
                url,
                data,
            })
        })
        .collect()
}

pub fn view<'a>(
    cat: &'a Catalog,
    id: &str,
    qr: &'a [Qr],
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    match cat.get(id) {
        Some(Entry::Proprietary(p)) => proprietary(cat, p, ctx, ring),
        Some(Entry::Free(f)) => free(cat, f, qr, ctx, ring),
        None => ctx.text(t!(ctx.lang, "cli-show-unknown", id = id)).into(),
    }
}

fn concern_icon(k: ConcernKind) -> &'static str {
    match k {
        ConcernKind::Tracking => "eye",
        ConcernKind::LockIn => "chain",
        ConcernKind::Cost => "money",
        ConcernKind::EndOfSupport => "clock",
        ConcernKind::AccountRequired => "user",
        ConcernKind::Jurisdiction => "flag",
        ConcernKind::ClosedSource => "code",
        ConcernKind::Security => "shield",
    }
}

fn concern_title(k: ConcernKind, lang: crate::catalog::model::Lang) -> String {
    match k {
        ConcernKind::Tracking => t!(lang, "concern-tracking"),
        ConcernKind::LockIn => t!(lang, "concern-lock-in"),
        ConcernKind::Cost => t!(lang, "concern-cost"),
        ConcernKind::EndOfSupport => t!(lang, "concern-end-of-support"),
        ConcernKind::AccountRequired => t!(lang, "concern-account-required"),
        ConcernKind::Jurisdiction => t!(lang, "concern-jurisdiction"),
        ConcernKind::ClosedSource => t!(lang, "concern-closed-source"),
        ConcernKind::Security => t!(lang, "concern-security"),
    }
}

/// "Free software · MPL-2.0", or "not free software" for an ethical service whose code
/// is not public.
pub fn freedom_badge<'a>(f: &Free, ctx: &Ctx) -> Element<'a, Message> {
    if f.is_free_software() {
        ctx.badge("leaf", t!(ctx.lang, "ui-free-software"), ctx.pal.good)
    } else {
        ctx.badge("shield", t!(ctx.lang, "ui-ethical-not-free"), ctx.pal.warn)
    }
}

fn proprietary<'a>(
    cat: &'a Catalog,
    p: &'a Proprietary,
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![
        row![
            ctx.h1(p.name.get(lang).to_owned()),
            ctx.badge(
                "lock",
                super::proprietary_kind_text(p.kind, lang),
                ctx.pal.bad
            )
        ]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(ctx.m.gap()),
        ctx.small(t!(
            lang,
            "ui-vendor-platforms",
            vendor = p.vendor.as_str(),
            platforms = super::platforms_text(&p.platforms, lang)
        )),
        ctx.text(p.summary.get(lang).to_owned()),
    ]
    .spacing(ctx.m.space());

    if let Some(date) = p.end_of_support {
        page = page.push(
            container(ctx.item(
                "clock",
                ctx.pal.warn,
                t!(lang, "ui-end-of-support", date = date.to_string()),
            ))
            .padding(ctx.m.pad())
            .style(style::notice(ctx.pal, ctx.pal.warn)),
        );
    }

    if !p.concerns.is_empty() {
        let mut list = column![].spacing(ctx.m.space());
        for c in &p.concerns {
            list = list.push(
                row![
                    ctx.icon_sized(concern_icon(c.kind), ctx.m.h3(), ctx.pal.bad),
                    column![
                        ctx.h3(concern_title(c.kind, lang)),
                        ctx.text(c.text().get(lang).to_owned())
                    ]
                    .spacing(ctx.m.gap() / 2.0)
                    .width(Length::Fill)
                ]
                .spacing(ctx.m.gap())
                .align_y(Alignment::Start),
            );
        }
        page = page.push(ctx.section("info", t!(lang, "ui-why-leave")));
        page = page.push(list);
    }

    let alts = cat.alternatives(&p.id);
    page = page.push(ctx.section(
        "leaf",
        t!(lang, "ui-alternatives-ranked", count = alts.len()),
    ));
    for (n, r) in alts.iter().enumerate() {
        let Some(f) = cat.free(&r.free) else { continue };
        let mut card = column![
            row![
                ctx.h2(format!("{}. {}", n + 1, f.name.get(lang)))
                    .width(Length::Fill),
            ]
            .align_y(Alignment::Center),
            row![
                ctx.badge("check", super::fit_text(r.fit, lang), ctx.pal.primary),
                ctx.badge(
                    "star",
                    super::difficulty_text(f.difficulty, lang),
                    ctx.pal.muted
                ),
                freedom_badge(f, ctx),
            ]
            .spacing(ctx.m.gap())
            .wrap()
            .vertical_spacing(ctx.m.gap()),
            ctx.small(t!(
                lang,
                "ui-on-platforms",
                platforms = super::platforms_text(&r.platforms, lang)
            )),
            ctx.text(r.summary.get(lang).to_owned()),
        ]
        .spacing(ctx.m.gap());
        if !r.components.is_empty() {
            let parts: Vec<String> = r
                .components
                .iter()
                .map(|c| format!("{} → {}", c.from.get(lang), c.to.get(lang)))
                .collect();
            card = card.push(ctx.item("arrow-right", ctx.pal.primary, parts.join(" · ")));
        }
        if !r.carries_over.is_empty() {
            card = card.push(ctx.h3(t!(lang, "ui-carries-over")));
            for c in &r.carries_over {
                card = card.push(ctx.item("check", ctx.pal.good, c.get(lang).to_owned()));
            }
        }
        if !r.left_behind.is_empty() {
            card = card.push(ctx.h3(t!(lang, "ui-left-behind")));
            for c in &r.left_behind {
                card = card.push(ctx.item("cross", ctx.pal.bad, c.get(lang).to_owned()));
            }
        }
        card = card.push(ring.button(
            ctx,
            "arrow-right",
            t!(lang, "ui-see-alternative", name = f.name.get(lang)),
            Message::Open(Route::Entry(f.id.clone())),
            ButtonKind::Primary,
        ));
        page = page.push(
            container(card)
                .padding(ctx.m.space())
                .width(Length::Fill)
                .style(style::card(ctx.pal)),
        );
    }

    if let Some(g) = guides_section(cat, &p.id, ctx, ring) {
        page = page.push(g);
    }
    let parts = cat.parts(&p.id);
    if !parts.is_empty() {
        let mut r = row![].spacing(ctx.m.gap());
        for part in parts {
            r = r.push(ring.button(
                ctx,
                "arrow-right",
                part.name.get(lang).to_owned(),
                Message::Open(Route::Entry(part.id.clone())),
                ButtonKind::Secondary,
            ));
        }
        page = page.push(ctx.section("list", t!(lang, "ui-parts")));
        page = page.push(r.wrap().vertical_spacing(ctx.m.gap()));
    }
    if let Some(parent) = p.part_of.as_deref().and_then(|id| cat.proprietary(id)) {
        page = page.push(ring.button(
            ctx,
            "arrow-right",
            t!(lang, "ui-part-of", name = parent.name.get(lang)),
            Message::Open(Route::Entry(parent.id.clone())),
            ButtonKind::Secondary,
        ));
    }
    page.into()
}

fn free<'a>(
    cat: &'a Catalog,
    f: &'a Free,
    qr: &'a [Qr],
    ctx: &Ctx,
    ring: &Ring,
) -> Element<'a, Message> {
    let lang = ctx.lang;
    let mut page = column![
        row![
            ctx.h1(f.name.get(lang).to_owned()),
            freedom_badge(f, ctx),
            ctx.badge(
                "star",
                super::difficulty_text(f.difficulty, lang),
                ctx.pal.muted
            ),
        ]
        .spacing(ctx.m.space())
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(ctx.m.gap()),
        ctx.h3(f.summary.get(lang).to_owned()),
        ctx.text(f.description.get(lang).to_owned()),
        ctx.small(t!(
            lang,
            "ui-license-platforms",
            license = f.license.as_str(),
            platforms = super::platforms_text(&f.platforms, lang)
        )),
    ]
    .spacing(ctx.m.space());

    if !f.is_free_software() {
        page = page.push(
            container(ctx.item("shield", ctx.pal.warn, t!(lang, "cli-not-free-software")))
                .padding(ctx.m.pad())
                .style(style::notice(ctx.pal, ctx.pal.warn)),
        );
    }

    // Service: who runs it, what it costs, what to know.
    if let Some(s) = &f.service {
        let mut block = column![ctx.item(
            "people",
            ctx.pal.primary,
            t!(
                lang,
                "cli-service-provider",
                provider = s.provider.as_str(),
                kind = crate::words::provider_kind(s.provider_kind, lang),
                country = s.country.as_deref().unwrap_or("—")
            )
        )]
        .spacing(ctx.m.gap());
        let mut cost = crate::words::cost(s.cost, lang);
        if let Some(d) = &s.cost_details {
            cost = format!("{cost} — {}", d.get(lang));
        }
        block = block.push(ctx.item("money", ctx.pal.primary, cost));
        if s.chatons {
            block = block.push(ctx.item("check", ctx.pal.good, t!(lang, "cli-service-chatons")));
        }
        if let Some(b) = &s.before_signup {
            block = block.push(ctx.item("info", ctx.pal.warn, b.get(lang).to_owned()));
        }
        if let Some(u) = &s.signup {
            block = block.push(ring.button(
                ctx,
                "external",
                t!(lang, "ui-signup"),
                Message::OpenLink(u.clone()),
                ButtonKind::Primary,
            ));
        }
        page = page.push(ctx.section("people", t!(lang, "ui-service")));
        page = page.push(
            container(block)
                .padding(ctx.m.space())
                .width(Length::Fill)
                .style(style::card(ctx.pal)),
        );
    }

    // How to get it, per platform.
    page = page.push(ctx.section("download", t!(lang, "ui-how-to-get")));
    if f.platforms.iter().any(|p| {
        matches!(
            p,
            crate::catalog::model::Platform::Windows
                | crate::catalog::model::Platform::Macos
                | crate::catalog::model::Platform::Linux
        )
    }) {
        page = page.push(ring.button(
            ctx,
            "download",
            t!(lang, "ui-install-button", name = f.name.get(lang)),
            Message::InstallPlan(f.id.clone()),
            ButtonKind::Primary,
        ));
    }
    if f.id == "libreoffice" {
        page = page.push(ring.button(
            ctx,
            "document",
            t!(lang, "docs-ui-title"),
            Message::Open(crate::ui::Route::Documents),
            ButtonKind::Secondary,
        ));
    }
    let i = &f.install;
    let mut lines: Vec<Element<'a, Message>> = Vec::new();
    let mut line = |icon: &str, s: String| lines.push(ctx.item(icon, ctx.pal.primary, s));
    let winget = match lang {
        crate::catalog::model::Lang::Fr => i.winget_fr.as_ref().or(i.winget.as_ref()),
        crate::catalog::model::Lang::En => i.winget.as_ref(),
    };
    if let Some(id) = winget {
        line("computer", t!(lang, "ui-get-winget", id = id.as_str()));
    }
    if let Some(id) = &i.flathub {
        line("computer", t!(lang, "ui-get-flathub", id = id.as_str()));
    }
    if let Some(id) = &i.debian {
        line("computer", t!(lang, "ui-get-debian", id = id.as_str()));
    }
    if let Some(id) = &i.homebrew_cask {
        line("computer", t!(lang, "ui-get-homebrew", id = id.as_str()));
    }
    if let Some(id) = &i.fdroid {
        line("phone", t!(lang, "ui-get-fdroid", id = id.as_str()));
    }
    if let Some(id) = &i.play_store {
        line("phone", t!(lang, "ui-get-play", id = id.as_str()));
    }
    if i.app_store.is_some() {
        line("phone", t!(lang, "ui-get-app-store"));
    }
    page = page.push(column(lines).spacing(ctx.m.gap()));
    let mut links = row![].spacing(ctx.m.gap());
    if let Some(u) = &i.web {
        links = links.push(ring.button(
            ctx,
            "external",
            t!(lang, "ui-open-service"),
            Message::OpenLink(u.clone()),
            ButtonKind::Primary,
        ));
    }
    if let Some(u) = &i.download_page {
        links = links.push(ring.button(
            ctx,
            "download",
            t!(lang, "ui-download-page"),
            Message::OpenLink(u.clone()),
            ButtonKind::Primary,
        ));
    }
    if let Some(id) = &i.flathub {
        links = links.push(ring.button(
            ctx,
            "external",
            "Flathub".to_owned(),
            Message::OpenLink(format!("https://flathub.org/apps/{id}")),
            ButtonKind::Secondary,
        ));
    }
    links = links.push(ring.button(
        ctx,
        "globe",
        t!(lang, "ui-homepage"),
        Message::OpenLink(f.homepage.clone()),
        ButtonKind::Secondary,
    ));
    if let Some(u) = &f.source_code {
        links = links.push(ring.button(
            ctx,
            "code",
            t!(lang, "ui-source-code"),
            Message::OpenLink(u.clone()),
            ButtonKind::Secondary,
        ));
    }
    page = page.push(links.wrap().vertical_spacing(ctx.m.gap()));

    // QR codes for the phone.
    if !qr.is_empty() {
        page = page.push(ctx.section("qr", t!(lang, "ui-on-your-phone")));
        page = page.push(ctx.text(t!(lang, "ui-scan-hint")));
        let mut codes = row![].spacing(ctx.m.section());
        for q in qr {
            codes = codes.push(
                container(
                    column![
                        ctx.h3(q.label.clone()),
                        container(qr_code(&q.data).cell_size(ctx.m.qr_cell()))
                            .padding(ctx.m.gap())
                            .style(|_| iced::widget::container::Style {
                                background: Some(iced::Background::Color(iced::Color::WHITE)),
                                ..Default::default()
                            }),
                        ctx.small(q.url.clone()),
                        ring.button(
                            ctx,
                            "external",
                            t!(lang, "ui-open-link"),
                            Message::OpenLink(q.url.clone()),
                            ButtonKind::Secondary
                        ),
                    ]
                    .spacing(ctx.m.gap())
                    .align_x(Alignment::Center)
                    .max_width(ctx.m.tile_width() * 1.6),
                )
                .padding(ctx.m.space())
                .style(style::card(ctx.pal)),
            );
        }
        page = page.push(codes.wrap().vertical_spacing(ctx.m.space()));
    }

    // What it replaces.
    let replaces = cat.replaces(&f.id);
    if !replaces.is_empty() {
        page = page.push(ctx.section("arrow-right", t!(lang, "ui-replaces")));
        let mut r = row![].spacing(ctx.m.gap());
        for rep in replaces {
            if let Some(p) = cat.proprietary(&rep.proprietary) {
                r = r.push(ring.button(
                    ctx,
                    "lock",
                    p.name.get(lang).to_owned(),
                    Message::Open(Route::Entry(p.id.clone())),
                    ButtonKind::Secondary,
                ));
            }
        }
        page = page.push(r.wrap().vertical_spacing(ctx.m.gap()));
    }
    if let Some(g) = guides_section(cat, &f.id, ctx, ring) {
        page = page.push(g);
    }
    page.into()
}

/// The learning paths that involve an entry (directly, or through a replacement's guide),
/// as buttons that open them.
fn guides_section<'a>(
    cat: &'a Catalog,
    id: &str,
    ctx: &Ctx,
    ring: &Ring,
) -> Option<Element<'a, Message>> {
    let lang = ctx.lang;
    let mut ids: Vec<&str> = cat.guides_for(id).iter().map(|g| g.id.as_str()).collect();
    for r in cat.alternatives(id).into_iter().chain(cat.replaces(id)) {
        if let Some(g) = r.guide.as_deref()
            && cat.guide(g).is_some()
            && !ids.contains(&g)
        {
            ids.push(g);
        }
    }
    if ids.is_empty() {
        return None;
    }
    let mut r = row![].spacing(ctx.m.gap());
    for gid in ids {
        if let Some(g) = cat.guide(gid) {
            r = r.push(ring.button(
                ctx,
                &g.pictogram,
                g.title.get(lang).to_owned(),
                Message::GuideOpen(g.id.clone()),
                ButtonKind::Secondary,
            ));
        }
    }
    Some(
        column![
            ctx.section("flag", t!(lang, "ui-guides-for-entry")),
            r.wrap().vertical_spacing(ctx.m.gap())
        ]
        .spacing(ctx.m.space())
        .into(),
    )
}
