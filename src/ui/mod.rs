//! The window: an iced 0.14 application over the library. It asks the catalogue for data
//! and renders it; it never re-implements logic.
//!
//! One keyboard focus ring covers the whole window (top bar and page), so screens are
//! modules with a `view` that emits the application's `Message`s (navigation intents),
//! rather than each owning a message type: Tab, Enter and Esc then work the same on every
//! screen.

pub mod icons;
pub mod screen;
pub mod style;
pub mod widgets;

use crate::catalog::model::Lang;
use crate::catalog::search::{Hit, SearchIndex};
use crate::catalog::{Catalog, Loaded};
use crate::settings::{self, FontChoice, Paths, Settings, ThemeChoice};
use crate::t;
use iced::keyboard;
use iced::widget::{column, container, operation, row, scrollable};
use iced::{Alignment, Element, Length, Subscription, Task, Theme};
use std::sync::Arc;
use style::{ButtonKind, Metrics, Pal};
use widgets::{Ctx, Focusable, Ring};

/// Widget id of the search field.
pub const SEARCH_ID: &str = "search";
/// Widget id of the page's scrollable area.
pub const PAGE_ID: &str = "page";
/// Results shown for a search.
pub const SEARCH_LIMIT: usize = 30;
/// Above this text scale the top bar scrolls with the page.
pub const TOP_BAR_SCROLLS_ABOVE: f32 = 1.3;
/// Text size of the workshop's presentation view (percent).
pub const WORKSHOP_SCALE: u16 = 160;
/// Environment variable that opens the window as a public session ("1").
pub const PUBLIC_SESSION_ENV: &str = "KITLIBRE_PUBLIC_SESSION";
/// The window's size when it opens.
pub const WINDOW_SIZE: (f32, f32) = (1200.0, 820.0);

/// A place in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Search field, categories, why free software matters.
    Home,
    /// The entries of one category.
    Category(String),
    /// One catalogue entry (proprietary or free).
    Entry(String),
    /// "Learn more": why free software matters.
    About,
    /// Language, text size, colours, font.
    Settings,
    /// "My computer": what this machine runs and what to use instead.
    Computer,
    /// Installing a free program: its plan, its run, its result.
    Install(String),
    /// The LibreOffice move assistant for documents.
    Documents,
    /// The learning paths (and the workshop's choice of path).
    Guides,
    /// One learning path, card by card.
    Guide(String),
}

/// What the keyboard asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    Next,
    Previous,
    Activate,
    Back,
    Bigger,
    Smaller,
    ResetSize,
    /// Ctrl+Q (Cmd+Q): close the window.
    Quit,
}

/// What the window does with its first frame once the catalogue is ready.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FirstFrame {
    /// Nothing (normal use).
    #[default]
    Ignore,
    /// Prints `first-frame-ms: N` on standard error and goes on (benchmark, smoke test).
    Announce,
    /// Prints it and closes the window (first-frame benchmark).
    Exit,
}

impl FirstFrame {
    /// `KITLIBRE_FIRST_FRAME=announce` or `exit` (set by `kitlibre bench` and the smoke test).
    pub fn from_env() -> FirstFrame {
        match std::env::var("KITLIBRE_FIRST_FRAME").as_deref() {
            Ok("announce") => FirstFrame::Announce,
            Ok("exit") => FirstFrame::Exit,
            _ => FirstFrame::Ignore,
        }
    }
}

pub use crate::bench::FIRST_FRAME_LINE;

/// Everything the person can do in the window.
#[derive(Clone, Debug)]
pub enum Message {
    /// The catalogue finished loading at start-up.
    Loaded(Arc<LoadedCatalog>),
    /// The person typed in the search field.
    SearchChanged(String),
    /// The person pressed Enter in the search field (opens the first result).
    SearchSubmitted,
    /// The person opened a page (a category, an entry, "learn more", settings).
    Open(Route),
    /// The person went back to the previous page (button or Esc).
    Back,
    /// The person switched the language (French ⇄ English).
    ToggleLanguage,
    /// The person chose a language in the settings.
    SetLanguage(Lang),
    /// The person made the text bigger (button or Ctrl +).
    TextBigger,
    /// The person made the text smaller (button or Ctrl -).
    TextSmaller,
    /// The person chose a text size in percent (settings).
    SetTextScale(u16),
    /// The person turned high contrast on or off (top bar).
    ToggleHighContrast,
    /// The person chose colours in the settings.
    SetTheme(ThemeChoice),
    /// The person chose a font in the settings.
    SetFont(FontChoice),
    /// The person asked to open a web address in their browser.
    OpenLink(String),
    /// The browser could not be opened (the address is shown instead).
    LinkFailed(String),
    /// Settings were written to disk, or could not be.
    SettingsSaved(Result<(), settings::SaveError>),
    /// A key for moving around, activating, going back or zooming.
    Key(KeyAction),
    /// The person typed letters while no text field had the focus: they go to the search.
    TypeAhead(String),
    /// Some time passed without typing in the search field (its caret may rest).
    CaretRest(u64),
    /// The person closed the notice at the top of the page.
    DismissNotice,
    /// The catalogue directory given could not be read.
    CatalogFailed(String),
    /// A frame was drawn (only listened to by the first-frame benchmark).
    FrameShown,
    /// Nothing to do (a task finished without anything to report).
    Done,
    /// The person asked to scan this computer (or scan again).
    ScanStart,
    /// The person cancelled the scan.
    ScanCancel,
    /// The scan made progress or finished.
    Scan(screen::computer::ScanEvent),
    /// The person opened or closed the full list of programs.
    ScanToggleList,
    /// The person asked to install a free program (shows the plan first).
    InstallPlan(String),
    /// The person confirmed the plan.
    InstallRun,
    /// The person cancelled the installation.
    InstallCancel,
    /// The installation made progress or finished.
    InstallEvent(screen::install::InstallEvent),
    /// The person saved the sheet for the IT department.
    InstallSaveSheet,
    /// The person typed or chose the documents folder.
    DocsFolderChanged(String),
    /// The person asked to read the folder.
    DocsInventory,
    /// The person cancelled the reading or the conversion.
    DocsCancel,
    /// The inventory or the conversion made progress or finished.
    DocsEvent(screen::documents::DocsEvent),
    /// The person chose the format of the copies.
    DocsTarget(crate::migrate::convert::Target),
    /// The person typed the output folder.
    DocsOutChanged(String),
    /// The person started (or resumed) the conversion.
    DocsConvert,
    /// The person saved the checklist.
    DocsSaveChecklist,
    /// The person chose LibreOffice's default save format.
    DocsSetFormat(crate::migrate::xcu::DefaultFormat),
    /// The person opened the folder of converted copies.
    DocsOpenOut,
    /// The person wants to choose another folder.
    DocsRestart,
    /// The person opened a learning path (at the card where they left it).
    GuideOpen(String),
    /// The person went to the next card (the card is ticked as done).
    GuideNext,
    /// The person went back one card.
    GuidePrevious,
    /// The person ticked (or unticked) the card as done.
    GuideToggleDone,
    /// The person asked the kit to verify this computer again.
    GuideCheck,
    /// The facts the checks need arrived.
    GuideFacts(Arc<crate::guide::checks::Facts>),
    /// The person saved the path's handout.
    GuideHandout(crate::cli_guide::HandoutFormat),
    /// The person opened a saved handout.
    GuideOpenFile(std::path::PathBuf),
    /// The person started the path again from its first card.
    GuideRestart,
    /// The mediator started the workshop mode (large, high contrast, no clutter).
    WorkshopStart,
    /// The mediator reset the kit for the next participant.
    WorkshopReset,
    /// The mediator left the workshop mode.
    WorkshopEnd,
    /// The person turned the public-session mode on (shared PC: nothing kept).
    PublicStart,
    /// The person finished the public session: everything is erased.
    PublicFinish,
    /// The person asked for a catalogue update.
    CatalogCheck,
    /// The update was installed, or refused (the message says why).
    CatalogChecked(Result<crate::update::Installed, String>),
    /// The updated catalogue is loaded.
    CatalogReloaded(Arc<LoadedCatalog>),
}

/// The catalogue and its search index, built off the UI thread.
#[derive(Debug)]
pub struct LoadedCatalog {
    pub catalog: Catalog,
    pub index: SearchIndex,
    pub problems: usize,
}

impl LoadedCatalog {
    pub fn from_loaded(loaded: Loaded) -> LoadedCatalog {
        let index = SearchIndex::new(&loaded.catalog);
        LoadedCatalog {
            problems: loaded.problems.len(),
            catalog: loaded.catalog,
            index,
        }
    }
}

/// A message for the person at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The settings could not be saved (they still apply until the window closes).
    SettingsNotSaved(String),
    /// The browser could not be opened; the address is given to copy.
    LinkNotOpened(String),
    /// Some catalogue files were skipped.
    CatalogProblems(usize),
    /// The progress in the paths could not be saved.
    ProgressNotSaved(String),
    /// A public session ended: everything was erased.
    SessionErased,
    /// The workshop was reset for the next participant.
    WorkshopReset,
}

/// Where the catalogue comes from at start-up.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A catalogue directory (`--catalog`); else the environment variable or the embedded one.
    pub catalog_dir: Option<std::path::PathBuf>,
    /// `--lang` on the command line (wins over the setting for this run).
    pub lang: Option<Lang>,
    /// What to do with the first frame of the ready window (benchmarks, smoke test).
    pub first_frame: FirstFrame,
    /// A shared PC: nothing is written to disk, "finish and erase" at the end.
    pub public_session: bool,
    /// Open in workshop mode, on this path (empty: the choice of paths).
    pub workshop: Option<String>,
}

/// The application's phases.
#[derive(Debug)]
pub enum App {
    Loading(Base),
    Ready(Box<Ready>),
    /// The catalogue directory given could not be opened.
    Failed(Base, String),
}

/// What exists before the catalogue is there.
#[derive(Debug, Clone)]
pub struct Base {
    pub settings: Settings,
    pub paths: Paths,
    pub lang_override: Option<Lang>,
    pub first_frame: FirstFrame,
    /// The first frame of the ready window was drawn (and announced, if asked).
    pub first_frame_seen: bool,
    /// Public session: settings, progress and files stay in memory or in a throwaway
    /// folder removed at the end.
    pub public: bool,
    /// Workshop mode: presentation view for a projector.
    pub workshop: bool,
    /// The path to open when the workshop starts (empty: the choice of paths).
    pub workshop_path: Option<String>,
}

/// The window with its catalogue.
#[derive(Debug)]
pub struct Ready {
    pub base: Base,
    pub data: Arc<LoadedCatalog>,
    pub route: Route,
    pub history: Vec<Route>,
    pub query: String,
    pub hits: Vec<Hit>,
    pub focus: Option<usize>,
    pub notice: Option<Notice>,
    /// QR codes of the entry page on show.
    pub qr: Vec<screen::entry::Qr>,
    /// The "My computer" screen.
    pub computer: screen::computer::Computer,
    /// The install screen, for the last program asked.
    pub install: Option<screen::install::Install>,
    /// What this machine offers for installing, found the first time it is needed.
    pub machine: Option<crate::install::Machine>,
    /// Counts the search field's activity; a rest timer only acts if nothing happened since.
    pub caret_generation: u64,
    /// The LibreOffice move assistant.
    pub documents: screen::documents::Documents,
    /// The learning paths and the progress in them.
    pub guides: screen::guides::Guides,
    /// The public session's throwaway folder (handouts, downloads, sheets), made when
    /// first needed and removed by "finish and erase" or when the window closes.
    pub session_dir: Option<tempfile::TempDir>,
    /// Which catalogue is in use, and the update asked for.
    pub catalog_state: screen::settings::CatalogState,
}

impl Base {
    pub fn lang(&self) -> Lang {
        self.lang_override
            .or(self.settings.lang)
            .unwrap_or_else(|| crate::i18n::resolve_lang(None))
    }

    pub fn ctx(&self) -> Ctx {
        let (font, bold) = style::fonts(self.settings.font);
        if self.workshop {
            // Presentation for a projector: large text, high contrast.
            return Ctx {
                lang: self.lang(),
                m: Metrics::new(self.settings.text_scale.max(WORKSHOP_SCALE)),
                pal: Pal::of(ThemeChoice::HighContrast),
                font,
                bold,
            };
        }
        Ctx {
            lang: self.lang(),
            m: Metrics::new(self.settings.text_scale),
            pal: Pal::of(self.settings.theme),
            font,
            bold,
        }
    }

    /// Where the paths' progress is kept.
    pub fn progress_store(&self) -> crate::guide::progress::Store {
        if self.public {
            crate::guide::progress::Store::Memory
        } else {
            crate::guide::progress::Store::for_paths(&self.paths)
        }
    }
}

impl App {
    /// Starts loading the catalogue off the UI thread.
    pub fn boot(options: Options) -> (App, Task<Message>) {
        let paths = Paths::detect();
        let public = options.public_session
            || std::env::var_os(PUBLIC_SESSION_ENV).is_some_and(|v| v == "1");
        // A public session starts from the defaults: nothing of the last person shows.
        let settings = if public {
            Settings::default()
        } else {
            settings::load(&paths)
        };
        let base = Base {
            settings,
            paths,
            lang_override: options.lang,
            first_frame: options.first_frame,
            first_frame_seen: false,
            public,
            workshop: options.workshop.is_some(),
            workshop_path: options.workshop.clone(),
        };
        let dir = options.catalog_dir.clone();
        let lang = base.lang();
        let task = Task::perform(
            async move { crate::catalog::load_default(dir.as_deref()).map(LoadedCatalog::from_loaded) },
            move |result| match result {
                Ok(data) => Message::Loaded(Arc::new(data)),
                Err(e) => {
                    Message::CatalogFailed(t!(lang, "ui-catalog-failed", detail = e.to_string()))
                }
            },
        );
        (App::Loading(base), task)
    }

    /// A ready window on an already loaded catalogue (tests, benchmarks).
    pub fn ready(base: Base, data: Arc<LoadedCatalog>) -> App {
        let notice = (data.problems > 0).then_some(Notice::CatalogProblems(data.problems));
        let guides = screen::guides::Guides::new(base.progress_store());
        App::Ready(Box::new(Ready {
            base,
            data,
            route: Route::Home,
            history: Vec::new(),
            query: String::new(),
            hits: Vec::new(),
            focus: None,
            notice,
            qr: Vec::new(),
            computer: screen::computer::Computer::Idle,
            install: None,
            machine: None,
            caret_generation: 0,
            documents: screen::documents::Documents::default(),
            guides,
            session_dir: None,
            catalog_state: screen::settings::CatalogState::default(),
        }))
    }

    pub fn base(&self) -> &Base {
        match self {
            App::Loading(b) | App::Failed(b, _) => b,
            App::Ready(r) => &r.base,
        }
    }

    fn base_mut(&mut self) -> &mut Base {
        match self {
            App::Loading(b) | App::Failed(b, _) => b,
            App::Ready(r) => &mut r.base,
        }
    }

    pub fn title(&self) -> String {
        let lang = self.base().lang();
        match self {
            App::Ready(r) => match &r.route {
                Route::Entry(id) => match r.data.catalog.get(id) {
                    Some(e) => format!("{} — Kit Libre", e.name(lang)),
                    None => "Kit Libre".to_owned(),
                },
                Route::Guide(id) => match r.data.catalog.guide(id) {
                    Some(g) => format!("{} — Kit Libre", g.title.get(lang)),
                    None => "Kit Libre".to_owned(),
                },
                _ => "Kit Libre".to_owned(),
            },
            _ => "Kit Libre".to_owned(),
        }
    }

    pub fn theme(&self) -> Theme {
        let s = &self.base().settings;
        let choice = if self.base().workshop {
            ThemeChoice::HighContrast
        } else {
            s.theme
        };
        Pal::of(choice).theme(choice)
    }

    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(key_message);
        // Frames are listened to only until the first one of the ready window: listening
        // asks for redraws, and an idle window must not redraw.
        let base = self.base();
        if base.first_frame != FirstFrame::Ignore && !base.first_frame_seen {
            Subscription::batch([keys, iced::window::frames().map(|_| Message::FrameShown)])
        } else {
            keys
        }
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        if let Message::FrameShown = message {
            // Only the benchmark and the smoke test listen to frames: the window is drawn
            // once it is ready.
            if matches!(self, App::Ready(_)) && !self.base().first_frame_seen {
                let ms = crate::ui::started().elapsed().as_secs_f64() * 1000.0;
                eprintln!("{FIRST_FRAME_LINE} {ms:.1}");
                let exit = self.base().first_frame == FirstFrame::Exit;
                self.base_mut().first_frame_seen = true;
                if exit {
                    return iced::exit();
                }
            }
            return Task::none();
        }
        if let Message::Key(KeyAction::Quit) = message {
            // Closing the window the keyboard way; a public session's folder goes with it.
            return iced::exit();
        }
        // Settings messages work in every phase.
        match &message {
            Message::ToggleLanguage
            | Message::SetLanguage(_)
            | Message::TextBigger
            | Message::TextSmaller
            | Message::SetTextScale(_)
            | Message::ToggleHighContrast
            | Message::SetTheme(_)
            | Message::SetFont(_)
            | Message::Key(KeyAction::Bigger | KeyAction::Smaller | KeyAction::ResetSize) => {
                return self.change_settings(message);
            }
            Message::SettingsSaved(Err(e)) => {
                if let App::Ready(r) = self {
                    r.notice = Some(Notice::SettingsNotSaved(e.to_string()));
                }
                return Task::none();
            }
            Message::SettingsSaved(Ok(())) => return Task::none(),
            _ => {}
        }
        match self {
            App::Loading(base) => match message {
                Message::Loaded(data) => {
                    *self = App::ready(base.clone(), data);
                    match self {
                        App::Ready(r) if r.base.workshop => r.start_workshop(),
                        App::Ready(r) => r.focus_search(),
                        _ => Task::none(),
                    }
                }
                Message::CatalogFailed(detail) => {
                    *self = App::Failed(base.clone(), detail);
                    Task::none()
                }
                _ => Task::none(),
            },
            App::Failed(..) => Task::none(),
            App::Ready(r) => r.update(message),
        }
    }

    fn change_settings(&mut self, message: Message) -> Task<Message> {
        let lang_now = self.base().lang();
        let base = self.base_mut();
        let s = &mut base.settings;
        match message {
            Message::ToggleLanguage => {
                let next = match lang_now {
                    Lang::Fr => Lang::En,
                    Lang::En => Lang::Fr,
                };
                s.lang = Some(next);
                base.lang_override = None;
            }
            Message::SetLanguage(l) => {
                s.lang = Some(l);
                base.lang_override = None;
            }
            Message::TextBigger | Message::Key(KeyAction::Bigger) => s.bigger(),
            Message::TextSmaller | Message::Key(KeyAction::Smaller) => s.smaller(),
            Message::Key(KeyAction::ResetSize) => s.set_scale(100),
            Message::SetTextScale(v) => s.set_scale(i64::from(v)),
            Message::ToggleHighContrast => {
                s.theme = if s.theme == ThemeChoice::HighContrast {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::HighContrast
                };
            }
            Message::SetTheme(th) => s.theme = th,
            Message::SetFont(f) => s.font = f,
            _ => {}
        }
        if base.public {
            // A public session keeps its choices in memory only.
            return Task::none();
        }
        let paths = base.paths.clone();
        let snapshot = base.settings.clone();
        Task::perform(
            async move { settings::save(&paths, &snapshot) },
            Message::SettingsSaved,
        )
    }

    pub fn view(&self) -> Element<'_, Message> {
        let ring = Ring::new(self.focus());
        self.view_with(&ring)
    }

    fn focus(&self) -> Option<usize> {
        match self {
            App::Ready(r) => r.focus,
            _ => None,
        }
    }

    /// The view, registering focusable controls in `ring`.
    pub fn view_with<'a>(&'a self, ring: &Ring) -> Element<'a, Message> {
        let ctx = self.base().ctx();
        let body: Element<'a, Message> = match self {
            App::Loading(_) => container(ctx.h2(t!(ctx.lang, "ui-loading")))
                .center(Length::Fill)
                .into(),
            App::Failed(_, detail) => container(
                column![
                    ctx.h2(t!(ctx.lang, "ui-catalog-failed-title")),
                    ctx.text(detail.clone())
                ]
                .spacing(ctx.m.space()),
            )
            .padding(ctx.m.page_pad())
            .center(Length::Fill)
            .into(),
            App::Ready(r) => r.view(&ctx, ring),
        };
        container(body)
            .width(Length::Fill)
            .height(Length::Fill)
            .style(style::page(ctx.pal))
            .into()
    }
}

/// Maps a key press to a message. Only keys the focused widget did not use arrive here.
pub fn key_message(event: keyboard::Event) -> Option<Message> {
    if let Some(action) = key_action(&event) {
        return Some(Message::Key(action));
    }
    // Printable text typed outside the search field starts a search.
    let keyboard::Event::KeyPressed {
        text: Some(text),
        modifiers,
        ..
    } = event
    else {
        return None;
    };
    let printable = !text.is_empty() && text.chars().all(|c| !c.is_control() && !c.is_whitespace());
    (printable && !modifiers.command() && !modifiers.alt())
        .then(|| Message::TypeAhead(text.to_string()))
}

/// Maps a key press to a keyboard action.
pub fn key_action(event: &keyboard::Event) -> Option<KeyAction> {
    use keyboard::key::Named;
    let keyboard::Event::KeyPressed { key, modifiers, .. } = event else {
        return None;
    };
    match key.as_ref() {
        keyboard::Key::Named(Named::Tab) if modifiers.shift() => Some(KeyAction::Previous),
        keyboard::Key::Named(Named::Tab) => Some(KeyAction::Next),
        keyboard::Key::Named(Named::ArrowDown | Named::ArrowRight) => Some(KeyAction::Next),
        keyboard::Key::Named(Named::ArrowUp | Named::ArrowLeft) => Some(KeyAction::Previous),
        keyboard::Key::Named(Named::Enter | Named::Space) => Some(KeyAction::Activate),
        keyboard::Key::Named(Named::Escape | Named::BrowserBack) => Some(KeyAction::Back),
        keyboard::Key::Character("+" | "=") if modifiers.command() => Some(KeyAction::Bigger),
        keyboard::Key::Character("-") if modifiers.command() => Some(KeyAction::Smaller),
        keyboard::Key::Character("0") if modifiers.command() => Some(KeyAction::ResetSize),
        keyboard::Key::Character("q") if modifiers.command() => Some(KeyAction::Quit),
        _ => None,
    }
}

/// After this long without typing, the search field lets go of the keyboard focus so its
/// blinking caret stops redrawing the window (defined with the benchmark that relies on it).
pub use crate::bench::CARET_REST;

impl Ready {
    fn catalog(&self) -> &Catalog {
        &self.data.catalog
    }

    fn go(&mut self, route: Route) -> Task<Message> {
        if route == self.route {
            return Task::none();
        }
        let previous = std::mem::replace(&mut self.route, route);
        self.history.push(previous);
        self.entered()
    }

    /// After arriving on a page: prepare what it needs, reset focus and scroll.
    fn entered(&mut self) -> Task<Message> {
        self.focus = None;
        if self.route != Route::Computer {
            // Leaving the screen cancels a scan in progress.
            self.computer.cancel();
        }
        let scan = if self.route == Route::Computer
            && matches!(self.computer, screen::computer::Computer::Idle)
        {
            self.start_scan()
        } else {
            Task::none()
        };
        self.qr = match &self.route {
            Route::Entry(id) => screen::entry::qr_codes(&self.data.catalog, id),
            _ => Vec::new(),
        };
        if self.route == Route::Settings && self.catalog_state.in_use.is_none() {
            self.catalog_state.in_use = Some(crate::update::in_use(&self.base.paths));
        }
        let scroll = operation::snap_to(PAGE_ID, scrollable::RelativeOffset::START);
        if self.route == Route::Home {
            Task::batch([scroll, scan, self.focus_search()])
        } else {
            Task::batch([
                scroll,
                scan,
                iced::advanced::widget::operate(
                    iced::advanced::widget::operation::focusable::unfocus(),
                ),
            ])
        }
    }

    fn back(&mut self) -> Task<Message> {
        match self.history.pop() {
            Some(route) => {
                self.route = route;
                self.entered()
            }
            None if !self.query.is_empty() => {
                self.query.clear();
                self.hits.clear();
                self.focus = None;
                self.focus_search()
            }
            None => Task::none(),
        }
    }

    /// Starts scanning this computer.
    fn start_scan(&mut self) -> Task<Message> {
        self.computer.cancel();
        let (task, handle) = screen::computer::start(self.data.clone(), self.base.lang());
        self.computer = screen::computer::Computer::Scanning {
            done: 0,
            total: 0,
            last: None,
            handle: Some(handle),
        };
        task
    }

    /// Gives the keyboard focus to the search field, and starts its rest timer.
    fn focus_search(&mut self) -> Task<Message> {
        self.caret_generation += 1;
        let generation = self.caret_generation;
        Task::batch([
            operation::focus(SEARCH_ID),
            operation::move_cursor_to_end(SEARCH_ID),
            Task::perform(async { tokio::time::sleep(CARET_REST).await }, move |()| {
                Message::CaretRest(generation)
            }),
        ])
    }

    fn focusables(&self, ctx: &Ctx) -> Vec<Focusable> {
        let ring = Ring::new(self.focus);
        let _ = self.view(ctx, &ring);
        ring.into_items()
    }

    fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::SearchChanged(q) => {
                self.query = q;
                let lang = self.base.lang();
                self.hits =
                    self.data
                        .index
                        .search(&self.data.catalog, &self.query, lang, SEARCH_LIMIT);
                if self.route != Route::Home {
                    self.history
                        .push(std::mem::replace(&mut self.route, Route::Home));
                }
                // The search field keeps the focus; the ring follows it.
                let ctx = self.base.ctx();
                self.focus = self
                    .focusables(&ctx)
                    .iter()
                    .position(|f| matches!(f, Focusable::Input(_)));
                self.caret_generation += 1;
                let generation = self.caret_generation;
                Task::perform(async { tokio::time::sleep(CARET_REST).await }, move |()| {
                    Message::CaretRest(generation)
                })
            }
            Message::TypeAhead(text) => {
                let mut query = self.query.clone();
                if self.route != Route::Home {
                    query.clear();
                }
                query.push_str(&text);
                let search = self.update(Message::SearchChanged(query));
                Task::batch([search, self.focus_search()])
            }
            Message::CaretRest(generation) => {
                if generation == self.caret_generation {
                    iced::advanced::widget::operate(
                        iced::advanced::widget::operation::focusable::unfocus(),
                    )
                } else {
                    Task::none()
                }
            }
            Message::SearchSubmitted => match self.hits.first() {
                Some(hit) => {
                    let id = self.catalog().entry(hit.entry).id().to_owned();
                    self.go(Route::Entry(id))
                }
                None => Task::none(),
            },
            Message::Open(route) => self.go(route),
            Message::Back | Message::Key(KeyAction::Back) => self.back(),
            Message::OpenLink(url) => {
                let ok = url.starts_with("https://");
                Task::perform(
                    async move {
                        if !ok {
                            return Err(url);
                        }
                        open::that_detached(&url).map_err(|_| url)
                    },
                    |r| match r {
                        Ok(()) => Message::Done,
                        Err(url) => Message::LinkFailed(url),
                    },
                )
            }
            Message::LinkFailed(url) => {
                self.notice = Some(Notice::LinkNotOpened(url));
                Task::none()
            }
            Message::DismissNotice => {
                self.notice = None;
                Task::none()
            }
            Message::InstallPlan(id) => {
                use screen::install::Install;
                // An installation running for this program is shown as it is.
                let running =
                    matches!(&self.install, Some(Install::Running { plan, .. }) if plan.id == id);
                if !running {
                    let machine = self
                        .machine
                        .get_or_insert_with(crate::install::Machine::detect)
                        .clone();
                    let lang = self.base.lang();
                    self.install = Some(match self.data.catalog.free(&id) {
                        Some(f) => match crate::install::plan::plan(f, &machine, lang) {
                            Ok(p) => Install::Planned {
                                plan: Box::new(p),
                                sheet: None,
                            },
                            Err(crate::install::plan::PlanError::UnsafeIdentifier(d)) => {
                                Install::Impossible {
                                    id: id.clone(),
                                    reason: t!(lang, "cli-install-refused", detail = d.as_str()),
                                }
                            }
                            Err(_) => Install::Impossible {
                                id: id.clone(),
                                reason: t!(lang, "cli-install-nothing"),
                            },
                        },
                        None => Install::Impossible {
                            id: id.clone(),
                            reason: t!(lang, "cli-install-unknown", id = id.as_str()),
                        },
                    });
                }
                self.go(Route::Install(id))
            }
            Message::InstallRun => {
                use screen::install::Install;
                let Some(Install::Planned { plan, .. }) = self.install.take() else {
                    return Task::none();
                };
                let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
                // A public session downloads into its throwaway folder.
                let cache = self
                    .public_dir()
                    .or_else(|| self.base.paths.cache_dir.clone())
                    .unwrap_or_else(std::env::temp_dir);
                let task = screen::install::start(
                    (*plan).clone(),
                    self.data.clone(),
                    cache,
                    cancel.clone(),
                );
                self.install = Some(Install::Running {
                    plan,
                    step: 0,
                    kind: None,
                    lines: std::collections::VecDeque::new(),
                    progress: None,
                    cancel,
                });
                task
            }
            Message::InstallCancel => {
                if let Some(screen::install::Install::Running { cancel, .. }) = &self.install {
                    cancel.store(true, std::sync::atomic::Ordering::SeqCst);
                }
                Task::none()
            }
            Message::InstallEvent(e) => {
                if let Some(install) = &mut self.install {
                    install.on_event(e);
                }
                // A new install may change "already installed": scan again next time.
                if matches!(
                    self.install,
                    Some(screen::install::Install::Finished { .. })
                ) {
                    self.computer = screen::computer::Computer::Idle;
                }
                Task::none()
            }
            Message::InstallSaveSheet => {
                use screen::install::Install;
                let lang = self.base.lang();
                let session = self.public_dir();
                let (Some(install), Some(machine)) = (&mut self.install, &self.machine) else {
                    return Task::none();
                };
                let id = install.id().to_owned();
                let Some(free) = self.data.catalog.free(&id) else {
                    return Task::none();
                };
                let Ok(mut plan) = crate::install::plan::plan(free, machine, lang) else {
                    return Task::none();
                };
                if plan.it_request.is_none() {
                    plan.it_request = crate::install::plan::it_request(free, machine).ok();
                }
                let text = crate::install::sheet::text(
                    free,
                    &plan,
                    lang,
                    crate::catalog::model::Date::today(),
                );
                match screen::install::sheet_path(&self.base.paths, session.as_deref(), &id, lang) {
                    Some(path) => match crate::settings::write_atomic(&path, text.as_bytes()) {
                        Ok(()) => {
                            *install = Install::Planned {
                                plan: Box::new(plan),
                                sheet: Some(path),
                            };
                        }
                        Err(e) => self.notice = Some(Notice::SettingsNotSaved(e.to_string())),
                    },
                    None => self.notice = Some(Notice::SettingsNotSaved(String::new())),
                }
                Task::none()
            }
            Message::DocsFolderChanged(folder) => {
                let docs = &mut self.documents;
                // The proposed output folder follows the documents folder, unless changed.
                if docs.out == screen::documents::default_out(&docs.folder) {
                    docs.out = screen::documents::default_out(&folder);
                }
                docs.folder = folder;
                docs.note = None;
                Task::none()
            }
            Message::DocsInventory => {
                use screen::documents::Stage;
                if matches!(
                    self.documents.stage,
                    Stage::Reading { .. } | Stage::Converting { .. }
                ) {
                    return Task::none();
                }
                let folder = self.documents.folder.trim().to_owned();
                if folder.is_empty() {
                    return Task::none();
                }
                let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
                self.documents.note = None;
                self.documents.stage = Stage::Reading {
                    documents: 0,
                    cancel: cancel.clone(),
                };
                screen::documents::start_inventory(folder.into(), cancel, self.base.lang())
            }
            Message::DocsCancel => {
                self.documents.cancel();
                Task::none()
            }
            Message::DocsEvent(e) => {
                self.documents.on_event(e);
                Task::none()
            }
            Message::DocsTarget(t) => {
                self.documents.target = t;
                self.documents.refresh_preview();
                Task::none()
            }
            Message::DocsOutChanged(out) => {
                self.documents.out = out;
                self.documents.refresh_preview();
                Task::none()
            }
            Message::DocsConvert => {
                use screen::documents::Stage;
                let lang = self.base.lang();
                let docs = &mut self.documents;
                let found = match &docs.stage {
                    Stage::Inventoried { found } | Stage::Converted { found, .. } => found.clone(),
                    _ => return Task::none(),
                };
                let Some(office) = found.office.clone() else {
                    return Task::none();
                };
                // A resumed conversion plans again: what is done is skipped.
                docs.stage = Stage::Inventoried {
                    found: found.clone(),
                };
                docs.refresh_preview();
                let Some(plan) = docs.preview.clone() else {
                    return Task::none();
                };
                let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
                docs.stage = Stage::Converting {
                    found,
                    done: 0,
                    total: plan.jobs.len(),
                    cancel: cancel.clone(),
                };
                screen::documents::start_conversion(plan, office, cancel, lang)
            }
            Message::DocsSaveChecklist => {
                use screen::documents::Stage;
                let lang = self.base.lang();
                let session = self.public_dir();
                let docs = &mut self.documents;
                let (found, report) = match &docs.stage {
                    Stage::Inventoried { found } | Stage::Converting { found, .. } => {
                        (found.clone(), None)
                    }
                    Stage::Converted { found, report } => (found.clone(), Some(report.clone())),
                    _ => return Task::none(),
                };
                let text = crate::migrate::checklist::text(
                    &found.inventory,
                    report.as_deref(),
                    found.format.as_ref(),
                    &found.fonts,
                    lang,
                    crate::catalog::model::Date::today(),
                );
                docs.note = Some(
                    match screen::documents::checklist_path(
                        &self.base.paths,
                        session.as_deref(),
                        lang,
                    ) {
                        Some(path) => match crate::settings::write_atomic(&path, text.as_bytes()) {
                            Ok(()) => (
                                true,
                                t!(
                                    lang,
                                    "docs-checklist-saved",
                                    path = path.display().to_string()
                                ),
                            ),
                            Err(e) => (false, e.to_string()),
                        },
                        None => (false, t!(lang, "docs-ui-open-failed", path = "")),
                    },
                );
                Task::none()
            }
            Message::DocsSetFormat(format) => {
                let lang = self.base.lang();
                let running = crate::migrate::xcu::libreoffice_running();
                let mut notes = Vec::new();
                let mut ok = true;
                for profile in crate::migrate::xcu::profiles() {
                    match crate::migrate::xcu::apply(&profile, format, running) {
                        Ok(applied) => {
                            let name = crate::migrate::words::default_format(format, lang);
                            notes.push(if applied.unchanged {
                                t!(lang, "docs-format-unchanged", format = name)
                            } else if let Some(b) = &applied.backup {
                                t!(
                                    lang,
                                    "docs-format-set",
                                    format = name,
                                    backup = b.display().to_string()
                                )
                            } else {
                                t!(lang, "docs-format-set-new", format = name)
                            });
                        }
                        Err(e) => {
                            ok = false;
                            notes.push(e.message(lang));
                        }
                    }
                }
                self.documents.note = Some((ok, notes.join(" ")));
                Task::none()
            }
            Message::DocsOpenOut => {
                let path = self.documents.out.trim().to_owned();
                let lang = self.base.lang();
                if open::that_detached(&path).is_err() {
                    self.documents.note =
                        Some((false, t!(lang, "docs-ui-open-failed", path = path)));
                }
                Task::none()
            }
            Message::DocsRestart => {
                self.documents.cancel();
                self.documents.stage = screen::documents::Stage::Choose;
                self.documents.preview = None;
                self.documents.note = None;
                Task::none()
            }
            Message::GuideOpen(id) => {
                let Some(g) = self.data.catalog.guide(&id).cloned() else {
                    return Task::none();
                };
                self.guides.open(&g);
                self.guides.tick_verified(&g, &self.data.catalog);
                let gather = self.gather_facts();
                let go = if self.route == Route::Guide(id.clone()) {
                    Task::none()
                } else {
                    self.go(Route::Guide(id))
                };
                Task::batch([go, gather, self.save_progress()])
            }
            Message::GuideNext | Message::GuidePrevious | Message::GuideToggleDone => {
                let Route::Guide(id) = self.route.clone() else {
                    return Task::none();
                };
                let Some(g) = self.data.catalog.guide(&id).cloned() else {
                    return Task::none();
                };
                let lang = self.base.lang();
                let verdict = {
                    let current = self.guides.progress.of(&id).current;
                    self.guides.verdict(&g, current, &self.data.catalog, lang)
                };
                self.guides.update_path(
                    &id,
                    |p, n| match message {
                        Message::GuideNext => {
                            // Going on means the action is done, unless the kit saw it is not.
                            if p.current < n
                                && verdict.as_ref().is_none_or(|v| {
                                    v.outcome != crate::guide::checks::Outcome::NotYet
                                })
                            {
                                p.done.insert(p.current);
                            }
                            p.current = (p.current + 1).min(n);
                        }
                        Message::GuidePrevious => p.current = p.current.saturating_sub(1),
                        _ => {
                            if p.current < n && !p.done.remove(&p.current) {
                                p.done.insert(p.current);
                            }
                        }
                    },
                    g.steps.len(),
                );
                self.focus = None;
                let scroll = operation::snap_to(PAGE_ID, scrollable::RelativeOffset::START);
                Task::batch([scroll, self.save_progress()])
            }
            Message::GuideCheck => {
                self.guides.facts = None;
                self.gather_facts()
            }
            Message::GuideFacts(facts) => {
                self.guides.facts = Some(facts);
                self.guides.checking = false;
                if let Route::Guide(id) = &self.route
                    && let Some(g) = self.data.catalog.guide(id).cloned()
                {
                    self.guides.tick_verified(&g, &self.data.catalog);
                    return self.save_progress();
                }
                Task::none()
            }
            Message::GuideRestart => {
                let Route::Guide(id) = self.route.clone() else {
                    return Task::none();
                };
                let steps = self.data.catalog.guide(&id).map_or(0, |g| g.steps.len());
                self.guides.update_path(&id, |p, _| p.current = 0, steps);
                self.save_progress()
            }
            Message::GuideHandout(format) => {
                let Route::Guide(id) = self.route.clone() else {
                    return Task::none();
                };
                let lang = self.base.lang();
                let Some(g) = self.data.catalog.guide(&id) else {
                    return Task::none();
                };
                let h = crate::guide::handout(g, &self.data.catalog, lang);
                let bytes = match format {
                    crate::cli_guide::HandoutFormat::Html => {
                        Ok(crate::guide::html::write_html(&h).into_bytes())
                    }
                    crate::cli_guide::HandoutFormat::Pdf => {
                        crate::guide::pdf::write_pdf(&h).map_err(|e| e.to_string())
                    }
                };
                let session = self.public_dir();
                let path = screen::guides::handout_path(
                    &self.base.paths,
                    session.as_deref(),
                    &id,
                    lang,
                    format,
                );
                self.guides.note = Some(match (bytes, path) {
                    (Ok(bytes), Some(path)) => match crate::settings::write_atomic(&path, &bytes) {
                        Ok(()) => (
                            true,
                            t!(
                                lang,
                                "guide-cli-handout-written",
                                path = path.display().to_string()
                            ),
                            Some(path),
                        ),
                        Err(e) => (
                            false,
                            t!(lang, "guide-cli-cannot-write", detail = e.to_string()),
                            None,
                        ),
                    },
                    (Err(e), _) => (false, e, None),
                    (_, None) => (false, t!(lang, "guide-cli-cannot-write", detail = ""), None),
                });
                Task::none()
            }
            Message::GuideOpenFile(path) => {
                if open::that_detached(&path).is_err() {
                    let lang = self.base.lang();
                    self.guides.note = Some((
                        false,
                        t!(
                            lang,
                            "docs-ui-open-failed",
                            path = path.display().to_string()
                        ),
                        None,
                    ));
                }
                Task::none()
            }
            Message::WorkshopStart => {
                self.base.workshop = true;
                self.start_workshop()
            }
            Message::WorkshopReset => {
                self.reset_person();
                let _ = self.guides.store.clear();
                self.guides.progress = Default::default();
                self.notice = Some(Notice::WorkshopReset);
                self.start_workshop()
            }
            Message::WorkshopEnd => {
                self.base.workshop = false;
                self.base.workshop_path = None;
                self.notice = None;
                self.go(Route::Guides)
            }
            Message::PublicStart => {
                self.base.public = true;
                // From now on nothing is written: progress stays in memory.
                self.guides.store = crate::guide::progress::Store::Memory;
                Task::none()
            }
            Message::PublicFinish => {
                self.reset_person();
                self.guides.progress = Default::default();
                self.guides.facts = None;
                // Removes the throwaway folder and everything in it.
                if let Some(dir) = self.session_dir.take() {
                    let _ = dir.close();
                }
                self.base.settings = Settings::default();
                self.base.lang_override = None;
                self.base.workshop = false;
                self.base.workshop_path = None;
                self.history.clear();
                self.route = Route::Home;
                self.notice = Some(Notice::SessionErased);
                let t = self.entered();
                self.history.clear();
                t
            }
            Message::CatalogCheck => {
                if self.base.public || self.catalog_state.checking {
                    return Task::none();
                }
                self.catalog_state.checking = true;
                self.catalog_state.note = None;
                let paths = self.base.paths.clone();
                let lang = self.base.lang();
                Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || {
                            crate::update::update(
                                &crate::update::Source::Url(crate::update::DEFAULT_URL.into()),
                                &paths,
                                &crate::update::Options::default(),
                            )
                            .map_err(|e| e.message(lang))
                        })
                        .await
                        .unwrap_or_else(|e| Err(e.to_string()))
                    },
                    Message::CatalogChecked,
                )
            }
            Message::CatalogChecked(result) => {
                let lang = self.base.lang();
                self.catalog_state.checking = false;
                match result {
                    Ok(installed) => {
                        self.catalog_state.note = Some((
                            true,
                            t!(
                                lang,
                                "update-installed",
                                version = (installed.release.version as i64),
                                date = installed.release.published.to_string(),
                                files = (installed.files as i64)
                            ),
                        ));
                        let paths = self.base.paths.clone();
                        Task::perform(
                            async move {
                                LoadedCatalog::from_loaded(crate::update::load_in_use(&paths).0)
                            },
                            |data| Message::CatalogReloaded(Arc::new(data)),
                        )
                    }
                    Err(message) => {
                        self.catalog_state.note = Some((false, message));
                        Task::none()
                    }
                }
            }
            Message::CatalogReloaded(data) => {
                self.data = data;
                self.catalog_state.in_use = Some(crate::update::in_use(&self.base.paths));
                self.hits.clear();
                Task::none()
            }
            Message::ScanStart => self.start_scan(),
            Message::ScanCancel => {
                self.computer.cancel();
                Task::none()
            }
            Message::ScanToggleList => {
                if let screen::computer::Computer::Done { show_all, .. } = &mut self.computer {
                    *show_all = !*show_all;
                }
                Task::none()
            }
            Message::Scan(event) => {
                use screen::computer::{Computer, ScanEvent};
                match (event, &mut self.computer) {
                    (ScanEvent::Started { total: n }, Computer::Scanning { total, .. }) => {
                        *total = n
                    }
                    (ScanEvent::SourceDone(s), Computer::Scanning { done, last, .. }) => {
                        *done += 1;
                        *last = Some(s);
                    }
                    (ScanEvent::Done(report), _) => {
                        self.computer = Computer::Done {
                            report,
                            show_all: false,
                        };
                    }
                    _ => {}
                }
                Task::none()
            }
            Message::Key(KeyAction::Next | KeyAction::Previous) => {
                let forward = matches!(message, Message::Key(KeyAction::Next));
                self.move_focus(forward)
            }
            Message::Key(KeyAction::Activate) => {
                let ctx = self.base.ctx();
                match self
                    .focus
                    .and_then(|i| self.focusables(&ctx).into_iter().nth(i))
                {
                    Some(Focusable::Action(msg)) => self.update(msg),
                    _ => Task::none(),
                }
            }
            _ => Task::none(),
        }
    }

    /// Gathers the facts the paths' checks need, unless on their way.
    fn gather_facts(&mut self) -> Task<Message> {
        if self.guides.facts.is_some() || self.guides.checking {
            return Task::none();
        }
        self.guides.checking = true;
        screen::guides::gather(self.data.clone())
    }

    /// Saves the paths' progress (memory only in a public session). A few hundred bytes,
    /// written at once so that closing the window right after a click loses nothing.
    fn save_progress(&mut self) -> Task<Message> {
        if let Err(e) = self.guides.store.save(&self.guides.progress) {
            self.notice = Some(Notice::ProgressNotSaved(e.to_string()));
        }
        Task::none()
    }

    /// Where files go in a public session (its throwaway folder); `None` otherwise.
    fn public_dir(&mut self) -> Option<std::path::PathBuf> {
        if self.base.public {
            self.session_dir()
        } else {
            None
        }
    }

    /// The public session's throwaway folder, made when first needed.
    pub fn session_dir(&mut self) -> Option<std::path::PathBuf> {
        if self.session_dir.is_none() {
            self.session_dir = tempfile::Builder::new()
                .prefix("kitlibre-session-")
                .tempdir()
                .ok();
        }
        self.session_dir.as_ref().map(|d| d.path().to_path_buf())
    }

    /// Forgets what the last person did: search, screens' states, history.
    fn reset_person(&mut self) {
        self.computer.cancel();
        self.documents.cancel();
        self.documents = screen::documents::Documents::default();
        if let Some(screen::install::Install::Running { cancel, .. }) = &self.install {
            cancel.store(true, std::sync::atomic::Ordering::SeqCst);
        }
        self.install = None;
        self.computer = screen::computer::Computer::Idle;
        self.query.clear();
        self.hits.clear();
        self.history.clear();
        self.focus = None;
        self.guides.note = None;
    }

    /// The workshop's first screen: its path, or the choice of paths.
    fn start_workshop(&mut self) -> Task<Message> {
        match self.base.workshop_path.clone().filter(|p| !p.is_empty()) {
            Some(id) if self.data.catalog.guide(&id).is_some() => {
                self.route = Route::Guides;
                self.update(Message::GuideOpen(id))
            }
            _ => {
                self.route = Route::Home;
                self.go(Route::Guides)
            }
        }
    }

    fn move_focus(&mut self, forward: bool) -> Task<Message> {
        let ctx = self.base.ctx();
        let items = self.focusables(&ctx);
        if items.is_empty() {
            return Task::none();
        }
        let n = items.len();
        let next = match (self.focus, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.focus = Some(next);
        let focus_task = match &items[next] {
            Focusable::Input(id) if *id == SEARCH_ID => self.focus_search(),
            Focusable::Input(id) => operation::focus(*id),
            Focusable::Action(_) => iced::advanced::widget::operate(
                iced::advanced::widget::operation::focusable::unfocus(),
            ),
        };
        // Keep the focused control in view: scroll in proportion to its place in the ring.
        let y = if n > 1 {
            next as f32 / (n - 1) as f32
        } else {
            0.0
        };
        let scroll = operation::snap_to(PAGE_ID, scrollable::RelativeOffset { x: 0.0, y });
        Task::batch([focus_task, scroll])
    }

    fn view<'a>(&'a self, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
        let top = self.top_bar(ctx, ring);
        let notice = self.notice_view(ctx, ring);
        let page: Element<'a, Message> = match &self.route {
            Route::Home => screen::home::view(self, ctx, ring),
            Route::Category(id) => screen::category::view(self.catalog(), id, ctx, ring),
            Route::Entry(id) => screen::entry::view(self.catalog(), id, &self.qr, ctx, ring),
            Route::About => screen::about::view(ctx, ring),
            Route::Settings => screen::settings::view(&self.base, &self.catalog_state, ctx, ring),
            Route::Computer => screen::computer::view(&self.computer, ctx, ring),
            Route::Install(id) => match &self.install {
                Some(state) if state.id() == id => screen::install::view(state, ctx, ring),
                _ => ctx.text(String::new()).into(),
            },
            Route::Documents => screen::documents::view(&self.documents, ctx, ring),
            Route::Guides => screen::guides::list(
                self.catalog(),
                &self.guides,
                self.base.workshop,
                self.base.public,
                ctx,
                ring,
            ),
            Route::Guide(id) => screen::guides::player(self.catalog(), &self.guides, id, ctx, ring),
        };
        let mut content = column![].spacing(ctx.m.space());
        if let Some(n) = notice {
            content = content.push(n);
        }
        content = content.push(page);
        let body = container(content.max_width(ctx.m.max_width()))
            .padding(ctx.m.page_pad())
            .center_x(Length::Fill);
        if ctx.m.scale > TOP_BAR_SCROLLS_ABOVE {
            // With large text the bar takes several lines: it scrolls away with the page
            // instead of hiding a third of the window.
            scrollable(column![top, body])
                .id(PAGE_ID)
                .width(Length::Fill)
                .height(Length::Fill)
                .into()
        } else {
            column![
                top,
                scrollable(body)
                    .id(PAGE_ID)
                    .width(Length::Fill)
                    .height(Length::Fill)
            ]
            .into()
        }
    }

    fn top_bar<'a>(&self, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
        let lang = ctx.lang;
        if self.base.workshop {
            return self.workshop_bar(ctx, ring);
        }
        // The same controls on every page, so nothing moves while the person types.
        let back: Element<'a, Message> = if self.history.is_empty() {
            widgets::disabled_button(ctx, "back", t!(lang, "ui-back"))
        } else {
            ring.bar_button(
                ctx,
                "back",
                t!(lang, "ui-back"),
                Message::Back,
                ButtonKind::Secondary,
            )
        };
        let home = ring.bar_button(
            ctx,
            "home",
            t!(lang, "ui-home"),
            Message::Open(Route::Home),
            ButtonKind::Secondary,
        );
        let hc = self.base.settings.theme == ThemeChoice::HighContrast;
        // The window's title says "Kit Libre": the bar keeps its room for the controls.
        let bar = row![
            back,
            home,
            ring.bar_button(
                ctx,
                "computer",
                t!(lang, "ui-computer"),
                Message::Open(Route::Computer),
                if self.route == Route::Computer {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                }
            ),
            language_button(ctx, ring),
            ring.bar_button(
                ctx,
                "text-smaller",
                t!(lang, "ui-text-smaller"),
                Message::TextSmaller,
                ButtonKind::Secondary
            ),
            ring.bar_button(
                ctx,
                "text-bigger",
                t!(lang, "ui-text-bigger"),
                Message::TextBigger,
                ButtonKind::Secondary
            ),
            ring.bar_button(
                ctx,
                "contrast",
                t!(lang, "ui-high-contrast"),
                Message::ToggleHighContrast,
                if hc {
                    ButtonKind::Selected
                } else {
                    ButtonKind::Secondary
                }
            ),
            ring.bar_button(
                ctx,
                "settings",
                t!(lang, "ui-settings"),
                Message::Open(Route::Settings),
                ButtonKind::Secondary
            ),
        ]
        .push(self.base.public.then(|| finish_button(ctx, ring)))
        .spacing(ctx.m.gap() * 0.75)
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(ctx.m.gap());
        container(bar)
            .padding([ctx.m.gap(), ctx.m.space()])
            .width(Length::Fill)
            .style(style::bar(ctx.pal))
            .into()
    }

    /// The workshop's bar: only what a mediator needs in front of a group.
    fn workshop_bar<'a>(&self, ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
        let lang = ctx.lang;
        let bar = row![
            ctx.icon_sized("people", ctx.m.icon(), ctx.pal.primary),
            ctx.h3(t!(lang, "ui-workshop-title")),
            ring.bar_button(
                ctx,
                "list",
                t!(lang, "ui-workshop-paths"),
                Message::Open(Route::Guides),
                ButtonKind::Secondary
            ),
            ring.bar_button(
                ctx,
                "user",
                t!(lang, "ui-workshop-next-person"),
                Message::WorkshopReset,
                ButtonKind::Secondary
            ),
            language_button(ctx, ring),
            ring.bar_button(
                ctx,
                "cross",
                t!(lang, "ui-workshop-end"),
                Message::WorkshopEnd,
                ButtonKind::Secondary
            ),
        ]
        .push(self.base.public.then(|| finish_button(ctx, ring)))
        .spacing(ctx.m.gap())
        .align_y(Alignment::Center)
        .wrap()
        .vertical_spacing(ctx.m.gap());
        container(bar)
            .padding([ctx.m.gap(), ctx.m.space()])
            .width(Length::Fill)
            .style(style::bar(ctx.pal))
            .into()
    }

    fn notice_view<'a>(&self, ctx: &Ctx, ring: &Ring) -> Option<Element<'a, Message>> {
        let lang = ctx.lang;
        let (tone, msg) = match self.notice.as_ref()? {
            Notice::SettingsNotSaved(d) => (
                ctx.pal.warn,
                t!(lang, "ui-settings-not-saved", detail = d.as_str()),
            ),
            Notice::LinkNotOpened(url) => (
                ctx.pal.warn,
                t!(lang, "ui-link-not-opened", url = url.as_str()),
            ),
            Notice::CatalogProblems(n) => {
                let count = *n;
                (ctx.pal.warn, t!(lang, "ui-catalog-problems", count = count))
            }
            Notice::ProgressNotSaved(d) => (
                ctx.pal.warn,
                t!(lang, "ui-progress-not-saved", detail = d.as_str()),
            ),
            Notice::SessionErased => (ctx.pal.good, t!(lang, "ui-public-erased")),
            Notice::WorkshopReset => (ctx.pal.good, t!(lang, "ui-workshop-was-reset")),
        };
        Some(
            container(
                row![
                    ctx.icon_sized("info", ctx.m.icon(), tone),
                    ctx.text(msg).width(Length::Fill),
                    ring.button(
                        ctx,
                        "cross",
                        t!(lang, "ui-close"),
                        Message::DismissNotice,
                        ButtonKind::Secondary
                    )
                ]
                .spacing(ctx.m.gap())
                .align_y(Alignment::Center),
            )
            .padding(ctx.m.pad())
            .style(style::notice(ctx.pal, tone))
            .into(),
        )
    }
}

/// The top bar's language switch: the other language, named in itself.
fn language_button<'a>(ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    let other = match ctx.lang {
        Lang::Fr => "English",
        Lang::En => "Français",
    };
    ring.bar_button(
        ctx,
        "language",
        other.to_owned(),
        Message::ToggleLanguage,
        ButtonKind::Secondary,
    )
}

/// "Finish and erase everything", always in the bar of a public session.
fn finish_button<'a>(ctx: &Ctx, ring: &Ring) -> Element<'a, Message> {
    ring.bar_button(
        ctx,
        "lock",
        t!(ctx.lang, "ui-public-finish"),
        Message::PublicFinish,
        ButtonKind::Primary,
    )
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// When the process started (set by `run`), for the first-frame benchmark.
pub fn started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}

/// The application, as `main` runs it and tests build it.
pub fn application(
    options: Options,
) -> iced::Application<impl iced::Program<Message = Message, Theme = Theme>> {
    let mut app = iced::application(move || App::boot(options.clone()), App::update, App::view)
        .title(App::title)
        .theme(App::theme)
        .subscription(App::subscription)
        .window(window_settings());
    for f in style::font_files() {
        app = app.font(f);
    }
    app.default_font(style::fonts(FontChoice::Legible).0)
}

/// The application id: the desktop file's name, the AppStream and Flatpak id, so the
/// window gets its icon and name in docks and task bars.
pub const APP_ID: &str = "io.frama.kitlibre.KitLibre";

fn window_settings() -> iced::window::Settings {
    iced::window::Settings {
        size: WINDOW_SIZE.into(),
        position: iced::window::Position::Centered,
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: APP_ID.to_string(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Opens the window.
pub fn run(options: Options) -> iced::Result {
    let _ = started();
    application(options).run()
}
