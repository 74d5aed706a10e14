#!/usr/bin/env bash
# scripts/setup.sh — owns installing the toolchain; idempotent, each step only when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

need() { command -v "$1" >/dev/null || { echo "setup: '$1' not found: $2" >&2; exit 1; }; }
need rustup "install Rust with rustup first"
need cargo  "install Rust with rustup first"
need npm    "install Node.js 20+ with npm first"

installed_targets="$(rustup target list --installed)"
grep -qx wasm32-unknown-unknown <<<"$installed_targets" || rustup target add wasm32-unknown-unknown

installed_components="$(rustup component list --installed)"
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done

trunk_version="$(trunk --version 2>/dev/null || true)"
if [[ "$trunk_version" != "trunk 0.21."* ]]; then
  cargo install trunk --version '^0.21' --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb_version="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Debian's packages the browser tests use: Chromium, and pdftotext (poppler-utils) to read the
# text of the printed report's PDF.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver poppler-utils
fi

cargo fetch --quiet
