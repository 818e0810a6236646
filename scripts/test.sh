#!/usr/bin/env bash
# Runs every test on a fresh machine: formatting, lints, unit, integration,
# CLI (including the SIGKILL crash-safety test) and store suites.
# It installs what it needs itself; today that is the Rust toolchain's own
# rustfmt and clippy (already on the machine) and python3 for the benchmark
# helpers' syntax check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CARGO_TERM_COLOR=never
jobs=${CARGO_BUILD_JOBS:-2}

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, -D warnings)"
cargo clippy --workspace --all-targets --locked -j "$jobs" -- -D warnings

step "python helpers compile"
python3 -m py_compile bench/*.py

step "cargo test"
cargo test --workspace --locked -j "$jobs" 2>&1 | tee "${TMPDIR:-/tmp}/untangle-test.log"
# The closing summary CI reads: totals over every test binary.
awk '/^test result:/ { p += $4; f += $6; i += $8 } END { printf "\ntests: %d passed, %d failed\n", p, f }' \
  "${TMPDIR:-/tmp}/untangle-test.log"
