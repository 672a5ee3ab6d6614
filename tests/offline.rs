//! The kit makes no network connection unless the person asks for a catalogue update or
//! a download: the window's start and its screens, the scan of this computer, the checks
//! of the paths and the documents inventory send nothing. Its own test binary, so that no
//! other test's requests are counted.

use kitlibre::catalog::model::Lang;
use kitlibre::settings::{Paths, Placement, Settings};
use kitlibre::ui::{App, Base, LoadedCatalog, Message, Route};
use std::sync::Arc;

#[test]
fn nothing_goes_on_the_network_unless_asked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::under(tmp.path(), Placement::Environment);

    // The catalogue as the window loads it, and the window's screens.
    let (loaded, in_use) = kitlibre::update::load_in_use(&paths);
    assert_eq!(in_use.origin, "embedded");
    let data = Arc::new(LoadedCatalog::from_loaded(loaded));
    let base = Base {
        settings: Settings::default(),
        paths: paths.clone(),
        lang_override: Some(Lang::Fr),
        first_frame: kitlibre::ui::FirstFrame::Ignore,
        first_frame_seen: false,
        public: false,
        workshop: false,
        workshop_path: None,
    };
    let mut app = App::ready(base, data.clone());
    for m in [
        Message::SearchChanged("gmail".into()),
        Message::Open(Route::Entry("gimp".into())),
        Message::Open(Route::Guides),
        Message::GuideOpen("leave-gmail".into()),
        Message::GuideNext,
        Message::Open(Route::Documents),
        Message::Open(Route::Settings),
        Message::Open(Route::About),
    ] {
        let _ = app.update(m);
        let _ = app.view();
    }

    // The scan of this computer and the paths' checks.
    let matcher = kitlibre::detect::matching::Matcher::new(&data.catalog);
    let report = kitlibre::detect::scan::scan(
        &data.catalog,
        &matcher,
        &kitlibre::detect::scan::Inputs::local(),
        kitlibre::detect::os::collect(),
        Lang::Fr,
    );
    assert!(!report.sources.is_empty());
    let _ = kitlibre::guide::checks::Facts::gather(&data.catalog);

    assert_eq!(
        kitlibre::net::requests_sent(),
        0,
        "a network request was sent without being asked for"
    );

    // The counter does count: an update the person asks for is one request (refused
    // here before leaving the machine, on a closed local port).
    let opts = kitlibre::update::Options {
        allow_loopback_http: true,
        timeout: std::time::Duration::from_secs(2),
        ..Default::default()
    };
    let _ = kitlibre::update::update(
        &kitlibre::update::Source::Url("http://127.0.0.1:9/catalogue.zip".into()),
        &paths,
        &opts,
    );
    assert_eq!(kitlibre::net::requests_sent(), 1);
}

/// Every network call goes through src/net.rs: no other file uses the HTTP client.
#[test]
fn only_the_network_module_holds_the_http_client() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("src").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("net.rs") {
                let text = std::fs::read_to_string(&p).expect("read");
                if text.contains("reqwest")
                    || text.contains("TcpStream")
                    || text.contains("UdpSocket")
                {
                    offenders.push(p.display().to_string());
                }
            }
        }
    }
    assert_eq!(offenders, Vec::<String>::new());
}
