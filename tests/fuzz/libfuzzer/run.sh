#!/usr/bin/env bash
# The libFuzzer harness of the bcsc tool (tests/fuzz/libfuzzer/).
#
#   run.sh                  build, then the regression: every seed in corpus/ and
#                           every former crasher in crashers/ once; ends with
#                           "N passed, M failed" (for scripts/test.sh)
#   run.sh --long N         build, then fuzz N inputs (one process, nice -n 10),
#                           new inputs go to BUILD/fuzz-corpus, crashes to
#                           BUILD/artifacts/, the log to BUILD/fuzz-long.log
#   run.sh --asan ...       the same with ASan+UBSan (build dir build-fuzz-asan)
#   run.sh --no-build ...   skip configuring and building
#   run.sh --build-dir DIR  (default build-fuzz, or build-fuzz-asan with --asan)
#
# Environment: BCSC_JOBS (build jobs, default 2), BCSC_FUZZ_FORMAT=1 (also run
# clang-format over the generated code, as `bcsc lower` does; slower),
# BCSC_FUZZ_VERBOSE=1|2 (print diagnostics | and the output of every input).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"

asan=0 build=1 long=0 build_dir=""
while [ $# -gt 0 ]; do
  case $1 in
    --asan) asan=1 ;;
    --no-build) build=0 ;;
    --long) long=${2:?--long needs a number of inputs}; shift ;;
    --build-dir) build_dir=${2:?}; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$build_dir" ]; then
  build_dir=build-fuzz
  [ "$asan" = 1 ] && build_dir=build-fuzz-asan
fi
fuzzer=$build_dir/bin/bcsc_fuzz

if [ "$build" = 1 ]; then
  extra=()
  [ "$asan" = 1 ] && extra=(-DBCSC_SANITIZE=address,undefined)
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
      -DBCSC_LIBFUZZER=ON -DBCSC_BUILD_TESTS=OFF "${extra[@]}" >/dev/null || { echo "configure failed"; echo "0 passed, 1 failed"; exit 1; }
  fi
  nice -n 10 cmake --build "$build_dir" --target bcsc_fuzz -j "${BCSC_JOBS:-2}" >"$build_dir/fuzz-build.log" 2>&1 ||
    { tail -30 "$build_dir/fuzz-build.log"; echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
[ -x "$fuzzer" ] || { echo "no $fuzzer (build first)"; echo "0 passed, 1 failed"; exit 1; }

# -timeout: a hang is a bug too. -rss_limit_mb: an input that makes the tool
# use 2 GiB is one. The regression runs the seeds whole (the largest,
# gen_huge_function.cpp, is 18 KB); the long run mutates inputs of at most
# BCSC_FUZZ_MAX_LEN bytes (default 4096: a 4 KB input already holds a
# ~100-statement function, and small inputs keep the rate up).
#
# A long run skips hundreds of inputs on which clang itself crashes, and
# each recovered crash leaks its compilation (1-3 MB; 126 skips in 178,000
# inputs grew the RSS from 110 to 530 MB). So the RSS limit of a long run
# is 4 GiB (BCSC_FUZZ_RSS_MB), and one allocation of 2 GiB or more is
# still reported (-malloc_limit_mb).
common=(-timeout=10 -rss_limit_mb=2048)
[ "$long" != 0 ] && common=(-timeout=10 -rss_limit_mb="${BCSC_FUZZ_RSS_MB:-4096}" -malloc_limit_mb=2048)
# Under ASan, no leak checks: an input on which clang itself crashes is
# recovered from and skipped, and the crashed compilation's objects leak by
# design (fuzz_lower.cpp). Memory errors are still fatal.
if [ "$asan" = 1 ]; then
  common+=(-detect_leaks=0)
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
fi

if [ "$long" != 0 ]; then
  mkdir -p "$build_dir/fuzz-corpus" "$build_dir/artifacts"
  log=$build_dir/fuzz-long.log
  echo "fuzzing $long inputs; log: $log"
  start=$(date +%s)
  nice -n 10 "$fuzzer" "${common[@]}" -max_len="${BCSC_FUZZ_MAX_LEN:-4096}" -runs="$long" \
    -dict="$here/cpp.dict" -print_final_stats=1 \
    -artifact_prefix="$build_dir/artifacts/" "$build_dir/fuzz-corpus" "$here/corpus" >"$log" 2>&1
  status=$?
  end=$(date +%s)
  grep -E '^#[0-9]+ +(DONE|INITED)' "$log" | tail -2
  grep -E '^stat::' "$log"
  echo "exit $status after $((end - start)) s; corpus: $(ls "$build_dir/fuzz-corpus" | wc -l) files"
  [ "$status" -eq 0 ] && echo "1 passed, 0 failed" || { grep -E 'ERROR|SUMMARY|contract violated' "$log" | head; echo "0 passed, 1 failed"; }
  exit "$status"
fi

# Regression: every file, without and with clang-format (BCSC_FUZZ_FORMAT),
# one process each; on failure, each file alone to name the ones that fail.
mapfile -t inputs < <(find "$here/corpus" "$here/crashers" -type f ! -name '*.md' | sort)
if "$fuzzer" "${common[@]}" -runs=0 "${inputs[@]}" >"$build_dir/fuzz-regression.log" 2>&1 &&
   BCSC_FUZZ_FORMAT=1 "$fuzzer" "${common[@]}" -runs=0 "${inputs[@]}" >>"$build_dir/fuzz-regression.log" 2>&1; then
  for f in "${inputs[@]}"; do echo "PASS: ${f#"$root"/}"; done
  echo "${#inputs[@]} passed, 0 failed"
  exit 0
fi
passed=0 failed=0
for f in "${inputs[@]}"; do
  if "$fuzzer" "${common[@]}" -runs=0 "$f" >"$build_dir/fuzz-one.log" 2>&1 &&
     BCSC_FUZZ_FORMAT=1 "$fuzzer" "${common[@]}" -runs=0 "$f" >>"$build_dir/fuzz-one.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: ${f#"$root"/}"
    grep -E 'ERROR|SUMMARY|contract violated' "$build_dir/fuzz-one.log" | head -3
  fi
done
echo "$passed passed, $failed failed"
exit 1
