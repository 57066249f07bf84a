#!/usr/bin/env bash
# Builds tests/cortexm/app.cpp for the Cortex-M3 port, runs it on QEMU's
# mps2-an385 board and checks it. Run from anywhere:
#   bash tests/cortexm/run.sh [build-dir]      (default build/cortexm)
# Prints one "PASS: <check>" / "FAIL: <check>" line per check; exits non-zero
# if any check failed. Extra QEMU options come from $QEMU_FLAGS, e.g.
#   QEMU_FLAGS="-icount shift=3,sleep=off" bash tests/cortexm/run.sh
# (virtual time from instruction counts: deterministic and faster).
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-build/cortexm}
mkdir -p "$out"

port=runtime/port/cortex-m3
elf=$out/app.elf
failures=0
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

# --- build -----------------------------------------------------------------
cxxflags=(-mcpu=cortex-m3 -mthumb -Os -std=c++17 -fno-exceptions -fno-rtti
          -Wall -Wextra -I runtime/include -I "$port")
ldflags=(-nostartfiles --specs=rdimon.specs -T "$port/link.ld" -Wl,-Map="$out/app.map")
if arm-none-eabi-g++ "${cxxflags[@]}" "${ldflags[@]}" \
     "$port/startup.cpp" tests/cortexm/app.cpp -o "$elf" 2>"$out/build.log"; then
  pass build
else
  cat "$out/build.log"
  fail build
  echo "1 check failed (nothing else can run)"
  exit 1
fi
arm-none-eabi-size "$elf"

# --- no heap: nothing may link the allocator ---------------------------------
heap_symbols=$(arm-none-eabi-nm "$elf" |
  awk '$NF ~ /^(malloc|free|_sbrk|_malloc_r|_free_r|_sbrk_r)$/ { print $NF }')
if [ -z "$heap_symbols" ]; then
  pass no-heap
else
  echo "heap symbols linked:" $heap_symbols
  fail no-heap
fi

# --- run on QEMU -------------------------------------------------------------
timeout 60 qemu-system-arm -M mps2-an385 -nographic \
  -semihosting-config enable=on,target=native ${QEMU_FLAGS:-} -kernel "$elf" \
  >"$out/app.out" 2>"$out/qemu.err"
status=$?
if [ "$status" -eq 0 ]; then
  pass exit-status
else
  echo "qemu exit status $status (124 = timeout)"; cat "$out/qemu.err"
  fail exit-status
fi

# --- the trace must match exactly ---------------------------------------------
if diff -u tests/cortexm/app.expected "$out/app.out" >"$out/app.diff"; then
  pass expected-output
else
  cat "$out/app.diff"
  fail expected-output
fi

if [ "$failures" -eq 0 ]; then
  echo "all checks passed"
else
  echo "$failures check(s) failed"
  exit 1
fi
