//! Benchmark of the domain work one entry sets off, natively, for the real plan and for a
//! synthetic plan of 1.000 targets with 12 monthly entries each (issue 7). Run by
//! `scripts/bench.sh` as `cargo run --release --example bench_engine`; it prints figures and
//! asserts nothing.
//!
//! The synthetic plan is made here, from the real one, and never shipped: the real targets are
//! repeated with new ids until there are 1.000. What an entry costs in the browser beyond this
//! (DOM, ECharts) does not grow with the number of targets on the target page, where entries are
//! made; this work does, because progress and the saved envelope cover every target.

use std::hint::black_box;
use std::time::Instant;

use lai_chau_plan::charts::groups_chart;
use lai_chau_plan::i18n::Lang;
use lai_chau_plan::plan::{progress_all, Basis, Entry, Period, Plan, Summary, TargetId, Tracking};

/// Repetitions per measurement; the median is printed.
const REPEAT: usize = 31;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..REPEAT)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[REPEAT / 2]
}

/// The plan with its targets repeated, under new ids, up to `count`.
fn synthetic(plan: &Plan, count: usize) -> Plan {
    let mut big = plan.clone();
    big.targets = (0..count)
        .map(|i| {
            let mut target = plan.targets[i % plan.targets.len()].clone();
            target.id = TargetId(format!("{}-{i}", target.id));
            target
        })
        .collect();
    big
}

/// Twelve monthly estimates for every numeric target, near its plan value.
fn tracking_for(plan: &Plan) -> Tracking {
    let mut tracking = Tracking::default();
    for target in &plan.targets {
        let Some(goal) = target.numeric() else {
            continue;
        };
        for month in 1..=12u8 {
            let entry = Entry {
                period: Period::Month(month),
                basis: Basis::Estimate,
                value: goal.value * f64::from(month) / 12.0,
                note: String::new(),
            };
            tracking.upsert_entry(&target.id, entry);
        }
    }
    tracking
}

fn run(label: &str, plan: &Plan) {
    let mut tracking = tracking_for(plan);
    let entries: usize = tracking.entries.values().map(Vec::len).sum();
    let all = |t: &Tracking| progress_all(plan, t);
    let first = plan.targets[0].id.clone();
    let mut value = 0.0;
    let upsert = median_ms(|| {
        value += 1.0;
        let entry = Entry {
            period: Period::Month(6),
            basis: Basis::Estimate,
            value,
            note: String::new(),
        };
        black_box(tracking.upsert_entry(&first, entry));
    });
    let progress_ms = median_ms(|| {
        black_box(all(&tracking));
    });
    let statuses = all(&tracking);
    let summary = median_ms(|| {
        black_box(Summary::of(&statuses));
    });
    let chart = median_ms(|| {
        black_box(groups_chart(plan, &statuses, Lang::Vi).to_option_json(false, true));
    });
    let save = median_ms(|| {
        black_box(
            serde_json::to_string(&tracking)
                .map(|s| s.len())
                .unwrap_or_default(),
        );
    });
    let total = upsert + progress_ms + summary + chart + save;
    println!(
        "{label}: {} targets, {entries} entries · upsert {upsert:.3} ms · progress() of all {progress_ms:.3} ms · summary {summary:.3} ms · groups chart option {chart:.3} ms · serialise for saving {save:.3} ms · total {total:.3} ms",
        plan.targets.len()
    );
}

fn main() {
    let plan = match Plan::embedded() {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("the embedded plan does not load: {e}");
            std::process::exit(1);
        }
    };
    println!("native code (not WASM, no CPU throttling), release build, median of {REPEAT} runs");
    run("real plan", &plan);
    run("synthetic plan", &synthetic(&plan, 1000));
}
