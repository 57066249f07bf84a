# Shared by the integration scripts: PASS/FAIL reporting and the tool path.
# Source it after `cd` to the repository root.
#   BCSC      the bcsc executable (default: build/bin/bcsc)
#   BCSC_JOBS parallel build jobs (default 2: the machine is shared)
root=$(pwd)
BCSC=${BCSC:-$root/build/bin/bcsc}
case "$BCSC" in /*) ;; *) BCSC=$root/$BCSC ;; esac
jobs=${BCSC_JOBS:-2}
failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
# check NAME COMMAND...: PASS if the command succeeds, else FAIL (its output is shown).
check() {
  local name=$1; shift
  local log
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then pass "$name"; else tail -40 "$log"; fail "$name"; fi
  rm -f "$log"
}
finish() {
  if [ "$failures" -eq 0 ]; then echo "all checks passed"; exit 0; fi
  echo "$failures check(s) failed"; exit 1
}
require_bcsc() {
  if [ ! -x "$BCSC" ]; then
    echo "bcsc not found at $BCSC (build it: scripts/build.sh, or set BCSC=...)"
    fail "$1"
    finish
  fi
}
# The include directories arm-none-eabi-g++ uses for C++, as -isystem flags,
# so that bcsc (clang) parses a Cortex-M source exactly as GCC will.
arm_isystem_flags() {
  echo | arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -E -x c++ - -v 2>&1 |
    sed -n '/#include <...> search starts here/,/End of search list/p' |
    sed -n 's/^ \(\/.*\)$/-isystem\n\1/p'
}
