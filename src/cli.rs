//! The command line.
//!
//! ```text
//! dateline [FOLDER] [--published-dates FILE] [--screenshot OUT.png [--size WxH] [--scene NAME]]
//! dateline export FOLDER [--format json|csv|timelinejs] [--published-dates FILE] [--output FILE]
//! dateline tempeval PATH... [--errors]
//! ```
//! Exit codes: 0 ok, 1 failure while running, 2 bad arguments or unreadable folder.

use crate::analysis::{Options, Progress, analyze_folder};
use crate::app::{DatelineApp, Scene, ScreenshotPlan};
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
  dateline export FOLDER [--format json|csv|timelinejs] [--published-dates FILE] [--output FILE]
  dateline tempeval PATH... [--errors]

With no FOLDER the app opens the bundled sample folder.
--published-dates FILE   lines `relative/path.txt,YYYY-MM-DD`: publication dates that win
--screenshot OUT.png     render the window (first dated event selected), save it and exit
--size WxH               window size for --screenshot (default 1600x1000)
--scene NAME             what --screenshot shows: overview, selected (default) or correct
--demo N                 open N synthetic events (1990–2025) to try the timeline at scale
--format FORMAT          json (default; the contract in README.md), csv, or timelinejs
--output FILE            write the export there (atomically) instead of standard output
tempeval                 score the time-expression engine on TimeML .tml files (TempEval-3 measures)
--errors                 with tempeval: list every missed, spurious or wrong expression
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
struct Args {
    export: bool,
    tempeval: bool,
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
            Long("demo") => {
                let value = string(parser.value())?;
                let n = value.replace('_', "").parse().map_err(|_| {
                    usage(format!("--demo takes a number of events, not {value:?}"))
                })?;
                parsed.demo = Some(n);
            }
            Value(value) if parsed.tempeval => parsed.paths.push(value.into()),
            Value(value) if !parsed.export && parsed.folder.is_none() && value == "tempeval" => {
                parsed.tempeval = true;
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
    if args.export {
        let folder = args.folder.ok_or_else(|| usage("export needs a FOLDER"))?;
        return export(
            &folder,
            args.format.as_deref().unwrap_or("json"),
            args.output.as_deref(),
            &options,
        );
    }
    if args.format.is_some() || args.output.is_some() {
        return Err(usage("--format and --output go with `dateline export`"));
    }
    let source = if let Some(n) = args.demo {
        Source::Demo(n)
    } else {
        let folder = args.folder.unwrap_or_else(crate::sample_folder);
        if !folder.is_dir() {
            return Err(usage(format!("{} is not a folder", folder.display())));
        }
        Source::Folder(folder)
    };
    run_window(source, options, args.screenshot, args.scene, args.size)?;
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

fn export(
    folder: &Path,
    format: &str,
    output: Option<&Path>,
    options: &Options,
) -> anyhow::Result<ExitCode> {
    if !matches!(format, "json" | "csv" | "timelinejs") {
        return Err(usage(format!(
            "unknown --format {format:?} (json, csv or timelinejs)"
        )));
    }
    let analysis =
        analyze_folder(folder, options, &Progress::default()).map_err(|e| usage(e.to_string()))?;
    // What the user corrected in the app is part of the timeline.
    let (analysis, notices) = crate::corrections::with_sidecar(analysis, options);
    for notice in notices {
        eprintln!("dateline: {notice}");
    }
    let mut buffer = Vec::new();
    match format {
        "csv" => crate::export::write_csv(&analysis, &mut buffer)?,
        "timelinejs" => {
            let title = folder.file_name().map_or_else(
                || folder.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            crate::export::write_timelinejs(&analysis, &title, &mut buffer)?;
        }
        _ => crate::export::write_json(&analysis, &mut buffer)?,
    }
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

fn tempeval(paths: &[PathBuf], errors: bool) -> anyhow::Result<ExitCode> {
    let files = crate::tempeval::tml_files(paths);
    if files.is_empty() {
        return Err(usage("tempeval needs .tml files or folders holding them"));
    }
    let mut docs = Vec::new();
    for file in &files {
        let doc = crate::tempeval::read_tml(file)?;
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push((name, doc));
    }
    let report = crate::tempeval::evaluate(&docs, &crate::temporal::Tagger::new(), errors);
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}

/// What the window opens.
enum Source {
    Folder(PathBuf),
    /// This many synthetic events.
    Demo(usize),
}

fn run_window(
    source: Source,
    options: Options,
    screenshot: Option<PathBuf>,
    scene: Scene,
    size: Option<(f32, f32)>,
) -> anyhow::Result<()> {
    let (w, h) = size.unwrap_or((1600.0, 1000.0));
    let viewport = eframe::egui::ViewportBuilder::default()
        .with_title("Dateline")
        .with_inner_size([w, h])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    let native = eframe::NativeOptions {
        viewport,
        // Screenshots must not depend on what a previous run left in storage.
        persist_window: screenshot.is_none(),
        ..eframe::NativeOptions::default()
    };
    let plan = screenshot.map(|out| ScreenshotPlan::new(out, scene));
    eframe::run_native(
        "Dateline",
        native,
        Box::new(move |cc| {
            Ok(Box::new(match source {
                Source::Folder(folder) => DatelineApp::new(cc, Some(folder), options, plan),
                Source::Demo(n) => {
                    let mut app = DatelineApp::new(cc, None, options, plan);
                    app.state.folder = Some(PathBuf::from(format!("demo: {n} synthetic events")));
                    app.state
                        .set_analysis(crate::timeline::synthetic::analysis(n, 1));
                    app
                }
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
