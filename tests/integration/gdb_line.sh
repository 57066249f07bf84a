#!/usr/bin/env bash
# Debugging lowered code: gdb stops at the user's ORIGINAL source lines,
# thanks to the #line directives bcsc emits.
#   bash tests/integration/gdb_line.sh [out-dir]   (default build/integration/gdb)
# Lowers tests/integration/gdb/stepping.cpp, compiles it with -g -O0 (from
# the output directory, so the debug info keeps the absolute path of the
# original), then runs gdb in batch mode with `break <original>.cpp:LINE`
# on `observed = first;`, a line of the async body after a co_await:
#   gdb-break-resolves     the breakpoint resolves to that file:line
#   gdb-stop-location      the program stops there, inside the frame's poll():
#                          `info line` and the backtrace name that file:line
#   gdb-stop-is-statement  the stop really is that statement: one `next`
#                          executes `observed = first` (observed becomes 21)
#                          and lands on the next line of the original
#   gdb-line-hit-once      the line runs once, so the breakpoint is hit once
#                          (generated code must not be attributed to it)
#   gdb-program-output     the program runs to completion under gdb
set -uo pipefail
cd "$(dirname "$0")/../.."
source tests/integration/common.sh
out=${1:-build/integration/gdb}
mkdir -p "$out"
out=$(cd "$out" && pwd)
require_bcsc gdb-lower
src=$root/tests/integration/gdb/stepping.cpp
line=$(grep -n '; // BREAK-HERE$' "$src" | cut -d: -f1)
after=$((line + 1))

check gdb-lower "$BCSC" lower "$src" -o "$out/stepping.lowered.cpp" -- -I "$root/runtime/include"
check gdb-build bash -c "cd '$out' && clang++-19 -std=c++17 -g -O0 -fno-exceptions -fno-rtti \
  -I '$root/runtime/include' stepping.lowered.cpp -o stepping"
[ -x "$out/stepping" ] || finish

cat >"$out/commands.gdb" <<GDB
set pagination off
set confirm off
break $src:$line
run
echo === STOP\n
info line
bt 1
echo === NEXT\n
next
info line
printf "observed after next = %d\n", observed
echo === REST\n
delete 1
break $src:$line
commands 2
  silent
  continue
end
continue
info breakpoints
GDB
timeout 120 gdb -batch -nx -x "$out/commands.gdb" "$out/stepping" >"$out/gdb.out" 2>&1
echo "--- gdb: break $src:$line ---"
grep -v '^\[\|libthread_db' "$out/gdb.out" | head -30

section() { sed -n "/^=== $1\$/,/^=== /p" "$out/gdb.out"; }
# gdb prints "file F, line N." for one location ("F:N." for several).
if grep -q -e "^Breakpoint 1 at .*: file $src, line $line\." -e "^Breakpoint 1 at .*: $src:$line\." "$out/gdb.out"; then
  pass gdb-break-resolves
else
  fail gdb-break-resolves
fi
if section STOP | grep -qF "Line $line of \"$src\"" &&
   section STOP | grep -q "^#0 .*bcsc_frame_read_twice::poll .* at $src:$line\$"; then
  pass gdb-stop-location
else
  fail gdb-stop-location
fi
if section NEXT | grep -qF "observed after next = 21" && section NEXT | grep -qF "Line $after of \"$src\""; then
  pass gdb-stop-is-statement
else
  echo "expected: one 'next' executes 'observed = first' (observed = 21) and stops at line $after"
  fail gdb-stop-is-statement
fi
hits=$(section REST | grep -Eo 'breakpoint already hit [0-9]+ time' | grep -Eo '[0-9]+' | tail -1)
# The first hit was breakpoint 1 (deleted); breakpoint 2 counts the rest of the run.
if [ "${hits:-0}" = 0 ] && section REST | grep -q "^2 *breakpoint"; then
  pass gdb-line-hit-once
else
  echo "line $line was hit $((${hits:-0} + 1)) times; it runs once"
  fail gdb-line-hit-once
fi
if grep -qF "read_twice(21) = 63" "$out/gdb.out" && grep -q "exited normally" "$out/gdb.out"; then
  pass gdb-program-output
else
  fail gdb-program-output
fi
finish
