#!/usr/bin/env bash
# Builds and runs every benchmark against the anchors and prints the table of
# ratios (see docs/performance.md). Not part of scripts/test.sh.
#   bash bench/run.sh                 # ~5-8 minutes on 2 cores; table on stdout and in build/bench/report.md
#   bash bench/run.sh --update-docs   # also writes the table into docs/performance.md
#   bash bench/run.sh --quick         # fewer iterations, to try the script
#   bash bench/run.sh --rebuild       # run ninja for bcsc first (default: use build/bin/bcsc as it is)
# Environment: BCSC (default build/bin/bcsc), BENCH_OUT (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 bench/bench.py "$@"
