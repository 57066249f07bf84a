#!/usr/bin/env python3
"""The refactor oracle: what the tool writes, recorded, so that a refactor
can show it changed nothing.

    oracle.py check  [--bcsc build/bin/bcsc] [-j 2]
    oracle.py record [--bcsc build/bin/bcsc] [-j 2] [--new]

The inputs: every .cpp under tests/lit (lowered, and laid out with
`bcsc layout`), every fuzz regression, and the fuzz generator's seeds
1..SEEDS in batches of BATCH programs per file (lowered), all with
--no-line-directives and the flags of the lit and fuzz suites. An input's
output is the output file, the diagnostics and the exit status, together.

`record` writes tests/oracle/record.txt: one line per input with a hash of
the input text and a hash of its output. It also keeps the outputs
themselves in build/oracle/recorded/, so that a later `check` on the same
checkout can print a diff. `check` compares and ends with
"N passed, M failed"; an input whose own text changed since the record (a
lit test or the generator edited) is reported as such, not as a tool change.

The rule (docs/testing.md): a pure-refactor commit keeps `check` passing as
it is; a commit that changes behaviour runs `record` and commits the new
record.txt with the change, so its diff shows which inputs changed output.
"""
import argparse
import concurrent.futures
import difflib
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "fuzz"))
import gen  # noqa: E402
import run as fuzz_run  # noqa: E402

RECORD = os.path.join(HERE, "record.txt")
WORK = os.path.join(ROOT, "build", "oracle")
RECORD_HEADER = ("# The refactor oracle's record (tests/oracle/oracle.py): input, hash of its text, hash of\n"
                 "# what the tool writes for it. Re-recorded only by commits that change behaviour.\n")
SEEDS = 2000
BATCH = 50
LIT_FLAGS = ["-I", "runtime/include", "-I", "tests/lit/Inputs"]
FUZZ_FLAGS = ["-w", "-I", "runtime/include", "-I", "tests/lit/Inputs", "-I", "tests/fuzz"]


def digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:16]


class Case:
    """One input and the tool invocations whose results make its output."""

    def __init__(self, name, source, text, runs):
        self.name, self.source, self.text, self.runs = name, source, text, runs


def lit_cases():
    cases = []
    for dirpath, _, files in sorted(os.walk(os.path.join(ROOT, "tests", "lit"))):
        for f in sorted(files):
            if not f.endswith(".cpp"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
            with open(os.path.join(ROOT, rel), errors="surrogateescape") as fh:
                text = fh.read()
            cases.append(Case("lit/" + os.path.relpath(rel, "tests/lit"), rel, text,
                              [("lower", LIT_FLAGS), ("layout", LIT_FLAGS)]))
    return cases


def regression_cases():
    cases = []
    reg = os.path.join("tests", "fuzz", "regressions")
    for f in sorted(os.listdir(os.path.join(ROOT, reg))):
        if f.endswith(".cpp"):
            rel = os.path.join(reg, f)
            with open(os.path.join(ROOT, rel)) as fh:
                cases.append(Case("fuzz-regression/" + f, rel, fh.read(), [("lower", FUZZ_FLAGS)]))
    return cases


def seed_cases(count):
    cases = []
    os.makedirs(os.path.join(WORK, "inputs"), exist_ok=True)
    for lo in range(1, count + 1, BATCH):
        seeds = list(range(lo, min(lo + BATCH, count + 1)))
        text, _ = fuzz_run.make_tu(seeds, {s: gen.generate_unit(s) for s in seeds})
        name = "fuzz-seeds/%04d-%04d" % (seeds[0], seeds[-1])
        rel = os.path.relpath(os.path.join(WORK, "inputs", "seeds-%04d-%04d.cpp" % (seeds[0], seeds[-1])), ROOT)
        with open(os.path.join(ROOT, rel), "w") as fh:
            fh.write(text)
        cases.append(Case(name, rel, text, [("lower", FUZZ_FLAGS)]))
    return cases


def run_case(bcsc, case):
    """The case's output: for each run, its exit status, diagnostics and file."""
    parts = []
    out_dir = os.path.join(WORK, "out")
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, case.name.replace("/", "__") + ".out")
    for verb, flags in case.runs:
        if os.path.exists(out):
            os.remove(out)
        cmd = [bcsc, verb, case.source]
        cmd += ["-o", out, "--no-line-directives"] if verb == "lower" else []
        r = subprocess.run(cmd + ["--"] + flags, cwd=ROOT, capture_output=True, text=True,
                           errors="surrogateescape", timeout=600)
        parts.append("== %s: exit %d\n== stdout\n%s== stderr\n%s" % (verb, r.returncode, r.stdout, r.stderr))
        if verb == "lower":
            if os.path.exists(out):
                with open(out, errors="surrogateescape") as fh:
                    parts.append("== output file\n" + fh.read())
            else:
                parts.append("== no output file\n")
    # The tool names its input by absolute path; the record holds for any checkout.
    return "".join(parts).replace(ROOT + "/", "<root>/")


def read_record():
    rec = {}
    if os.path.exists(RECORD):
        with open(RECORD) as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    name, input_hash, output_hash = line.split()
                    rec[name] = (input_hash, output_hash)
    return rec


def saved_path(name):
    return os.path.join(WORK, "recorded", name.replace("/", "__"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["check", "record"])
    ap.add_argument("--bcsc", default=os.path.join(ROOT, "build", "bin", "bcsc"))
    ap.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("BCSC_JOBS", "2")))
    ap.add_argument("--seeds", type=int, default=SEEDS, help="fuzz seeds 1..N (default %d)" % SEEDS)
    ap.add_argument("--new", action="store_true",
                    help="record: run and add only the inputs the record does not have (new lit tests), "
                         "keeping every other line; check still compares them all")
    args = ap.parse_args()
    bcsc = os.path.abspath(args.bcsc)
    if not os.access(bcsc, os.X_OK):
        print("oracle: no tool at %s (build it: bash scripts/build.sh)" % bcsc)
        print("0 passed, 1 failed")
        return 1

    cases = lit_cases() + regression_cases() + seed_cases(args.seeds)
    kept = {}
    if args.mode == "record" and args.new:
        kept = read_record()
        cases_to_run = [c for c in cases if c.name not in kept]
    else:
        cases_to_run = cases
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        outputs = dict(zip((c.name for c in cases_to_run), pool.map(lambda c: run_case(bcsc, c), cases_to_run)))

    if args.mode == "record" and args.new:
        with open(RECORD + ".tmp", "w") as fh:
            fh.write(RECORD_HEADER)
            for c in cases:
                if c.name in kept:
                    fh.write("%s %s %s\n" % (c.name, kept[c.name][0], kept[c.name][1]))
                else:
                    fh.write("%s %s %s\n" % (c.name, digest(c.text), digest(outputs[c.name])))
        os.replace(RECORD + ".tmp", RECORD)
        print("added %d new inputs to %s" % (len(cases_to_run), os.path.relpath(RECORD, ROOT)))
        print("%d passed, 0 failed" % len(cases_to_run))
        return 0

    if args.mode == "record":
        os.makedirs(os.path.join(WORK, "recorded"), exist_ok=True)
        with open(RECORD + ".tmp", "w") as fh:
            fh.write(RECORD_HEADER)
            for c in cases:
                fh.write("%s %s %s\n" % (c.name, digest(c.text), digest(outputs[c.name])))
                with open(saved_path(c.name), "w", errors="surrogateescape") as out:
                    out.write(outputs[c.name])
        os.replace(RECORD + ".tmp", RECORD)
        print("recorded %d inputs in %s" % (len(cases), os.path.relpath(RECORD, ROOT)))
        print("%d passed, 0 failed" % len(cases))
        return 0

    rec = read_record()
    passed = failed = 0
    for c in cases:
        if c.name not in rec:
            print("FAIL: %s: not in the record (a new input: run oracle.py record)" % c.name)
            failed += 1
            continue
        input_hash, output_hash = rec[c.name]
        if digest(c.text) != input_hash:
            print("FAIL: %s: the input itself changed since the record (re-record it with the tool it was "
                  "recorded with, in a commit of its own)" % c.name)
            failed += 1
        elif digest(outputs[c.name]) != output_hash:
            print("FAIL: %s: the tool's output changed" % c.name)
            show_diff(c.name, outputs[c.name], output_hash)
            failed += 1
        else:
            passed += 1
    for name in sorted(set(rec) - {c.name for c in cases}):
        print("FAIL: %s: recorded, but no longer an input (run oracle.py record)" % name)
        failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def show_diff(name, now, output_hash):
    path = saved_path(name)
    if not os.path.exists(path):
        print("    (no saved output of the record here to diff against: build/oracle/recorded/ is made by record)")
        return
    with open(path, errors="surrogateescape") as fh:
        then = fh.read()
    if digest(then) != output_hash:
        print("    (the saved output is from another record; no diff)")
        return
    diff = list(difflib.unified_diff(then.splitlines(), now.splitlines(), "recorded", "now", lineterm="", n=2))
    for line in diff[:40]:
        print("    " + line)
    if len(diff) > 40:
        print("    ... %d more diff lines" % (len(diff) - 40))


if __name__ == "__main__":
    sys.exit(main())
