//! Tidy: the architecture of ARCHITECTURE.md, checked on every `cargo test`.
//!
//! Dateline's modules form layers, bottom to top ([`LAYERS`], the single source of truth
//! that ARCHITECTURE.md's diagram copies). This test reads every `.rs` file under `src/`
//! and fails, naming `file:line` for every violation, when
//!
//! 1. a module refers to a module in its own layer or above: a `crate::NAME` path in code
//!    or in a doc comment (`use` lines, `use crate::{..}` groups, inline paths, intra-doc
//!    links). Dependencies only point down, so every layer builds and tests without the
//!    ones above it. A `dateline::` path inside `src/` is flagged too (it would hide a
//!    reference from this check), and a top-level module missing from [`LAYERS`];
//! 2. `egui` or `eframe` is named in code below `ui`: the core and the app state stay
//!    usable without a window (the command line, tests, benchmarks);
//! 3. the clock is read in code below `app` (`SystemTime::now`, `Instant::now`,
//!    `Local::now`, `Utc::now`): the core is a function of its input, so a folder always
//!    reads to the same events and exports; times come in from the caller;
//! 4. a file is longer than [`MAX_LINES`];
//! 5. a regex is compiled (`Regex::new`, `RegexSet::new`, `RegexBuilder::new`) from a
//!    pattern that does not go through `text::ascii_rule_pattern`, in the call or on the
//!    two lines before it: a Unicode `\b` turns off the regex crate's fast engine on any
//!    non-ASCII text, and Unicode `\d` matches digits `str::parse` then refuses.
//!
//! `src/lib.rs` and `src/main.rs` are the roots and in no layer. Plain comments and string
//! literals never count. The scan is a small lexer, not a parser: it knows comments,
//! strings, raw strings and char literals, which is all these rules need.

use std::fmt;
use std::fs;
use std::path::Path;

/// The layers of ARCHITECTURE.md, bottom (`L0`) to top. A module may refer only to
/// modules in strictly lower layers; modules in one layer do not refer to each other.
/// Every top-level module under `src/` must be in exactly one layer.
const LAYERS: &[&[&str]] = &[
    &["hash"],                         // L0
    &["text", "store"],                // L1
    &["temporal"],                     // L2
    &["corpus", "events", "tempeval"], // L3
    &["analysis"],                     // L4
    &["corrections", "cache"],         // L5
    &["ingest"],                       // L6
    &["timeline"],                     // L7
    &["export"],                       // L8
    &["app"],                          // L9
    &["ui"],                           // L10
    &["window"],                       // L11
    &["cli"],                          // L12
];

/// The longest a source file under `src/` may be. A longer file is doing more than one
/// job and is hard to review and navigate; split it by topic (`mod.rs` plus siblings).
const MAX_LINES: usize = 800;

/// Types whose `now()` reads the clock.
const CLOCKS: &[&str] = &["SystemTime", "Instant", "Local", "Utc"];

/// One broken rule: file, line, message. Printed as
/// `src/app/mod.rs:18: app (L9) imports ui (L10)`.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Violation(String, usize, String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.0, self.1, self.2)
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The layer of a module the rules name (a typo in [`LAYERS`] must not void a rule).
fn layer_named(module: &str) -> usize {
    layer_of(module).unwrap_or_else(|| panic!("{module} is missing from LAYERS"))
}

/// The top-level module of `src/a/b.rs` or `src/a.rs` (`a`); `None` for the roots.
fn module_of(rel_path: &str) -> Option<&str> {
    if rel_path == "src/lib.rs" || rel_path == "src/main.rs" {
        return None;
    }
    let rest = rel_path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    Some(first.strip_suffix(".rs").unwrap_or(first))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The index of the first char from `from` on that `pat` accepts, else `s.len()`.
fn find(s: &[char], from: usize, pat: impl Fn(char) -> bool) -> usize {
    s.get(from..)
        .and_then(|rest| rest.iter().position(|&c| pat(c)))
        .map_or(s.len(), |p| from + p)
}

/// The source with string literals and comments blanked to spaces (newlines kept, so
/// lines still match): `(code, code with doc comments)`.
fn mask(source: &str) -> (String, String) {
    let s: Vec<char> = source.chars().collect();
    let at = |i: usize| s.get(i).copied().unwrap_or('\0');
    let (mut code, mut with_docs) = (String::new(), String::new());
    let mut i = 0;
    while i < s.len() {
        // Where this piece ends, and whether it is code, doc comment or neither.
        let (end, in_code, in_docs) = match (at(i), at(i + 1), at(i + 2)) {
            ('/', '/', c) => {
                let doc = c == '!' || (c == '/' && at(i + 3) != '/');
                (find(&s, i, |c| c == '\n'), false, doc)
            }
            ('/', '*', c) => {
                let doc = c == '!' || (c == '*' && !matches!(at(i + 3), '*' | '/'));
                (block_comment_end(&s, i), false, doc)
            }
            ('"', ..) => (string_end(&s, i + 1, None), false, false),
            ('\'', '\\', _) => (find(&s, i + 3, |c| c == '\'') + 1, false, false), // '\''
            ('\'', _, '\'') => (i + 3, false, false), // '"' (else a lifetime)
            (c, ..) if is_ident(c) => {
                let word_end = find(&s, i, |c| !is_ident(c));
                let quote = find(&s, word_end, |c| c != '#');
                let word: String = s[i..word_end].iter().collect();
                if matches!(word.as_str(), "r" | "br" | "cr") && at(quote) == '"' {
                    let hashes = quote - word_end;
                    (string_end(&s, quote + 1, Some(hashes)), false, false)
                } else {
                    (word_end, true, true)
                }
            }
            _ => (i + 1, true, true),
        };
        for &c in &s[i..end.min(s.len())] {
            let blank = if c == '\n' { '\n' } else { ' ' };
            code.push(if in_code { c } else { blank });
            with_docs.push(if in_docs || in_code { c } else { blank });
        }
        i = end.max(i + 1);
    }
    (code, with_docs)
}

/// Where a string literal whose text starts at `j` ends: a raw one (`Some(hashes)`) at a
/// quote and that many hashes, a plain one (`None`) at a quote that is not escaped.
fn string_end(s: &[char], mut j: usize, raw: Option<usize>) -> usize {
    let hashes = raw.unwrap_or(0);
    let closes = |j: usize| {
        s.get(j + 1..j + 1 + hashes)
            .is_some_and(|h| h.iter().all(|&c| c == '#'))
    };
    while j < s.len() {
        match s[j] {
            '\\' if raw.is_none() => j += 2,
            '"' if closes(j) => return j + 1 + hashes,
            _ => j += 1,
        }
    }
    s.len()
}

/// Where the (nesting) block comment starting at `j` ends.
fn block_comment_end(s: &[char], mut j: usize) -> usize {
    let mut depth = 0;
    while j + 1 < s.len() {
        match (s[j], s[j + 1]) {
            ('/', '*') => (depth, j) = (depth + 1, j + 2),
            ('*', '/') if depth == 1 => return j + 2,
            ('*', '/') => (depth, j) = (depth - 1, j + 2),
            _ => j += 1,
        }
    }
    s.len()
}

/// Identifiers, `::` and single punctuation characters, each with its line.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        line += usize::from(c == '\n');
        let mut end = start + c.len_utf8();
        if is_ident(c) {
            while let Some((j, d)) = chars.next_if(|&(_, d)| is_ident(d)) {
                end = j + d.len_utf8();
            }
        } else if c == ':' && chars.next_if(|&(_, d)| d == ':').is_some() {
            end += 1;
        }
        if !c.is_whitespace() {
            out.push((line, &text[start..end]));
        }
    }
    out
}

/// Whether token `i` is `text`.
fn is(toks: &[(usize, &str)], i: usize, text: &str) -> bool {
    toks.get(i).is_some_and(|&(_, t)| t == text)
}

/// The first name of each item of a `{..}` group, read from just after its `{` (an item
/// that is itself a group is read the same way); returns the index after the `}`.
fn group<'a>(toks: &[(usize, &'a str)], mut i: usize, names: &mut Vec<(usize, &'a str)>) -> usize {
    let mut item_start = true;
    while let Some(&(line, tok)) = toks.get(i) {
        i += 1;
        match tok {
            "}" => return i,
            "," => item_start = true,
            "{" if item_start => i = group(toks, i, names),
            "{" => i = group(toks, i, &mut Vec::new()), // `a::{b, c}`: all inside `a`
            _ if item_start => names.push((line, tok)),
            _ => {}
        }
        item_start &= tok == ",";
    }
    i
}

/// Rules 1–3 for one file, `rel_path` like `src/analysis/pipeline.rs`, sorted by line.
fn check_file(rel_path: &str, source: &str) -> Vec<Violation> {
    let Some((module, layer)) = module_of(rel_path).and_then(|m| Some((m, layer_of(m)?))) else {
        return Vec::new(); // a root, or a module in no layer (`violations` reports it)
    };
    let mut found = Vec::new();
    let mut report = |line, what: String| {
        let message = format!("{module} (L{layer}) {what}");
        found.push(Violation(rel_path.into(), line, message));
    };
    let (code, with_docs) = mask(source);
    let docs = tokens(&with_docs);
    for (i, &(line, tok)) in docs.iter().enumerate() {
        if tok == "dateline" && is(&docs, i + 1, "::") {
            report(line, "uses a dateline:: path".into());
        }
        if tok != "crate" || !is(&docs, i + 1, "::") {
            continue;
        }
        let mut names = Vec::new();
        if is(&docs, i + 2, "{") {
            group(&docs, i + 3, &mut names);
        } else {
            names.extend(docs.get(i + 2));
        }
        for (line, name) in names {
            match layer_of(name) {
                Some(theirs) if name != module && theirs >= layer => {
                    report(line, format!("imports {name} (L{theirs})"));
                }
                _ => {}
            }
        }
    }
    let code = tokens(&code);
    let (ui, app) = (layer_named("ui"), layer_named("app"));
    for (i, &(line, tok)) in code.iter().enumerate() {
        if layer < ui && (tok == "egui" || tok == "eframe") {
            report(line, format!("uses {tok}; only ui (L{ui}) and up may"));
        }
        let now = is(&code, i + 1, "::") && is(&code, i + 2, "now");
        if layer < app && CLOCKS.contains(&tok) && now {
            report(
                line,
                format!("reads the clock ({tok}::now); only app (L{app}) and up may"),
            );
        }
    }
    for (line, what) in raw_regexes(&code) {
        report(line, what);
    }
    found.sort();
    found.dedup(); // one line per rule broken on a line
    found
}

/// Regexes compiled without `ascii_rule_pattern` in their call or on the two
/// lines before it (where a pattern is commonly prepared).
fn raw_regexes(code: &[(usize, &str)]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, &(line, tok)) in code.iter().enumerate() {
        let compiles = matches!(tok, "Regex" | "RegexSet" | "RegexBuilder")
            && is(code, i + 1, "::")
            && is(code, i + 2, "new")
            && is(code, i + 3, "(");
        if !compiles {
            continue;
        }
        let mut depth = 0usize;
        let mut end = i + 3;
        for (j, &(_, t)) in code.iter().enumerate().skip(i + 3) {
            match t {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            end = j;
            if depth == 0 {
                break;
            }
        }
        let before = code[..i].iter().rev().take_while(|&&(l, _)| l + 2 >= line);
        let in_call = code[i..=end].iter();
        if !in_call
            .chain(before)
            .any(|&(_, t)| t == "ascii_rule_pattern")
        {
            found.push((line, format!("compiles a {tok} without ascii_rule_pattern")));
        }
    }
    found
}

/// All rules over a set of `(rel_path, source)` files, sorted by file and line.
fn violations(files: &[(String, String)]) -> Vec<Violation> {
    let mut found = Vec::new();
    let mut unplaced = Vec::new();
    for (path, source) in files {
        let lines = source.lines().count();
        if lines > MAX_LINES {
            let message = format!("{lines} lines, over MAX_LINES ({MAX_LINES})");
            found.push(Violation(path.clone(), MAX_LINES + 1, message));
        }
        let module = module_of(path).filter(|m| layer_of(m).is_none() && !unplaced.contains(m));
        if let Some(module) = module {
            unplaced.push(module);
            let message = format!("module {module} is in no layer");
            found.push(Violation(path.clone(), 1, message));
        }
        found.extend(check_file(path, source));
    }
    found.sort();
    found
}

/// Every `.rs` file under `src/`, as (`src/...` with `/`, contents), sorted by path.
fn read_src() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        let entries = fs::read_dir(&dir).and_then(|d| d.map(|e| Ok(e?.path())).collect());
        let entries: Vec<_> = entries.unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for path in entries {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source =
                    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let rel = path.strip_prefix(root).unwrap_or(&path);
                files.push((rel.to_string_lossy().replace('\\', "/"), source));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn src_keeps_its_layers() {
    let files = read_src();
    assert!(files.len() > 2, "no sources found under src/");
    let found = violations(&files);
    let list: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(
        found.is_empty(),
        "{} violation(s) of the rules in tests/tidy.rs (layers: ARCHITECTURE.md):\n{}\n",
        found.len(),
        list.join("\n")
    );
}

/// What `check_file` reports for a planted file at `path`, as `line: message`s.
fn check(path: &str, source: &str) -> Vec<String> {
    let found = check_file(path, source);
    assert!(found.iter().all(|v| v.0 == path), "{found:?}");
    found.iter().map(|v| format!("{}: {}", v.1, v.2)).collect()
}

/// The same for whole trees, `file:line: message`.
fn check_all(files: &[(&str, String)]) -> Vec<String> {
    let files: Vec<_> = files
        .iter()
        .map(|(p, s)| (p.to_string(), s.clone()))
        .collect();
    violations(&files).iter().map(ToString::to_string).collect()
}

fn assert_clean(path: &str, source: &str) {
    let found = check(path, source);
    assert!(found.is_empty(), "{path}:\n{source}\n{found:?}");
}

#[test]
fn an_upward_import_is_reported() {
    let src = "//! Events.\nuse crate::app::AppState;\n";
    let found = check("src/events/x.rs", src);
    assert_eq!(found, ["2: events (L3) imports app (L9)"]);
}

#[test]
fn a_sibling_import_is_reported() {
    let found = check("src/corpus/x.rs", "use crate::events::Event;");
    assert_eq!(found, ["1: corpus (L3) imports events (L3)"]);
}

#[test]
fn an_upward_import_in_a_group_is_reported() {
    let found = check("src/events/x.rs", "use crate::{text, ui::theme};");
    assert_eq!(found, ["1: events (L3) imports ui (L10)"]);
    let src = "use crate::{\n    text::{self, export},\n    {hash, cli::{a, b}},\n};\n";
    let found = check("src/events/x.rs", src);
    assert_eq!(found, ["3: events (L3) imports cli (L12)"]);
}

#[test]
fn an_inline_upward_path_is_reported() {
    let src = "fn f() {\n    crate::export::write_json(a, b);\n}\n";
    let found = check("src/analysis/x.rs", src);
    assert_eq!(found, ["2: analysis (L4) imports export (L8)"]);
}

#[test]
fn an_upward_intra_doc_link_is_reported() {
    let src = "//! See [`crate::timeline`].\n/// Read by [`crate::ingest`].\nfn f() {}\n";
    let found = check("src/temporal/x.rs", src);
    let expected = [
        "1: temporal (L2) imports timeline (L7)",
        "2: temporal (L2) imports ingest (L6)",
    ];
    assert_eq!(found, expected);
}

#[test]
fn a_dateline_path_is_reported() {
    let found = check("src/text/x.rs", "use dateline::hash::StreamHash;");
    assert_eq!(found, ["1: text (L1) uses a dateline:: path"]);
}

#[test]
fn egui_below_ui_is_reported() {
    let src = "use egui::Id;\n\nfn f(cc: C) {\n    eframe::run_native(cc.egui_ctx, egui::X);\n}";
    let found = check("src/timeline/x.rs", src);
    let expected = [
        "1: timeline (L7) uses egui; only ui (L10) and up may",
        "4: timeline (L7) uses eframe; only ui (L10) and up may",
        "4: timeline (L7) uses egui; only ui (L10) and up may",
    ];
    assert_eq!(found, expected);
}

#[test]
fn the_clock_in_the_core_is_reported() {
    let src = "fn f() {\n    let t = Instant::now();\n}\n";
    let found = check("src/analysis/x.rs", src);
    let expected = "2: analysis (L4) reads the clock (Instant::now); only app (L9) and up may";
    assert_eq!(found, [expected]);
    let found = check("src/corpus/x.rs", "let y = chrono::Utc::now().year();");
    let expected = "1: corpus (L3) reads the clock (Utc::now); only app (L9) and up may";
    assert_eq!(found, [expected]);
}

#[test]
fn a_long_file_is_reported() {
    let found = check_all(&[("src/hash.rs", "x\n".repeat(MAX_LINES + 1))]);
    assert_eq!(found, ["src/hash.rs:801: 801 lines, over MAX_LINES (800)"]);
    let found = check_all(&[("src/hash.rs", "x\n".repeat(MAX_LINES))]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_module_in_no_layer_is_reported_once() {
    let lib = ("src/lib.rs", "pub mod plugins;\n".to_string());
    let a = ("src/plugins/a.rs", "use crate::ui;\n".to_string());
    let found = check_all(&[lib, a, ("src/plugins/mod.rs", String::new())]);
    assert_eq!(found, ["src/plugins/a.rs:1: module plugins is in no layer"]);
}

#[test]
fn comments_and_strings_are_not_references() {
    let src = "// use crate::app::AppState;\n/* crate::ui /* */ crate::cli */\n";
    assert_clean("src/events/x.rs", src);
    let src = "let a = \"crate::app \\\" crate::ui\";\nlet b = r#\"crate::ui \"q\" \"#;\n";
    assert_clean("src/events/x.rs", src);
    let src = "// Instant::now()\nlet s = \"egui::Id Utc::now\";\n/// egui::Id\n";
    assert_clean("src/analysis/x.rs", src);
}

#[test]
fn literals_and_lifetimes_do_not_hide_the_code_after_them() {
    let src =
        "fn f<'a>(s: &'a str) -> char { '\"' }\nlet _ = ('\\'', b'\"', \"\\\\\"); crate::app::x();";
    let found = check("src/events/x.rs", src);
    assert_eq!(found, ["2: events (L3) imports app (L9)"]);
}

#[test]
fn allowed_uses_are_not_reported() {
    let src = "use crate::{analysis::Analysis, timeline, hash};\nuse crate::app::X;\n";
    assert_clean("src/app/x.rs", src);
    assert_clean("src/ui/x.rs", "fn f(ui: &mut egui::Ui) { egui::X }");
    assert_clean("src/app/x.rs", "let t = std::time::Instant::now();");
    assert_clean("src/main.rs", "fn main() { dateline::cli::main() }");
    assert_clean("src/corpus/x.rs", "let f = crate::sample_folder();");
}

#[test]
fn a_regex_without_the_ascii_pattern_is_reported() {
    let src = "fn f() {\n    let r = Regex::new(r\"\\bx\\b\").ok();\n}\n";
    assert_eq!(
        check("src/events/x.rs", src),
        ["2: events (L3) compiles a Regex without ascii_rule_pattern"]
    );
    let nested = "fn f() {\n    Regex::new(&format!(\"(?i){}\", ascii_rule_pattern(p)))\n}\n";
    assert_clean("src/events/x.rs", nested);
    let before = "fn f(p: &str) {\n    let p = ascii_rule_pattern(p);\n    Regex::new(&p)\n}\n";
    assert_clean("src/corpus/x.rs", before);
    let far =
        "fn f(p: &str) {\n    let p = ascii_rule_pattern(p);\n\n\n\n    RegexSet::new([p])\n}\n";
    assert_eq!(
        check("src/corpus/x.rs", far),
        ["6: corpus (L3) compiles a RegexSet without ascii_rule_pattern"]
    );
}
