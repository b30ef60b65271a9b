use super::{
    Item, LaneMode, LayoutParams, TickRow, TimelineIndex, View, date_of_day, day_number, density,
    layout, synthetic, ticks,
};
use chrono::NaiveDate;

#[test]
fn day_numbers_round_trip() {
    let date = NaiveDate::from_ymd_opt(2017, 8, 5).unwrap_or_default();
    assert_eq!(
        day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()),
        0
    );
    assert_eq!(date_of_day(day_number(date)), date);
}

#[test]
fn lanes_by_kind_actor_country_and_document_hold_every_dated_event() {
    let analysis = synthetic::analysis(2_000, 7);
    let dated = analysis.events.iter().filter(|e| e.range.is_some()).count();
    for mode in LaneMode::ALL {
        let index = TimelineIndex::build(&analysis, mode, None);
        assert_eq!(index.dated(), dated, "{mode:?}");
        let in_lanes: std::collections::HashSet<u32> = index
            .lanes
            .iter()
            .flat_map(|l| l.entries.iter().map(|e| e.event))
            .collect();
        assert_eq!(in_lanes.len(), dated, "{mode:?}: every event in some lane");
        for lane in &index.lanes {
            assert!(
                lane.entries.windows(2).all(|w| w[0].mid2() <= w[1].mid2()),
                "sorted by middle day"
            );
        }
    }
    // Countries: organisations of a country count for it; "NATO" has none.
    let by_country = TimelineIndex::build(&analysis, LaneMode::Country, None);
    assert!(by_country.lanes.iter().any(|l| l.label == "Iran"));
    assert!(!by_country.lanes.iter().any(|l| l.label == "NATO"));
}

#[test]
fn a_mask_keeps_only_shown_events() {
    let analysis = synthetic::analysis(1_000, 3);
    let shown: Vec<bool> = (0..analysis.events.len()).map(|i| i % 3 == 0).collect();
    let index = TimelineIndex::build(&analysis, LaneMode::Kind, Some(&shown));
    assert_eq!(index.dated(), shown.iter().filter(|s| **s).count());
    assert!(index.order().iter().all(|&e| e % 3 == 0));
}

#[test]
fn overlap_queries_match_a_scan() {
    let analysis = synthetic::analysis(3_000, 11);
    let index = TimelineIndex::new(&analysis);
    let (first, last) = (
        f64::from(day_number(date(2001, 3, 1))),
        f64::from(day_number(date(2001, 9, 1))),
    );
    for lane in &index.lanes {
        let fast: Vec<u32> = lane.overlapping(first, last).map(|e| e.event).collect();
        let slow: Vec<u32> = lane
            .entries
            .iter()
            .filter(|e| f64::from(e.last_day) + 1.0 > first && f64::from(e.first_day) < last)
            .map(|e| e.event)
            .collect();
        assert_eq!(fast, slow, "lane {}", lane.label);
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn layout_counts(index: &TimelineIndex, view: &View, params: &LayoutParams) -> usize {
    layout(index, view, params)
        .items
        .iter()
        .map(|i| match i {
            Item::Marker { .. } | Item::Bar { .. } => 1,
            Item::Cluster { count, .. } => *count as usize,
        })
        .sum()
}

#[test]
fn clusters_account_for_every_event_and_expand_on_zoom() {
    let analysis = synthetic::analysis(20_000, 5);
    let index = TimelineIndex::new(&analysis);
    let Some((first, last)) = index.span() else {
        panic!("synthetic events are dated");
    };
    let params = LayoutParams {
        width: 1200.0,
        ..LayoutParams::default()
    };
    // Fitted: far more events than pixels, so clusters; every event counted
    // once per lane, whether the lane is walked or counted.
    let fitted = View::fit(first, last);
    let all: usize = index.lanes.iter().map(|l| l.entries.len()).sum();
    assert_eq!(layout_counts(&index, &fitted, &params), all);
    let walked = LayoutParams {
        detail_limit: usize::MAX,
        ..params.clone()
    };
    assert_eq!(layout_counts(&index, &fitted, &walked), all);
    let clusters = |view: &View| {
        layout(&index, view, &params)
            .items
            .iter()
            .filter(|i| matches!(i, Item::Cluster { .. }))
            .count()
    };
    let markers = |view: &View| {
        layout(&index, view, &params)
            .items
            .iter()
            .filter(|i| matches!(i, Item::Marker { .. }))
            .count()
    };
    assert!(clusters(&fitted) > 0);
    // Zoomed in to a week, markers stand apart.
    let week = View {
        first: f64::from(first) + 100.0,
        last: f64::from(first) + 107.0,
    };
    assert!(markers(&week) >= clusters(&week));
    // No two markers of a lane closer than a cell.
    for lane in 0..index.lanes.len() {
        let mut xs: Vec<f32> = layout(&index, &fitted, &params)
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Marker { x, lane: l, .. } if *l == lane => Some(*x),
                _ => None,
            })
            .collect();
        xs.sort_by(f32::total_cmp);
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 1.0), "lane {lane}");
    }
}

#[test]
fn ranged_events_become_bars_when_wide_enough() {
    let analysis = synthetic::analysis(5_000, 9);
    let index = TimelineIndex::new(&analysis);
    let year = View {
        first: f64::from(day_number(date(2005, 1, 1))),
        last: f64::from(day_number(date(2006, 1, 1))),
    };
    let items = layout(
        &index,
        &year,
        &LayoutParams {
            width: 1200.0,
            ..LayoutParams::default()
        },
    )
    .items;
    assert!(
        items
            .iter()
            .any(|i| matches!(i, Item::Bar { entry, .. } if entry.days() >= 7))
    );
    assert!(
        !items
            .iter()
            .any(|i| matches!(i, Item::Bar { entry, .. } if entry.days() == 1))
    );
}

#[test]
fn density_sums_to_the_events_in_view() {
    let analysis = synthetic::analysis(10_000, 13);
    let index = TimelineIndex::new(&analysis);
    let view = View {
        first: f64::from(day_number(date(1995, 1, 1))),
        last: f64::from(day_number(date(2005, 1, 1))),
    };
    let columns = density(&index, &view, 800);
    assert_eq!(columns.len(), 800);
    let total: u32 = columns.iter().sum();
    assert_eq!(total as usize, index.count_between(view.first, view.last));
}

#[test]
fn zoom_keeps_the_day_under_the_cursor_and_stays_in_bounds() {
    let view = View {
        first: 0.0,
        last: 100.0,
    };
    let zoomed = view.zoomed_at(25.0, 2.0);
    assert!((zoomed.span() - 50.0).abs() < 1e-9);
    let x_before = view.x_of(25.0, 0.0, 1000.0);
    let x_after = zoomed.x_of(25.0, 0.0, 1000.0);
    assert!((x_before - x_after).abs() < 0.01);
    // Hours at most; millennia at least.
    let mut v = view;
    for _ in 0..100 {
        v = v.zoomed_at(50.0, 4.0);
    }
    assert!(v.span() >= super::view::MIN_SPAN_DAYS * 0.999);
    for _ in 0..100 {
        v = v.zoomed_at(50.0, 0.1);
    }
    assert!(v.span() <= super::view::MAX_SPAN_DAYS * 1.001);
    // Garbage in, a sane view out.
    assert_eq!(view.zoomed_at(f64::NAN, 2.0), view);
    let bad = View {
        first: 5.0,
        last: f64::INFINITY,
    }
    .clamped();
    assert!(bad.span().is_finite());
}

#[test]
fn revealing_moves_only_as_needed() {
    let view = View {
        first: 0.0,
        last: 100.0,
    };
    assert_eq!(view.revealing(40.0, 41.0), view);
    let moved = view.revealing(150.0, 151.0);
    assert!(moved.first <= 150.0 && moved.last >= 151.0);
    assert!((moved.span() - 100.0).abs() < 1e-9);
}

#[test]
fn axis_labels_adapt_and_never_overlap() {
    let char_px = 7.0;
    let width = 1200.0;
    let cases = [
        (3.0 / 24.0, "hours"),
        (5.0, "days"),
        (120.0, "weeks"),
        (700.0, "months"),
        (40.0 * 365.0, "years"),
        (900.0 * 365.0, "centuries"),
    ];
    let start = f64::from(day_number(date(2017, 8, 5)));
    let mut minor_steps = Vec::new();
    for (span, name) in cases {
        let view = View {
            first: start,
            last: start + span,
        };
        let ticks = ticks(&view, width, char_px);
        let minor: Vec<_> = ticks.iter().filter(|t| t.row == TickRow::Minor).collect();
        assert!(minor.len() >= 2, "{name}: {minor:?}");
        for row in [TickRow::Minor, TickRow::Major] {
            let xs: Vec<(f32, f32)> = ticks
                .iter()
                .filter(|t| t.row == row)
                .map(|t| {
                    let x = view.x_of(t.day, 0.0, width);
                    #[expect(clippy::cast_precision_loss, reason = "label lengths")]
                    let w = t.label.chars().count() as f32 * char_px;
                    (x, x + w)
                })
                .collect();
            assert!(
                xs.windows(2).all(|w| w[1].0 >= w[0].1),
                "{name} {row:?} labels overlap: {ticks:?}"
            );
        }
        let first_gap = minor.get(1).map_or(0.0, |t| t.day) - minor.first().map_or(0.0, |t| t.day);
        minor_steps.push(first_gap);
    }
    // Coarser views, coarser steps.
    assert!(
        minor_steps.windows(2).all(|w| w[0] < w[1]),
        "{minor_steps:?}"
    );
    // Hours are labelled as clock times, years as years.
    let hours = View {
        first: start,
        last: start + 0.25,
    };
    assert!(
        ticks(&hours, width, char_px)
            .iter()
            .any(|t| t.label.ends_with(":00"))
    );
}

#[test]
fn filtering_an_index_equals_building_it_filtered() {
    let analysis = synthetic::analysis(3_000, 21);
    let shown: Vec<bool> = (0..analysis.events.len()).map(|i| i % 4 != 1).collect();
    for mode in LaneMode::ALL {
        let built = TimelineIndex::build(&analysis, mode, Some(&shown));
        let filtered = TimelineIndex::build(&analysis, mode, None).filtered(&shown);
        assert_eq!(built.order(), filtered.order(), "{mode:?}");
        assert_eq!(built.mids(), filtered.mids(), "{mode:?}");
        assert_eq!(built.span(), filtered.span(), "{mode:?}");
        let lanes = |i: &TimelineIndex| {
            let mut l: Vec<(String, Vec<u32>)> = i
                .lanes
                .iter()
                .map(|l| (l.label.clone(), l.entries.iter().map(|e| e.event).collect()))
                .collect();
            l.sort();
            l
        };
        assert_eq!(lanes(&built), lanes(&filtered), "{mode:?}");
    }
}

#[test]
fn the_events_table_sorts_by_each_column_both_ways() {
    use super::{Sort, SortColumn};
    let analysis = super::synthetic::analysis(500, 7);
    let index = TimelineIndex::build(&analysis, LaneMode::Kind, None);
    let by_date = index.order();
    let sort = Sort::default();
    assert_eq!(sort.apply(&analysis, by_date), by_date);
    let by_kind = sort.clicked(SortColumn::Kind);
    let rows = by_kind.apply(&analysis, by_date);
    assert_eq!(rows.len(), by_date.len());
    let kinds: Vec<_> = rows
        .iter()
        .map(|&i| analysis.events[i as usize].kind)
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]));
    // Within a kind, time order is kept.
    let position = |e: u32| by_date.iter().position(|&x| x == e);
    assert!(rows.windows(2).all(|w| {
        analysis.events[w[0] as usize].kind != analysis.events[w[1] as usize].kind
            || position(w[0]) < position(w[1])
    }));
    let back = by_kind.clicked(SortColumn::Kind);
    assert!(back.descending);
    let kinds: Vec<_> = back
        .apply(&analysis, by_date)
        .iter()
        .map(|&i| analysis.events[i as usize].kind)
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] >= w[1]));
    let docs: Vec<usize> = sort
        .clicked(SortColumn::Document)
        .apply(&analysis, by_date)
        .iter()
        .map(|&i| analysis.events[i as usize].doc)
        .collect();
    assert!(docs.windows(2).all(|w| w[0] <= w[1]));
}
