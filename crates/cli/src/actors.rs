//! `untangle actors` and `untangle resolve`: actors across documents, the
//! reasons for each membership, and the analyst's judgements (merge,
//! split, distinct) that win over the automatic rules.

use crate::{out, print_json, truncate};
use anyhow::{anyhow, bail, Result};
use clap::Subcommand;
use untangle_engine::actors::judgement_key;
use untangle_engine::{resolve_actors, ResolveReport};
use untangle_model::EntityType;
use untangle_store::{ActorSummary, Backend, JudgementKind, NameKey};

#[derive(Subcommand, Debug)]
pub enum ActorsCommand {
    /// List actors, most documented first, with the spellings seen.
    List {
        /// person, organization, location or agreement.
        #[arg(long = "type")]
        kind: Option<String>,
        /// Only actors with a spelling containing this text.
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value_t = 30)]
        limit: usize,
    },
    /// One actor (id or key) with every member entity and why it belongs.
    Show { actor: String },
}

#[derive(Subcommand, Debug)]
pub enum ResolveCommand {
    /// Candidates for a name, scored, with reasons; "linked" when the best
    /// one clears the matcher's threshold.
    Lookup {
        /// The name (words are joined).
        #[arg(required_unless_present = "batch", conflicts_with = "batch")]
        name: Vec<String>,
        /// person or organization.
        #[arg(long = "type")]
        kind: Option<String>,
        /// Candidates shown per query.
        #[arg(long)]
        limit: Option<usize>,
        /// One query per line (NAME, or NAME<TAB>TYPE); the index is built
        /// once. Prints the best candidate per query.
        #[arg(long)]
        batch: Option<std::path::PathBuf>,
    },
    /// Recompute actors from the stored entities and judgements.
    Run,
    /// Judge that two names (or actor ids/keys) are the same actor.
    Merge {
        a: String,
        b: String,
        #[arg(long = "type")]
        kind: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Judge that two names (or actor ids/keys) are different actors.
    Distinct {
        a: String,
        b: String,
        #[arg(long = "type")]
        kind: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Take the entities answering to NAME out of ACTOR (id or key).
    Split {
        actor: String,
        name: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// List the judgements in force.
    Judgements,
    /// Withdraw a judgement by id.
    Withdraw { id: i64 },
}

fn parse_kind(s: &str) -> Result<EntityType> {
    s.trim()
        .to_ascii_lowercase()
        .parse()
        .map_err(|e: String| anyhow!("--type: {e}"))
}

/// A name or an actor id/key, as a judgement names it.
fn name_of(store: &dyn Backend, what: &str, kind: Option<EntityType>) -> Result<NameKey> {
    // an actor id (`635`) or key (`un:QDe.004`, `name:person:...`)
    if what.parse::<i64>().is_ok() || what.contains(':') {
        if let Ok(a) = store.actor(what) {
            return Ok(judgement_key(a.summary.kind, &a.summary.name));
        }
    }
    let kind = match kind {
        Some(k) => k,
        None => {
            let want = untangle_extract::text::fold(what);
            let found: Vec<ActorSummary> = store
                .actors(None, Some(what), 0)?
                .into_iter()
                .filter(|a| {
                    a.spellings
                        .iter()
                        .any(|(s, _)| untangle_extract::text::fold(s) == want)
                })
                .collect();
            let kinds: std::collections::BTreeSet<EntityType> =
                found.iter().map(|a| a.kind).collect();
            match kinds.len() {
                1 => found[0].kind,
                0 => bail!("no actor is named {what:?}; give its --type to judge it anyway"),
                _ => bail!("{what:?} names actors of several types; give --type"),
            }
        }
    };
    let key = judgement_key(kind, what);
    if key.key.is_empty() {
        bail!("{what:?} has no letters or digits to match on");
    }
    Ok(key)
}

fn print_summary(a: &ActorSummary) {
    let spellings: Vec<String> = a
        .spellings
        .iter()
        .take(8)
        .map(|(s, n)| format!("{s} ({n})"))
        .collect();
    let ext: Vec<String> = a
        .external_ids
        .iter()
        .map(|e| format!("{}:{}", e.scheme, e.id))
        .collect();
    out!(
        "{:>6}  {:<12} {}  — {} documents, {} independent origins{}\n        spellings: {}",
        a.id,
        a.kind.as_str(),
        a.name,
        a.documents,
        a.origins,
        if ext.is_empty() {
            String::new()
        } else {
            format!(", ids {}", ext.join(" "))
        },
        truncate(&spellings.join("; "), 200)
    );
}

pub fn actors(store: &dyn Backend, cmd: ActorsCommand, json: bool) -> Result<()> {
    match cmd {
        ActorsCommand::List { kind, name, limit } => {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            let list = store.actors(kind, name.as_deref(), limit)?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                out!("no actors match");
            }
            for a in &list {
                print_summary(a);
            }
        }
        ActorsCommand::Show { actor } => {
            let a = store.actor(&actor)?;
            if json {
                return print_json(&a);
            }
            print_summary(&a.summary);
            out!("        key: {}", a.summary.key);
            for m in &a.members {
                out!(
                    "  {} {:<4} {:<30} {:.2}  {}",
                    m.document.short(),
                    m.entity,
                    truncate(&m.name, 30),
                    m.score,
                    m.reasons.join("; ")
                );
            }
        }
    }
    Ok(())
}

fn print_report(r: &ResolveReport) {
    out!(
        "{} entities → {} actors ({} reported by more than one document), {} judgements ({:.2}s)",
        r.entities,
        r.actors,
        r.across_documents,
        r.judgements,
        r.seconds
    );
}

pub fn resolve(store: &mut dyn Backend, cmd: ResolveCommand, json: bool) -> Result<()> {
    let judged = |store: &mut dyn Backend,
                  kind: JudgementKind,
                  pairs: Vec<(NameKey, NameKey)>,
                  note: Option<&str>|
     -> Result<()> {
        let mut ids = Vec::new();
        for (a, b) in &pairs {
            if a.kind != b.kind {
                bail!(
                    "{:?} is a {} and {:?} a {}: only actors of one type can be judged",
                    a.key,
                    a.kind,
                    b.key,
                    b.kind
                );
            }
            ids.push(store.add_judgement(kind, a, b, note)?);
        }
        let report = resolve_actors(store)?;
        if json {
            print_json(&serde_json::json!({
                "judgements": ids, "kind": kind, "pairs": pairs, "resolve": report
            }))?;
        } else {
            for (a, b) in &pairs {
                out!(
                    "judged {} {:?} {:?} ({})",
                    kind.as_str(),
                    a.key,
                    b.key,
                    a.kind
                );
            }
            print_report(&report);
        }
        Ok(())
    };
    match cmd {
        ResolveCommand::Lookup { .. } => unreachable!("handled in main: it reads no actors"),
        ResolveCommand::Run => {
            let report = resolve_actors(store)?;
            if json {
                print_json(&report)?;
            } else {
                print_report(&report);
            }
        }
        ResolveCommand::Merge { a, b, kind, note } => {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            let pair = (name_of(store, &a, kind)?, name_of(store, &b, kind)?);
            judged(store, JudgementKind::Merge, vec![pair], note.as_deref())?;
        }
        ResolveCommand::Distinct { a, b, kind, note } => {
            let kind = kind.as_deref().map(parse_kind).transpose()?;
            let pair = (name_of(store, &a, kind)?, name_of(store, &b, kind)?);
            judged(store, JudgementKind::Distinct, vec![pair], note.as_deref())?;
        }
        ResolveCommand::Split { actor, name, note } => {
            let a = store.actor(&actor)?;
            let kind = a.summary.kind;
            let split = judgement_key(kind, &name);
            let others: std::collections::BTreeSet<String> = a
                .summary
                .spellings
                .iter()
                .map(|(s, _)| judgement_key(kind, s).key)
                .filter(|k| !k.is_empty() && *k != split.key)
                .collect();
            if !a
                .summary
                .spellings
                .iter()
                .any(|(s, _)| judgement_key(kind, s).key == split.key)
            {
                bail!("actor {} has no spelling {name:?}", a.summary.key);
            }
            if others.is_empty() {
                bail!("{name:?} is the only name of actor {}", a.summary.key);
            }
            let pairs = others
                .into_iter()
                .map(|k| (split.clone(), NameKey { kind, key: k }))
                .collect();
            judged(store, JudgementKind::Distinct, pairs, note.as_deref())?;
        }
        ResolveCommand::Judgements => {
            let list = store.judgements()?;
            if json {
                return print_json(&list);
            }
            if list.is_empty() {
                out!("no judgements");
            }
            for j in list {
                out!(
                    "#{:<4} {:<8} {:?} {:?} ({}) {}{}",
                    j.id,
                    j.kind.as_str(),
                    j.a.key,
                    j.b.key,
                    j.a.kind,
                    j.created_at,
                    j.note.map(|n| format!("  — {n}")).unwrap_or_default()
                );
            }
        }
        ResolveCommand::Withdraw { id } => {
            if !store.remove_judgement(id)? {
                bail!("no judgement #{id}");
            }
            let report = resolve_actors(store)?;
            if json {
                print_json(&serde_json::json!({"withdrawn": id, "resolve": report}))?;
            } else {
                out!("withdrew judgement #{id}");
                print_report(&report);
            }
        }
    }
    Ok(())
}
