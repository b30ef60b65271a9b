use super::sidecar::Sidecar;
use super::*;
use crate::analysis::{Analysis, Options, analyze_document};
use crate::corpus::Document;
use crate::temporal::Tagger;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// An analysis of `(path, text)` documents, `published` for those that have one.
fn analysis(docs: &[(&str, &str)], published: &[(&str, NaiveDate)]) -> Analysis {
    let tagger = Tagger::new();
    let mut options = Options::default();
    for (path, date) in published {
        options.published.insert((*path).to_owned(), *date);
    }
    let mut out = Analysis::default();
    for (path, text) in docs {
        let mut doc = Document::new(*path, *path);
        doc.text = (*text).into();
        out.push(analyze_document(doc, &tagger, &options));
    }
    out.merge_mentions();
    out
}

const VISIT: &str =
    "Iranian President Hassan Rouhani visited Moscow on Monday. The talks were long.";

fn visit_key(a: &Analysis) -> EventKey {
    let event = a.events.iter().find(|e| e.kind == EventKind::Visit);
    event.and_then(|e| key_of(a, e)).unwrap_or_default()
}

fn applied(a: &Analysis, c: &Corrections) -> (Analysis, Report) {
    apply(a, c, &Tagger::new(), &Options::default())
}

#[test]
fn a_date_fix_moves_the_event_and_marks_it() {
    let base = analysis(&[("a.txt", VISIT)], &[("a.txt", date(2017, 8, 9))]);
    let key = visit_key(&base);
    assert_eq!(key.trigger, "visited");
    let mut c = Corrections::default();
    c.edit_event(&Origin::Found(key), |f| {
        let mut date = f.date;
        date.set(Some("2017-08-01".into()));
        *f.note = "checked with the agency".into();
    });
    let (out, report) = applied(&base, &c);
    assert_eq!(report, Report::default());
    let visit = out.events.iter().find(|e| e.kind == EventKind::Visit);
    assert_eq!(visit.and_then(|e| e.date.as_deref()), Some("2017-08-01"));
    assert_eq!(
        visit.and_then(|e| e.range),
        Some((date(2017, 8, 1), date(2017, 8, 1)))
    );
    let edit = visit.and_then(|e| e.edit.as_ref());
    assert_eq!(edit.map(|e| e.changed.clone()), Some(vec!["date"]));
    assert_eq!(
        edit.map(|e| e.note.as_str()),
        Some("checked with the agency")
    );
}

#[test]
fn corrections_survive_unrelated_edits_and_small_rewordings() {
    let base = analysis(&[("a.txt", VISIT)], &[("a.txt", date(2017, 8, 9))]);
    let mut c = Corrections::default();
    c.edit_event(&Origin::Found(visit_key(&base)), |f| {
        *f.kind = Some(EventKind::Meeting);
    });
    // A paragraph added before, the sentence's spacing changed.
    let edited = format!(
        "A new first paragraph.\n\n{}",
        VISIT.replace("visited Moscow", "visited \t Moscow")
    );
    let reread = analysis(&[("a.txt", &edited)], &[("a.txt", date(2017, 8, 9))]);
    let (out, report) = applied(&reread, &c);
    assert_eq!(report.orphan_fixes, 0);
    assert!(
        out.events.iter().any(|e| e.kind == EventKind::Meeting
            && e.edit.as_ref().is_some_and(|x| x.changed == ["kind"]))
    );
    // One word of the sentence changed: still the same sentence.
    let reworded = VISIT.replace("on Monday", "last Monday");
    let reread = analysis(&[("a.txt", &reworded)], &[("a.txt", date(2017, 8, 9))]);
    assert_eq!(applied(&reread, &c).1.orphan_fixes, 0);
    // Rewritten: the fix is an orphan, reported, and stays in the corrections.
    let rewritten = "Rouhani visited a factory in Isfahan with his ministers on Monday.";
    let reread = analysis(&[("a.txt", rewritten)], &[("a.txt", date(2017, 8, 9))]);
    let (_, report) = applied(&reread, &c);
    assert_eq!(report.orphan_fixes, 1);
    assert!(report.message().is_some_and(|m| m.contains("1 event")));
    assert_eq!(c.events.len(), 1);
}

#[test]
fn hidden_events_leave_and_a_noop_fix_is_dropped() {
    let base = analysis(&[("a.txt", VISIT)], &[("a.txt", date(2017, 8, 9))]);
    let before = base.events.len();
    let key = visit_key(&base);
    let mut c = Corrections::default();
    c.edit_event(&Origin::Found(key.clone()), |f| *f.hidden = true);
    let (out, _) = applied(&base, &c);
    assert_eq!(out.events.len(), before - 1);
    assert!(out.events.iter().all(|e| e.kind != EventKind::Visit));
    c.edit_event(&Origin::Found(key), |f| *f.hidden = false);
    assert!(
        c.events.is_empty(),
        "a fix that changes nothing is not kept"
    );
}

#[test]
fn a_user_publication_date_re_resolves_the_document() {
    let base = analysis(&[("a.txt", VISIT)], &[]);
    let visit = base.events.iter().find(|e| e.kind == EventKind::Visit);
    assert_eq!(visit.and_then(|e| e.range), None, "no anchor, no date");
    let mut c = Corrections::default();
    c.published.insert("a.txt".into(), date(2017, 8, 9));
    let (out, _) = applied(&base, &c);
    let visit = out.events.iter().find(|e| e.kind == EventKind::Visit);
    // 9 August 2017 was a Wednesday: "visited on Monday" is the 7th.
    assert_eq!(visit.and_then(|e| e.date.as_deref()), Some("2017-08-07"));
    let doc = out.docs.first();
    assert_eq!(
        doc.and_then(|d| d.published.as_ref()).map(|p| p.source),
        Some(PublishedSource::User)
    );
    assert!(doc.is_some_and(|d| d.doc.problems.is_empty()));
}

#[test]
fn an_added_event_takes_its_place_in_the_text() {
    let text = "The weather was fine. Russia and Iran signed a memorandum on gas in Tehran.";
    let base = analysis(&[("a.txt", text)], &[("a.txt", date(2017, 8, 9))]);
    let mut c = Corrections::default();
    c.added.push(AddedEvent {
        path: "a.txt".into(),
        kind: EventKind::Economy,
        text: "memorandum on gas".into(),
        sentence: normalize("Russia and Iran signed a memorandum on gas in Tehran."),
        date: Some("2017-08".into()),
        hidden: false,
        note: String::new(),
        tags: vec!["energy".into()],
    });
    let (out, report) = applied(&base, &c);
    assert_eq!(report.orphan_added, 0);
    let added = out.events.iter().find(|e| e.rule == ADDED_RULE);
    let trigger = added.and_then(|e| text.get(e.trigger.0..e.trigger.1));
    assert_eq!(trigger, Some("memorandum on gas"));
    assert!(added.is_some_and(|e| e.actors.contains(&"Russia") && e.actors.contains(&"Iran")));
    assert_eq!(
        added.and_then(|e| e.range),
        Some((date(2017, 8, 1), date(2017, 8, 31)))
    );
    // Text order is kept: the added event sits among the others by offset.
    assert!(
        out.events
            .windows(2)
            .all(|w| (w[0].doc, w[0].trigger.0) <= (w[1].doc, w[1].trigger.0))
    );
    // Gone from the text: an orphan.
    let reread = analysis(&[("a.txt", "Nothing else.")], &[]);
    assert_eq!(applied(&reread, &c).1.orphan_added, 1);
}

#[test]
fn a_split_event_leaves_its_merge_group() {
    let a = "Rouhani visited Moscow on 7 August 2017.";
    let b = "On 7 August 2017 Rouhani visited Moscow for talks.";
    let base = analysis(&[("a.txt", a), ("b.txt", b)], &[]);
    let merged = base
        .events
        .iter()
        .filter(|e| !e.merged_with.is_empty())
        .count();
    assert!(merged >= 2, "the two reports merge: {:?}", base.events);
    let key = base
        .events
        .iter()
        .find(|e| e.doc == 1 && !e.merged_with.is_empty())
        .and_then(|e| key_of(&base, e))
        .unwrap_or_default();
    let mut c = Corrections::default();
    c.edit_event(&Origin::Found(key), |f| {
        if let Some(split) = f.split {
            *split = true;
        }
    });
    let (out, _) = applied(&base, &c);
    let split = out.events.iter().find(|e| {
        e.edit
            .as_ref()
            .is_some_and(|x| x.changed.contains(&"split"))
    });
    assert!(split.is_some_and(|e| e.merged_with.is_empty()));
    let id = split.map(|e| e.id.clone()).unwrap_or_default();
    assert!(out.events.iter().all(|e| !e.merged_with.contains(&id)));
}

#[test]
fn user_dates_are_values_or_words() {
    let tagger = Tagger::new();
    let anchor = Some(date(2017, 8, 9));
    let ok = |s: &str| parse_user_date(s, anchor, &tagger).map(|(v, _)| v);
    assert_eq!(ok("2017-08-05"), Ok("2017-08-05".to_owned()));
    assert_eq!(ok(" 2017-W31 "), Ok("2017-W31".to_owned()));
    assert_eq!(ok("5 August 2017"), Ok("2017-08-05".to_owned()));
    assert_eq!(ok("last Tuesday"), Ok("2017-08-08".to_owned()));
    assert!(ok("banana").is_err());
    let err = parse_user_date("last Tuesday", None, &tagger);
    assert!(err.is_err_and(|m| m.contains("no publication date")));
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-corr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn sidecar_in(dir: &std::path::Path) -> Sidecar {
    Sidecar {
        primary: dir
            .join("folder")
            .join(".dateline")
            .join("corrections.json"),
        fallback: dir.join("config").join("corrections.json"),
    }
}

fn some_corrections() -> Corrections {
    let mut c = Corrections::default();
    c.published.insert("a.txt".into(), date(2017, 8, 9));
    c.fix_mut(&EventKey::default()).hidden = true;
    c
}

#[test]
fn the_sidecar_round_trips() {
    let dir = temp_dir("roundtrip");
    let sidecar = sidecar_in(&dir);
    assert_eq!(sidecar.load(), sidecar::Loaded::default());
    let c = some_corrections();
    assert_eq!(sidecar.save(&c).ok(), Some(sidecar.primary.clone()));
    let loaded = sidecar.load();
    assert_eq!(loaded.corrections, c);
    assert_eq!(loaded.message, None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corrupt_and_newer_sidecars_are_kept_aside() {
    let dir = temp_dir("aside");
    let sidecar = sidecar_in(&dir);
    let folder = sidecar.primary.parent().map(std::path::Path::to_path_buf);
    let folder = folder.unwrap_or_default();
    let _ = std::fs::create_dir_all(&folder);
    for (content, expect) in [
        (
            &b"{\"version\": 1, \"published\": {\"a.txt\": 12"[..],
            "unreadable",
        ),
        (
            &b"{\"version\": 99, \"future\": true}"[..],
            "newer Dateline",
        ),
    ] {
        let _ = std::fs::write(&sidecar.primary, content);
        let loaded = sidecar.load();
        assert!(loaded.corrections.is_empty());
        let message = loaded.message.unwrap_or_default();
        assert!(message.contains(expect), "{message}");
        assert!(!sidecar.primary.exists(), "moved away, not overwritten");
        let kept: Vec<_> = std::fs::read_dir(&folder)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        assert!(
            kept.iter()
                .any(|p| std::fs::read(p).is_ok_and(|b| b == content)),
            "the old content is kept: {kept:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_that_cannot_be_written_falls_back() {
    let dir = temp_dir("fallback");
    let sidecar = sidecar_in(&dir);
    // `.dateline` is a file: the folder's sidecar cannot be made (as in a
    // read-only folder, which root would still be allowed to write).
    let _ = std::fs::create_dir_all(dir.join("folder"));
    let _ = std::fs::write(dir.join("folder").join(".dateline"), b"not a folder");
    let c = some_corrections();
    assert_eq!(sidecar.save(&c).ok(), Some(sidecar.fallback.clone()));
    assert_eq!(sidecar.load().corrections, c);
    let _ = std::fs::remove_dir_all(&dir);
}
