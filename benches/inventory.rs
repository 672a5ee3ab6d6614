//! Inventory benchmark: the full local scan of this machine (every source, in parallel),
//! per source and in total, warm (files in the page cache). Target (DESIGN.md): < 150 ms.
//! Run: `cargo bench --bench inventory`.

use kitlibre::catalog::load_embedded;
use kitlibre::catalog::model::Lang;
use kitlibre::detect::matching::Matcher;
use kitlibre::detect::scan::{Inputs, scan};
use std::collections::BTreeMap;
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn main() {
    let catalog = load_embedded().catalog;
    let t = Instant::now();
    let matcher = Matcher::new(&catalog);
    let matcher_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let os = kitlibre::detect::os::collect();
    let os_ms = t.elapsed().as_secs_f64() * 1000.0;
    let inputs = Inputs::local();
    let runs = 20;
    let mut totals = Vec::new();
    let mut per_source: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    let mut programs = 0;
    // One warm-up run fills the page cache.
    let _ = scan(&catalog, &matcher, &inputs, os.clone(), Lang::Fr);
    for _ in 0..runs {
        let r = scan(&catalog, &matcher, &inputs, os.clone(), Lang::Fr);
        totals.push(r.millis);
        programs = r.programs.len();
        for s in &r.sources {
            per_source
                .entry(s.source.code())
                .or_default()
                .push(s.micros as f64 / 1000.0);
        }
    }
    println!(
        "Kit Libre inventory benchmark ({} build, {} runs, warm)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        runs
    );
    println!(
        "OS facts (sysinfo, targeted refreshes): {os_ms:.1} ms; matcher build: {matcher_ms:.1} ms"
    );
    for (source, mut v) in per_source {
        println!("  {source:<16} median {:>7.2} ms", median(&mut v));
    }
    let total = median(&mut totals);
    println!(
        "full inventory + matching: median {total:.1} ms for {programs} programs (target < 150 ms: {})",
        if total < 150.0 { "met" } else { "NOT met" }
    );
}
