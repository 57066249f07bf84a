#!/usr/bin/env python3
"""Differential fuzzing of bcsc: generated programs, lowered vs fallback.

    run.py [--seed S] [--count N] [-j J] [--batch B] [--sanitize] [--no-regressions]

For every seed, gen.py makes a program; it is built twice -- as C++20
(fallback mode: bcsc::task is a coroutine; this is the oracle) and, after
`bcsc lower`, as C++17 -fno-exceptions -fno-rtti -- and both binaries must
print the same trace and exit the same way. Each program runs its top-level
task with block_on, then polls fresh copies k times and destroys them (for
several k), so destructor traces on cancellation are compared too.

Speed: B programs (default 10) share one translation unit (each lives in
namespace fz<seed>), batches are processed J at a time (default 2), and
everything is built at -O0. When a batch fails to lower or the lowered code
fails to compile, the diagnostics are attributed to the programs by line
number and the batch is retried without them; when a binary crashes, the
programs it did not finish are retried. Every failing seed is written as a
standalone program to WORKDIR/failures/ (with the reason), ready for
reduce.py.

The .cpp files in tests/fuzz/regressions/ (reduced reproducers) are run too,
one by one. The last line of output is exactly `N passed, M failed`; the exit
status is non-zero when anything failed: a trace mismatch, a crash, a tool
crash, a tool rejection of a generated program (the generator only produces
supported code) or lowered code that does not compile.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

DEFAULT_SEED = 1
DEFAULT_COUNT = 300


def includes():
    return ["-I" + os.path.join(ROOT, "runtime", "include"), "-I" + os.path.join(ROOT, "tests", "lit", "Inputs"),
            "-I" + HERE]


class Config:
    def __init__(self, args):
        self.bcsc = args.bcsc
        self.cxx = args.cxx
        self.opt = args.opt
        self.sanitize = args.sanitize
        self.timeout = args.timeout
        self.verify = not getattr(args, "no_verify", False)

    def flags(self):
        f = ["-" + self.opt, "-w", "-ferror-limit=0", "-fno-color-diagnostics"]
        if self.sanitize:
            f += ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]
        return f + includes()


def sh(cmd, timeout=600, env=None):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, errors="replace")
        return r.returncode, r.stdout, r.stderr
    except OSError as e:
        return "oserror", "", "cannot run %s: %s" % (cmd[0], e)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return "timeout", out, "timed out after %ss" % timeout


# ---- the three steps -------------------------------------------------------
def lower(cfg, src, out, more=()):
    # The tool's self-check (--verify, its default) re-parses its output and
    # checks that the names mean what they meant in the source; a mismatch
    # fails the program.
    verify = [] if cfg.verify else ["--no-verify"]
    return sh([cfg.bcsc, "lower", src, "-o", out] + verify + ["--", "-w"] + list(more) + includes(), timeout=300)


def build(cfg, std, src, exe, more=()):
    extra = ["-fno-exceptions", "-fno-rtti"] if std == "c++17" else ["-Wno-unknown-attributes"]
    out = [] if "-fsyntax-only" in more else ["-o", exe]
    return sh([cfg.cxx, "-std=" + std] + extra + cfg.flags() + list(more) + [src] + out, timeout=600)


def execute(cfg, exe, args=()):
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1", UBSAN_OPTIONS="print_stacktrace=1")
    return sh([exe] + list(args), timeout=cfg.timeout, env=env)


def tool_crashed(rc):
    return rc == "timeout" or (isinstance(rc, int) and (rc < 0 or rc > 1))


# ---- attributing diagnostics to programs -----------------------------------
def error_blocks(stderr, path):
    """[(message, [line numbers in path])] for each `error:` with its notes."""
    blocks = []
    pat = re.compile(r"^(.*?):(\d+):\d+: (error|note|warning|fatal error): (.*)$")
    base = os.path.basename(path)
    for line in stderr.splitlines():
        m = pat.match(line)
        if not m:
            continue
        kind = m.group(3)
        in_file = os.path.basename(m.group(1)) == base
        if kind in ("error", "fatal error"):
            blocks.append([line, []])
        if blocks and in_file:
            blocks[-1][1].append(int(m.group(2)))
    return blocks


def attribute(stderr, path, ranges):
    """Maps diagnostics to seeds. Returns ({seed: [messages]}, unattributed?)."""
    hits = {}
    unattributed = False
    for msg, lines in error_blocks(stderr, path):
        seed = None
        for ln in lines:
            for s, (lo, hi) in ranges.items():
                if lo <= ln <= hi:
                    seed = s
                    break
            if seed is not None:
                break
        if seed is None:
            unattributed = True
        else:
            hits.setdefault(seed, []).append(msg)
    return hits, unattributed


def split_sections(stdout):
    """{seed: text} from the `== program N` markers; also the order seen."""
    sections, order, cur = {}, [], None
    for line in stdout.splitlines(True):
        m = re.match(r"^== program (\d+)$", line.rstrip("\n"))
        if m:
            cur = int(m.group(1))
            order.append(cur)
            sections[cur] = ""
        if cur is not None:
            sections[cur] += line
    return sections, order


# ---- one batch of generated programs ---------------------------------------
class Result:
    def __init__(self, name, ok, kind="", detail=""):
        self.name, self.ok, self.kind, self.detail = name, ok, kind, detail


def make_tu(seeds, units):
    """One translation unit for several programs. Each program is wrapped in
    #ifndef FZ_SKIP_<seed> (the tool keeps preprocessor lines), so a program
    that breaks a build can be left out without lowering again; main(argc,
    argv) runs the programs from index argv[1] on (to resume after a crash)."""
    text = "// bcsc differential fuzzing batch: seeds %s\n" % " ".join(map(str, seeds)) + gen.PRELUDE
    text += "#include <cstdlib>\n\n"
    ranges = {}
    for s in seeds:
        lo = text.count("\n") + 1
        text += "#ifndef FZ_SKIP_%d\n" % s + units[s] + "#endif\n\n"
        ranges[s] = (lo, text.count("\n"))
    text += "int main(int argc, char** argv) {\n  int from = argc > 1 ? std::atoi(argv[1]) : 0;\n"
    for i, s in enumerate(seeds):
        text += "#ifndef FZ_SKIP_%d\n  if (from <= %d) fz%d::run();\n#endif\n" % (s, i, s)
    text += "}\n"
    return text, ranges


def skip_flags(skipped):
    return ["-DFZ_SKIP_%d" % s for s in sorted(skipped)]


def run_batch(cfg, seeds, workdir, workarounds):
    results = {}
    units = {s: gen.generate_unit(s, workarounds) for s in seeds}
    tag = "b%d" % seeds[0]
    src = os.path.join(workdir, tag + ".cpp")
    low = os.path.join(workdir, tag + ".lowered.cpp")
    fb_exe, low_exe = src + ".fallback.exe", low + ".exe"
    text, ranges = make_tu(seeds, units)
    with open(src, "w") as f:
        f.write(text)

    def fail(s, kind, detail):
        results[s] = Result(s, False, kind, detail)

    def live():
        return [s for s in seeds if s not in results]

    def one_by_one():
        for s in live():
            results.update(run_batch_single(cfg, s, workdir, workarounds))

    # 1. Fallback build (the oracle) and lowering, concurrently.
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        fb_job = ex.submit(build, cfg, "c++20", src, fb_exe)
        lowered = lower_batch(cfg, src, low, ranges, results, fail, live)
        fb = fb_job.result()
    for _ in range(5):
        if fb[0] == 0:
            break
        hits, unattr = attribute(fb[2], src, ranges)
        if unattr or not hits:
            one_by_one()
            return results
        for s, msgs in hits.items():
            fail(s, "generator", "fallback (C++20) build failed:\n" + "\n".join(msgs))
        fb = build(cfg, "c++20", src, fb_exe, skip_flags(set(seeds) - set(live())))
    if fb[0] != 0 or not lowered:
        one_by_one()
        return results
    # 2. Lowered build; programs whose lowered code does not compile are
    #    left out by FZ_SKIP_<seed>.
    lb = None
    for _ in range(5):
        if not live():
            return results
        lb = build(cfg, "c++17", low, low_exe, skip_flags(set(seeds) - set(live())))
        if lb[0] == 0:
            break
        hits, unattr = attribute(lb[2], src, ranges)
        hits = {s: m for s, m in hits.items() if s in live()}
        if unattr or not hits:
            one_by_one()
            return results
        for s, msgs in hits.items():
            fail(s, "lowered-build", "lowered (C++17) build failed:\n" + "\n".join(msgs))
    if lb is None or lb[0] != 0:
        one_by_one()
        return results
    # 3. Run both; compare program by program. After a crash, resume both
    #    binaries at the next program.
    order = seeds  # main() runs them in this order; skipped ones print nothing
    start = 0
    while start < len(order):
        exp = execute(cfg, fb_exe, [str(start)])
        act = execute(cfg, low_exe, [str(start)])
        exp_sec, exp_seen = split_sections(exp[1])
        act_sec, act_seen = split_sections(act[1])
        crashed_at = None
        for i in range(start, len(order)):
            s = order[i]
            if s in results:
                continue
            done_exp = s in exp_sec and (exp[0] == 0 or exp_seen[-1] != s)
            done_act = s in act_sec and (act[0] == 0 or act_seen[-1] != s)
            if s not in exp_sec and s not in act_sec:
                break  # an earlier program crashed
            if not done_exp:
                fail(s, "generator", "fallback binary exit %s\n%s" % (exp[0], exp[2][-3000:]))
                crashed_at = i
                break
            if not done_act:
                fail(s, "mismatch", "lowered binary exit %s\n%s%s" % (
                    act[0], diff(exp_sec[s], act_sec.get(s, "")), act[2][-3000:]))
                crashed_at = i
                break
            if exp_sec[s] == act_sec[s]:
                results[s] = Result(s, True)
            else:
                fail(s, "mismatch", diff(exp_sec[s], act_sec[s]))
        if crashed_at is None:
            if exp[0] != 0 or act[0] != 0:
                # A crash after the last program's section (at exit).
                for s in live():
                    fail(s, "mismatch", "exit status: fallback %s, lowered %s" % (exp[0], act[0]))
            break
        start = crashed_at + 1
    for s in live():
        fail(s, "mismatch", "no output")
    return results


def lower_batch(cfg, src, low, ranges, results, fail, live):
    """Lowers the batch, leaving out (FZ_SKIP_<seed>) the programs the tool
    rejects. False if that cannot be sorted out (the caller then goes one
    program at a time)."""
    for _ in range(5):
        skipped = set(ranges) - set(live())
        lrc, _, lerr = lower(cfg, src, low, skip_flags(skipped))
        if lrc == 0:
            return True
        if tool_crashed(lrc):
            return False
        hits, unattr = attribute(lerr, src, ranges)
        hits = {s: m for s, m in hits.items() if s in live()}
        if unattr or not hits:
            return False
        for s, msgs in hits.items():
            fail(s, "rejected", "bcsc lower:\n" + "\n".join(msgs))
        if not live():
            return True
    return False


def run_batch_single(cfg, s, workdir, workarounds):
    return run_file(cfg, write_standalone(s, workdir, workarounds), workdir, s)


def write_standalone(seed, workdir, workarounds):
    path = os.path.join(workdir, "seed_%d.cpp" % seed)
    with open(path, "w") as f:
        f.write(gen.generate(seed, workarounds))
    return path


def diff(a, b):
    d = list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "fallback", "lowered", n=2))
    return "".join(d[:80]) + ("  ... (%d more diff lines)\n" % (len(d) - 80) if len(d) > 80 else "")


# ---- one standalone file (regressions, single seeds) -----------------------
def run_file(cfg, src, workdir, name=None):
    """Lower, build both ways, run, compare. {name: Result}."""
    name = name if name is not None else os.path.relpath(src, ROOT)
    base = os.path.join(workdir, re.sub(r"[^A-Za-z0-9_.]", "_", str(name)))
    low = base + ".lowered.cpp"
    fb = build(cfg, "c++20", src, base + ".fallback.exe")
    if fb[0] != 0:
        return {name: Result(name, False, "generator", "fallback (C++20) build failed:\n" + fb[2][-4000:])}
    lrc, _, lerr = lower(cfg, src, low)
    if lrc != 0:
        kind = "tool-crash" if tool_crashed(lrc) else "rejected"
        return {name: Result(name, False, kind, "bcsc lower exit %s:\n%s" % (lrc, lerr[-4000:]))}
    lb = build(cfg, "c++17", low, base + ".lowered.exe")
    if lb[0] != 0:
        errs = "\n".join(m for m, _ in error_blocks(lb[2], src)) or lb[2][-4000:]
        return {name: Result(name, False, "lowered-build", "lowered (C++17) build failed:\n" + errs)}
    exp = execute(cfg, base + ".fallback.exe")
    act = execute(cfg, base + ".lowered.exe")
    if exp[0] != 0:
        return {name: Result(name, False, "generator", "fallback binary exit %s\n%s" % (exp[0], exp[2][-3000:]))}
    if exp[:2] == act[:2]:
        return {name: Result(name, True)}
    return {name: Result(name, False, "mismatch", "exit status: fallback %s, lowered %s\n%s%s" % (
        exp[0], act[0], diff(exp[1], act[1]), act[2][-3000:]))}


def snapshot_tool(path, workdir):
    """Copies bcsc into workdir once it is complete (not being relinked)."""
    dest = os.path.join(workdir, "bcsc")
    for _ in range(120):
        try:
            st = os.stat(path)
            if os.access(path, os.X_OK) and time.time() - st.st_mtime > 2:
                shutil.copy2(path, dest)
                if os.stat(path).st_mtime == st.st_mtime and os.stat(dest).st_size == st.st_size and \
                        sh([dest, "lower", "--help"], timeout=60)[0] == 0:
                    return dest
        except OSError:
            pass
        time.sleep(1)
    sys.exit("bcsc at %s did not become usable" % path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="first seed (default %(default)s)")
    ap.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of seeds (default %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="batches in parallel (default %(default)s)")
    ap.add_argument("--batch", type=int, default=10, help="programs per translation unit (default %(default)s)")
    ap.add_argument("--bcsc", default=os.path.join(ROOT, "build", "bin", "bcsc"))
    ap.add_argument("--cxx", default="clang++-19")
    ap.add_argument("--opt", default="O0", help="optimisation level for both builds (default %(default)s)")
    ap.add_argument("--sanitize", action="store_true", help="build both with ASan+UBSan (slower)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds per binary run")
    ap.add_argument("--workdir", help="keep the build files here (default: a temporary directory)")
    ap.add_argument("--no-regressions", action="store_true", help="skip tests/fuzz/regressions/*.cpp")
    ap.add_argument("--regressions-only", action="store_true")
    ap.add_argument("--no-workarounds", action="store_true",
                    help="let gen.py generate constructs that hit known tool bugs (see gen.WORKAROUNDS)")
    ap.add_argument("--no-verify", action="store_true", help="lower without the tool's --verify self-check")
    ap.add_argument("--progress", action="store_true", help="print a line after every batch")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the details of every failure")
    args = ap.parse_args()
    cfg = Config(args)
    if not os.path.exists(cfg.bcsc):
        sys.exit("bcsc not found at %s (build it: bash scripts/build.sh)" % cfg.bcsc)
    workdir = args.workdir or tempfile.mkdtemp(prefix="bcsc-fuzz-")
    os.makedirs(workdir, exist_ok=True)
    # The tool is rebuilt often by others: run a private copy of it, so one
    # run sees one version (it finds its resource directory through the
    # clang installation, not next to the binary).
    cfg.bcsc = snapshot_tool(cfg.bcsc, workdir)
    faildir = os.path.join(workdir, "failures")
    os.makedirs(faildir, exist_ok=True)
    start = time.time()
    workarounds = not args.no_workarounds

    results = {}
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        if not args.regressions_only:
            seeds = list(range(args.seed, args.seed + args.count))
            for i in range(0, len(seeds), args.batch):
                jobs.append(ex.submit(run_batch, cfg, seeds[i:i + args.batch], workdir, workarounds))
        if not args.no_regressions:
            regdir = os.path.join(HERE, "regressions")
            for fn in sorted(os.listdir(regdir)) if os.path.isdir(regdir) else []:
                if fn.endswith(".cpp"):
                    jobs.append(ex.submit(run_file, cfg, os.path.join(regdir, fn), workdir))
        for job in concurrent.futures.as_completed(jobs):
            done = len(results) + len(job.result())
            bad = sum(1 for x in results.values() if not x.ok) + sum(1 for x in job.result().values() if not x.ok)
            if args.progress:
                print("[%.0fs] %d done, %d failed" % (time.time() - start, done, bad), flush=True)
            for name, r in job.result().items():
                results[name] = r
                if not r.ok:
                    print("FAIL %s: %s" % (name, r.kind), flush=True)
                    if args.verbose:
                        print("    " + r.detail.replace("\n", "\n    "))
                    if isinstance(name, int):
                        with open(os.path.join(faildir, "seed_%d.cpp" % name), "w") as f:
                            f.write(gen.generate(name, workarounds))
                        with open(os.path.join(faildir, "seed_%d.txt" % name), "w") as f:
                            f.write(r.kind + "\n" + r.detail)

    passed = sum(1 for r in results.values() if r.ok)
    failed = len(results) - passed
    kinds = {}
    for r in results.values():
        if not r.ok:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
    gen_total = sum(1 for n in results if isinstance(n, int))
    gen_passed = sum(1 for n, r in results.items() if isinstance(n, int) and r.ok)
    print("generated programs: %d passed of %d (seeds %d..%d)%s" % (
        gen_passed, gen_total, args.seed, args.seed + args.count - 1, "" if workarounds else ", no workarounds")
          if not args.regressions_only else "generated programs: none")
    reg = [(n, r) for n, r in results.items() if not isinstance(n, int)]
    print("regressions: %d passed of %d" % (sum(1 for _, r in reg if r.ok), len(reg)))
    if kinds:
        print("failures by kind: " + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
        print("failing programs written to " + faildir)
    print("time: %.1fs" % (time.time() - start))
    if not args.workdir and failed == 0:
        shutil.rmtree(workdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
