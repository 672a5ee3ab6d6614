//! Catalogue benchmark: load time, index build time and search latency per keystroke.
//! Prints figures against the targets of DESIGN.md. Run: `cargo bench --bench catalog`.

use kitlibre::catalog::model::Lang;
use kitlibre::catalog::search::SearchIndex;
use kitlibre::catalog::{load_dir, load_embedded};
use std::path::Path;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // Load: embedded (parse only) and from the directory (read + parse).
    let mut loads = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let l = load_embedded();
        loads.push(t.elapsed());
        std::hint::black_box(l);
    }
    loads.sort();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let mut dir_loads = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let l = load_dir(&dir).expect("catalog dir");
        dir_loads.push(t.elapsed());
        std::hint::black_box(l);
    }
    dir_loads.sort();

    let cat = load_embedded().catalog;
    let mut builds = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let i = SearchIndex::new(&cat);
        builds.push(t.elapsed());
        std::hint::black_box(i);
    }
    builds.sort();
    let index = SearchIndex::new(&cat);

    // Keystrokes: every prefix of every name (as typed), plus misspellings and needs.
    let queries = kitlibre::bench::keystrokes(&cat);
    // Warm up, then measure each keystroke.
    for q in queries.iter().take(200) {
        std::hint::black_box(index.search(&cat, q, Lang::Fr, 20));
    }
    let mut lat = Vec::with_capacity(queries.len());
    let mut by_query = Vec::with_capacity(queries.len());
    for q in &queries {
        let t = Instant::now();
        let hits = index.search(&cat, q, Lang::Fr, 20);
        let d = t.elapsed();
        lat.push(d);
        by_query.push((d, q.as_str()));
        std::hint::black_box(hits);
    }
    lat.sort();
    by_query.sort();

    println!(
        "Kit Libre catalogue benchmark ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "catalogue: {} proprietary, {} free, {} replacements; {} search terms",
        cat.proprietary.len(),
        cat.free.len(),
        cat.replacements.len(),
        index.len()
    );
    println!(
        "load, embedded       median {}   max {}",
        ms(percentile(&loads, 0.5)),
        ms(percentile(&loads, 1.0))
    );
    println!(
        "load, from catalog/  median {}   max {}",
        ms(percentile(&dir_loads, 0.5)),
        ms(percentile(&dir_loads, 1.0))
    );
    println!(
        "search index build   median {}",
        ms(percentile(&builds, 0.5))
    );
    println!(
        "search per keystroke ({} queries)  p50 {}   p99 {}   max {}   (target p99 < 1 ms: {})",
        lat.len(),
        us(percentile(&lat, 0.5)),
        us(percentile(&lat, 0.99)),
        us(percentile(&lat, 1.0)),
        if percentile(&lat, 0.99) < Duration::from_millis(1) {
            "met"
        } else {
            "NOT met"
        }
    );
    let slowest: Vec<String> = by_query
        .iter()
        .rev()
        .take(5)
        .map(|(d, q)| format!("{q:?} {}", us(*d)))
        .collect();
    println!("slowest keystrokes: {}", slowest.join(", "));
}
