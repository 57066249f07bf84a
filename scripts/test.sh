#!/usr/bin/env bash
# Runs every bcsc test and ends with one line: "N passed, M failed".
#   unit tests (GoogleTest via CTest), the runtime tests again under
#   ASan+UBSan and under TSan, the lit suites (lowering output checked,
#   compiled, run under ASan+UBSan and compared with fallback mode; borrow
#   diagnostics; driver), the refactor oracle (the tool's output as
#   recorded), the Cortex-M3 run on QEMU, the integration checks
#   (CMake package, robot example, gdb), the package-list check (every
#   file used comes from scripts/packages.txt), the fixed set of differential
#   fuzzing seeds (plain and under ASan+UBSan), and the libFuzzer harness
#   over its seeds and former crashers.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${BCSC_JOBS:-2}
passed=0
failed=0
log_dir=build/test-logs

step() { printf '\n== %s\n' "$*"; }
add() { passed=$((passed + $1)); failed=$((failed + $2)); }
# A step that could not even run counts as one failure.
broken() { echo "FAILED: $*"; add 0 1; }

configure() {  # configure DIR [cmake args...]
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] || cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 "$@" >"$log_dir/$(basename "$dir").configure.log" 2>&1
}

# CTest's summary: "100% tests passed, 0 tests failed out of 42"
run_ctest() {  # run_ctest NAME DIR [ctest args...]
  local name=$1 dir=$2; shift 2
  local out="$log_dir/$name.log"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" "$@" >"$out" 2>&1
  local line total bad
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$out" | tail -1)
  if [ -z "$line" ]; then tail -20 "$out"; broken "$name: ctest did not run"; return; fi
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")
  echo "$name: $line"
  [ "$bad" -gt 0 ] && grep -E '^\s*[0-9]+ - |Failed' "$out" | tail -20
  add $((total - bad)) "$bad"
}

run_lit() {  # run_lit DIR
  local out="$log_dir/lit.log"
  python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv -j "$jobs" "$1" >"$out" 2>&1
  local ok xfail bad xpass
  ok=$(grep -Eo 'Passed *: *[0-9]+' "$out" | grep -Eo '[0-9]+$' || echo 0)
  xfail=$(grep -Eo 'Expectedly Failed *: *[0-9]+' "$out" | grep -Eo '[0-9]+$' || echo 0)
  bad=$(grep -Eo '^ *Failed *: *[0-9]+' "$out" | grep -Eo '[0-9]+$' || echo 0)
  xpass=$(grep -Eo 'Unexpectedly Passed *: *[0-9]+' "$out" | grep -Eo '[0-9]+$' || echo 0)
  if [ $((ok + xfail + bad + xpass)) -eq 0 ]; then tail -20 "$out"; broken "lit: no test ran"; return; fi
  echo "lit: $ok passed, $xfail expectedly failed, $bad failed, $xpass unexpectedly passed"
  grep -E '^(FAIL|XPASS): ' "$out" | head -40
  add $((ok + xfail)) $((bad + xpass))
}

# Lines "PASS: name" / "FAIL: name", as tests/cortexm/run.sh prints them.
run_pass_fail_script() {  # run_pass_fail_script NAME COMMAND...
  local name=$1; shift
  local out="$log_dir/$name.log"
  "$@" >"$out" 2>&1
  local status=$? ok bad
  ok=$(grep -c '^PASS: ' "$out")
  bad=$(grep -c '^FAIL: ' "$out")
  echo "$name: $ok passed, $bad failed (exit $status)"
  grep '^FAIL: ' "$out" | head -20
  if [ $((ok + bad)) -eq 0 ] || { [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; }; then
    tail -20 "$out"; broken "$name exited $status"; return
  fi
  add "$ok" "$bad"
}

# A final "N passed, M failed" line, as tests/fuzz/run.py prints it.
run_counted_script() {  # run_counted_script NAME COMMAND...
  local name=$1; shift
  local out="$log_dir/$name.log"
  "$@" >"$out" 2>&1
  local status=$? line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
  if [ -z "$line" ]; then tail -20 "$out"; broken "$name exited $status without a summary"; return; fi
  echo "$name: $line"
  add "$(cut -d' ' -f1 <<<"$line")" "$(cut -d' ' -f3 <<<"$line")"
  [ "$status" -ne 0 ] && [ "$(cut -d' ' -f3 <<<"$line")" -eq 0 ] && broken "$name exited $status"
}

step "dependencies"
bash scripts/deps.sh || { echo "the packages above are missing: no test can run"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$log_dir"

step "build (build/)"
if configure build && cmake --build build -j "$jobs" >"$log_dir/build.log" 2>&1; then
  echo "built build/bin/bcsc and the unit tests"
  step "unit tests"
  run_ctest unit build
  step "lit: lowering, diagnostics, separate compilation, output checks (compiled, run, compared with fallback)"
  run_lit build/tests/lit
  # Byte for byte what the tool writes for the lit inputs and 2,000 fuzz
  # programs, against tests/oracle/record.txt (docs/testing.md).
  step "refactor oracle: the tool's output on every lit input and fuzz seeds 1..2000, as recorded"
  run_counted_script oracle python3 tests/oracle/oracle.py check
else
  tail -40 "$log_dir/build.log"; broken "build"
fi

# After the build: the check reads what the build used (ninja's deps log).
step "packages: every file the build and tests use comes from scripts/packages.txt"
run_counted_script packages python3 scripts/check_packages.py --build-dir build
run_pass_fail_script packages-selftest bash tests/packages/run.sh

step "runtime tests under ASan+UBSan"
if configure build-asan -DBCSC_BUILD_TOOL=OFF "-DBCSC_SANITIZE=address,undefined" &&
   cmake --build build-asan -j "$jobs" >"$log_dir/build-asan.log" 2>&1; then
  run_ctest asan build-asan
else
  tail -40 "$log_dir/build-asan.log"; broken "asan build"
fi

step "runtime thread-safety tests under TSan"
if configure build-tsan -DBCSC_BUILD_TOOL=OFF -DBCSC_SANITIZE=thread &&
   cmake --build build-tsan -j "$jobs" >"$log_dir/build-tsan.log" 2>&1; then
  run_ctest tsan build-tsan -L tsan
else
  tail -40 "$log_dir/build-tsan.log"; broken "tsan build"
fi

step "Cortex-M3 on QEMU (mps2-an385)"
run_pass_fail_script cortexm bash tests/cortexm/run.sh build/cortexm

if [ -f tests/integration/run.sh ]; then
  step "integration: CMake package, robot example (host + QEMU), gdb on #line"
  run_pass_fail_script integration bash tests/integration/run.sh
fi

if [ -f tests/fuzz/run.py ]; then
  step "differential fuzzing: fixed seed set"
  run_counted_script fuzz python3 tests/fuzz/run.py --bcsc build/bin/bcsc
  # The same programs, both builds under ASan+UBSan (and LeakSanitizer):
  # every run test of generated code also runs sanitized. 25 programs per
  # translation unit keep the slower sanitized builds to ~3 minutes.
  step "differential fuzzing: fixed seed set under ASan+UBSan"
  run_counted_script fuzz-asan python3 tests/fuzz/run.py --bcsc build/bin/bcsc --sanitize --batch 25
fi

if [ -f tests/fuzz/libfuzzer/run.sh ]; then
  step "libFuzzer tool robustness: seeds and crashers (build-fuzz/)"
  run_counted_script libfuzzer bash tests/fuzz/libfuzzer/run.sh
fi

echo
echo "logs: $root/$log_dir"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
