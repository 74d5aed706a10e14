#!/usr/bin/env bash
# scripts/build.sh — owns the release build of the app into dist/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
[ "${SETUP_DONE:-}" = 1 ] || bash scripts/setup.sh   # ends with cargo fetch
trunk build --release --offline "$@"
