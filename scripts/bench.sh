#!/usr/bin/env bash
# scripts/bench.sh — owns the benchmark command: builds the release into its own folder
# and prints sizes, load times against a plain reference page, entry latency, the engine on a
# 1.000-target plan and Lighthouse scores. A benchmark, not a test: it prints and fails only if
# something cannot run. Method and results: BENCHMARKS.md.
#
#   bash scripts/bench.sh                 # build, then measure (about 6 minutes)
#   bash scripts/bench.sh --no-build      # measure the last bench build again
#   BENCH_DIST=/tmp/x bash scripts/bench.sh --runs 3 --no-lighthouse --json /tmp/x.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
DIST="${BENCH_DIST:-/tmp/lai-chau-plan-bench/dist}"
args=()
build=1
for a in "$@"; do
  if [ "$a" = --no-build ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
  [ "${SETUP_DONE:-}" = 1 ] || bash scripts/setup.sh
  section "release build into $DIST"
  trunk build --release --offline --dist "$DIST"
fi
section "machine"
echo "$(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) CPUs · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · $(/usr/bin/chromium --version 2>/dev/null || echo chromium?) · node $(node --version)"
node scripts/bench/bench.mjs "$DIST" "${args[@]}"
