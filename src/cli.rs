//! The command line.
//!
//! ```text
//! dateline [FOLDER] [--published-dates FILE] [--screenshot OUT.png [--size WxH] [--scene NAME]]
//! dateline EVENTS.jsonl
//! dateline export FOLDER [--format json|jsonl|csv|timelinejs] [--shard I/N] [--files LIST] [--published-dates FILE] [--output FILE]
//! dateline merge SHARD.jsonl... [--format json|jsonl|csv|timelinejs] [--output FILE]
//! dateline tempeval PATH... [--errors]
//! dateline eventeval PATH... [--errors]
//! ```
//! Exit codes: 0 ok, 1 failure while running, 2 bad arguments or unreadable folder.

use crate::analysis::{Analysis, Options};
use crate::export::Format;
use crate::ingest::{Progress, ReadHooks, read_folder};
use crate::window::{Scene, Source};
use anyhow::{Context, bail};
use chrono::NaiveDate;
use lexopt::prelude::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
Dateline — events from news articles on a timeline.

Usage:
  dateline [FOLDER] [--published-dates FILE] [--screenshot OUT.png [--size WxH] [--scene NAME]]
  dateline --demo N [--screenshot OUT.png [--size WxH] [--scene NAME]]
  dateline EVENTS.jsonl
  dateline export FOLDER [--format json|jsonl|csv|timelinejs] [--shard I/N] [--files LIST]
                         [--published-dates FILE] [--output FILE]
  dateline merge SHARD.jsonl... [--format json|jsonl|csv|timelinejs] [--output FILE]
  dateline tempeval PATH... [--errors]
  dateline eventeval PATH... [--errors]

With no FOLDER the app opens the bundled sample folder.
--published-dates FILE   lines `relative/path.txt,YYYY-MM-DD`: publication dates that win
--screenshot OUT.png     render the window (first dated event selected), save it and exit
--size WxH               window size for --screenshot (default 1600x1000)
--scene NAME             what --screenshot shows: overview, selected (default) or correct
--demo N                 open N synthetic events (1990–2025) to try the timeline at scale
--format FORMAT          json (default; the contract in README.md), jsonl (one record per
                         line, with each document's text: for shards), csv, or timelinejs
--output FILE            write the export there (atomically) instead of standard output
--shard I/N              export only the I-th of N shards of the folder's files (1 <= I <= N;
                         a file's shard is a hash of its relative path), e.g. one job each
--files LIST             export only the files listed in LIST (relative paths, one a line)
merge                    join JSON Lines shards into one export, merging events across them
EVENTS.jsonl             open a JSON Lines export (or merged shards) in the window
tempeval                 score the time-expression engine on TimeML .tml files (TempEval-3 measures)
eventeval                score the event-mention model on TimeML .tml files (EVENT P/R/F1; the
                         bundled model was trained on TimeBank and AQUAINT: held-out figures
                         come from examples/train_mentions.rs)
--errors                 with tempeval or eventeval: list every miss, false alarm and mismatch
";

/// A usage error (exit code 2).
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn usage(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UsageError(message.into()))
}

/// Runs the command line; returns the process exit code.
#[must_use]
pub fn main() -> ExitCode {
    match run(std::env::args_os().skip(1).collect()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dateline: error: {err:#}");
            if err.downcast_ref::<UsageError>().is_some() {
                eprintln!("Run `dateline --help` for usage.");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Parsed command line.
#[derive(Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one flag per subcommand and switch"
)]
struct Args {
    export: bool,
    merge: bool,
    tempeval: bool,
    eventeval: bool,
    shard: Option<(u64, u64)>,
    files: Option<PathBuf>,
    errors: bool,
    paths: Vec<PathBuf>,
    folder: Option<PathBuf>,
    format: Option<String>,
    published: Option<PathBuf>,
    output: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    scene: Scene,
    size: Option<(f32, f32)>,
    demo: Option<usize>,
}

fn parse(args: Vec<std::ffi::OsString>) -> anyhow::Result<Option<Args>> {
    let mut parsed = Args::default();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(|e| usage(e.to_string()))? {
        match arg {
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("dateline {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Long("format") => parsed.format = Some(string(parser.value())?),
            Long("published-dates") => {
                parsed.published = Some(parser.value().map_err(|e| usage(e.to_string()))?.into());
            }
            Long("output") | Short('o') => {
                parsed.output = Some(parser.value().map_err(|e| usage(e.to_string()))?.into());
            }
            Long("screenshot") => {
                parsed.screenshot = Some(parser.value().map_err(|e| usage(e.to_string()))?.into());
            }
            Long("scene") => {
                let value = string(parser.value())?;
                parsed.scene = Scene::parse(&value).ok_or_else(|| {
                    usage(format!(
                        "--scene takes overview, selected or correct, not {value:?}"
                    ))
                })?;
            }
            Long("size") => {
                let value = string(parser.value())?;
                let (w, h) = value
                    .split_once('x')
                    .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
                    .ok_or_else(|| usage(format!("--size takes WIDTHxHEIGHT, not {value:?}")))?;
                parsed.size = Some((w, h));
            }
            Long("errors") => parsed.errors = true,
            Long("shard") => {
                let value = string(parser.value())?;
                let shard = value
                    .split_once('/')
                    .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)))
                    .filter(|&(i, n): &(u64, u64)| i >= 1 && i <= n);
                parsed.shard = Some(shard.ok_or_else(|| {
                    usage(format!("--shard takes I/N with 1 <= I <= N, not {value:?}"))
                })?);
            }
            Long("files") => {
                parsed.files = Some(parser.value().map_err(|e| usage(e.to_string()))?.into());
            }
            Long("demo") => {
                let value = string(parser.value())?;
                let n = value.replace('_', "").parse().map_err(|_| {
                    usage(format!("--demo takes a number of events, not {value:?}"))
                })?;
                parsed.demo = Some(n);
            }
            Value(value) if parsed.tempeval || parsed.eventeval || parsed.merge => {
                parsed.paths.push(value.into());
            }
            Value(value) if !parsed.export && parsed.folder.is_none() && value == "merge" => {
                parsed.merge = true;
            }
            Value(value) if !parsed.export && parsed.folder.is_none() && value == "tempeval" => {
                parsed.tempeval = true;
            }
            Value(value) if !parsed.export && parsed.folder.is_none() && value == "eventeval" => {
                parsed.eventeval = true;
            }
            Value(value) if !parsed.export && parsed.folder.is_none() && value == "export" => {
                parsed.export = true;
            }
            Value(value) if parsed.folder.is_none() => parsed.folder = Some(value.into()),
            other => return Err(usage(other.unexpected().to_string())),
        }
    }
    Ok(Some(parsed))
}

fn string(value: Result<std::ffi::OsString, lexopt::Error>) -> anyhow::Result<String> {
    value
        .map_err(|e| usage(e.to_string()))?
        .into_string()
        .map_err(|v| usage(format!("not valid UTF-8: {}", v.to_string_lossy())))
}

fn run(args: Vec<std::ffi::OsString>) -> anyhow::Result<ExitCode> {
    let Some(args) = parse(args)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let mut options = Options {
        // The shell reads the clock so that the core does not have to.
        current_year: Some(chrono::Datelike::year(&chrono::Utc::now())),
        ..Options::default()
    };
    if let Some(file) = &args.published {
        options.published = read_published_dates(file)?;
    }
    if args.tempeval {
        return tempeval(&args.paths, args.errors);
    }
    if args.eventeval {
        return eventeval(&args.paths, args.errors);
    }
    if args.export {
        let folder = args.folder.ok_or_else(|| usage("export needs a FOLDER"))?;
        let format = export_format(args.format.as_deref())?;
        return export(
            &folder,
            format,
            args.output.as_deref(),
            &options,
            &Selection::new(args.shard, args.files.as_deref())?,
        );
    }
    if args.merge {
        let format = export_format(args.format.as_deref())?;
        return merge(&args.paths, format, args.output.as_deref());
    }
    if args.format.is_some() || args.output.is_some() {
        return Err(usage(
            "--format and --output go with `dateline export` or `dateline merge`",
        ));
    }
    if args.shard.is_some() || args.files.is_some() {
        return Err(usage("--shard and --files go with `dateline export`"));
    }
    let source = if let Some(n) = args.demo {
        Source::Demo(n)
    } else {
        let folder = args.folder.unwrap_or_else(crate::sample_folder);
        if folder.is_file() && crate::app::is_events_file(&folder) {
            Source::Events(folder)
        } else if folder.is_dir() {
            Source::Folder(folder)
        } else {
            return Err(usage(format!(
                "{} is neither a folder nor a Dateline JSON Lines export",
                folder.display()
            )));
        }
    };
    crate::window::run(source, options, args.screenshot, args.scene, args.size)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads `path,YYYY-MM-DD` lines (blank lines and `#` comments skipped; a
/// first line that is a header is skipped too).
fn read_published_dates(file: &Path) -> anyhow::Result<HashMap<String, NaiveDate>> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        usage(format!(
            "cannot read --published-dates {}: {e}",
            file.display()
        ))
    })?;
    let mut dates = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((path, date)) = line.rsplit_once(',') else {
            return Err(usage(format!(
                "{}:{}: expected `path,YYYY-MM-DD`",
                file.display(),
                n + 1
            )));
        };
        match NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
            Ok(date) => {
                dates.insert(
                    path.trim().trim_start_matches("./").replace('\\', "/"),
                    date,
                );
            }
            Err(_) if n == 0 => {}
            Err(e) => {
                return Err(usage(format!(
                    "{}:{}: bad date {date:?}: {e}",
                    file.display(),
                    n + 1
                )));
            }
        }
    }
    Ok(dates)
}

/// The `--format` asked for (JSON when none).
fn export_format(name: Option<&str>) -> anyhow::Result<Format> {
    let name = name.unwrap_or("json");
    Format::parse(name).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        usage(format!("unknown --format {name:?} ({})", known.join(", ")))
    })
}

/// Which files of the folder an export reads (`--shard`, `--files`).
#[derive(Default)]
struct Selection {
    shard: Option<(u64, u64)>,
    files: Option<std::collections::HashSet<String>>,
}

impl Selection {
    fn new(shard: Option<(u64, u64)>, files: Option<&Path>) -> anyhow::Result<Self> {
        let files = match files {
            None => None,
            Some(list) => {
                let text = std::fs::read_to_string(list)
                    .map_err(|e| usage(format!("cannot read --files {}: {e}", list.display())))?;
                Some(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(|l| l.trim_start_matches("./").replace('\\', "/"))
                        .collect(),
                )
            }
        };
        Ok(Self { shard, files })
    }

    fn is_partial(&self) -> bool {
        self.shard.is_some() || self.files.is_some()
    }

    /// Whether the file at relative path `rel` belongs to this export.
    fn accepts(&self, rel: &str) -> bool {
        let in_shard = self.shard.is_none_or(|(i, n)| {
            // A stable hash of the path: the same on every machine and run.
            crate::hash::fnv(rel.as_bytes()) % n == i - 1
        });
        in_shard && self.files.as_ref().is_none_or(|f| f.contains(rel))
    }
}

fn export(
    folder: &Path,
    format: Format,
    output: Option<&Path>,
    options: &Options,
    selection: &Selection,
) -> anyhow::Result<ExitCode> {
    let accepts = |rel: &str| selection.accepts(rel);
    let hooks = ReadHooks {
        select: selection
            .is_partial()
            .then_some(&accepts as &(dyn Fn(&str) -> bool + Sync)),
        ..ReadHooks::default()
    };
    let analysis = read_folder(folder, options, &Progress::default(), &hooks)
        .map_err(|e| usage(e.to_string()))?
        .analysis;
    // What the user corrected in the app is part of the timeline.
    let (analysis, notices) = crate::corrections::with_sidecar(analysis, options);
    // A shard holds only some events: corrections of the others are not lost.
    if !selection.is_partial() {
        for notice in notices {
            eprintln!("dateline: {notice}");
        }
    }
    let title = folder.file_name().map_or_else(
        || folder.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    write_export(&analysis, format, &title, output)
}

/// `dateline merge`: JSON Lines shards in, one export out.
fn merge(paths: &[PathBuf], format: Format, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    if paths.is_empty() {
        return Err(usage("merge needs the JSON Lines files to join"));
    }
    let mut inputs: Vec<(String, Box<dyn std::io::BufRead>)> = Vec::new();
    for path in paths {
        let file = std::fs::File::open(path)
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
        inputs.push((
            path.display().to_string(),
            Box::new(std::io::BufReader::new(file)),
        ));
    }
    let read = crate::export::read_jsonl(inputs);
    for problem in &read.problems {
        eprintln!("dateline: {problem}");
    }
    write_export(&read.analysis, format, "merged", output)
}

fn write_export(
    analysis: &Analysis,
    format: Format,
    title: &str,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let mut buffer = Vec::new();
    format.write(analysis, title, &mut buffer)?;
    if let Some(path) = output {
        crate::store::write_atomically(path, &buffer)
            .with_context(|| format!("writing {}", path.display()))?;
    } else {
        let mut stdout = std::io::stdout().lock();
        if let Err(err) = stdout.write_all(&buffer).and_then(|()| stdout.flush())
            && err.kind() != std::io::ErrorKind::BrokenPipe
        {
            bail!("writing to standard output: {err}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `TimeML` documents under `paths`, named by file stem.
fn tml_docs(
    command: &str,
    paths: &[PathBuf],
) -> anyhow::Result<Vec<(String, crate::tempeval::TmlDoc)>> {
    let docs = crate::tempeval::read_tml_docs(paths)?;
    if docs.is_empty() {
        return Err(usage(format!(
            "{command} needs .tml files or folders holding them"
        )));
    }
    Ok(docs)
}

fn eventeval(paths: &[PathBuf], errors: bool) -> anyhow::Result<ExitCode> {
    let docs = tml_docs("eventeval", paths)?;
    let model = crate::events::mention::Model::bundled();
    let report =
        crate::tempeval::evaluate_events(&docs, &mut |text| model.detect_classes(text), errors);
    print!("{}", report.events_summary());
    Ok(ExitCode::SUCCESS)
}

fn tempeval(paths: &[PathBuf], errors: bool) -> anyhow::Result<ExitCode> {
    let docs = tml_docs("tempeval", paths)?;
    let tagger = crate::temporal::Tagger::new();
    let mut tag_secs = 0.0;
    let mut timed = |text: &str, dct| {
        let started = std::time::Instant::now();
        let found = tagger.tag(text, dct);
        tag_secs += started.elapsed().as_secs_f64();
        found
    };
    let mut report = crate::tempeval::evaluate(&docs, &mut timed, errors);
    report.tag_secs = tag_secs;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
