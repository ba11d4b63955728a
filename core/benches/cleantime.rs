//! Clean-time computation for a counter with 100 attempts (the benchmark), plus the
//! stateless calculator for a long count. Results are written down in docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used)]

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use oneday_core::cleantime::{
    CleanTime, Counter, CounterSettings, CountingMode, MilestoneProfile, Money,
};
use std::hint::black_box;

fn counter_with_attempts(n: usize) -> (Counter, NaiveDate) {
    let mut settings = CounterSettings::new("bench");
    settings.daily_cost = Some(Money::new(1_000, "EUR").unwrap());
    let mut day = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let mut counter = Counter::new(settings, day).unwrap();
    for i in 0..n - 1 {
        let relapse = day
            .checked_add_days(Days::new(30 + (i as u64 * 7) % 90))
            .unwrap();
        counter
            .reset(relapse, None, Some(format!("note {i}")))
            .unwrap();
        day = relapse;
    }
    (counter, day.checked_add_days(Days::new(400)).unwrap())
}

fn bench(c: &mut Criterion) {
    let (counter, today) = counter_with_attempts(100);
    assert_eq!(counter.attempts().len(), 100);
    c.bench_function("counter_100_attempts/clean_time+stats", |b| {
        b.iter(|| {
            let ct = black_box(&counter).clean_time(black_box(today)).unwrap();
            let stats = black_box(&counter).stats(black_box(today)).unwrap();
            (ct, stats)
        })
    });
    let start = NaiveDate::from_ymd_opt(1950, 2, 28).unwrap();
    let today = NaiveDate::from_ymd_opt(2025, 11, 23).unwrap();
    c.bench_function("calculator/75_years_na", |b| {
        b.iter(|| {
            CleanTime::compute(
                black_box(start),
                black_box(today),
                CountingMode::CompletedDays,
                &MilestoneProfile::NaKeyTags,
                None,
            )
            .unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
