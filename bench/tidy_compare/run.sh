#!/bin/bash
# Runs clang-tidy-19 (the four coroutine checks) and `bcsc check` over the
# labelled corpus (first line of each case: `// EXPECT: bug` or
# `// EXPECT: safe`) and prints both tools' true/false positives.
#   bench/tidy_compare/run.sh [path/to/bcsc]
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bcsc=${1:-$root/build/bin/bcsc}
if [ ! -x "$bcsc" ]; then echo "run.sh: no bcsc at $bcsc (build it, or pass its path)" >&2; exit 2; fi
tidy=${CLANG_TIDY:-clang-tidy-19}
checks='-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock,cppcoreguidelines-avoid-reference-coroutine-parameters,cppcoreguidelines-avoid-capturing-lambda-coroutines'
flags="-std=c++20 -Wno-unknown-attributes -Wno-dangling -Wno-dangling-gsl -I$root/runtime/include -I$root/tests/lit/Inputs -I$root/tests/lit/diagnostics/Inputs"
declare -A n
for k in tidy_tp tidy_fp tidy_fn tidy_tn bcsc_tp bcsc_fp bcsc_fn bcsc_tn; do n[$k]=0; done
printf '%-32s %-6s %-10s %-10s\n' case label clang-tidy bcsc
for f in "$here"/corpus/*.cpp; do
  name=$(basename "$f" .cpp)
  label=$(sed -n '1s|// EXPECT: ||p' "$f")
  start=$(grep -n '^// CASE' "$f" | cut -d: -f1)
  # diagnostics of this tool on lines of the case (after the shared prelude)
  count() { grep -o "$(basename "$f"):[0-9]*:[0-9]*: $1" | cut -d: -f2 | awk -v s="$start" '$1 > s' | wc -l; }
  t=$($tidy -checks="$checks" "$f" -- $flags 2>/dev/null | count warning)
  b=$("$bcsc" check "$f" -- $flags 2>&1 | grep '\[bcsc-' | count error)
  for tool in tidy bcsc; do
    if [ "$tool" = tidy ]; then hit=$t; else hit=$b; fi
    if [ "$label" = bug ]; then
      if [ "$hit" -gt 0 ]; then r=TP; else r=FN; fi
    else
      if [ "$hit" -gt 0 ]; then r=FP; else r=TN; fi
    fi
    n[${tool}_${r,,}]=$(( ${n[${tool}_${r,,}]} + 1 ))
    eval "res_$tool=$r"
  done
  printf '%-32s %-6s %-10s %-10s\n' "$name" "$label" "$res_tidy" "$res_bcsc"
done
echo
printf '%-12s %4s %4s %4s %4s\n' tool TP FP FN TN
printf '%-12s %4d %4d %4d %4d\n' clang-tidy ${n[tidy_tp]} ${n[tidy_fp]} ${n[tidy_fn]} ${n[tidy_tn]}
printf '%-12s %4d %4d %4d %4d\n' bcsc ${n[bcsc_tp]} ${n[bcsc_fp]} ${n[bcsc_fn]} ${n[bcsc_tn]}
