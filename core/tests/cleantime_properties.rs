//! Property tests of the clean-time rules over random civil dates from 1900 to 2200, with extra weight
//! on month ends and leap days, where day-count bugs live.
#![allow(clippy::unwrap_used, missing_docs)]

use chrono::{Datelike, Days, NaiveDate};
use oneday_core::cleantime::{
    CleanTime, CountState, Counter, CounterSettings, CountingMode, MilestoneProfile, Money, Period,
    Span,
};
use oneday_core::date::{days_in_month, EARLIEST, LATEST};
use proptest::prelude::*;

/// Any date in the supported range, half of them forced onto the last days of a month.
fn date() -> impl Strategy<Value = NaiveDate> {
    let span = (LATEST - EARLIEST).num_days() as u64;
    let any = (0..=span).prop_map(|n| EARLIEST.checked_add_days(Days::new(n)).unwrap());
    let month_end = (1900i32..=2200, 1u32..=12, 0u32..4).prop_map(|(y, m, back)| {
        let last = days_in_month(y, m);
        NaiveDate::from_ymd_opt(y, m, last - back.min(last - 1)).unwrap()
    });
    let leap_day =
        (0i32..=73).prop_map(|k| NaiveDate::from_ymd_opt(1904 + 4 * k, 2, 29).unwrap_or(EARLIEST));
    prop_oneof![4 => any, 4 => month_end, 1 => leap_day]
}

/// Two dates, the first not after the second.
fn ordered_pair() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    (date(), date()).prop_map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
}

fn mode() -> impl Strategy<Value = CountingMode> {
    prop_oneof![
        Just(CountingMode::CompletedDays),
        Just(CountingMode::TodayIsDayOne)
    ]
}

fn profile() -> impl Strategy<Value = MilestoneProfile> {
    prop_oneof![
        Just(MilestoneProfile::NaKeyTags),
        Just(MilestoneProfile::AaChips { colours: vec![] }),
    ]
}

/// Days between two dates by walking the calendar one day at a time: slow, obviously right.
fn walk_days(from: NaiveDate, to: NaiveDate) -> i64 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        d = d.succ_opt().unwrap();
        n += 1;
    }
    n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn start_plus_period_is_the_count_end((start, today) in ordered_pair(), mode in mode()) {
        let ct = CleanTime::compute(start, today, mode, &MilestoneProfile::NaKeyTags, None).unwrap();
        let end = mode.count_end(today);
        prop_assert_eq!(ct.period.add_to(start), Some(end));
        prop_assert!(ct.period.years >= 0 && (0..12).contains(&ct.period.months));
        prop_assert!((0..31).contains(&ct.period.days));
        prop_assert_eq!(ct.period, Period::between(start, end));
    }

    #[test]
    fn total_days_is_calendar_days((start, today) in ordered_pair(), mode in mode()) {
        let ct = CleanTime::compute(start, today, mode, &MilestoneProfile::NaKeyTags, None).unwrap();
        let expected = walk_days(start, today) + i64::from(mode == CountingMode::TodayIsDayOne);
        prop_assert_eq!(ct.total_days, expected);
        prop_assert_eq!(ct.state, CountState::Running);
    }

    #[test]
    fn days_grow_by_one_each_day((start, today) in ordered_pair(), mode in mode()) {
        prop_assume!(today < LATEST);
        let tomorrow = today.succ_opt().unwrap();
        let a = CleanTime::compute(start, today, mode, &MilestoneProfile::NaKeyTags, None).unwrap();
        let b = CleanTime::compute(start, tomorrow, mode, &MilestoneProfile::NaKeyTags, None).unwrap();
        prop_assert_eq!(b.total_days, a.total_days + 1);
        prop_assert!(b.milestones_reached.len() >= a.milestones_reached.len());
    }

    #[test]
    fn milestones_are_consistent_with_the_count(
        (start, today) in ordered_pair(), mode in mode(), profile in profile()
    ) {
        let ct = CleanTime::compute(start, today, mode, &profile, None).unwrap();
        let count_end = mode.count_end(today);
        for m in &ct.milestones_reached {
            prop_assert!(m.date <= today && m.date >= start);
            match m.span {
                Span::Days(n) => prop_assert!(ct.total_days >= i64::from(n)),
                span => prop_assert!(span.after(start).unwrap() <= count_end),
            }
        }
        prop_assert!(ct.milestones_reached.windows(2).all(|w| w[0].date <= w[1].date));
        let next = ct.next_milestone.expect("NA and AA always have a next milestone");
        prop_assert!(next.milestone.date > today);
        prop_assert_eq!(next.days_until, (next.milestone.date - today).num_days());
        prop_assert!((0.0..1.0).contains(&next.progress));
        match next.milestone.span {
            Span::Days(n) => prop_assert!(ct.total_days < i64::from(n)),
            span => prop_assert!(span.after(start).unwrap() > count_end),
        }
    }

    #[test]
    fn future_clean_dates_never_count_negative((today, start) in ordered_pair(), mode in mode()) {
        prop_assume!(today < start);
        let ct = CleanTime::compute(start, today, mode, &MilestoneProfile::NaKeyTags, None).unwrap();
        prop_assert_eq!(ct.state, CountState::NotStarted);
        prop_assert_eq!(ct.total_days, 0);
        prop_assert_eq!(ct.starts_in_days, Some((start - today).num_days()));
        prop_assert!(ct.milestones_reached.is_empty());
    }

    #[test]
    fn month_milestones_clamp_to_month_end(start in date(), months in 1u32..=2400) {
        if let Some(m) = Span::Months(months).after(start) {
            let target_month0 = start.month0() + months % 12;
            prop_assert_eq!(m.month0(), target_month0 % 12);
            let last = days_in_month(m.year(), m.month());
            prop_assert_eq!(m.day(), start.day().min(last));
        }
    }

    #[test]
    fn money_is_cost_times_days((start, today) in ordered_pair(), cents in 0u64..100_000) {
        let cost = Money::new(cents, "USD").unwrap();
        let ct = CleanTime::compute(start, today, CountingMode::CompletedDays,
                                    &MilestoneProfile::NaKeyTags, Some(&cost)).unwrap();
        prop_assert_eq!(ct.money_saved.unwrap().minor_units, cents * ct.total_days as u64);
    }

    #[test]
    fn stats_add_up_over_random_relapses(
        start in date(), gaps in proptest::collection::vec((0u64..400, 0u64..5), 0..12), tail in 0u64..400
    ) {
        let mut counter = Counter::new(CounterSettings::new("c"), start).unwrap();
        let mut day = start;
        let mut runs = Vec::new();
        for (run, wait) in gaps {
            let relapse = day.checked_add_days(Days::new(run)).unwrap();
            let restart = relapse.checked_add_days(Days::new(wait)).unwrap();
            prop_assume!(restart <= LATEST);
            counter.reset(relapse, Some(restart), None).unwrap();
            runs.push(walk_days(day, relapse));
            day = restart;
        }
        let today = day.checked_add_days(Days::new(tail)).unwrap();
        prop_assume!(today <= LATEST);
        runs.push(walk_days(day, today));
        let stats = counter.stats(today).unwrap();
        prop_assert_eq!(stats.current_run_days, *runs.last().unwrap());
        prop_assert_eq!(stats.total_clean_days, runs.iter().sum::<i64>());
        prop_assert_eq!(stats.longest_run_days, *runs.iter().max().unwrap());
        prop_assert_eq!(stats.attempts, runs.len());
        prop_assert_eq!(stats.relapses, runs.len() - 1);
    }
}

#[test]
fn feb_29_clean_date_on_feb_28_five_years_later() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let ct = CleanTime::compute(
        d(2020, 2, 29),
        d(2025, 2, 28),
        CountingMode::CompletedDays,
        &MilestoneProfile::NaKeyTags,
        None,
    )
    .unwrap();
    assert_eq!(ct.total_days, walk_days(d(2020, 2, 29), d(2025, 2, 28)));
    // Each anniversary of a Feb 29 clean date falls on Feb 28 in common years.
    let years: Vec<_> = ct
        .milestones_reached
        .iter()
        .filter(|m| matches!(m.span, Span::Years(_)))
        .map(|m| m.date.to_string())
        .collect();
    assert_eq!(
        years,
        [
            "2021-02-28",
            "2022-02-28",
            "2023-02-28",
            "2024-02-29",
            "2025-02-28"
        ]
    );
}
