//! The visible day range and the calendar axis for it.

use super::date_of_day;
use chrono::{Datelike, NaiveDate};

/// Narrowest view: two hours.
pub const MIN_SPAN_DAYS: f64 = 2.0 / 24.0;
/// Widest view: three thousand years.
pub const MAX_SPAN_DAYS: f64 = 3000.0 * 365.25;
/// Margin on each side when fitting, as a fraction of the span.
const FIT_MARGIN: f64 = 0.06;
/// A fitted view is at least this many days wide (one day alone is a sliver).
const MIN_FIT_DAYS: f64 = 14.0;

/// The visible days `[first, last)`, fractional (0.5 = noon). Independent
/// of the widget's width, so that it can be kept between runs.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct View {
    /// Day at the left edge.
    pub first: f64,
    /// Day at the right edge.
    pub last: f64,
}

impl Default for View {
    fn default() -> Self {
        // 2000–2030 until something is fitted.
        Self {
            first: 10_957.0,
            last: 21_915.0,
        }
    }
}

impl View {
    /// A view showing days `first..=last` with a margin.
    #[must_use]
    pub fn fit(first: i32, last: i32) -> Self {
        let (first, last) = (f64::from(first), f64::from(last) + 1.0);
        let span = (last - first).max(MIN_FIT_DAYS);
        let middle = f64::midpoint(first, last);
        let half = span * (0.5 + FIT_MARGIN);
        Self {
            first: middle - half,
            last: middle + half,
        }
        .clamped()
    }

    /// Days shown.
    #[must_use]
    pub fn span(&self) -> f64 {
        self.last - self.first
    }

    /// Zooms by `factor` (above 1 zooms in) keeping `day` where it is on screen.
    #[must_use]
    pub fn zoomed_at(self, day: f64, factor: f64) -> Self {
        if !(factor.is_finite() && factor > 0.0 && day.is_finite()) {
            return self;
        }
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let ratio = if self.span() > 0.0 {
            ((day - self.first) / self.span()).clamp(0.0, 1.0)
        } else {
            0.5
        };
        Self {
            first: day - span * ratio,
            last: day + span * (1.0 - ratio),
        }
        .clamped()
    }

    /// Moved by `days` (positive: later).
    #[must_use]
    pub fn panned(self, days: f64) -> Self {
        if !days.is_finite() {
            return self;
        }
        Self {
            first: self.first + days,
            last: self.last + days,
        }
        .clamped()
    }

    /// The smallest move that shows `[first, last)`, zooming out if it is wider than the view.
    #[must_use]
    pub fn revealing(self, first: f64, last: f64) -> Self {
        let margin = self.span() * 0.1;
        if last - first > self.span() - 2.0 * margin {
            let middle = f64::midpoint(first, last);
            return self.panned(middle - f64::midpoint(self.first, self.last));
        }
        if first < self.first + margin {
            self.panned(first - margin - self.first)
        } else if last > self.last - margin {
            self.panned(last + margin - self.last)
        } else {
            self
        }
    }

    /// Keeps the span within bounds and the days within chrono's calendar.
    #[must_use]
    pub fn clamped(self) -> Self {
        let bad = !(self.first.is_finite() && self.last.is_finite()) || self.last <= self.first;
        if bad {
            return Self::default();
        }
        let span = self.span().clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let middle = f64::midpoint(self.first, self.last).clamp(-2.0e8, 2.0e8);
        Self {
            first: middle - span / 2.0,
            last: middle + span / 2.0,
        }
    }

    /// Screen x of `day` in a widget `width` pixels wide starting at `left`.
    #[must_use]
    pub fn x_of(&self, day: f64, left: f32, width: f32) -> f32 {
        #[expect(clippy::cast_possible_truncation, reason = "screen coordinates")]
        let x = ((day - self.first) / self.span() * f64::from(width)) as f32;
        left + x
    }

    /// Day at screen x.
    #[must_use]
    pub fn day_at(&self, x: f32, left: f32, width: f32) -> f64 {
        self.first + f64::from(x - left) / f64::from(width.max(1.0)) * self.span()
    }
}

/// Which axis row a tick belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickRow {
    /// Fine marks (hours, days, months, years).
    Minor,
    /// Their context (the day, the month, the year), on a second row.
    Major,
}

/// One labelled mark of the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Day of the mark.
    pub day: f64,
    /// Label ("Aug", "2017", "14:00").
    pub label: String,
    /// Row.
    pub row: TickRow,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Hours(u32),
    Days(u32),
    Week,
    Months(u32),
    Years(i32),
}

impl Step {
    fn days(self) -> f64 {
        match self {
            Self::Hours(h) => f64::from(h) / 24.0,
            Self::Days(d) => f64::from(d),
            Self::Week => 7.0,
            Self::Months(m) => 30.44 * f64::from(m),
            Self::Years(y) => 365.25 * f64::from(y),
        }
    }

    /// Widest label, in characters.
    fn label_chars(self) -> f32 {
        match self {
            Self::Hours(_) => 5.0,
            Self::Days(_) | Self::Week => 6.0,
            Self::Months(_) => 3.0,
            Self::Years(_) => 4.0,
        }
    }
}

const STEPS: [Step; 22] = [
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Week,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
];

/// Most ticks a row may hold (a guard; the step choice keeps far fewer).
const MAX_TICKS: usize = 400;

/// The axis ticks for `view` on a widget `width` pixels wide, where a
/// character is about `char_px` wide: the finest calendar step whose labels
/// do not overlap, and a second row giving their context. Labels of the
/// second row never overlap either: one that would is left out, and the
/// context at the left edge is always given.
#[must_use]
pub fn ticks(view: &View, width: f32, char_px: f32) -> Vec<Tick> {
    let days_per_px = view.span() / f64::from(width.max(1.0));
    let gap_px = 3.0 * char_px;
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.days() / days_per_px >= f64::from(s.label_chars() * char_px + gap_px))
        .unwrap_or(Step::Years(5000));
    let mut out = Vec::new();
    for day in marks(view, step) {
        out.push(Tick {
            day,
            label: minor_label(day, step),
            row: TickRow::Minor,
        });
    }
    if let Some(context) = context_step(step) {
        let mut last_end = f64::NEG_INFINITY;
        let left_label = major_label(view.first.max(-1.0e8), context);
        let left_width = label_days(&left_label, char_px, days_per_px);
        let mut majors: Vec<Tick> = marks(view, context)
            .into_iter()
            .map(|day| Tick {
                day,
                label: major_label(day, context),
                row: TickRow::Major,
            })
            .collect();
        // The context at the left edge, unless a boundary label is right there.
        if majors
            .first()
            .is_none_or(|t| t.day - view.first > left_width + f64::from(gap_px) * days_per_px)
        {
            majors.insert(
                0,
                Tick {
                    day: view.first,
                    label: left_label,
                    row: TickRow::Major,
                },
            );
        }
        for tick in majors {
            if tick.day >= last_end {
                last_end = tick.day
                    + label_days(&tick.label, char_px, days_per_px)
                    + f64::from(gap_px) * days_per_px;
                out.push(tick);
            }
        }
    }
    out
}

fn label_days(label: &str, char_px: f32, days_per_px: f64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "label lengths")]
    let chars = label.chars().count() as f64;
    chars * f64::from(char_px) * days_per_px
}

fn context_step(step: Step) -> Option<Step> {
    match step {
        Step::Hours(_) => Some(Step::Days(1)),
        Step::Days(_) | Step::Week => Some(Step::Months(1)),
        Step::Months(_) => Some(Step::Years(1)),
        Step::Years(_) => None,
    }
}

fn minor_label(day: f64, step: Step) -> String {
    let date = date_of(day);
    match step {
        Step::Hours(_) => {
            let hours = ((day - day.floor()) * 24.0).round();
            format!("{hours:02}:00")
        }
        Step::Days(_) | Step::Week => date.format("%-d %b").to_string(),
        Step::Months(_) => date.format("%b").to_string(),
        Step::Years(_) => format!("{}", date.year()),
    }
}

fn major_label(day: f64, step: Step) -> String {
    let date = date_of(day);
    match step {
        Step::Days(_) | Step::Week | Step::Hours(_) => date.format("%a %-d %B %Y").to_string(),
        Step::Months(_) => date.format("%B %Y").to_string(),
        Step::Years(_) => format!("{}", date.year()),
    }
}

fn date_of(day: f64) -> NaiveDate {
    #[expect(clippy::cast_possible_truncation, reason = "clamped view days")]
    let whole = day.floor().clamp(-1.0e8, 1.0e8) as i32;
    date_of_day(whole)
}

/// Calendar-aligned marks of `step` inside the view.
fn marks(view: &View, step: Step) -> Vec<f64> {
    let mut out = Vec::new();
    match step {
        Step::Hours(h) => {
            let per = f64::from(h) / 24.0;
            let mut t = (view.first / per).ceil() * per;
            while t < view.last && out.len() < MAX_TICKS {
                out.push(t);
                t += per;
            }
        }
        Step::Days(n) => {
            let n = f64::from(n.max(1));
            let mut t = (view.first / n).ceil() * n;
            while t < view.last && out.len() < MAX_TICKS {
                out.push(t);
                t += n;
            }
        }
        Step::Week => {
            // Mondays: day 0 (1970-01-01) was a Thursday, so Mondays are 4 mod 7.
            let mut t = ((view.first - 4.0) / 7.0).ceil() * 7.0 + 4.0;
            while t < view.last && out.len() < MAX_TICKS {
                out.push(t);
                t += 7.0;
            }
        }
        Step::Months(n) => {
            let start = date_of(view.first);
            let mut year = start.year();
            let mut month = start.month0() / n * n;
            while out.len() < MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(year, month + 1, 1) else {
                    break;
                };
                let day = f64::from(super::day_number(date));
                if day >= view.last {
                    break;
                }
                if day >= view.first {
                    out.push(day);
                }
                month += n;
                if month >= 12 {
                    month -= 12;
                    year += 1;
                }
            }
        }
        Step::Years(n) => {
            let start = date_of(view.first).year();
            let mut year = start.div_euclid(n) * n;
            while out.len() < MAX_TICKS {
                let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) else {
                    break;
                };
                let day = f64::from(super::day_number(date));
                if day >= view.last {
                    break;
                }
                if day >= view.first {
                    out.push(day);
                }
                year += n;
            }
        }
    }
    out
}
