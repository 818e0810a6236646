//! `untangle ties|events|claims`: the stored evidence graph, each item with
//! the sentence it was read in, its document, publisher, date and grades.

use crate::{one_line, print_json, truncate};
use anyhow::{anyhow, Result};
use clap::Args;
use untangle_store::{Backend, EntityRef, GraphFilter, Provenance};

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// Only this document (id or unique prefix).
    #[arg(long)]
    pub doc: Option<String>,
    /// Only items involving an entity with this name or alias
    /// (case-insensitive).
    #[arg(long)]
    pub entity: Option<String>,
    /// Ties only: this predicate (`hosts`, `funds`, ...).
    #[arg(long)]
    pub predicate: Option<String>,
    /// Events only: this PLOVER type (`ASSAULT`, ...).
    #[arg(long = "type")]
    pub event_type: Option<String>,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
}

impl GraphArgs {
    fn filter(&self, store: &dyn Backend) -> Result<GraphFilter> {
        Ok(GraphFilter {
            doc: self
                .doc
                .as_deref()
                .map(|d| store.resolve_id(d))
                .transpose()?,
            entity: self.entity.clone(),
            predicate: self
                .predicate
                .as_deref()
                .map(|p| p.trim().to_ascii_lowercase().parse())
                .transpose()
                .map_err(|e: String| anyhow!("--predicate: {e}"))?,
            event_type: self
                .event_type
                .as_deref()
                .map(|t| t.trim().to_ascii_uppercase().parse())
                .transpose()
                .map_err(|e: String| anyhow!("--type: {e}"))?,
            limit: self.limit,
        })
    }
}

#[derive(Args, Debug)]
pub struct LinksArgs {
    /// Only links with an end whose actor has a spelling containing this
    /// (case-insensitive).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only this predicate (`hosts`, `funds`, ...).
    #[arg(long)]
    pub predicate: Option<String>,
    /// Only links asserted by at least this many independent origins.
    #[arg(long, default_value_t = 0)]
    pub min_origins: u64,
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
}

fn support(s: &untangle_engine::links::Support) -> String {
    if s.evidence == 0 {
        return "0".into();
    }
    format!(
        "{} origin{} ({} doc{}, {} sentence{}{})",
        s.origins,
        if s.origins == 1 { "" } else { "s" },
        s.documents,
        if s.documents == 1 { "" } else { "s" },
        s.evidence,
        if s.evidence == 1 { "" } else { "s" },
        s.best_reliability
            .map(|r| format!(", best {r}"))
            .unwrap_or_default()
    )
}

pub fn links(store: &dyn Backend, args: &LinksArgs, json: bool) -> Result<()> {
    let filter = GraphFilter {
        predicate: args
            .predicate
            .as_deref()
            .map(|p| p.trim().to_ascii_lowercase().parse())
            .transpose()
            .map_err(|e: String| anyhow!("--predicate: {e}"))?,
        limit: 0,
        ..GraphFilter::default()
    };
    let mut rows = untangle_engine::links::links(store, &filter, args.actor.as_deref())?;
    rows.retain(|l| l.asserted.origins >= args.min_origins);
    if args.limit > 0 {
        rows.truncate(args.limit);
    }
    if json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        crate::out!("no links");
    }
    for l in rows {
        let span = match (&l.first_seen, &l.last_seen) {
            (Some(a), Some(b)) if a != b => format!("  {a} … {b}"),
            (Some(a), _) => format!("  {a}"),
            _ => String::new(),
        };
        let parts: Vec<String> = [
            ("asserted", &l.asserted),
            ("denied", &l.denied),
            ("hedged", &l.hedged),
        ]
        .into_iter()
        .filter(|(_, s)| s.evidence > 0)
        .map(|(what, s)| format!("{what} by {}", support(s)))
        .collect();
        crate::out!(
            "{} --{}--> {}{}\n    {}",
            l.subject.name,
            l.predicate,
            l.object.name,
            span,
            parts.join("; ")
        );
    }
    Ok(())
}

fn names(refs: &[EntityRef]) -> String {
    if refs.is_empty() {
        "-".into()
    } else {
        refs.iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `doc 1a2b3c4d RFE/RL 2021-04-05 [F6]`: where a line of evidence comes from.
fn source_line(p: &Provenance, credibility: &str) -> String {
    format!(
        "{} {} {} [{}{}]",
        p.document.short(),
        p.publisher.as_deref().unwrap_or("-"),
        p.published.as_deref().unwrap_or("-"),
        p.reliability,
        credibility
    )
}

pub fn ties(store: &dyn Backend, args: &GraphArgs, json: bool) -> Result<()> {
    let rows = store.ties(&args.filter(store)?)?;
    if json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        crate::out!("no ties");
    }
    for t in rows {
        crate::out!(
            "{} --{}--> {}  ({})  {}\n    “{}”",
            t.subject.name,
            t.predicate,
            t.object.name,
            t.polarity,
            source_line(&t.source, t.evidence.credibility.as_str()),
            truncate(&t.evidence.sentence, 160)
        );
    }
    Ok(())
}

pub fn events(store: &dyn Backend, args: &GraphArgs, json: bool) -> Result<()> {
    let rows = store.events(&args.filter(store)?)?;
    if json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        crate::out!("no events");
    }
    for e in rows {
        let mut counts = String::new();
        if let Some(k) = e.fatalities {
            counts.push_str(&format!("  killed {k}"));
        }
        if let Some(c) = e.captured {
            counts.push_str(&format!("  captured {c}"));
        }
        crate::out!(
            "{} {} → {}  at {}  on {}{}  {}\n    “{}”",
            e.kind,
            names(&e.agents),
            names(&e.targets),
            e.location.as_ref().map(|l| l.name.as_str()).unwrap_or("-"),
            e.date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            counts,
            source_line(&e.source, e.evidence.credibility.as_str()),
            truncate(&e.evidence.sentence, 160)
        );
    }
    Ok(())
}

pub fn claims(store: &dyn Backend, args: &GraphArgs, json: bool) -> Result<()> {
    let rows = store.claims(&args.filter(store)?)?;
    if json {
        return print_json(&rows);
    }
    if rows.is_empty() {
        crate::out!("no claims");
    }
    for c in rows {
        crate::out!(
            "{}: “{}”  about {}{}  {}",
            c.speaker.name,
            truncate(&one_line(&c.quote), 140),
            names(&c.about),
            c.stance.map(|s| format!(" ({s})")).unwrap_or_default(),
            source_line(&c.source, c.evidence.credibility.as_str())
        );
    }
    Ok(())
}
