#!/usr/bin/env python3
"""Builds and runs every bcsc benchmark and prints one table of ratios.

    bash bench/run.sh [--update-docs] [--rebuild] [--quick]

Everything is measured in this run, side by side; nothing is hard-coded.
Sections (each one fails on its own, with the reason in the table):
  1. frames    frame bytes of the corpus (bench/frames): bcsc, rustc, clang-19 -O0/-Os, g++-12 -O2
  2. switch    instructions (callgrind) and ns (Google Benchmark) per await-resume cycle on the
               host: bcsc vs C++20 coroutines vs a hand-written state machine (bench/switch)
  3. cortexm   Cortex-M3 on QEMU (-icount shift=0): instructions per task switch, flash, RAM
  4. toolspeed bcsc lower vs clang++-19 -fsyntax-only on the same translation unit

Outputs go to $BENCH_OUT (default build/bench): report.md (the table), raw/ (every raw figure).
--update-docs writes the table and the machine description into docs/performance.md.
--quick uses fewer iterations and repetitions (for trying the script; not for the docs).
"""
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
OUT = os.environ.get("BENCH_OUT", "build/bench")
BCSC = os.environ.get("BCSC", "build/bin/bcsc")
ARGS = set(sys.argv[1:])
QUICK = "--quick" in ARGS
RT = ["-I", "runtime/include"]

report = []  # markdown lines
raw = {}  # everything measured, dumped to raw/results.json


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd, **kw):
    """Runs a command; raises with its output on failure."""
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    r = subprocess.run(cmd, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} -> exit {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r


def out(*parts):
    return os.path.join(OUT, *parts)


def fmt_ratio(x):
    return "n/a" if x is None else f"{x:.3f}x"


def verdict(ok):
    return "**met**" if ok else "**MISSED**"


def median(xs):
    return statistics.median(xs) if xs else None


# ----------------------------------------------------------------- setup ----
def ensure_bcsc():
    global BCSC
    if "--rebuild" in ARGS or not os.path.exists(BCSC):
        build_dir = os.path.dirname(os.path.dirname(BCSC))
        log(f"building bcsc in {build_dir}")
        if not os.path.exists(os.path.join(build_dir, "build.ninja")):
            run(["cmake", "-S", ".", "-B", build_dir, "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19",
                 "-DCMAKE_C_COMPILER=clang-19"], capture_output=False)
        run(["ninja", "-C", build_dir, "-j2", "bcsc"], capture_output=False)
    # Snapshot the binary: other people may rebuild it while the benchmarks run.
    snap = out("bin", "bcsc")
    os.makedirs(os.path.dirname(snap), exist_ok=True)
    for attempt in range(30):
        try:
            shutil.copy2(BCSC, snap)
            run([snap, "lower", "examples/hello/hello.cpp", "-o", out("bin", "probe.cpp"), "--"] + RT)
            break
        except (OSError, RuntimeError) as e:
            log(f"cannot snapshot {BCSC} yet ({e}); retrying")
            time.sleep(10)
    else:
        raise SystemExit(f"cannot copy a working {BCSC}")
    BCSC = snap


def first_line(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001
        return f"unavailable ({e})"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "tool", "runtime"], capture_output=True,
                           text=True).stdout.strip()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "commit": commit + (" (tool/ or runtime/ with uncommitted changes)" if dirty else ""),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "load": " ".join(open("/proc/loadavg").read().split()[:3]),
        "clang": first_line(["clang++-19", "--version"]),
        "gcc": first_line(["g++-12", "--version"]),
        "rustc": first_line(["rustc", "--version"]),
        "arm-gcc": first_line(["arm-none-eabi-g++", "--version"]),
        "qemu": first_line(["qemu-system-arm", "--version"]),
        "valgrind": first_line(["valgrind", "--version"]),
        "benchmark": "libbenchmark " + (first_line(["dpkg-query", "-W", "-f", "${Version}", "libbenchmark-dev"])),
    }


# ---------------------------------------------------------------- frames ----
FRAME_BUILDS = ["bcsc", "rustc", "clang_O0", "clang_Os", "gcc_O2"]


def parse_frames(text):
    rows = {}
    for line in text.strip().splitlines():
        name, result, size, allocs = line.split()
        rows[name] = (int(result), int(size), int(allocs))
    return rows


def section_frames():
    d = out("frames")
    os.makedirs(d, exist_ok=True)
    src = "bench/frames/corpus.cpp"
    inc = RT + ["-I", "bench/frames"]
    run([BCSC, "lower", src, "-o", f"{d}/corpus.lowered.cpp", "--"] + inc)
    run(["clang++-19", "-std=c++17", "-O2", "-fno-exceptions", "-fno-rtti"] + inc +
        [f"{d}/corpus.lowered.cpp", "bench/frames/opaque.cpp", "-o", f"{d}/bcsc"])
    coro = ["-std=c++20", "-DBENCH_MIN_TASK", "-I", "bench/frames", src, "bench/frames/opaque.cpp"]
    run(["clang++-19", "-O0", "-Wno-unknown-attributes"] + coro + ["-o", f"{d}/clang_O0"])
    run(["clang++-19", "-Os", "-Wno-unknown-attributes"] + coro + ["-o", f"{d}/clang_Os"])
    run(["g++-12", "-O2", "-Wno-attributes=bcsc::"] + coro + ["-o", f"{d}/gcc_O2"])
    run(["rustc", "-O", "--edition", "2021", "-A", "dead_code", "bench/frames/corpus.rs", "-o", f"{d}/rustc"])
    data = {b: parse_frames(run([f"{d}/{b}"]).stdout) for b in FRAME_BUILDS}
    raw["frames"] = {b: {k: list(v) for k, v in rows.items()} for b, rows in data.items()}
    names = list(data["bcsc"].keys())

    lines = ["### 1. Frame size (bytes, x86-64)", "",
             "C++20 figures are the size passed to the promise's `operator new` (sum of live frames "
             "for functions that await other async functions: bcsc and rustc store callees inline).", "",
             "| function | bcsc | rustc | clang -O0 | clang -Os | g++-12 -O2 | bcsc/rustc | bcsc/clang -Os | bcsc/gcc |",
             "|---|---|---|---|---|---|---|---|---|"]
    over_rust, mismatches = [], []
    r_o0, r_os, r_gcc = [], [], []
    for n in names:
        sizes = {b: data[b][n][1] for b in FRAME_BUILDS}
        results = {b: data[b][n][0] for b in FRAME_BUILDS}
        if len(set(results.values())) != 1:
            mismatches.append(f"{n} {results}")
        b = sizes["bcsc"]
        if b > sizes["rustc"]:
            over_rust.append(f"{n} ({b} > {sizes['rustc']})")
        r_o0.append(b / sizes["clang_O0"])
        r_os.append(b / sizes["clang_Os"])
        r_gcc.append(b / sizes["gcc_O2"])
        flag = " ⚠" if b > sizes["rustc"] else ""
        lines.append(f"| {n} | {b}{flag} | {sizes['rustc']} | {sizes['clang_O0']} | {sizes['clang_Os']} | "
                     f"{sizes['gcc_O2']} | {b / sizes['rustc']:.2f} | {b / sizes['clang_Os']:.2f} | "
                     f"{b / sizes['gcc_O2']:.2f} |")
    lines.append("")
    if mismatches:
        lines.append("**Result mismatch between builds:** " + "; ".join(mismatches))
        lines.append("")
    summary = [
        ("frames: bcsc ≤ rustc on every function",
         f"{len(names) - len(over_rust)}/{len(names)} functions" +
         (f"; larger: {', '.join(over_rust)}" if over_rust else ""), not over_rust),
        ("frames: median bcsc/clang-19 -O0 ≤ 0.5", fmt_ratio(median(r_o0)), median(r_o0) <= 0.5),
        ("frames: median bcsc/clang-19 -Os ≤ 0.5", fmt_ratio(median(r_os)), median(r_os) <= 0.5),
        ("frames: median bcsc/g++-12 -O2 ≤ 0.5", fmt_ratio(median(r_gcc)), median(r_gcc) <= 0.5),
        ("frames: same results in all five builds", f"{len(names) - len(mismatches)}/{len(names)}", not mismatches),
    ]
    return lines, summary


# ---------------------------------------------------------------- switch ----
SWITCH_VARIANTS = ["bcsc", "coroutine", "handwritten"]
WORKLOADS = [("yield", 1), ("pingpong", 2), ("pingpong_runtime", 2)]  # cycles per n


def callgrind_ir(cmd):
    f = out("switch", "callgrind.tmp")
    run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={f}"] + cmd)
    with open(f) as fh:
        for line in fh:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise RuntimeError("no callgrind summary")


def section_switch():
    d = out("switch")
    os.makedirs(d, exist_ok=True)
    cf = ["-O2", "-fno-exceptions", "-fno-rtti"] + RT + ["-I", "bench/switch"]
    run([BCSC, "lower", "bench/switch/workloads.cpp", "-o", f"{d}/workloads.lowered.cpp", "--"] + RT +
        ["-I", "bench/switch"])
    run(["clang++-19", "-std=c++17"] + cf + ["-c", f"{d}/workloads.lowered.cpp", "-o", f"{d}/bcsc.o"])
    run(["clang++-19", "-std=c++20", "-Wno-unknown-attributes"] + cf +
        ["-c", "bench/switch/workloads.cpp", "-o", f"{d}/coroutine.o"])
    run(["clang++-19", "-std=c++17"] + cf + ["-c", "bench/switch/handwritten.cpp", "-o", f"{d}/handwritten.o"])
    run(["clang++-19", "-std=c++17"] + cf + ["-c", "bench/switch/main_count.cpp", "-o", f"{d}/main_count.o"])
    run(["clang++-19", "-std=c++17", "-O2"] + RT + ["-c", "bench/switch/main_gbench.cpp", "-o", f"{d}/main_gbench.o"])
    for v in SWITCH_VARIANTS:
        run(["clang++-19", f"{d}/{v}.o", f"{d}/main_count.o", "-o", f"{d}/count_{v}"])
        run(["clang++-19", f"{d}/{v}.o", f"{d}/main_gbench.o", "-lbenchmark", "-lpthread", "-o", f"{d}/gbench_{v}"])

    n = 2000 if QUICK else 20000
    ir, checks = {}, {}
    for w, per in WORKLOADS:
        for v in SWITCH_VARIANTS:
            base = callgrind_ir([f"{d}/count_{v}", w, "0"])
            full = callgrind_ir([f"{d}/count_{v}", w, str(n)])
            ir[(w, v)] = (full - base) / (n * per)
            checks[(w, v)] = run([f"{d}/count_{v}", w, str(n)]).stdout.split()[-1]
    ns = {}
    reps = "1" if QUICK else "5"
    for v in SWITCH_VARIANTS:
        js = run([f"{d}/gbench_{v}", "--benchmark_format=json", f"--benchmark_repetitions={reps}",
                  "--benchmark_min_time=0.1"]).stdout
        for b in json.loads(js)["benchmarks"]:
            w = b["run_name"].replace("BM_", "")
            if (QUICK and b.get("run_type") == "iteration") or b.get("aggregate_name") == "median":
                ns[(w, v)] = b["ns_per_cycle"] * 1e9  # kIsRate | kInvert gives seconds per cycle
    raw["switch"] = {"n": n, "ir_per_cycle": {f"{w}/{v}": x for (w, v), x in ir.items()},
                     "ns_per_cycle": {f"{w}/{v}": x for (w, v), x in ns.items()},
                     "checksums": {f"{w}/{v}": x for (w, v), x in checks.items()}}

    lines = ["### 2. Switch cost on the host (x86-64, clang-19 -O2, same bcsc::executor for all)", "",
             f"Instructions per await-resume cycle: callgrind, (run with n={n} − run with n=0) / cycles. "
             "ns: Google Benchmark, median of repetitions, 1000 cycles per iteration (includes the executor).", "",
             "| workload | bcsc Ir | C++20 coroutine Ir | hand-written Ir | bcsc/hand | coroutine/hand | "
             "bcsc ns | coroutine ns | hand-written ns | bcsc/hand (ns) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    summary = []
    for w, _ in WORKLOADS:
        if checks[(w, "bcsc")] == "-2":
            lines.append(f"| {w} | (runtime has no channel.hpp) | | | | | | | | |")
            continue
        same = len({checks[(w, v)] for v in SWITCH_VARIANTS}) == 1
        hb, hc, hh = (ir[(w, v)] for v in SWITCH_VARIANTS)
        nb, nc, nh = (ns.get((w, v)) for v in SWITCH_VARIANTS)
        lines.append(f"| {w}{'' if same else ' (CHECKSUM MISMATCH)'} | {hb:.1f} | {hc:.1f} | {hh:.1f} | "
                     f"{hb / hh:.3f}x | {hc / hh:.2f}x | {nb:.2f} | {nc:.2f} | {nh:.2f} | {nb / nh:.2f}x |")
        summary.append((f"switch ({w}): bcsc ≤ 1.1x hand-written (instructions)", f"{hb / hh:.3f}x",
                        hb / hh <= 1.1 and same))
        summary.append((f"switch ({w}): bcsc ≤ 1.1x hand-written (ns)", f"{nb / nh:.2f}x", nb / nh <= 1.1))
    lines.append("")
    lines.append("`pingpong` uses the inline one-slot channel of bench/switch/channel.hpp; `pingpong_runtime` "
                 "uses `bcsc::channel<long, 1>` from runtime/include/bcsc/channel.hpp.")
    lines.append("")
    return lines, summary


# --------------------------------------------------------------- cortexm ----
def arm_sizes(elf):
    # Berkeley format: text (vectors, code, rodata, exidx, init arrays), data, bss.
    text, data, bss = run(["arm-none-eabi-size", elf]).stdout.splitlines()[1].split()[:3]
    return int(text), int(data), int(bss)


def section_cortexm():
    d = out("cortexm")
    os.makedirs(d, exist_ok=True)
    port = "runtime/port/cortex-m3"
    af = ["-mcpu=cortex-m3", "-mthumb", "-Os", "-fno-exceptions", "-fno-rtti", "-DBENCH_NO_RUNTIME_CHANNEL"] + RT + \
         ["-I", port, "-I", "bench/switch"]
    lf = ["-nostartfiles", "--specs=rdimon.specs", "-T", f"{port}/link.ld"]
    run([BCSC, "lower", "bench/switch/workloads.cpp", "-o", f"{d}/workloads.lowered.cpp", "--"] + RT +
        ["-I", "bench/switch", "-DBENCH_NO_RUNTIME_CHANNEL"])
    common = [f"{port}/startup.cpp", "bench/cortexm/app.cpp"]
    builds = {
        "bcsc": ["-std=c++17"] + af + lf + common + [f"{d}/workloads.lowered.cpp"],
        "coroutine_lean": ["-std=c++20", "-fcoroutines", "-DBENCH_LEAN_HEAP", "-Wno-attributes=bcsc::"] + af + lf +
                          common + ["bench/switch/workloads.cpp"],
        "coroutine_default": ["-std=c++20", "-fcoroutines", "-Wno-attributes=bcsc::"] + af + lf + common +
                             ["bench/switch/workloads.cpp"],
    }
    res = {}
    for name, args in builds.items():
        elf = f"{d}/{name}.elf"
        run(["arm-none-eabi-g++"] + args + ["-o", elf])
        text, data, bss = arm_sizes(elf)
        o = run(["timeout", "120", "qemu-system-arm", "-M", "mps2-an385", "-nographic", "-semihosting-config",
                 "enable=on,target=native", "-icount", "shift=0", "-kernel", elf]).stdout
        calib, runs, heap, stack = {}, {}, (0, 0), 0
        for line in o.splitlines():
            p = line.split()
            if p[0] == "calib":
                calib[int(p[1])] = int(p[2])
            elif p[0] == "run":
                runs[(p[1], int(p[2]))] = (int(p[3]), p[4])
            elif p[0] == "heap":
                heap = (int(p[1]), int(p[2]))
            elif p[0] == "stack":
                stack = int(p[1])
        big = max(calib)
        insn_per_count = 2 * (big - 1) / (calib[big] - calib[0])
        per = {}
        for w, cycles in (("yield", 1), ("pingpong", 2)):
            n = max(k[1] for k in runs if k[0] == w)
            per[w] = (runs[(w, n)][0] - runs[(w, 0)][0]) * insn_per_count / (n * cycles)
        res[name] = {"flash": text, "data": data, "bss": bss, "heap_peak_frames": heap[0], "heap_sbrk": heap[1],
                     "stack": stack, "ram": data + bss + heap[1] + stack, "insn_per_count": insn_per_count,
                     "insn_per_switch": per, "checksums": {f"{k[0]}/{k[1]}": v[1] for k, v in runs.items()}}
    raw["cortexm"] = res
    b, c, cd = res["bcsc"], res["coroutine_lean"], res["coroutine_default"]
    lines = ["### 3. Cortex-M3 (QEMU mps2-an385, arm-none-eabi-g++ 12 -Os, -icount shift=0)", "",
             "Same app (bench/cortexm/app.cpp + the bench/switch workloads on bcsc::executor). Flash = text of "
             "`arm-none-eabi-size` (vectors, code, rodata, unwind index). RAM = .data + .bss + heap (sbrk "
             "high-water) + peak stack (painted). `coroutine (lean)` replaces librdimon's _sbrk and libstdc++'s "
             "operator new/delete with 4-line versions on malloc; `coroutine (default)` links what the runtime's "
             "default fallback allocator pulls in.", "",
             f"Calibration: {b['insn_per_count']:.2f} instructions per SysTick count (expected 40 at 25 MHz).", "",
             "| build | instr/switch (yield) | instr/switch (ping-pong) | flash B | .data B | .bss B | heap B "
             "(frames) | stack B | RAM B |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, label in (("bcsc", "bcsc"), ("coroutine_lean", "C++20 coroutine (lean)"),
                        ("coroutine_default", "C++20 coroutine (default)")):
        r = res[name]
        lines.append(f"| {label} | {r['insn_per_switch']['yield']:.1f} | {r['insn_per_switch']['pingpong']:.1f} | "
                     f"{r['flash']} | {r['data']} | {r['bss']} | {r['heap_sbrk']} ({r['heap_peak_frames']}) | "
                     f"{r['stack']} | {r['ram']} |")
    lines.append("")
    fl = b["flash"] / c["flash"]
    summary = [
        ("cortex-m3: flash ≤ 0.5x C++20 coroutine build (lean)", f"{fl:.2f}x ({b['flash']} / {c['flash']} B)",
         fl <= 0.5),
        ("cortex-m3: flash vs coroutine build (default allocator)",
         f"{b['flash'] / cd['flash']:.2f}x ({b['flash']} / {cd['flash']} B)", None),
        ("cortex-m3: RAM vs coroutine build (lean)", f"{b['ram'] / c['ram']:.2f}x ({b['ram']} / {c['ram']} B)", None),
        ("cortex-m3: instructions per switch vs coroutine (yield / ping-pong)",
         f"{b['insn_per_switch']['yield'] / c['insn_per_switch']['yield']:.2f}x / "
         f"{b['insn_per_switch']['pingpong'] / c['insn_per_switch']['pingpong']:.2f}x", None),
    ]
    return lines, summary


# ------------------------------------------------------------- toolspeed ----
def timed(cmd):
    """(wall s, cpu s of the child) for one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    run(cmd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def section_toolspeed():
    d = out("toolspeed")
    os.makedirs(d, exist_ok=True)
    sizes = [50, 200] if QUICK else [250, 1000]
    gens = {}
    for n in sizes:
        gens[f"{d}/gen{n}.cpp"] = n
        with open(f"{d}/gen{n}.cpp", "w") as f:
            f.write(run(["python3", "bench/toolspeed/gen.py", str(n)]).stdout)
    units = [("examples/hello/hello.cpp", []), ("bench/frames/corpus.cpp", ["-I", "bench/frames"])] + \
            [(g, []) for g in gens]
    reps = 1 if QUICK else 3
    lines = ["### 4. Tool speed", "",
             f"`bcsc lower F -o OUT -- -I runtime/include` vs `clang++-19 -fsyntax-only -std=c++20 "
             f"-I runtime/include F`, alternating, median of {reps}; CPU = user + sys of the process "
             "(robust to other load on the machine), wall for reference.", "",
             "| translation unit | lines | bcsc CPU s | -fsyntax-only CPU s | ratio (CPU) | bcsc wall s | "
             "-fsyntax-only wall s | ratio (wall) |",
             "|---|---|---|---|---|---|---|---|"]
    summary, res = [], {}
    for src, extra in units:
        b, c = [], []
        for _ in range(reps):
            b.append(timed([BCSC, "lower", src, "-o", f"{d}/lowered.cpp", "--"] + RT + extra))
            c.append(timed(["clang++-19", "-fsyntax-only", "-std=c++20", "-Wno-unknown-attributes"] + RT + extra +
                           [src]))
        bw, bc = median([x[0] for x in b]), median([x[1] for x in b])
        cw, cc = median([x[0] for x in c]), median([x[1] for x in c])
        nlines = sum(1 for _ in open(src))
        name = f"generated, {gens[src]} async functions" if src in gens else os.path.basename(src)
        res[name] = {"bcsc_cpu": bc, "clang_cpu": cc, "bcsc_wall": bw, "clang_wall": cw}
        lines.append(f"| {name} | {nlines} | {bc:.2f} | {cc:.2f} | {bc / cc:.2f}x | {bw:.2f} | {cw:.2f} | "
                     f"{bw / cw:.2f}x |")
        summary.append((f"tool speed ({name}): ≤ 1.5x -fsyntax-only (CPU)", f"{bc / cc:.2f}x", bc / cc <= 1.5))
    lines.append("")
    raw["toolspeed"] = res
    return lines, summary


# ------------------------------------------------------------------ main ----
def main():
    os.makedirs(out("raw"), exist_ok=True)
    t_start = time.time()
    ensure_bcsc()
    m = machine()
    raw["machine"] = m
    sections, summary = [], []
    for name, fn in (("frames", section_frames), ("switch", section_switch), ("cortexm", section_cortexm),
                     ("toolspeed", section_toolspeed)):
        log(f"section {name}")
        t0 = time.time()
        try:
            lines, summ = fn()
        except Exception as e:  # noqa: BLE001 - one failing section must not hide the others
            lines = [f"### {name}: FAILED", "", "```", str(e)[-3000:], "```", ""]
            summ = [(f"{name}", "section failed (see above)", False)]
        log(f"section {name}: {time.time() - t0:.0f} s")
        sections += lines
        summary += summ

    md = ["## Latest run", "",
          f"- date: {m['date']}, commit {m['commit']}, `bash bench/run.sh`{' --quick' if QUICK else ''} took "
          f"{time.time() - t_start:.0f} s",
          f"- machine: {m['nproc']} CPUs (nproc), {m['cpu']}, load average at start {m['load']} "
          "(shared machine: ns figures are noisy, instruction counts are not)",
          f"- {m['clang']}; {m['gcc']}; {m['rustc']}",
          f"- {m['arm-gcc']}; {m['qemu']}; {m['valgrind']}; {m['benchmark']}", "",
          "### Targets", "", "| target | measured | status |", "|---|---|---|"]
    for what, figure, ok in summary:
        md.append(f"| {what} | {figure} | {'(info)' if ok is None else verdict(ok)} |")
    md.append("")
    md += sections
    text = "\n".join(md) + "\n"
    with open(out("report.md"), "w") as f:
        f.write(text)
    with open(out("raw", "results.json"), "w") as f:
        json.dump(raw, f, indent=1, default=str)
    print(text)
    if "--update-docs" in ARGS:
        update_docs(text)


def update_docs(text):
    path = "docs/performance.md"
    begin, end = "<!-- bench:begin (written by bench/run.sh --update-docs) -->", "<!-- bench:end -->"
    doc = open(path).read() if os.path.exists(path) else f"# Performance\n\n{begin}\n{end}\n"
    if begin not in doc or end not in doc:
        doc += f"\n{begin}\n{end}\n"
    i, j = doc.index(begin) + len(begin), doc.index(end)
    doc = doc[:i] + "\n" + text + doc[j:]
    with open(path, "w") as f:
        f.write(doc)
    log(f"updated {path}")


if __name__ == "__main__":
    main()
