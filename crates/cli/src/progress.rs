//! A progress bar on a terminal (files, documents/s, ETA); nothing when
//! stderr is piped or `UNTANGLE_PROGRESS=0`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use untangle_engine::Progress;

pub struct Bar {
    bar: Option<ProgressBar>,
    docs: AtomicU64,
    started: Instant,
}

impl Bar {
    pub fn new() -> Self {
        let enabled = std::io::stderr().is_terminal()
            && std::env::var("UNTANGLE_PROGRESS").map_or(true, |v| v != "0");
        let bar = enabled.then(|| {
            let b = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            b.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files  {msg}  ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            b
        });
        Bar {
            bar,
            docs: AtomicU64::new(0),
            started: Instant::now(),
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: u64) {
        if let Some(b) = &self.bar {
            b.set_length(files);
        }
    }

    fn advance(&self, files: u64, documents: u64) {
        let docs = self.docs.fetch_add(documents, Ordering::Relaxed) + documents;
        if let Some(b) = &self.bar {
            let rate = docs as f64 / self.started.elapsed().as_secs_f64().max(1e-6);
            b.set_message(format!("{docs} docs, {rate:.0} docs/s"));
            b.inc(files);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
