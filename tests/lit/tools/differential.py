#!/usr/bin/env python3
"""Differential run: the fallback build (C++20 coroutines) is the oracle.

Builds SOURCE as C++20 and LOWERED (bcsc's output for SOURCE) as C++17 (C++20
if its header comment says it needs it) with -fno-exceptions -fno-rtti, runs both, and fails unless their standard output
and exit status are identical. Both builds use ASan and UBSan unless
BCSC_SANITIZE=0 is set.
"""
import argparse
import difflib
import os
import subprocess
import sys


def build(cxx, std, source, output, runtime, extra):
    sanitize = [] if os.environ.get("BCSC_SANITIZE") == "0" else [
        "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]
    cmd = [cxx, "-std=" + std, "-g", "-O0", "-Wall", "-Wno-unknown-attributes", "-Wno-unused-label",
           "-I" + runtime, source, "-o", output] + sanitize + extra
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write("build failed: %s\n%s" % (" ".join(cmd), result.stderr))
        sys.exit(1)


def lowered_standard(path):
    """C++17, unless the tool's header comment says the output needs C++20."""
    with open(path) as f:
        head = [f.readline() for _ in range(2)]
    return "c++20" if any(line.startswith("// Language: C++20") for line in head) else "c++17"


def run(binary):
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1", UBSAN_OPTIONS="print_stacktrace=1")
    result = subprocess.run([binary], capture_output=True, text=True, timeout=60, env=env)
    return result.returncode, result.stdout, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cxx", required=True)
    parser.add_argument("--runtime", required=True)
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("source")
    parser.add_argument("lowered")
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()

    fallback_bin = args.lowered + ".fallback.exe"
    lowered_bin = args.lowered + ".lowered.exe"
    extra = ["-I" + d for d in args.include] + args.extra
    build(args.cxx, "c++20", args.source, fallback_bin, args.runtime, extra)
    build(args.cxx, lowered_standard(args.lowered), args.lowered, lowered_bin, args.runtime,
          ["-fno-exceptions", "-fno-rtti"] + extra)
    expected = run(fallback_bin)
    actual = run(lowered_bin)
    if expected[:2] == actual[:2]:
        sys.stdout.write(actual[1])
        return 0
    sys.stderr.write("lowered behaviour differs from fallback mode\n")
    sys.stderr.write("exit status: fallback %d, lowered %d\n" % (expected[0], actual[0]))
    sys.stderr.writelines(difflib.unified_diff(expected[1].splitlines(True), actual[1].splitlines(True),
                                               "fallback", "lowered"))
    sys.stderr.write(actual[2])
    return 1


if __name__ == "__main__":
    sys.exit(main())
