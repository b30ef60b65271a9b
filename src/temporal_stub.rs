//! Temporary stand-in for the temporal engine (replaced at integration).
use chrono::{NaiveDate, Weekday};
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}
impl TimexType {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub range: Option<(NaiveDate, NaiveDate)>,
    pub rule: &'static str,
    pub needs_anchor: bool,
}
pub struct FullDate {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    pub weekday_written: Option<Weekday>,
    pub has_time: bool,
}
#[derive(Default)]
pub struct Tagger;
impl Tagger {
    #[must_use]
    pub fn new() -> Self {
        Self
    }
    #[must_use]
    pub fn tag(&self, _t: &str, _a: Option<NaiveDate>) -> Vec<Timex> {
        Vec::new()
    }
    #[must_use]
    pub fn full_dates(&self, _t: &str) -> Vec<FullDate> {
        Vec::new()
    }
}
