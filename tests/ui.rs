//! The window, driven like a person would: iced_test simulations of real paths, and a
//! snapshot of each main screen (tests/snapshots/*.png, software renderer).
//!
//! A snapshot that does not exist yet is written by the first run; after that any pixel
//! change fails the test. To accept an intended change, delete the PNG and run again,
//! then look at the new picture before committing it.

mod common;

use iced::{Settings, Size};
use iced_test::selector::id;
use iced_test::{Error, Simulator};
use kitlibre::catalog::load_embedded;
use kitlibre::catalog::model::Lang;
use kitlibre::settings::{FontChoice, Paths, Placement, Settings as KitSettings, ThemeChoice};
use kitlibre::ui::style;
use kitlibre::ui::{App, Base, KeyAction, LoadedCatalog, Message, Route, SEARCH_ID};
use std::sync::{Arc, LazyLock};

/// The real catalogue, for interactions.
static DATA: LazyLock<Arc<LoadedCatalog>> =
    LazyLock::new(|| Arc::new(LoadedCatalog::from_loaded(load_embedded())));

/// A frozen excerpt of it, for snapshots (see tests/fixtures/ui-catalog/README.md).
static FROZEN: LazyLock<Arc<LoadedCatalog>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui-catalog");
    Arc::new(LoadedCatalog::from_loaded(
        kitlibre::catalog::load_dir(&dir).expect("frozen catalogue"),
    ))
});

const SIZE: Size = Size::new(1200.0, 820.0);

/// A window on the embedded catalogue, writing its settings in a temporary directory.
struct Window {
    app: App,
    _dir: tempfile::TempDir,
}

fn window(lang: Lang, scale: u16, theme: ThemeChoice) -> Window {
    window_on(DATA.clone(), lang, scale, theme)
}

/// A window on the frozen excerpt, for snapshots.
fn frozen(lang: Lang, scale: u16, theme: ThemeChoice) -> Window {
    window_on(FROZEN.clone(), lang, scale, theme)
}

fn window_on(data: Arc<LoadedCatalog>, lang: Lang, scale: u16, theme: ThemeChoice) -> Window {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = Base {
        settings: KitSettings {
            lang: Some(lang),
            text_scale: scale,
            theme,
            font: FontChoice::Legible,
        },
        paths: Paths::under(dir.path(), Placement::Environment),
        lang_override: None,
        first_frame: kitlibre::ui::FirstFrame::Ignore,
        first_frame_seen: false,
        public: false,
        workshop: false,
        workshop_path: None,
    };
    Window {
        app: App::ready(base, data),
        _dir: dir,
    }
}

fn settings() -> Settings {
    Settings {
        fonts: style::font_files().into_iter().map(Into::into).collect(),
        default_font: style::fonts(FontChoice::Legible).0,
        ..Settings::default()
    }
}

fn sim(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(settings(), SIZE, app.view())
}

/// Sends the messages a simulation produced to the application, as the runtime would.
fn apply(app: &mut App, messages: impl IntoIterator<Item = Message>) {
    for m in messages {
        let _ = app.update(m);
    }
}

fn route(app: &App) -> Route {
    match app {
        App::Ready(r) => r.route.clone(),
        _ => panic!("the window is not ready"),
    }
}

fn snapshot(app: &App, theme: ThemeChoice, name: &str) -> Result<(), Error> {
    let mut ui = sim(app);
    let theme = style::Pal::of(theme).theme(theme);
    let snap = ui.snapshot(&theme)?;
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    assert!(
        snap.matches_image(&path)?,
        "{name}: the screen changed; look at the difference, delete the PNG to accept it"
    );
    Ok(())
}

#[test]
fn type_photoshop_open_gimp_then_switch_to_english() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);

    // Type in the search field.
    let mut ui = sim(&w.app);
    ui.click(id(SEARCH_ID))?;
    let _ = ui.typewrite("photoshop");
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, Message::SearchChanged(q) if q == "photoshop"))
    );
    apply(&mut w.app, messages);

    // The product comes first, with its alternatives.
    let mut ui = sim(&w.app);
    ui.find("Adobe Photoshop")?;
    ui.find("Vous utilisez")?;
    ui.click("GIMP")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(route(&w.app), Route::Entry("gimp".into()));

    // GIMP's page, in French.
    let mut ui = sim(&w.app);
    ui.find("Comment l'obtenir")?;
    ui.find("Logiciel libre")?;
    ui.click("English")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);

    // The same page, in English.
    let mut ui = sim(&w.app);
    ui.find("How to get it")?;
    ui.find("Free software")?;
    assert!(ui.find("Comment l'obtenir").is_err());
    assert_eq!(w.app.base().lang(), Lang::En);

    // The choice was saved for next time.
    let saved = kitlibre::settings::load(&w.app.base().paths);
    let _ = saved; // saving runs as a task; the setting itself is in memory:
    assert_eq!(w.app.base().settings.lang, Some(Lang::En));
    Ok(())
}

#[test]
fn enter_in_the_search_field_opens_the_first_result_and_esc_goes_back() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::SearchChanged("excell".into()));
    let mut ui = sim(&w.app);
    ui.find("Microsoft Excel")?;
    drop(ui);
    let _ = w.app.update(Message::SearchSubmitted);
    assert_eq!(route(&w.app), Route::Entry("microsoft-excel".into()));
    let _ = w.app.update(Message::Key(KeyAction::Back));
    assert_eq!(route(&w.app), Route::Home);
    // Esc on the home page clears the search.
    let _ = w.app.update(Message::Key(KeyAction::Back));
    let App::Ready(r) = &w.app else { panic!() };
    assert!(r.query.is_empty() && r.hits.is_empty());
    Ok(())
}

#[test]
fn the_keyboard_reaches_every_control_and_enter_activates_it() -> Result<(), Error> {
    let mut w = window(Lang::En, 100, ThemeChoice::Light);
    // Tab through the home page until the "Office" category tile has the focus.
    let mut reached = false;
    for _ in 0..40 {
        let _ = w.app.update(Message::Key(KeyAction::Next));
        let App::Ready(r) = &w.app else { panic!() };
        let ring = kitlibre::ui::widgets::Ring::new(r.focus);
        let _ = w.app.view_with(&ring);
        let items = ring.into_items();
        let focused = r.focus.and_then(|i| items.get(i).cloned());
        if let Some(kitlibre::ui::widgets::Focusable::Action(Message::Open(Route::Category(c)))) =
            focused
            && c == "office"
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the Office tile");
    let _ = w.app.update(Message::Key(KeyAction::Activate));
    assert_eq!(route(&w.app), Route::Category("office".into()));
    let mut ui = sim(&w.app);
    ui.find("Microsoft Word")?;
    drop(ui);

    // Shift+Tab from the start wraps around to the last control; arrows move too.
    let _ = w.app.update(Message::Key(KeyAction::Previous));
    let App::Ready(r) = &w.app else { panic!() };
    assert!(r.focus.is_some_and(|i| i > 10));
    let before = r.focus;
    let _ = w.app.update(Message::Key(KeyAction::Next));
    let App::Ready(r) = &w.app else { panic!() };
    assert_eq!(r.focus, Some(0), "{before:?} wraps to the first");

    // Esc goes back home.
    let _ = w.app.update(Message::Key(KeyAction::Back));
    assert_eq!(route(&w.app), Route::Home);
    Ok(())
}

#[test]
fn text_size_and_high_contrast_are_one_step_away() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let mut ui = sim(&w.app);
    ui.click("Plus grand")?;
    ui.click("Contraste élevé")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(w.app.base().settings.text_scale, 110);
    assert_eq!(w.app.base().settings.theme, ThemeChoice::HighContrast);
    for _ in 0..20 {
        let _ = w.app.update(Message::Key(KeyAction::Bigger));
    }
    assert_eq!(w.app.base().settings.text_scale, 200);
    let _ = w.app.update(Message::Key(KeyAction::ResetSize));
    assert_eq!(w.app.base().settings.text_scale, 100);
    Ok(())
}

#[test]
fn settings_change_font_and_theme() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Settings));
    let mut ui = sim(&w.app);
    ui.find("Taille du texte")?;
    ui.click("OpenDyslexic, pour la dyslexie")?;
    ui.click("Sombre")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(w.app.base().settings.font, FontChoice::Dyslexic);
    assert_eq!(w.app.base().settings.theme, ThemeChoice::Dark);
    Ok(())
}

#[test]
fn a_phone_app_page_shows_qr_codes_for_the_phone() -> Result<(), Error> {
    let mut w = window(Lang::En, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Entry("signal".into())));
    let App::Ready(r) = &w.app else { panic!() };
    assert!(!r.qr.is_empty(), "Signal has phone apps");
    assert!(r.qr.iter().all(|q| q.url.starts_with("https://")));
    let mut ui = sim(&w.app);
    ui.find("On your phone")?;
    Ok(())
}

#[test]
fn snapshot_keyboard_focus_is_visible() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    // Tab past the top bar, the search field and "learn more", onto the first tile.
    for _ in 0..9 {
        let _ = w.app.update(Message::Key(KeyAction::Next));
    }
    snapshot(&w.app, ThemeChoice::Light, "home-fr-keyboard-focus")
}

#[test]
fn snapshot_home_french() -> Result<(), Error> {
    let w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    snapshot(&w.app, ThemeChoice::Light, "home-fr")
}

#[test]
fn snapshot_home_english_200_percent_high_contrast() -> Result<(), Error> {
    let w = frozen(Lang::En, 200, ThemeChoice::HighContrast);
    snapshot(
        &w.app,
        ThemeChoice::HighContrast,
        "home-en-200-high-contrast",
    )
}

#[test]
fn snapshot_search_results_french() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w
        .app
        .update(Message::SearchChanged("traitement de texte".into()));
    snapshot(&w.app, ThemeChoice::Light, "search-fr")
}

#[test]
fn snapshot_proprietary_page_french() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w
        .app
        .update(Message::Open(Route::Entry("microsoft-word".into())));
    snapshot(&w.app, ThemeChoice::Light, "proprietary-word-fr")
}

#[test]
fn snapshot_free_page_english_dark() -> Result<(), Error> {
    let mut w = frozen(Lang::En, 100, ThemeChoice::Dark);
    let _ = w.app.update(Message::Open(Route::Entry("signal".into())));
    snapshot(&w.app, ThemeChoice::Dark, "free-signal-en-dark")
}

#[test]
fn snapshot_category_french_150_percent() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 150, ThemeChoice::Light);
    let _ = w
        .app
        .update(Message::Open(Route::Category("messaging".into())));
    snapshot(&w.app, ThemeChoice::Light, "category-messaging-fr-150")
}

#[test]
fn snapshot_about_english() -> Result<(), Error> {
    let mut w = frozen(Lang::En, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::About));
    snapshot(&w.app, ThemeChoice::Light, "about-en")
}

#[test]
fn snapshot_settings_french_200_percent() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 200, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Settings));
    snapshot(&w.app, ThemeChoice::Light, "settings-fr-200")
}

fn press(
    key: iced::keyboard::Key,
    modifiers: iced::keyboard::Modifiers,
    text: Option<&str>,
) -> iced::keyboard::Event {
    use iced::keyboard::{Location, key};
    iced::keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: key::Physical::Unidentified(key::NativeCode::Unidentified),
        location: Location::Standard,
        modifiers,
        text: text.map(Into::into),
        repeat: false,
    }
}

#[test]
fn keys_map_to_the_documented_actions() {
    use iced::keyboard::{Key, Modifiers, key::Named};
    use kitlibre::ui::key_message;
    let action = |k: Key, m: Modifiers, t: Option<&str>| match key_message(press(k, m, t)) {
        Some(Message::Key(a)) => Some(a),
        _ => None,
    };
    assert_eq!(
        action(Key::Named(Named::Tab), Modifiers::empty(), None),
        Some(KeyAction::Next)
    );
    assert_eq!(
        action(Key::Named(Named::Tab), Modifiers::SHIFT, None),
        Some(KeyAction::Previous)
    );
    assert_eq!(
        action(Key::Named(Named::ArrowDown), Modifiers::empty(), None),
        Some(KeyAction::Next)
    );
    assert_eq!(
        action(Key::Named(Named::ArrowUp), Modifiers::empty(), None),
        Some(KeyAction::Previous)
    );
    assert_eq!(
        action(Key::Named(Named::Enter), Modifiers::empty(), None),
        Some(KeyAction::Activate)
    );
    assert_eq!(
        action(Key::Named(Named::Escape), Modifiers::empty(), None),
        Some(KeyAction::Back)
    );
    assert_eq!(
        action(Key::Character("+".into()), Modifiers::CTRL, Some("+")),
        Some(KeyAction::Bigger)
    );
    assert_eq!(
        action(Key::Character("-".into()), Modifiers::CTRL, Some("-")),
        Some(KeyAction::Smaller)
    );
    assert_eq!(
        action(Key::Character("0".into()), Modifiers::CTRL, Some("0")),
        Some(KeyAction::ResetSize)
    );
    // Letters typed outside the search field go to the search; Ctrl+letters do not.
    assert!(matches!(
        key_message(press(Key::Character("w".into()), Modifiers::empty(), Some("w"))),
        Some(Message::TypeAhead(t)) if t == "w"
    ));
    assert!(
        key_message(press(
            Key::Character("c".into()),
            Modifiers::CTRL,
            Some("c")
        ))
        .is_none()
    );
}

#[test]
fn typing_anywhere_goes_to_the_search() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Entry("gimp".into())));
    for c in ["g", "m", "a", "i", "l"] {
        let _ = w.app.update(Message::TypeAhead(c.into()));
    }
    assert_eq!(route(&w.app), Route::Home);
    let App::Ready(r) = &w.app else { panic!() };
    assert_eq!(r.query, "gmail");
    let mut ui = sim(&w.app);
    ui.find("Gmail")?;
    Ok(())
}

/// A scan report of the Windows agent fixture, matched against `data`'s catalogue.
fn agent_report(data: &LoadedCatalog) -> std::sync::Arc<kitlibre::detect::scan::ScanReport> {
    use kitlibre::detect::scan::{Inputs, build_report, jobs, run_jobs};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows/agent-office2019");
    let text = std::fs::read_to_string(dir.join("registry.json")).expect("registry.json");
    let inputs = Inputs {
        windows_snapshot: Some(
            kitlibre::detect::windows::RegistrySnapshot::from_json(&text).expect("snapshot"),
        ),
        ..Inputs::default()
    };
    let matcher = kitlibre::detect::matching::Matcher::new(&data.catalog);
    let started = std::time::Instant::now();
    let gathered = run_jobs(jobs(&inputs), std::time::Duration::from_secs(10));
    let mut os = kitlibre::cli_scan::unknown_os(kitlibre::detect::os::Family::Windows);
    os.long_version = Some("Windows 10 Pro".into());
    os.kernel = Some("19045".into());
    os.arch = Some("x86_64".into());
    os.memory_bytes = Some(4 * 1024 * 1024 * 1024);
    os.disk_total_bytes = Some(256 * 1024 * 1024 * 1024);
    os.disk_free_bytes = Some(120 * 1024 * 1024 * 1024);
    os.is_admin = Some(false);
    let mut report = build_report(
        &data.catalog,
        &matcher,
        os,
        gathered,
        Lang::Fr,
        kitlibre::catalog::model::Date {
            year: 2026,
            month: 11,
            day: 22,
        },
        started,
    );
    // Timings vary from run to run; snapshots must not.
    report.millis = 5.0;
    std::sync::Arc::new(report)
}

fn finish_scan(app: &mut App, report: std::sync::Arc<kitlibre::detect::scan::ScanReport>) {
    use kitlibre::ui::screen::computer::ScanEvent;
    let _ = app.update(Message::Scan(ScanEvent::Started { total: 4 }));
    let _ = app.update(Message::Scan(ScanEvent::SourceDone(
        kitlibre::detect::SourceKind::WindowsUninstall,
    )));
    let _ = app.update(Message::Scan(ScanEvent::Done(report)));
}

#[test]
fn my_computer_shows_what_is_used_and_what_could_replace_it() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let mut ui = sim(&w.app);
    ui.click("Mon ordinateur")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(route(&w.app), Route::Computer);
    let App::Ready(r) = &w.app else { panic!() };
    assert!(matches!(
        r.computer,
        kitlibre::ui::screen::computer::Computer::Scanning { .. }
    ));
    let mut ui = sim(&w.app);
    ui.find("Annuler")?;
    drop(ui);

    let report = agent_report(&DATA);
    finish_scan(&mut w.app, report);
    let mut ui = sim(&w.app);
    ui.find("Vous utilisez → vous pourriez utiliser")?;
    ui.find("Microsoft Office")?;
    ui.find("Google Chrome")?;
    ui.find("LibreOffice (déjà installé)")?;
    // Windows 10: the end of support is explained calmly.
    let App::Ready(r) = &w.app else { panic!() };
    let kitlibre::ui::screen::computer::Computer::Done { report, .. } = &r.computer else {
        panic!()
    };
    assert!(
        report
            .advice
            .iter()
            .any(|a| matches!(a, kitlibre::detect::os::Advice::WindowsEndOfSupport { .. }))
    );
    ui.find("Afficher la liste complète")?;
    drop(ui);
    // The full list on demand (the button is below the fold: its message is sent).
    let _ = w.app.update(Message::ScanToggleList);
    let mut ui = sim(&w.app);
    ui.find("Masquer la liste")?;
    // An alternative opens its page.
    ui.click("LibreOffice (déjà installé)")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(route(&w.app), Route::Entry("libreoffice".into()));
    Ok(())
}

#[test]
fn leaving_my_computer_cancels_the_scan() {
    let mut w = window(Lang::En, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Computer));
    let _ = w.app.update(Message::Open(Route::Home));
    let App::Ready(r) = &w.app else { panic!() };
    assert!(matches!(
        r.computer,
        kitlibre::ui::screen::computer::Computer::Idle
    ));
    let _ = w.app.update(Message::Open(Route::Computer));
    let _ = w.app.update(Message::ScanCancel);
    let App::Ready(r) = &w.app else { panic!() };
    assert!(matches!(
        r.computer,
        kitlibre::ui::screen::computer::Computer::Idle
    ));
}

#[test]
fn snapshot_my_computer_french() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Computer));
    let report = agent_report(&FROZEN);
    finish_scan(&mut w.app, report);
    snapshot(&w.app, ThemeChoice::Light, "computer-fr")
}

fn set_machine(app: &mut App, machine: kitlibre::install::Machine) {
    if let App::Ready(r) = app {
        r.machine = Some(machine);
    }
}

fn linux_with_flatpak() -> kitlibre::install::Machine {
    let mut m = kitlibre::install::Machine::bare(kitlibre::catalog::model::Platform::Linux, false);
    m.flatpak = Some("/usr/bin/flatpak".into());
    m
}

#[test]
fn install_button_shows_the_plan_then_progress_then_the_result() -> Result<(), Error> {
    use kitlibre::install::codes::Outcome;
    use kitlibre::install::plan::StepKind;
    use kitlibre::install::run::{Event, RunReport};
    use kitlibre::ui::screen::install::InstallEvent;
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    set_machine(&mut w.app, linux_with_flatpak());
    let _ = w.app.update(Message::Open(Route::Entry("gimp".into())));
    let mut ui = sim(&w.app);
    ui.click("Installer GIMP")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    assert_eq!(route(&w.app), Route::Install("gimp".into()));
    let mut ui = sim(&w.app);
    ui.find("Aucun mot de passe administrateur n'est nécessaire.")?;
    ui.find("2. Installer avec Flatpak")?;
    ui.find("Installer maintenant")?;
    drop(ui);
    // The run: started (its thread is not driven here), then events as they arrive.
    let _ = w.app.update(Message::InstallRun);
    for e in [
        Event::StepStarted {
            index: 1,
            kind: StepKind::FlatpakInstall,
        },
        Event::Output {
            line: "Installing 1/1 org.gimp.GIMP".into(),
        },
    ] {
        let _ = w.app.update(Message::InstallEvent(InstallEvent::Run(e)));
    }
    let mut ui = sim(&w.app);
    ui.find("Étape 2 sur 2 : Installer avec Flatpak")?;
    ui.find("Installing 1/1 org.gimp.GIMP")?;
    ui.find("Annuler")?;
    drop(ui);
    let report = RunReport {
        outcome: Outcome::Done,
        failed_step: None,
        exit_code: Some(0),
        output_tail: Vec::new(),
        verified: Some(true),
    };
    let _ = w
        .app
        .update(Message::InstallEvent(InstallEvent::Finished(Box::new(
            report,
        ))));
    let mut ui = sim(&w.app);
    ui.find("C'est installé.")?;
    ui.find("Vérification : GIMP est bien présent sur cet ordinateur.")?;
    Ok(())
}

#[test]
fn a_locked_down_pc_gets_a_guide_and_a_sheet_for_it() -> Result<(), Error> {
    let mut w = window(Lang::En, 100, ThemeChoice::Light);
    set_machine(
        &mut w.app,
        kitlibre::install::Machine::bare(kitlibre::catalog::model::Platform::Linux, false),
    );
    let _ = w.app.update(Message::InstallPlan("gimp".into()));
    let mut ui = sim(&w.app);
    ui.find("This computer does not allow installing this program without help. Here is what you can do, and a sheet for the IT department.")?;
    ui.click("Save the sheet for the IT department")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    apply(&mut w.app, messages);
    let sheet = w
        .app
        .base()
        .paths
        .data_dir
        .clone()
        .expect("data dir")
        .join("installation-request-gimp.txt");
    let text = std::fs::read_to_string(&sheet).expect("sheet written");
    assert!(text.contains("Installation request: GIMP"), "{text}");
    assert!(text.contains("sudo apt-get install -y gimp"), "{text}");
    let mut ui = sim(&w.app);
    ui.find(format!("Sheet for the IT department saved: {}", sheet.display()).as_str())?;
    Ok(())
}

#[test]
fn snapshot_install_plan_french() -> Result<(), Error> {
    let mut w = frozen(Lang::Fr, 100, ThemeChoice::Light);
    set_machine(&mut w.app, linux_with_flatpak());
    let _ = w.app.update(Message::InstallPlan("gimp".into()));
    snapshot(&w.app, ThemeChoice::Light, "install-plan-fr")
}

/// Saves a picture of the window when KITLIBRE_SCREENSHOTS names a folder (to look at the
/// screens by eye; nothing is compared).
fn look(app: &App, name: &str) -> Result<(), Error> {
    if let Some(dir) = std::env::var_os("KITLIBRE_SCREENSHOTS") {
        let mut ui = sim(app);
        let theme = style::Pal::of(ThemeChoice::Light).theme(ThemeChoice::Light);
        let snap = ui.snapshot(&theme)?;
        let path = std::path::Path::new(&dir).join(name);
        let _ = std::fs::remove_file(path.with_extension("png"));
        let _ = snap.matches_image(&path)?;
    }
    Ok(())
}

#[cfg(unix)]
#[test]
fn documents_assistant_inventory_preview_conversion_report_checklist() -> Result<(), Error> {
    use common::docs::*;
    use kitlibre::migrate::convert::{self, Target};
    use kitlibre::migrate::fonts::FontEnv;
    use kitlibre::migrate::soffice::Soffice;
    use kitlibre::ui::screen::documents::{DocsEvent, Found};
    use std::os::unix::fs::PermissionsExt;
    use std::sync::atomic::AtomicBool;

    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("Mairie");
    write_tree(
        &docs,
        &[
            ("Courriers/lettre.docx", minimal_docx(&[])),
            ("Courriers/fusion.docx", docx_with_template_and_merge()),
            ("Finances/budget.xlsm", xlsm_with_vba()),
            ("Finances/paie.xls", excel97(true, false, false)),
        ],
    );
    // A stand-in LibreOffice that writes a PDF for each file it is given.
    let office_path = tmp.path().join("soffice");
    std::fs::write(
        &office_path,
        "#!/bin/sh\nwhile [ $# -gt 0 ]; do case \"$1\" in --outdir) out=$2; shift;; -*) ;; *) [ -f \"$1\" ] && n=$(basename \"$1\") && printf '%%PDF-1.4' > \"$out/${n%.*}.pdf\";; esac; shift; done\n",
    )
    .expect("stand-in");
    std::fs::set_permissions(&office_path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let office = Soffice::at(office_path);

    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    // From the home page (below the fold: reached by scrolling or Tab).
    let mut ui = sim(&w.app);
    ui.find("Passer mes documents à LibreOffice")?;
    drop(ui);
    let _ = w.app.update(Message::Open(Route::Documents));
    assert_eq!(route(&w.app), Route::Documents);
    let _ = w
        .app
        .update(Message::DocsFolderChanged(docs.display().to_string()));
    look(&w.app, "documents-1-choose-fr")?;
    let mut ui = sim(&w.app);
    ui.find("Vos fichiers d'origine ne sont jamais modifiés, déplacés ni supprimés.")?;
    ui.click("Lire ce dossier")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.iter().any(|m| matches!(m, Message::DocsInventory)));
    apply(&mut w.app, messages);
    let mut ui = sim(&w.app);
    ui.find("Annuler")?;
    drop(ui);
    // The inventory thread's result, as it would arrive.
    let inventory = kitlibre::migrate::inventory::inventory(
        &docs,
        &[],
        &FontEnv::from_families(["Carlito"]),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("inventory");
    let found = Arc::new(Found {
        inventory,
        fonts: FontEnv::from_families(["Carlito"]),
        office: Some(office.clone()),
        format: Some(Default::default()),
    });
    let _ = w
        .app
        .update(Message::DocsEvent(DocsEvent::Inventoried(Ok(found))));
    look(&w.app, "documents-2-inventory-fr")?;
    let mut ui = sim(&w.app);
    ui.find("4 document(s) : 1 prêt(s), 0 à vérifier, 3 demandent du travail.")?;
    ui.find("Documents qui demandent de l'attention :")?;
    ui.find("    • Publipostage avec la source « C:\\Adresses\\habitants.xlsx » : à refaire avec l'assistant de LibreOffice.")?;
    ui.find("Étape 3 : ce que la conversion va faire")?;
    ui.find("3 fichier(s) à convertir, 1 laissé(s) de côté.")?;
    ui.find("PDF (lecture et impression)")?;
    ui.find("Convertir maintenant")?;
    drop(ui);
    // Below the fold (the simulator does not scroll): the buttons' messages.
    let _ = w.app.update(Message::DocsTarget(Target::Pdf));
    let _ = w.app.update(Message::DocsConvert);
    let mut ui = sim(&w.app);
    ui.find("0 sur 3")?;
    drop(ui);
    look(&w.app, "documents-3-converting-fr")?;
    // The conversion's result (the stand-in, run here).
    let out = docs.with_file_name("Mairie (LibreOffice)");
    let plan = match &w.app {
        App::Ready(r) => r.documents.preview.clone().expect("preview"),
        _ => unreachable!(),
    };
    assert_eq!(plan.target, Target::Pdf);
    assert_eq!(plan.out, out);
    // The window's own conversion thread runs too (its messages are not driven here):
    // this one writes elsewhere so the two do not meet.
    let mut plan = plan;
    plan.out = tmp.path().join("copie-du-test");
    let report = convert::run(
        &plan,
        &office,
        &convert::Options::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("run");
    assert_eq!(report.converted.len(), 3, "{report:#?}");
    let _ = w
        .app
        .update(Message::DocsEvent(DocsEvent::Converted(Ok(Arc::new(
            report,
        )))));
    look(&w.app, "documents-4-report-fr")?;
    let mut ui = sim(&w.app);
    ui.find("Étape 5 : résultat")?;
    ui.find("Les originaux n'ont pas été modifiés.")?;
    ui.find("Enregistrer la liste de vérification")?;
    drop(ui);
    let _ = w.app.update(Message::DocsSaveChecklist);
    let list = w
        .app
        .base()
        .paths
        .data_dir
        .clone()
        .expect("data dir")
        .join("liste-verification-libreoffice.txt");
    let text = std::fs::read_to_string(&list).expect("checklist written");
    assert!(text.contains("Macros à réécrire"), "{text}");
    assert!(text.contains("Finances/budget.xlsm"), "{text}");
    assert!(text.contains("Finances/paie.xls"), "{text}");
    assert!(text.contains("3 converti(s)"), "{text}");
    let mut ui = sim(&w.app);
    ui.find(format!("Liste de vérification enregistrée : {}", list.display()).as_str())?;
    Ok(())
}

fn ready(app: &App) -> &kitlibre::ui::Ready {
    match app {
        App::Ready(r) => r,
        _ => panic!("the window is not ready"),
    }
}

/// Facts of a machine where Thunderbird is installed (as the scan would find it).
fn facts_with(installed: &[&str]) -> Arc<kitlibre::guide::checks::Facts> {
    Arc::new(kitlibre::guide::checks::Facts {
        installed: installed.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    })
}

/// Clicks `label` and sends what the click produced to the application. The window is
/// tall (the simulator does not scroll; the real window does).
fn click(app: &mut App, label: &str) -> Result<(), Error> {
    let mut ui = Simulator::with_size(settings(), Size::new(1200.0, 3600.0), app.view());
    ui.click(label)?;
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(!messages.is_empty(), "clicking {label:?} did nothing");
    apply(app, messages);
    Ok(())
}

#[test]
fn a_path_is_played_card_by_card_with_checks_and_remembered() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    click(&mut w.app, "Voir les parcours")?;
    assert_eq!(route(&w.app), Route::Guides);
    let mut ui = sim(&w.app);
    ui.find("Parcours pas à pas")?;
    ui.find("9 étapes, pas encore commencé")?;
    drop(ui);
    look(&w.app, "guides-list-fr")?;
    click(&mut w.app, "Quitter Gmail pour une boîte mail éthique")?;
    assert_eq!(route(&w.app), Route::Guide("leave-gmail".into()));
    let g = DATA.catalog.guide("leave-gmail").expect("path").clone();
    let mut ui = sim(&w.app);
    ui.find("Étape 1 sur 9")?;
    ui.find(g.steps[0].title.fr.as_str())?;
    ui.find(g.steps[0].why.fr.as_str())?;
    ui.find("Pourquoi ?")?;
    drop(ui);
    look(&w.app, "guide-step-1-fr")?;

    // Next ticks the card and shows the next one; Previous goes back.
    click(&mut w.app, "Étape suivante")?;
    let mut ui = sim(&w.app);
    ui.find("Étape 2 sur 9")?;
    ui.find(g.steps[1].title.fr.as_str())?;
    ui.find("1 étape(s) faite(s) sur 9")?;
    drop(ui);
    click(&mut w.app, "Précédent")?;
    sim(&w.app).find("Étape 1 sur 9")?;
    // Unticking by hand.
    click(&mut w.app, "Fait")?;
    sim(&w.app).find("0 étape(s) faite(s) sur 9")?;

    // The step with a check: the kit says what it saw, and ticks it by itself.
    let checked = g
        .steps
        .iter()
        .position(|s| s.check.is_some())
        .expect("a checked step");
    let _ = w
        .app
        .update(Message::GuideFacts(facts_with(&["thunderbird"])));
    assert!(
        ready(&w.app)
            .guides
            .progress
            .of("leave-gmail")
            .done
            .contains(&checked),
        "the verified step is ticked"
    );
    for _ in 0..checked {
        click(&mut w.app, "Étape suivante")?;
    }
    let mut ui = sim(&w.app);
    ui.find(format!("Étape {} sur 9", checked + 1).as_str())?;
    ui.find("Thunderbird est installé sur cet ordinateur.")?;
    ui.find("Vérifier à nouveau")?;
    drop(ui);
    look(&w.app, "guide-step-checked-fr")?;
    // Not installed: said so, and Next does not tick it.
    let _ = w.app.update(Message::GuideFacts(facts_with(&[])));
    sim(&w.app).find("Thunderbird n'est pas encore installé sur cet ordinateur.")?;

    // To the end: what changes, and the handouts.
    for _ in checked..9 {
        let _ = w.app.update(Message::GuideNext);
    }
    let mut ui = sim(&w.app);
    ui.find("Fin du parcours")?;
    ui.find("Bravo, vous êtes arrivé au bout !")?;
    ui.find("Ce qui change")?;
    ui.find(g.changes[0].fr.as_str())?;
    drop(ui);
    look(&w.app, "guide-end-fr")?;
    click(&mut w.app, "Fiche à imprimer (PDF)")?;
    let (data_dir, note) = {
        let r = ready(&w.app);
        (
            r.base.paths.data_dir.clone().expect("data"),
            r.guides.note.clone(),
        )
    };
    let pdf = data_dir.join("fiche-leave-gmail.pdf");
    assert!(
        matches!(note, Some((true, _, Some(ref p))) if *p == pdf),
        "{note:?}"
    );
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    sim(&w.app).find("Ouvrir la fiche")?;

    // The progress is kept: a new window opens the path where it was left.
    let progress = kitlibre::guide::progress::Store::for_paths(&ready(&w.app).base.paths).load();
    let kept = progress.of("leave-gmail");
    assert_eq!(kept.current, 9);
    assert!(
        !kept.done.contains(&checked),
        "a step the kit saw undone stays unticked"
    );
    assert_eq!(kept.done.len(), 8);
    Ok(())
}

#[test]
fn a_path_in_english_from_a_program_page() -> Result<(), Error> {
    let mut w = window(Lang::En, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Entry("whatsapp".into())));
    let mut ui = sim(&w.app);
    ui.find("Step-by-step paths")?;
    drop(ui);
    click(&mut w.app, "Replace WhatsApp with Signal with your family")?;
    assert_eq!(route(&w.app), Route::Guide("whatsapp-to-signal".into()));
    let mut ui = sim(&w.app);
    ui.find("Step 1 of 9")?;
    ui.find("Why?")?;
    ui.find("Next step")?;
    drop(ui);
    look(&w.app, "guide-step-1-en")?;
    Ok(())
}

#[test]
fn workshop_mode_is_large_high_contrast_and_resets_between_participants() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Guides));
    click(&mut w.app, "Mode atelier")?;
    assert!(ready(&w.app).base.workshop);
    let ctx = ready(&w.app).base.ctx();
    assert!(ctx.m.scale >= 1.6, "presentation text is large");
    assert_eq!(ctx.pal, style::Pal::of(ThemeChoice::HighContrast));
    let mut ui = sim(&w.app);
    ui.find("Choisissez le parcours de l'atelier.")?;
    ui.find("Participant suivant")?;
    ui.find("Quitter l'atelier")?;
    // No clutter: the settings and text-size buttons are not there.
    assert!(ui.find("Réglages").is_err());
    drop(ui);
    click(
        &mut w.app,
        "Choisir un moteur de recherche qui ne vous piste pas",
    )?;
    click(&mut w.app, "Étape suivante")?;
    click(&mut w.app, "Étape suivante")?;
    sim(&w.app).find("Étape 3 sur 7")?;
    look(&w.app, "workshop-step-fr")?;
    // The next participant starts afresh, on the choice of paths.
    click(&mut w.app, "Participant suivant")?;
    assert_eq!(route(&w.app), Route::Guides);
    assert!(ready(&w.app).guides.progress.paths.is_empty());
    let mut ui = sim(&w.app);
    ui.find("Tout est remis à zéro pour la personne suivante.")?;
    ui.find("7 étapes, pas encore commencé")?;
    drop(ui);
    click(&mut w.app, "Quitter l'atelier")?;
    assert!(!ready(&w.app).base.workshop);
    Ok(())
}

/// Every file under `dir`, recursively.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_public_session_leaves_no_file_and_finish_erases_everything() -> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    if let App::Ready(r) = &mut w.app {
        r.base.public = true;
        r.guides.store = kitlibre::guide::progress::Store::Memory;
    }
    let root = w._dir.path().to_path_buf();
    let mut ui = sim(&w.app);
    ui.find("Terminer et tout effacer")?;
    drop(ui);
    // A whole visit: settings, a path, a handout.
    click(&mut w.app, "English")?;
    let _ = w.app.update(Message::TextBigger);
    let _ = w.app.update(Message::SetTheme(ThemeChoice::Dark));
    let _ = w.app.update(Message::Open(Route::Guides));
    sim(&w.app).find("Public computer: your progress is not kept after you leave.")?;
    let _ = w.app.update(Message::GuideOpen("private-search".into()));
    let _ = w.app.update(Message::GuideNext);
    let _ = w.app.update(Message::GuideNext);
    for _ in 0..7 {
        let _ = w.app.update(Message::GuideNext);
    }
    click(&mut w.app, "Handout to print (PDF)")?;
    let session = ready(&w.app)
        .session_dir
        .as_ref()
        .map(|d| d.path().to_path_buf());
    let session = session.expect("the handout went to the session folder");
    assert!(session.join("handout-private-search.pdf").is_file());
    // The sheet for the IT department goes there too.
    set_machine(
        &mut w.app,
        kitlibre::install::Machine::bare(kitlibre::catalog::model::Platform::Linux, false),
    );
    let _ = w.app.update(Message::InstallPlan("gimp".into()));
    let _ = w.app.update(Message::InstallSaveSheet);
    assert!(session.join("installation-request-gimp.txt").is_file());
    // Nothing in the kit's config, data or cache folders.
    assert_eq!(files_under(&root), Vec::<std::path::PathBuf>::new());
    for d in ["config", "data", "cache"] {
        assert!(!root.join(d).exists(), "{d} was created");
    }
    // Finish: the throwaway folder goes, the next person gets a fresh kit.
    click(&mut w.app, "Finish and erase everything")?;
    assert!(!session.exists(), "the session folder is removed");
    let r = ready(&w.app);
    assert_eq!(r.route, Route::Home);
    assert!(r.guides.progress.paths.is_empty());
    assert_eq!(r.base.settings, KitSettings::default());
    assert!(r.history.is_empty());
    assert!(files_under(&root).is_empty());
    Ok(())
}

#[test]
fn settings_say_which_catalogue_is_in_use_and_check_for_updates_only_when_asked()
-> Result<(), Error> {
    let mut w = window(Lang::Fr, 100, ThemeChoice::Light);
    let _ = w.app.update(Message::Open(Route::Settings));
    let mut ui = Simulator::with_size(settings(), Size::new(1200.0, 3600.0), w.app.view());
    ui.find("Catalogue en service : version 1 du 2026-11-22 (intégré au programme).")?;
    ui.click("Chercher une mise à jour")?;
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(messages.iter().any(|m| matches!(m, Message::CatalogCheck)));
    apply(&mut w.app, messages);
    assert!(ready(&w.app).catalog_state.checking);
    Simulator::with_size(settings(), Size::new(1200.0, 3600.0), w.app.view())
        .find("Recherche d'une mise à jour…")?;
    // The answer, as the download thread would send it.
    let _ = w.app.update(Message::CatalogChecked(Err(
        "Catalogue refusé : la signature ne correspond pas, le fichier a été modifié.".into(),
    )));
    let ui = Simulator::with_size(settings(), Size::new(1200.0, 3600.0), w.app.view());
    let mut ui = ui;
    ui.find("Catalogue refusé : la signature ne correspond pas, le fichier a été modifié.")?;
    ui.find("Chercher une mise à jour")?;
    drop(ui);
    // On a public computer nothing is installed.
    if let App::Ready(r) = &mut w.app {
        r.base.public = true;
        r.catalog_state.note = None;
    }
    let mut ui = Simulator::with_size(settings(), Size::new(1200.0, 3600.0), w.app.view());
    assert!(ui.find("Chercher une mise à jour").is_err());
    Ok(())
}
