//! Ingest: reading whole folders (`cargo bench --bench ingest`).
//!
//! Builds folders of synthetic news articles by sampling and perturbing the
//! sample articles' sentences (years shifted, countries, cities and months
//! swapped, a dateline on top), in the formats users save news in, then
//! measures, each in a fresh process so that its peak memory is its own:
//!
//! - cold open: read and analyse everything, timeline index ready, first
//!   partial result with events (what the window shows first), cache written;
//! - cached reopen: the same folder again, unchanged, from the cache;
//! - per format: throughput of a folder of one format only.
//!
//! Options (after `--`): `--articles 10000,100000` (folder sizes),
//! `--format-articles 1000`, `--skip-formats`. Folders are kept in
//! `target/ingest-bench/` and reused when their size matches.

#[path = "../tests/common/mod.rs"]
mod fixtures;

use dateline::analysis::{Analysis, Options};
use dateline::cache::CacheFile;
use dateline::ingest::{HandedFile, Progress, ReadHooks, read_folder};
use dateline::timeline::{LaneMode, TimelineIndex};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// The formats of a mixed folder, with their share out of 20 files.
const MIX: &[(Format, usize)] = &[
    (Format::Txt, 11),
    (Format::Html, 4),
    (Format::Eml, 2),
    (Format::Jsonl, 1),
    (Format::Docx, 1),
    (Format::Pdf, 1),
];
/// Articles per JSON Lines file.
const RECORDS_PER_FILE: usize = 20;
/// Files per subfolder.
const FILES_PER_DIR: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Html,
    Eml,
    Jsonl,
    Docx,
    Pdf,
}

impl Format {
    const ALL: [Self; 6] = [
        Self::Txt,
        Self::Html,
        Self::Eml,
        Self::Jsonl,
        Self::Docx,
        Self::Pdf,
    ];

    fn name(self) -> &'static str {
        match self {
            Self::Txt => "txt",
            Self::Html => "html",
            Self::Eml => "eml",
            Self::Jsonl => "jsonl",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

/// A small deterministic generator (xorshift), so folders are the same on
/// every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Iran", "Iranian", "Tehran"),
    ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"),
    ("Turkey", "Turkish", "Ankara"),
    ("India", "Indian", "New Delhi"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Egypt", "Egyptian", "Cairo"),
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Makes articles from the sample articles' sentences.
struct Generator {
    sentences: Vec<String>,
    rng: Rng,
}

/// One generated article.
struct Article {
    title: String,
    text: String,
    published: (i32, usize, u32),
}

impl Generator {
    fn new() -> Self {
        let mut sentences = Vec::new();
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dateline::sample_folder())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for s in dateline::text::split_sentences(&text) {
                let sentence = text.get(s.start..s.end).unwrap_or_default().trim();
                if sentence.len() > 40 {
                    sentences.push(sentence.replace('\n', " "));
                }
            }
        }
        assert!(!sentences.is_empty(), "no sample sentences");
        Self {
            sentences,
            rng: Rng(0x9e37_79b9_7f4a_7c15),
        }
    }

    fn article(&mut self) -> Article {
        let rng = &mut self.rng;
        let year_shift = rng.below(13) as i32 - 8;
        let mut countries: Vec<usize> = (0..COUNTRIES.len()).collect();
        for i in (1..countries.len()).rev() {
            countries.swap(i, rng.below(i + 1));
        }
        let month_shift = rng.below(12);
        let count = 6 + rng.below(25);
        let mut body = Vec::with_capacity(count);
        for _ in 0..count {
            let s = &self.sentences[rng.below(self.sentences.len())];
            body.push(perturb(s, year_shift, &countries, month_shift));
        }
        let (city_index, year) = (countries[0], 1995 + rng.below(31) as i32);
        let (month, day) = (rng.below(12), 1 + rng.below(28) as u32);
        let city = COUNTRIES[city_index].2.to_uppercase();
        let title = body[0].chars().take(70).collect::<String>();
        let text = format!(
            "{city}, {} {day}, {year} - {}\n",
            MONTHS[month],
            body.join(" ")
        );
        Article {
            title,
            text,
            published: (year, month + 1, day),
        }
    }
}

/// Shifts four-digit years, swaps countries (name, demonym, capital) and months.
fn perturb(sentence: &str, year_shift: i32, countries: &[usize], month_shift: usize) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    for word in sentence.split_inclusive(' ') {
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = &word[core.len()..];
        let replaced = if core.len() == 4
            && core.bytes().all(|b| b.is_ascii_digit())
            && let Ok(year) = core.parse::<i32>()
            && (1950..=2030).contains(&year)
        {
            Some((year + year_shift).to_string())
        } else if let Some(m) = MONTHS.iter().position(|m| *m == core) {
            Some(MONTHS[(m + month_shift) % 12].to_owned())
        } else {
            COUNTRIES.iter().enumerate().find_map(|(i, c)| {
                let to = COUNTRIES[countries[i]];
                if core == c.0 {
                    Some(to.0.to_owned())
                } else if core == c.1 {
                    Some(to.1.to_owned())
                } else if core == c.2 {
                    Some(to.2.to_owned())
                } else {
                    None
                }
            })
        };
        match replaced {
            Some(r) => {
                out.push_str(&r);
                out.push_str(tail);
            }
            None => out.push_str(word),
        }
    }
    out
}

fn html(a: &Article) -> String {
    let (y, m, d) = a.published;
    let mut paragraphs = String::new();
    for p in a.text.split(". ") {
        let _ = writeln!(
            paragraphs,
            "<p>{}.</p>",
            p.replace('&', "&amp;").replace('<', "&lt;")
        );
    }
    format!(
        "<!doctype html><html><head><title>{}</title><meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}T09:00:00Z\"></head>\n<body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article><h1>{}</h1>\n{paragraphs}</article><footer>Copyright. All rights reserved.</footer></body></html>\n",
        a.title, a.title
    )
}

fn eml(a: &Article) -> String {
    let (y, m, d) = a.published;
    format!(
        "From: alerts@news.example\r\nTo: reader@example.org\r\nSubject: {}\r\nDate: {d} {} {y} 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        a.title,
        &MONTHS[m - 1][..3],
        a.text.replace('\n', "\r\n")
    )
}

fn jsonl_record(a: &Article) -> String {
    let (y, m, d) = a.published;
    let record = serde_json::json!({
        "title": a.title,
        "publishedAt": format!("{y}-{m:02}-{d:02}T09:00:00Z"),
        "content": a.text,
    });
    format!("{record}\n")
}

/// Builds (or reuses) a folder of `articles` articles in `formats`.
fn build_folder(dir: &Path, articles: usize, formats: &[(Format, usize)]) -> u64 {
    let stamp = dir.join(".built");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(&articles.to_string()) {
        return folder_bytes(dir);
    }
    let _ = std::fs::remove_dir_all(dir);
    let mut generator = Generator::new();
    let cycle: Vec<Format> = formats
        .iter()
        .flat_map(|&(f, n)| std::iter::repeat_n(f, n))
        .collect();
    let (mut made, mut file) = (0, 0);
    while made < articles {
        let format = cycle[file % cycle.len()];
        let sub = dir.join(format!("{:04}", file / FILES_PER_DIR));
        let _ = std::fs::create_dir_all(&sub);
        let path = sub.join(format!("{file:07}.{}", format.name()));
        let bytes: Vec<u8> = match format {
            Format::Jsonl => {
                let n = RECORDS_PER_FILE.min(articles - made);
                made += n - 1;
                (0..n)
                    .map(|_| jsonl_record(&generator.article()))
                    .collect::<String>()
                    .into_bytes()
            }
            Format::Txt => generator.article().text.into_bytes(),
            Format::Html => html(&generator.article()).into_bytes(),
            Format::Eml => eml(&generator.article()).into_bytes(),
            Format::Docx => {
                let a = generator.article();
                let paragraphs: Vec<&str> = a.text.split(". ").collect();
                let runs: Vec<[&str; 1]> = paragraphs.iter().map(|p| [*p]).collect();
                let runs: Vec<&[&str]> = runs.iter().map(<[&str; 1]>::as_slice).collect();
                fixtures::docx(&runs, &a.title)
            }
            Format::Pdf => {
                let a = generator.article();
                // Helvetica in WinAnsi: keep to ASCII, about 90 characters a line.
                let ascii: String = a
                    .text
                    .chars()
                    .map(|c| if c.is_ascii() { c } else { '\'' })
                    .collect();
                let mut lines = Vec::new();
                let mut line = String::new();
                for word in ascii.split_whitespace() {
                    if line.len() + word.len() > 90 {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push_str(word);
                    line.push(' ');
                }
                lines.push(line);
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                let pages: Vec<&[&str]> = lines.chunks(40).collect();
                fixtures::pdf(&pages, &a.title)
            }
        };
        if let Err(err) = std::fs::write(&path, bytes) {
            panic!("cannot write {}: {err}", path.display());
        }
        made += 1;
        file += 1;
    }
    let _ = std::fs::write(&stamp, articles.to_string());
    folder_bytes(dir)
}

fn folder_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && !e.path().to_string_lossy().contains("/."))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Peak resident memory of this process, in MB (Linux; 0 elsewhere).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs one measurement in this process and prints it as one line.
fn child(scenario: &str, dir: &Path) {
    let options = Options {
        current_year: Some(2026),
        ..Options::default()
    };
    let cache_file = CacheFile::of(dir);
    if scenario != "reopen" {
        let _ = std::fs::remove_file(&cache_file.primary);
        let _ = std::fs::remove_file(&cache_file.fallback);
    }
    let started = Instant::now();
    let first: OnceLock<Duration> = OnceLock::new();
    // As the window does: the documents are handed over as files are read,
    // and the folder is assembled from them (path order, merges).
    let handed: Mutex<(Analysis, Vec<usize>)> = Mutex::default();
    let partial = |files: Vec<HandedFile>| {
        if files
            .iter()
            .flat_map(|(_, d)| d)
            .any(|d| !d.events.is_empty())
        {
            let _ = first.set(started.elapsed());
        }
        let mut handed = handed.lock().unwrap_or_else(PoisonError::into_inner);
        let (analysis, file_of_doc) = &mut *handed;
        for (file, docs) in files {
            file_of_doc.extend(std::iter::repeat_n(file, docs.len()));
            for doc in docs {
                analysis.push(doc);
            }
        }
    };
    let hooks = ReadHooks {
        cache: if scenario == "reopen" {
            cache_file.load(&options)
        } else {
            None
        },
        partial: Some(&partial),
        select: None,
    };
    let mut read = match read_folder(dir, &options, &Progress::default(), &hooks) {
        Ok(read) => read,
        Err(err) => panic!("{err}"),
    };
    let (mut analysis, file_of_doc) = handed.into_inner().unwrap_or_else(PoisonError::into_inner);
    analysis.root.clone_from(&read.analysis.root);
    analysis.problems = std::mem::take(&mut read.analysis.problems);
    analysis.put_in_path_order(&file_of_doc);
    let groups = analysis.merge_groups();
    analysis.set_merges(&groups);
    read.analysis = analysis;
    let index = TimelineIndex::build(&read.analysis, LaneMode::default(), None);
    let total = started.elapsed();
    let mut cache_write = Duration::ZERO;
    if scenario == "cold" {
        let at = Instant::now();
        if let Err(err) = cache_file.save(&read.analysis, &read.records, &options) {
            eprintln!("cache not written: {err}");
        }
        cache_write = at.elapsed();
    }
    let cache_mb = std::fs::metadata(&cache_file.primary).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "RESULT docs={} events={} dated={} total_s={:.3} first_s={:.3} cache_write_s={:.3} cache_mb={cache_mb:.1} reused={} peak_mb={:.0}",
        read.analysis.docs.len(),
        read.analysis.events.len(),
        index.order().len(),
        total.as_secs_f64(),
        first.get().map_or(f64::NAN, Duration::as_secs_f64),
        cache_write.as_secs_f64(),
        read.reused,
        peak_mb(),
    );
}

/// Runs a measurement in a fresh process and returns its fields.
fn measure(scenario: &str, dir: &Path) -> Vec<(String, String)> {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(exe)
        .args(["--child", scenario])
        .arg(dir)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some(line) = stdout.lines().find(|l| l.starts_with("RESULT ")) else {
        panic!(
            "measurement failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    line.split_whitespace()
        .skip(1)
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], key: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map_or("?", |(_, v)| v.as_str())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let scenario = args.get(i + 1).map_or("cold", String::as_str);
        let dir = PathBuf::from(args.get(i + 2).map_or(".", String::as_str));
        child(scenario, &dir);
        return;
    }
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let sizes: Vec<usize> = value("--articles")
        .map_or("10000,100000", String::as_str)
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let per_format: usize = value("--format-articles")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/ingest-bench");
    let mut report = String::new();
    let _ = writeln!(
        report,
        "| articles | input | cold open (ready) | first events | throughput | peak memory | cached reopen | its peak | cache |"
    );
    let _ = writeln!(report, "|---|---|---|---|---|---|---|---|---|");
    for &n in &sizes {
        let dir = root.join(format!("mixed-{n}"));
        eprintln!("building {} ...", dir.display());
        let bytes = build_folder(&dir, n, MIX);
        eprintln!("cold open of {n} articles ...");
        let cold = measure("cold", &dir);
        eprintln!("cached reopen of {n} articles ...");
        let warm = measure("reopen", &dir);
        let total: f64 = field(&cold, "total_s").parse().unwrap_or(f64::NAN);
        let _ = writeln!(
            report,
            "| {} ({} events) | {:.0} MB | {total:.1} s | {} s | {:.1} MB/s | {} MB | {} s ({} files reused) | {} MB | {} MB, written in {} s |",
            field(&cold, "docs"),
            field(&cold, "events"),
            bytes as f64 / 1e6,
            field(&cold, "first_s"),
            bytes as f64 / 1e6 / total,
            field(&cold, "peak_mb"),
            field(&warm, "total_s"),
            field(&warm, "reused"),
            field(&warm, "peak_mb"),
            field(&cold, "cache_mb"),
            field(&cold, "cache_write_s"),
        );
        println!("{report}");
    }
    if !args.iter().any(|a| a == "--skip-formats") {
        let _ = writeln!(
            report,
            "\n| format | articles | input | read + analyse | throughput | per article |"
        );
        let _ = writeln!(report, "|---|---|---|---|---|---|");
        for format in Format::ALL {
            let dir = root.join(format!("format-{}-{per_format}", format.name()));
            let bytes = build_folder(&dir, per_format, &[(format, 1)]);
            let fields = measure("formats", &dir);
            let total: f64 = field(&fields, "total_s").parse().unwrap_or(f64::NAN);
            let docs: f64 = field(&fields, "docs").parse().unwrap_or(f64::NAN);
            let _ = writeln!(
                report,
                "| {} | {} | {:.1} MB | {total:.2} s | {:.1} MB/s | {:.2} ms |",
                format.name(),
                field(&fields, "docs"),
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / total,
                total * 1000.0 / docs,
            );
        }
    }
    println!("{report}");
}
