#!/usr/bin/env bash
# Builds and runs examples/robot on the host and on Cortex-M3 (QEMU), both
# lowered by bcsc, and checks them:
#   bash tests/integration/robot.sh [out-dir]     (default build/integration/robot)
# Prints PASS:/FAIL: lines, the memory budget, and exits non-zero on failure.
#
# Host:      bcsc lower (host flags) -> clang++-19 -std=c++17 -fno-exceptions -fno-rtti
# Cortex-M3: bcsc lower (--target=armv7m-none-eabi + GCC's own include dirs)
#            -> arm-none-eabi-g++ -std=c++17 -> qemu-system-arm -M mps2-an385
# Frame sizes: `bcsc layout --json` with the Cortex-M flags and
# arm-none-eabi-g++ must agree on every frame's size and alignment
# (static_assert). The trace (every line but the
# "budget:" ones) must equal examples/robot/robot.expected on both targets
# and in the C++20 fallback build.
set -uo pipefail
cd "$(dirname "$0")/../.."
source tests/integration/common.sh
out=${1:-build/integration/robot}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=examples/robot
port=runtime/port/cortex-m3
# Nothing stale may pass for a fresh result.
rm -f "$out"/robot-host "$out"/robot-fallback "$out"/robot.elf "$out"/*.lowered.cpp "$out"/*.out "$out"/frame_*
require_bcsc robot-lower-host

budget() {  # budget TARGET FILE: show the budget lines and check the sum
  local target=$1 file=$2
  echo "--- memory budget ($target) ---"
  grep '^budget:' "$file" | sed 's/^budget: /  /'
  local frames total
  frames=$(grep -Eo 'frame (control_loop|motor_task) +[0-9]+' "$file" | awk '{s += $NF} END {print s + 0}')
  total=$(grep -Eo 'frames [0-9]+ B' "$file" | grep -Eo '[0-9]+')
  [ -n "$total" ] && [ "$frames" = "$total" ]
}

trace_matches() {  # trace_matches FILE
  grep -v '^budget:' "$1" | diff -u "$src/robot.expected" -
}

# ------------------------------------------------------------------ host ---
hostflags=(-I runtime/include -I "$src")
check robot-lower-host "$BCSC" lower "$src/robot.cpp" -o "$out/robot.host.lowered.cpp" -- "${hostflags[@]}"
check robot-build-host clang++-19 -std=c++17 -O2 -g -fno-exceptions -fno-rtti -Wall -Wextra -Werror \
  "${hostflags[@]}" "$out/robot.host.lowered.cpp" "$src/main_host.cpp" -o "$out/robot-host"
if [ -x "$out/robot-host" ]; then
  timeout 30 "$out/robot-host" >"$out/host.out" 2>"$out/host.err"
  status=$?
  if [ "$status" -eq 0 ]; then pass robot-run-host; else cat "$out/host.err"; echo "exit status $status"; fail robot-run-host; fi
  check robot-host-trace trace_matches "$out/host.out"
  check robot-host-budget budget host "$out/host.out"
  budget host "$out/host.out"
fi

# The same source as C++20 coroutines (no bcsc): the same trace.
check robot-build-fallback clang++-19 -std=c++20 -O2 -Wno-unknown-attributes "${hostflags[@]}" \
  "$src/robot.cpp" "$src/main_host.cpp" -o "$out/robot-fallback"
if [ -x "$out/robot-fallback" ]; then
  timeout 30 "$out/robot-fallback" >"$out/fallback.out" 2>&1
  check robot-fallback-trace trace_matches "$out/fallback.out"
fi

# ------------------------------------------------------------ Cortex-M3 ---
mapfile -t arm_isystem < <(arm_isystem_flags)
armflags=(--target=armv7m-none-eabi -mcpu=cortex-m3 -mthumb -I runtime/include -I "$src" "${arm_isystem[@]}")
check robot-lower-cortexm "$BCSC" lower "$src/robot.cpp" -o "$out/robot.arm.lowered.cpp" -- "${armflags[@]}"

# Frame sizes: what `bcsc layout --json` reports for armv7m (the tool parsed
# with the Cortex-M flags) must be what arm-none-eabi-g++ computes for the
# lowered code: static_assert(sizeof/alignof) on every frame. Without the
# layout subcommand, clang's own armv7m sizes are the reference.
frame_sizes_agree() {
  local reference
  if "$BCSC" layout --json "$src/robot.cpp" -- "${armflags[@]}" >"$out/layout.arm.json" 2>"$out/layout.err"; then
    reference="bcsc layout --json (armv7m)"
    python3 - "$out/layout.arm.json" >"$out/frame_sizes.tsv" <<'PY' || return 1
import json, sys
for f in json.load(open(sys.argv[1])):
    print(f"robot::{f['frame']}\t{f['size']}\t{f['align']}")
PY
  else
    reference="clang++-19 --target=armv7m-none-eabi"
    {
      echo "#include \"$out/robot.arm.lowered.cpp\""
      for f in control_loop motor_task read_both_wheels read_wheel_speed next_command watchdog_timeout; do
        echo "extern const unsigned size_$f = sizeof(robot::bcsc_frame_$f), align_$f = alignof(robot::bcsc_frame_$f);"
      done
    } >"$out/frame_probe.cpp"
    clang++-19 "${armflags[@]}" -std=c++17 -fno-exceptions -fno-rtti -S -emit-llvm -o "$out/frame_probe.ll" \
      "$out/frame_probe.cpp" || return 1
    for f in control_loop motor_task read_both_wheels read_wheel_speed next_command watchdog_timeout; do
      printf 'robot::bcsc_frame_%s\t%s\t%s\n' "$f" \
        "$(grep -E "^@size_$f = " "$out/frame_probe.ll" | grep -Eo 'i32 [0-9]+' | awk '{print $2}')" \
        "$(grep -E "^@align_$f = " "$out/frame_probe.ll" | grep -Eo 'i32 [0-9]+' | awk '{print $2}')"
    done >"$out/frame_sizes.tsv"
  fi
  [ "$(wc -l <"$out/frame_sizes.tsv")" -ge 6 ] || { echo "no frame sizes from $reference"; return 1; }
  {
    echo "#include \"$out/robot.arm.lowered.cpp\""
    while IFS=$'\t' read -r frame size align; do
      echo "static_assert($frame::frame_size == $size && sizeof($frame) == $size, \"$frame: size differs from $reference\");"
      echo "static_assert(alignof($frame) == $align, \"$frame: alignment differs from $reference\");"
    done <"$out/frame_sizes.tsv"
  } >"$out/frame_sizes_check.cpp"
  echo "reference: $reference" >"$out/frame_sizes.txt"
  awk -F'\t' '{printf "  %-40s %4d B, align %d\n", $1, $2, $3}' "$out/frame_sizes.tsv" >>"$out/frame_sizes.txt"
  arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -std=c++17 -fno-exceptions -fno-rtti -I runtime/include -I "$src" \
    -fsyntax-only "$out/frame_sizes_check.cpp"
}
check robot-frame-sizes-cortexm frame_sizes_agree
[ -s "$out/frame_sizes.txt" ] && { echo "--- frame sizes on armv7m, checked with arm-none-eabi-g++ ---"; cat "$out/frame_sizes.txt"; }

elf=$out/robot.elf
check robot-build-cortexm arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -Os -std=c++17 -fno-exceptions -fno-rtti \
  -Wall -Wextra -Werror -I runtime/include -I "$port" -I "$src" \
  -nostartfiles --specs=rdimon.specs -T "$port/link.ld" -Wl,-Map="$out/robot.map" \
  "$port/startup.cpp" "$out/robot.arm.lowered.cpp" "$src/main_cortexm.cpp" -o "$elf"
if [ -f "$elf" ]; then
  arm-none-eabi-size "$elf"
  heap=$(arm-none-eabi-nm "$elf" | awk '$NF ~ /^(malloc|free|_sbrk|_malloc_r|_free_r|_sbrk_r)$/ { print $NF }')
  if [ -z "$heap" ]; then pass robot-no-heap; else echo "heap symbols linked:" $heap; fail robot-no-heap; fi
  # Virtual time from instruction counts: deterministic, and sleeps skip ahead.
  timeout 60 qemu-system-arm -M mps2-an385 -nographic -semihosting-config enable=on,target=native \
    -icount shift=3,sleep=off ${QEMU_FLAGS:-} -kernel "$elf" >"$out/cortexm.out" 2>"$out/qemu.err"
  status=$?
  if [ "$status" -eq 0 ]; then pass robot-run-cortexm; else cat "$out/qemu.err"; echo "qemu exit status $status (124 = timeout)"; fail robot-run-cortexm; fi
  check robot-cortexm-trace trace_matches "$out/cortexm.out"
  check robot-cortexm-budget budget cortex-m3 "$out/cortexm.out"
  budget cortex-m3 "$out/cortexm.out"
fi
finish
