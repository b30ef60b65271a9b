//! Names the engine gives things (rule names, TIMEX3 modifiers, actors):
//! `&'static str`, shared, and read back from a cache or an events file as
//! the same shared strings.

use serde::{Deserialize, Deserializer};
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

/// A rule or modifier name: `&'static str`. The alias keeps serde's derive
/// from borrowing these fields from the input (it does so for a written
/// `&str`), which would tie a deserialized value to the bytes it came from.
pub type Name = &'static str;

/// The one `&'static str` for each name read back (rule names, TIMEX3
/// modifiers): the engine's own names are `&'static str`; names read from a
/// cache are leaked once each. A cache only holds names the engine wrote,
/// so the set is small and bounded.
pub fn intern(name: String) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(&known) = names.get(name.as_str()) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.into_boxed_str());
    names.insert(leaked);
    leaked
}

/// Deserializes a `&'static str` field (see [`intern`]).
pub fn de_static<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    String::deserialize(d).map(intern)
}

/// Deserializes an `Option<&'static str>` field (see [`intern`]).
pub fn de_static_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    Option::<String>::deserialize(d).map(|o| o.map(intern))
}

/// Deserializes a `Vec<&'static str>` field (see [`intern`]).
pub fn de_static_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    Vec::<String>::deserialize(d).map(|v| v.into_iter().map(intern).collect())
}
