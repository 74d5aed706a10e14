# scripts/env.sh — owns the shared environment of every script: sourced, never run.
# Puts the project's npm tools (wasm-opt, playwright-core) and cargo's installs
# (trunk, wasm-bindgen) first on PATH, and keeps every tool off the network.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true          # trunk: no update check online
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1     # playwright: never fetch a browser
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

section() { printf '\n==== %s ====\n' "$*"; }
