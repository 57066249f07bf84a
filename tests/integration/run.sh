#!/usr/bin/env bash
# Every integration check, one entry point:
#   bash tests/integration/run.sh
# Runs, in order (each prints PASS:/FAIL: lines, shown as they come):
#   robot.sh          examples/robot lowered by bcsc, on the host, in the C++20
#                     fallback build and on Cortex-M3 under QEMU
#   gdb_line.sh       gdb stops on the original source lines of lowered code
#   cmake_package.sh  find_package(bcsc) + bcsc_generate from the build tree and
#                     from an install prefix, Ninja and Makefiles, depfile
# Exits non-zero if any check failed. Logs and outputs: build/integration/.
# Environment: BCSC (tool, default build/bin/bcsc), BCSC_BUILD_DIR (build tree
# for the package test, default build), BCSC_JOBS (default 2).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=build/integration
mkdir -p "$out"
passed=0
failed=0
run() {  # run NAME LIMIT-SECONDS SCRIPT
  local name=$1 limit=$2 script=$3 status ok bad
  echo "== $name"
  timeout "$limit" bash "$script" "$out/$name" 2>&1 | tee "$out/$name.log" | grep -E '^(PASS|FAIL): '
  status=${PIPESTATUS[0]}
  ok=$(grep -c '^PASS: ' "$out/$name.log")
  bad=$(grep -c '^FAIL: ' "$out/$name.log")
  if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
    echo "FAIL: $name (exit $status$([ "$status" -eq 124 ] && echo ", timed out after ${limit}s"))"
    tail -20 "$out/$name.log"
    bad=1
  elif [ "$bad" -gt 0 ]; then
    echo "   (details: $out/$name.log)"
  fi
  passed=$((passed + ok))
  failed=$((failed + bad))
}
run robot 240 tests/integration/robot.sh
run gdb 120 tests/integration/gdb_line.sh
run cmake 900 tests/integration/cmake_package.sh
echo "integration: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
