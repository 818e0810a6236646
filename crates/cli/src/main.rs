//! `untangle`: the command line. Glue only: parses arguments, opens the
//! store, calls the engine, renders results as text or `--json`.

mod actors;
mod extract;
mod graph;
mod progress;
mod reference;

/// `println!` that ends the process quietly when stdout is closed (`| head`)
/// instead of panicking.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("error: cannot write to stdout: {e}");
            std::process::exit(1);
        }
    }};
}

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use std::process::ExitCode;
use untangle_engine::{IngestConfig, IngestReport};
use untangle_model::Reliability;
use untangle_store::{Backend, SearchHit};

/// Exit status when some inputs failed but the rest were ingested.
const EXIT_INPUTS_FAILED: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "untangle",
    version,
    about = "Turn open-source reporting on armed groups into an evidence graph"
)]
struct Cli {
    /// Store location: a SQLite file (created if missing).
    #[arg(
        long,
        global = true,
        env = "UNTANGLE_DB",
        default_value = "untangle.db"
    )]
    db: String,
    /// Machine-readable JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest files, folders (recursively) and globs: text, HTML, PDF, RSS/Atom, JSONL.
    Ingest(IngestArgs),
    /// List or show stored documents.
    #[command(subcommand)]
    Docs(DocsCommand),
    /// Full-text search over documents and evidence sentences.
    Search {
        /// Words that must all occur (or FTS5 syntax with --raw).
        query: Vec<String>,
        /// Pass the query to SQLite FTS5 as is (phrases, OR, NEAR, prefix*).
        #[arg(long)]
        raw: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Counts: documents, independent origins, reposts, formats, sources.
    Stats,
    /// Publishers and their Admiralty reliability grades.
    #[command(subcommand)]
    Sources(SourcesCommand),
    /// Entities found in stored documents (per document; one document's with --doc).
    Entities {
        /// Document id or unique prefix.
        #[arg(long)]
        doc: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Actors across documents: one per real-world actor, with its spellings.
    #[command(subcommand)]
    Actors(actors::ActorsCommand),
    /// Cross-document resolution: recompute, the analyst's judgements, and
    /// name lookups against the reference lists.
    #[command(subcommand)]
    Resolve(actors::ResolveCommand),
    /// Ties read in stored documents, each with its evidence sentence.
    Ties(graph::GraphArgs),
    /// Ties between actors with their corroboration: how many sentences,
    /// documents and independent origins assert, deny or hedge each one
    /// (reposts and copies of one original count once).
    Links(graph::LinksArgs),
    /// PLOVER events read in stored documents, with their evidence.
    Events(graph::GraphArgs),
    /// Attributed claims (who said what), with their evidence.
    Claims(graph::GraphArgs),
    /// Re-read every stored document with this version's extractors
    /// (after an upgrade); documents, sources and judgements stay.
    Reextract,
    /// Check the store's integrity.
    Check,
    /// Score prediction files against answer keys (the rules of
    /// `shared/eval/score.py`): `NAME.json` in --pred for each
    /// `NAME.gold.json` in --gold.
    Eval {
        #[arg(long)]
        gold: std::path::PathBuf,
        #[arg(long)]
        pred: std::path::PathBuf,
        /// Per-document detail (matched and unmatched items).
        #[arg(long)]
        verbose: bool,
    },
    /// Extract entities from files (no store): one prediction file per
    /// document in `--out DIR`, or JSON on stdout.
    Extract {
        /// Files, folders or globs.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Folder for prediction files (`NAME.json` per input).
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        #[arg(long, default_value_t = IngestConfig::default().max_bytes)]
        max_bytes: u64,
    },
    /// Import reference data into the store.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Reference entities (sanctions lists) in the store.
    #[command(subcommand)]
    Ref(RefCommand),
}

#[derive(Subcommand, Debug)]
enum ImportCommand {
    /// A sanctions list: the UN consolidated list XML, or OFAC's legacy
    /// SDN CSV (a folder with sdn.csv, or sdn.csv itself; alt.csv and
    /// add.csv beside it are read too). The kind is sniffed from content.
    /// Importing a newer version updates entries and keeps history.
    Sanctions {
        path: std::path::PathBuf,
        /// The list's date (YYYY-MM-DD). The UN list carries its own;
        /// OFAC's CSV files do not.
        #[arg(long)]
        list_date: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
enum RefCommand {
    /// List reference entities (id order).
    List {
        /// Only this list: un or ofac.
        #[arg(long)]
        scheme: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Show one entity (un:TAi.005, or a bare id): names, aliases with
    /// quality and history, stated ties.
    Show { id: String },
}

#[derive(Args, Debug)]
struct IngestArgs {
    /// Files, folders or glob patterns.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = IngestConfig::default().max_bytes)]
    max_bytes: u64,
    /// Documents per write transaction.
    #[arg(long, default_value_t = IngestConfig::default().batch)]
    batch: usize,
}

#[derive(Subcommand, Debug)]
enum DocsCommand {
    /// List documents in ingest order.
    List {
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Show one document (id or unique prefix) with its provenance and text.
    Show { id: String },
    /// Groups of documents that share one independent origin.
    Reposts {
        /// Show at most this many groups (largest first).
        #[arg(long, default_value_t = usize::MAX)]
        limit: usize,
    },
}

#[derive(Subcommand, Debug)]
enum SourcesCommand {
    /// List publishers with their grade and document count.
    List,
    /// Set a publisher's reliability grade (A completely reliable … F cannot be judged).
    Set { name: String, reliability: String },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("UNTANGLE_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn print_json<T: Serialize>(v: &T) -> Result<()> {
    out!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn open_store(path: &str) -> Result<Box<dyn Backend>> {
    untangle_store::open(path).with_context(|| format!("opening store {path}"))
}

fn run(cli: Cli) -> Result<ExitCode> {
    let json = cli.json;
    if let Command::Extract {
        paths,
        out,
        max_bytes,
    } = &cli.command
    {
        let o = extract::run(paths, out.as_deref(), *max_bytes)?;
        for f in &o.failed {
            eprintln!("error: {f}");
        }
        if out.is_none() && json {
            print_json(&o.predictions)?;
        } else if out.is_none() {
            for p in &o.predictions {
                print_prediction(p);
            }
        } else if json {
            print_json(&serde_json::json!({"written": o.written, "failed": o.failed}))?;
        } else {
            out!(
                "{} prediction files written, {} failed",
                o.written.len(),
                o.failed.len()
            );
        }
        return Ok(if o.failed.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_INPUTS_FAILED)
        });
    }
    if let Command::Eval {
        gold,
        pred,
        verbose,
    } = &cli.command
    {
        let report = untangle_extract::eval::evaluate(gold, pred)?;
        if json {
            print_json(&report)?;
        } else {
            out!("{}", report.render(*verbose, false).trim_end());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = open_store(&cli.db)?;
    match cli.command {
        Command::Extract { .. } | Command::Eval { .. } => unreachable!("handled above"),
        Command::Import(ImportCommand::Sanctions { path, list_date }) => {
            let r = reference::import(store.as_mut(), &path, list_date.as_deref())?;
            if json {
                print_json(&r)?;
            } else if r.already_imported {
                out!(
                    "{}: already imported ({} list of {}); nothing changed",
                    r.file,
                    r.scheme,
                    r.list_date
                );
            } else {
                out!(
                    "{} list of {}: {} entities ({} new, {} changed, {} delisted), {} aliases ({} new, {} removed), {} stated ties",
                    r.scheme,
                    r.list_date,
                    r.entities,
                    r.added,
                    r.updated,
                    r.delisted,
                    r.aliases,
                    r.aliases_added,
                    r.aliases_removed,
                    r.ties
                );
            }
        }
        Command::Ref(RefCommand::List {
            scheme,
            limit,
            offset,
        }) => {
            let rows = store.reference_entities(scheme.as_deref(), limit, offset)?;
            if json {
                print_json(&rows)?;
            } else {
                for r in rows {
                    out!(
                        "{}:{:<10} {:<12} {}  ({} aliases; {}){}",
                        r.scheme,
                        r.id,
                        r.kind.as_str(),
                        truncate(&r.name, 60),
                        r.aliases,
                        r.programmes.join(", "),
                        r.removed_in
                            .map(|d| format!("  [delisted {d}]"))
                            .unwrap_or_default()
                    );
                }
            }
        }
        Command::Ref(RefCommand::Show { id }) => {
            let r = store.reference_entity(&id)?;
            if json {
                print_json(&r)?;
            } else {
                let e = &r.entity;
                out!("{}:{}  {}  ({})", e.scheme, e.id, e.name, e.kind);
                if let Some(o) = &e.original_script {
                    out!("original script: {o}");
                }
                let list = |v: &[String]| {
                    if v.is_empty() {
                        "-".to_string()
                    } else {
                        v.join("; ")
                    }
                };
                out!("programmes:  {}", list(&e.programmes));
                out!("titles:      {}", list(&e.titles));
                out!("designation: {}", list(&e.designation));
                out!("nationality: {}", list(&e.nationality));
                out!("born:        {}", list(&e.dates_of_birth));
                out!("listed on:   {}", e.listed_on.as_deref().unwrap_or("-"));
                out!(
                    "on lists:    {} … {}{}",
                    r.first_seen,
                    r.last_seen,
                    r.removed_in
                        .as_deref()
                        .map(|d| format!(" (delisted in {d})"))
                        .unwrap_or_default()
                );
                out!("aliases ({}):", r.alias_history.len());
                for a in &r.alias_history {
                    out!(
                        "  {:<5} {:<40} [{}] since {}{}",
                        a.quality.as_str(),
                        a.name,
                        a.raw_quality,
                        a.first_seen,
                        a.removed_in
                            .as_deref()
                            .map(|d| format!(", removed in {d}"))
                            .unwrap_or_default()
                    );
                }
                out!("stated ties ({}):", r.tie_history.len());
                for t in &r.tie_history {
                    let other = match (&t.other_name, &t.other_id) {
                        (Some(n), Some(i)) => format!("{n} ({i})"),
                        (Some(n), None) => n.clone(),
                        (None, Some(i)) => i.clone(),
                        (None, None) => "?".into(),
                    };
                    let (subj, obj) = match t.direction {
                        untangle_resolve::Direction::Out => ("this".to_string(), other),
                        untangle_resolve::Direction::In => (other, "this".to_string()),
                    };
                    out!(
                        "  {subj} --{}--> {obj}{}\n      “{}”",
                        t.predicate,
                        t.removed_in
                            .as_deref()
                            .map(|d| format!("  [removed in {d}]"))
                            .unwrap_or_default(),
                        truncate(&t.sentence, 160)
                    );
                }
                if let Some(c) = &e.comments {
                    out!("comments: {}", c);
                }
            }
        }
        Command::Resolve(actors::ResolveCommand::Lookup {
            name,
            kind,
            limit,
            batch,
        }) => {
            let kind: Option<untangle_model::EntityType> = kind
                .map(|k| k.trim().parse())
                .transpose()
                .map_err(|e: String| anyhow::anyhow!("--type: {e}"))?;
            if let Some(file) = batch {
                let queries = reference::batch_queries(&file, kind)?;
                let (answers, timing) =
                    reference::run_batch(store.as_ref(), &queries, limit.unwrap_or(1))?;
                if json {
                    // Serialised straight from the answers (no `Value`
                    // tree in between: a benchmark batch is thousands).
                    #[derive(serde::Serialize)]
                    struct Batch<'a> {
                        results: &'a [reference::Answer],
                        timing: &'a reference::BatchTiming,
                    }
                    print_json(&Batch {
                        results: &answers,
                        timing: &timing,
                    })?;
                } else {
                    for a in &answers {
                        match a.candidates.first() {
                            Some(c) => out!(
                                "{}\t{}\t{}\t{:.3}\t{}\t{}",
                                a.query,
                                c.id,
                                c.name,
                                c.score,
                                if c.linked { "yes" } else { "no" },
                                c.reasons.join("; ")
                            ),
                            None => out!("{}\t-\t-\t0.000\tno\tno candidate", a.query),
                        }
                    }
                }
                eprintln!(
                    "{} queries against {} records: index {:.3}s, lookups {:.3}s",
                    timing.queries, timing.records, timing.index_seconds, timing.lookup_seconds
                );
            } else {
                let ix = reference::build_index(store.as_ref())?;
                if ix.is_empty() {
                    bail_empty()?;
                }
                let a = reference::answer(&ix, &name.join(" "), kind, limit.unwrap_or(5));
                if json {
                    print_json(&a)?;
                } else {
                    match &a.linked {
                        Some(id) => out!("{}: linked to {id}", a.query),
                        None => out!("{}: no match", a.query),
                    }
                    for c in &a.candidates {
                        out!(
                            "  {:.3} {} {:<12} {}  (matched {:?})",
                            c.score,
                            if c.linked { "*" } else { " " },
                            c.id,
                            c.name,
                            c.matched_name
                        );
                        for r in &c.reasons {
                            out!("          - {r}");
                        }
                    }
                }
            }
        }
        Command::Ingest(args) => return ingest(store.as_mut(), args, json),
        Command::Docs(DocsCommand::List { limit, offset }) => {
            let docs = store.list_documents(limit, offset)?;
            if json {
                print_json(&docs)?;
            } else {
                for d in docs {
                    out!(
                        "{}  {:<10} {:<6} {:<24} {}{}",
                        d.id.short(),
                        d.published.as_deref().unwrap_or("-"),
                        d.format,
                        truncate(d.publisher.as_deref().unwrap_or("-"), 24),
                        truncate(d.title.as_deref().unwrap_or(&d.locator), 70),
                        if d.repost_of.is_some() {
                            "  (repost)"
                        } else {
                            ""
                        },
                    );
                }
            }
        }
        Command::Docs(DocsCommand::Show { id }) => {
            let id = store.resolve_id(&id)?;
            let d = store.document(&id)?;
            if json {
                print_json(&d)?;
            } else {
                let m = &d.doc.meta;
                out!("id:          {}", d.doc.id);
                out!("from:        {} ({})", m.locator, d.doc.format.as_str());
                let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
                out!("title:       {}", opt(&m.title));
                out!("url:         {}", opt(&m.url));
                out!("publisher:   {}", opt(&m.publisher));
                if let Some(s) = &d.source {
                    out!("reliability: {}", s.reliability);
                }
                out!(
                    "published:   {}{}",
                    m.published.map(|p| p.to_string()).unwrap_or("-".into()),
                    m.published_from
                        .as_deref()
                        .map(|f| format!(" (from {f})"))
                        .unwrap_or_default()
                );
                out!("byline:      {}", opt(&m.byline));
                out!("original:    {}", opt(&m.original_source));
                out!("origin:      {}", d.origin);
                if let (Some(r), Some(s)) = (&d.repost_of, d.similarity) {
                    out!("repost of:   {} (similarity {:.2})", r.short(), s);
                }
                if !d.same_origin.is_empty() {
                    let ids: Vec<&str> = d.same_origin.iter().map(|i| i.short()).collect();
                    out!("same origin: {}", ids.join(", "));
                }
                if !m.boilerplate.is_empty() {
                    out!("boilerplate removed: {} lines", m.boilerplate.len());
                }
                out!("\n{}", d.doc.text);
            }
        }
        Command::Docs(DocsCommand::Reposts { limit }) => {
            let mut groups = store.repost_groups()?;
            let total = groups.len();
            groups.sort_by_key(|g| std::cmp::Reverse(g.documents.len()));
            groups.truncate(limit);
            if json {
                print_json(&groups)?;
            } else if groups.is_empty() {
                out!("no reposts: every document is its own origin");
            } else {
                if total > groups.len() {
                    out!("{} groups of reposts; the {} largest:", total, groups.len());
                }
                for g in groups {
                    out!("{} ({} documents)", g.origin, g.documents.len());
                    for d in g.documents {
                        out!(
                            "  {}  {}",
                            d.id.short(),
                            truncate(d.title.as_deref().unwrap_or(&d.locator), 80)
                        );
                    }
                }
            }
        }
        Command::Search { query, raw, limit } => {
            let q = query.join(" ");
            let hits = store.search(&q, raw, limit)?;
            if json {
                print_json(&hits)?;
            } else if hits.is_empty() {
                out!("no matches for {q:?}");
            } else {
                for h in hits {
                    match h {
                        SearchHit::Document {
                            id, title, snippet, ..
                        } => out!(
                            "doc {}  {}\n    {}",
                            id.short(),
                            title.as_deref().unwrap_or("(untitled)"),
                            one_line(&snippet)
                        ),
                        SearchHit::Evidence {
                            id,
                            document,
                            snippet,
                            ..
                        } => out!(
                            "evidence {id} in {}\n    {}",
                            document.short(),
                            one_line(&snippet)
                        ),
                    }
                }
            }
        }
        Command::Entities { doc, limit } => {
            let doc = doc.map(|d| store.resolve_id(&d)).transpose()?;
            let rows = store.entities(doc.as_ref(), limit)?;
            if json {
                print_json(&rows)?;
            } else {
                for r in rows {
                    let aliases = if r.entity.aliases.is_empty() {
                        String::new()
                    } else {
                        format!("  aka {}", r.entity.aliases.join("; "))
                    };
                    out!(
                        "{} {:<4} {:<12} {:<16} {}{}  ({} mentions)",
                        r.document.short(),
                        r.entity.id,
                        r.entity.kind.as_str(),
                        r.entity.subtype.as_deref().unwrap_or("-"),
                        r.entity.name,
                        aliases,
                        r.mentions
                    );
                }
            }
        }
        Command::Actors(cmd) => actors::actors(store.as_ref(), cmd, json)?,
        Command::Resolve(cmd) => actors::resolve(store.as_mut(), cmd, json)?,
        Command::Ties(args) => graph::ties(store.as_ref(), &args, json)?,
        Command::Links(args) => graph::links(store.as_ref(), &args, json)?,
        Command::Events(args) => graph::events(store.as_ref(), &args, json)?,
        Command::Claims(args) => graph::claims(store.as_ref(), &args, json)?,
        Command::Reextract => {
            let bar = progress::Bar::new();
            let r = untangle_engine::reextract(store.as_mut(), &IngestConfig::default(), &bar)?;
            let resolved = untangle_engine::resolve_actors(store.as_mut())?;
            if json {
                print_json(&serde_json::json!({"reextract": r, "resolve": resolved}))?;
            } else {
                out!(
                    "{} documents re-extracted: {} entities, {} ties, {} events, {} claims ({:.1}s); {} actors",
                    r.documents,
                    r.entities,
                    r.ties,
                    r.events,
                    r.claims,
                    r.seconds,
                    resolved.actors
                );
            }
        }
        Command::Stats => {
            let s = store.stats()?;
            if json {
                print_json(&s)?;
            } else {
                out!("store:               {} ({})", cli.db, store.kind());
                out!("documents:           {}", s.documents);
                out!("independent origins: {}", s.independent_origins);
                out!("reposts:             {}", s.reposts);
                let formats: Vec<String> = s
                    .by_format
                    .iter()
                    .map(|(f, n)| format!("{f} {n}"))
                    .collect();
                out!("formats:             {}", formats.join(", "));
                out!("publishers:          {}", s.publishers);
                out!(
                    "published:           {} … {}",
                    s.earliest.as_deref().unwrap_or("-"),
                    s.latest.as_deref().unwrap_or("-")
                );
                out!(
                    "entities:            {} ({} mentions)",
                    s.entities,
                    s.mentions
                );
                out!(
                    "ties, events, claims: {}, {}, {}",
                    s.ties,
                    s.events,
                    s.claims
                );
                out!("evidence sentences:  {}", s.evidence);
                out!(
                    "actors:              {} ({} analyst judgements)",
                    s.actors,
                    s.judgements
                );
            }
        }
        Command::Sources(SourcesCommand::List) => {
            let sources = store.sources()?;
            if json {
                #[derive(Serialize)]
                struct Row {
                    name: String,
                    reliability: Reliability,
                    documents: u64,
                }
                let rows: Vec<Row> = sources
                    .into_iter()
                    .map(|(s, n)| Row {
                        name: s.name,
                        reliability: s.reliability,
                        documents: n,
                    })
                    .collect();
                print_json(&rows)?;
            } else {
                for (s, n) in sources {
                    out!("{}  {:>6}  {}", s.reliability, n, s.name);
                }
            }
        }
        Command::Sources(SourcesCommand::Set { name, reliability }) => {
            let grade: Reliability = reliability
                .trim()
                .to_ascii_uppercase()
                .parse()
                .map_err(|e: String| anyhow::anyhow!("reliability: {e}"))?;
            store.set_source_reliability(&name, grade)?;
            if json {
                print_json(&serde_json::json!({"name": name, "reliability": grade}))?;
            } else {
                out!("{name}: {grade}");
            }
        }
        Command::Check => {
            let problems = store.check()?;
            if json {
                print_json(&serde_json::json!({"ok": problems.is_empty(), "problems": problems}))?;
            } else if problems.is_empty() {
                out!("ok");
            } else {
                for p in &problems {
                    out!("{p}");
                }
            }
            if !problems.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn ingest(store: &mut dyn Backend, args: IngestArgs, json: bool) -> Result<ExitCode> {
    let cfg = IngestConfig {
        max_bytes: args.max_bytes,
        batch: args.batch,
        ..IngestConfig::default()
    };
    let bar = progress::Bar::new();
    let report: IngestReport = untangle_engine::ingest(store, &args.paths, &cfg, &bar)?;
    // Failures go to stderr one line each, whatever the output mode.
    for f in &report.failed {
        eprintln!("error: {}", f.error);
    }
    // New entities join actors across documents (a full, order-independent
    // recomputation that keeps the analyst's judgements).
    let resolved = if report.stored > 0 {
        Some(untangle_engine::resolve_actors(store)?)
    } else {
        None
    };
    if json {
        let mut v = serde_json::to_value(&report)?;
        v["resolve"] = serde_json::to_value(&resolved)?;
        print_json(&v)?;
    } else {
        out!(
            "{} files, {} documents: {} stored, {} already stored, {} reposts, {} entities, {} ties, {} events, {} claims, {} failed ({:.1}s, {:.0} docs/s)",
            report.files,
            report.documents,
            report.stored,
            report.duplicates,
            report.reposts,
            report.entities,
            report.ties,
            report.events,
            report.claims,
            report.failed.len(),
            report.seconds,
            report.documents_per_second
        );
        if let Some(r) = &resolved {
            out!(
                "actors: {} entities → {} actors, {} reported by more than one document ({:.1}s)",
                r.entities,
                r.actors,
                r.across_documents,
                r.seconds
            );
        }
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INPUTS_FAILED)
    })
}

/// A prediction as an analyst reads it: who is who, how they are tied, what
/// happened, who said what.
fn print_prediction(p: &serde_json::Value) {
    let empty = Vec::new();
    let list = |k: &str| p[k].as_array().unwrap_or(&empty).clone();
    let entities = list("entities");
    let name = |id: &serde_json::Value| -> String {
        entities
            .iter()
            .find(|e| &e["id"] == id)
            .and_then(|e| e["name"].as_str())
            .unwrap_or("?")
            .to_string()
    };
    out!("== {}", p["document"].as_str().unwrap_or("?"));
    out!("entities ({}):", entities.len());
    for e in &entities {
        let aliases: Vec<&str> = e["aliases"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let mut line = format!(
            "  {:<4} {:<12} {}",
            e["id"].as_str().unwrap_or(""),
            e["type"].as_str().unwrap_or(""),
            e["name"].as_str().unwrap_or("")
        );
        if !aliases.is_empty() {
            line.push_str(&format!("  (aka {})", aliases.join("; ")));
        }
        if let Some(t) = e["title"].as_str() {
            line.push_str(&format!("  [{t}]"));
        }
        out!("{line}");
    }
    let ties = list("ties");
    out!("ties ({}):", ties.len());
    for t in &ties {
        out!(
            "  {} --{}--> {}  ({})",
            name(&t["subject"]),
            t["predicate"].as_str().unwrap_or(""),
            name(&t["object"]),
            t["polarity"].as_str().unwrap_or("asserted")
        );
    }
    let events = list("events");
    out!("events ({}):", events.len());
    for e in &events {
        let names = |k: &str| -> String {
            e[k].as_array()
                .map(|a| a.iter().map(&name).collect::<Vec<_>>().join(", "))
                .unwrap_or_default()
        };
        out!(
            "  {} {} → {}  at {}  on {}",
            e["type"].as_str().unwrap_or(""),
            names("agents"),
            names("targets"),
            if e["location"].is_null() {
                "-".to_string()
            } else {
                name(&e["location"])
            },
            e["date"].as_str().unwrap_or("-")
        );
    }
    let claims = list("claims");
    out!("claims ({}):", claims.len());
    for c in &claims {
        out!(
            "  {}: “{}”",
            name(&c["speaker"]),
            truncate(c["quote"].as_str().unwrap_or(""), 100)
        );
    }
}

/// A lookup against an empty store is a user error worth saying plainly.
fn bail_empty() -> Result<()> {
    anyhow::bail!("no reference entities in the store: run `untangle import sanctions PATH` first")
}

fn truncate(s: &str, n: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= n {
        s
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
