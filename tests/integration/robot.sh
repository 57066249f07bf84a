#!/usr/bin/env bash
# Builds and runs examples/robot on the host and on Cortex-M3 (QEMU), both
# lowered by bcsc, and checks them:
#   bash tests/integration/robot.sh [out-dir]     (default build/integration/robot)
# Prints PASS:/FAIL: lines, the memory budget, and exits non-zero on failure.
#
# Host:      bcsc lower (host flags) -> clang++-19 -std=c++17 -fno-exceptions -fno-rtti
# Cortex-M3: bcsc lower (--target=armv7m-none-eabi + GCC's own include dirs)
#            -> arm-none-eabi-g++ -std=c++17 -> qemu-system-arm -M mps2-an385
# Frame sizes: clang (the tool's parser) for armv7m and arm-none-eabi-g++ must
# agree on every frame_size (static_assert). The trace (every line but the
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

# Frame sizes as clang computes them for armv7m (the target bcsc parsed for)
# must be what arm-none-eabi-g++ computes for the same lowered code.
frame_types=(robot::control_frame robot::motor_frame robot::both_frame robot::wheel_frame
             robot::next_frame robot::watchdog_frame)
{
  echo "#include \"$out/robot.arm.lowered.cpp\""
  echo "extern const unsigned robot_frame_sizes[] = {"
  for t in "${frame_types[@]}"; do echo "  static_cast<unsigned>($t::frame_size),"; done
  echo "};"
} >"$out/frame_probe.cpp"
frame_sizes_agree() {
  clang++-19 "${armflags[@]}" -std=c++17 -fno-exceptions -fno-rtti -S -emit-llvm -o "$out/frame_probe.ll" \
    "$out/frame_probe.cpp" || return 1
  local sizes
  sizes=$(grep '^@robot_frame_sizes' "$out/frame_probe.ll" | grep -Eo 'i32 [0-9]+' | awk '{print $2}')
  [ "$(wc -l <<<"$sizes")" -eq "${#frame_types[@]}" ] || { echo "cannot read sizes from clang"; return 1; }
  {
    echo "#include \"$out/robot.arm.lowered.cpp\""
    local i=0
    for s in $sizes; do
      echo "static_assert(${frame_types[$i]}::frame_size == $s, \"clang and arm-none-eabi-g++ disagree on ${frame_types[$i]}\");"
      echo "  ${frame_types[$i]}::frame_size == $s" >&2
      i=$((i + 1))
    done
  } >"$out/frame_sizes_check.cpp" 2>"$out/frame_sizes.txt"
  arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -std=c++17 -fno-exceptions -fno-rtti -I runtime/include -I "$src" \
    -fsyntax-only "$out/frame_sizes_check.cpp"
}
check robot-frame-sizes-cortexm frame_sizes_agree
[ -s "$out/frame_sizes.txt" ] && { echo "--- frame sizes on armv7m (clang = arm-none-eabi-g++) ---"; cat "$out/frame_sizes.txt"; }

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
