#!/usr/bin/env bash
# scripts/test.sh — owns "run every test": lints, Rust tests, release build, browser tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

section "setup";                 bash scripts/setup.sh
export SETUP_DONE=1
section "cargo fmt";             cargo fmt --all -- --check
section "clippy (native)";       cargo clippy --all-targets -- -D warnings
section "clippy (wasm32)";       cargo clippy --target wasm32-unknown-unknown -- -D warnings
section "cargo test";            cargo test
section "release build (dist/)"; bash scripts/build.sh
section "browser tests";         node --test tests/e2e/*.test.mjs
section "all tests passed"
