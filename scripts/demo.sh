#!/usr/bin/env bash
# The demo (README command 1, after the build): the robot example of
# examples/robot -- a sensor on a 5 ms interval, a filter and PI controller,
# a channel of motor commands and a race/timeout watchdog -- lowered by bcsc
# and run on the host and on a Cortex-M3 under QEMU, plus a frame layout and
# a diagnostic. build/bin/bcsc is the tool (scripts/build.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/integration/common.sh
bcsc=$BCSC   # build/bin/bcsc unless BCSC is set
out=build/demo
mkdir -p "$out"
src=examples/robot
port=runtime/port/cortex-m3
hostflags=(-I runtime/include -I "$src")
step() { printf '\n== %s\n' "$*"; }

step "bcsc lower $src/robot.cpp   (async functions -> C++17 state machines, no heap)"
"$bcsc" lower "$src/robot.cpp" -o "$out/robot.lowered.cpp" -- "${hostflags[@]}"
echo "wrote $out/robot.lowered.cpp ($(wc -l <"$out/robot.lowered.cpp") lines, #line directives back to $src/robot.cpp)"

step "frame layout of the watchdog task"
if "$bcsc" layout "$src/robot.cpp" -- "${hostflags[@]}" >"$out/layout.txt" 2>"$out/layout.err"; then
  # One function's layout; the whole report is in $out/layout.txt.
  awk '/motor_task/ {show = 1} show && /^$/ {exit} show' "$out/layout.txt" | head -40  || true
  [ -s "$out/layout.txt" ] && echo "(all frames: $out/layout.txt)"
else
  echo "(this bcsc has no 'layout' subcommand yet: the program prints its frame sizes below)"
fi

step "a diagnostic: bcsc check $src/mistake.cpp (lock_guard held across co_await, dangling reference)"
set +e
"$bcsc" check "$src/mistake.cpp" -- -I runtime/include 2>&1 | head -30
status=${PIPESTATUS[0]}
set -e
if [ "$status" -eq 0 ]; then
  echo "(bcsc check exited 0: this build of the tool does not detect these mistakes yet)"
else
  echo "(bcsc check exited $status: the file is rejected, nothing would be generated)"
fi

step "run on the host (clang++-19 -std=c++17 -fno-exceptions -fno-rtti, steady-clock timers)"
clang++-19 -std=c++17 -O2 -fno-exceptions -fno-rtti "${hostflags[@]}" \
  "$out/robot.lowered.cpp" "$src/main_host.cpp" -o "$out/robot-host"
"$out/robot-host" | tee "$out/host.out"

step "run on a Cortex-M3 (bcsc lower --target=armv7m-none-eabi, arm-none-eabi-g++, qemu-system-arm -M mps2-an385)"
mapfile -t arm_isystem < <(arm_isystem_flags)
"$bcsc" lower "$src/robot.cpp" -o "$out/robot.arm.lowered.cpp" -- \
  --target=armv7m-none-eabi -mcpu=cortex-m3 -mthumb -I runtime/include -I "$src" "${arm_isystem[@]}"
arm-none-eabi-g++ -mcpu=cortex-m3 -mthumb -Os -std=c++17 -fno-exceptions -fno-rtti \
  -I runtime/include -I "$port" -I "$src" -nostartfiles --specs=rdimon.specs -T "$port/link.ld" \
  "$port/startup.cpp" "$out/robot.arm.lowered.cpp" "$src/main_cortexm.cpp" -o "$out/robot.elf"
arm-none-eabi-size "$out/robot.elf"
heap=$(arm-none-eabi-nm "$out/robot.elf" | awk '$NF ~ /^(malloc|free|_sbrk)$/ { print $NF }')
echo "heap symbols in the ELF: ${heap:-none}"
timeout 60 qemu-system-arm -M mps2-an385 -nographic -semihosting-config enable=on,target=native \
  -icount shift=3,sleep=off -kernel "$out/robot.elf" | tee "$out/cortexm.out"

step "same trace on both targets?"
if diff <(grep -v '^budget:' "$out/host.out") <(grep -v '^budget:' "$out/cortexm.out") >/dev/null; then
  echo "yes: host and Cortex-M3 print the same trace (only the memory budget differs)"
else
  echo "NO: the traces differ"; exit 1
fi
