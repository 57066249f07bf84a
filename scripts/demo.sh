#!/usr/bin/env bash
# The demo: lower an example with bcsc, run it on the host, then run the
# runtime's Cortex-M3 program on QEMU.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/demo
mkdir -p "$out"
flags=(-I runtime/include)
echo "== bcsc lower examples/hello/hello.cpp"
build/bin/bcsc lower examples/hello/hello.cpp -o "$out/hello.lowered.cpp" -- "${flags[@]}"
clang++-19 -std=c++17 -O2 -fno-exceptions -fno-rtti "${flags[@]}" "$out/hello.lowered.cpp" -o "$out/hello"
"$out/hello"
echo
echo "== the same source as C++20 coroutines"
clang++-19 -std=c++20 -O2 -Wno-unknown-attributes "${flags[@]}" examples/hello/hello.cpp -o "$out/hello-fallback"
"$out/hello-fallback"
echo
echo "== Cortex-M3 (qemu-system-arm -M mps2-an385)"
bash tests/cortexm/run.sh build/cortexm
