#!/usr/bin/env bash
# README command 1: install what is missing, build, run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh
bash scripts/demo.sh
