#!/usr/bin/env bash
# Bounded fuzz run of every ingest parser entry point (cargo fuzz, nightly).
# FUZZ_SECONDS per target (default 60). Crashers land in fuzz/artifacts/;
# once fixed, copy them to crates/ingest/tests/regressions/ (named after
# what broke) so the regression test keeps them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
secs=${FUZZ_SECONDS:-60}
if [ "$secs" = 0 ]; then
  echo "skip fuzz: FUZZ_SECONDS=0" >&2
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "skip fuzz: needs a nightly toolchain and cargo-fuzz (cargo install cargo-fuzz)" >&2
  exit 0
fi
cd "$root/fuzz"
status=0
for t in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$t"
  if cargo +nightly fuzz run "$t" -- -max_total_time="$secs" -rss_limit_mb=2048 >"/tmp/fuzz-$t.log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs' "/tmp/fuzz-$t.log" | awk '{print $2}' | tail -1 || true)
    echo "fuzz $t: ${secs}s, ${runs:-?} inputs, no crash"
  else
    echo "fuzz $t: CRASH, see fuzz/artifacts/$t and /tmp/fuzz-$t.log"
    status=1
  fi
done
exit $status
