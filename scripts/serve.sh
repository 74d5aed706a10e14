#!/usr/bin/env bash
# scripts/serve.sh — owns "build and serve the app": http://127.0.0.1:8080/, rebuilt on change.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
