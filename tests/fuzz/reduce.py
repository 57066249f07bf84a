#!/usr/bin/env python3
"""Delta-debugging reducer for a failing differential-fuzzing program.

    reduce.py IN.cpp -o OUT.cpp [--kind KIND] [--match REGEX] [--sanitize]

KIND is what must keep happening (default: whatever happens to IN.cpp now):
  rejected       bcsc lower exits 1 with an error (REGEX must match its stderr)
  tool-crash     bcsc lower crashes or times out
  lowered-build  the lowered C++17 file does not compile (REGEX: an error line)
  mismatch       both builds run, outputs or exit statuses differ (REGEX: the diff)
A candidate only counts if the source still builds as C++20 (fallback mode)
and, for `mismatch`, the fallback binary exits 0 within the time limit.

Passes, repeated until nothing changes:
  1. ddmin over the statements of each block (a statement is one line or a
     whole brace-balanced block: function, if, loop, switch case...),
     outermost blocks first;
  2. unwrapping a block: `if (c) { body }` -> `body`;
  3. replacing a parenthesized subexpression by `1u`, and a `co_await X` by
     `X`-free constants where that keeps the failure.
Lines that are a function's final `co_return` are kept (removing it would
make flowing off the end of a value coroutine undefined).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import run as runner  # noqa: E402


class Tester:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.n = 0
        self.cache = {}

    def outcome(self, text):
        """(kind, detail) of this program: 'pass', 'invalid', or a failure kind."""
        if text in self.cache:
            return self.cache[text]
        self.n += 1
        d = self.workdir
        src = os.path.join(d, "cand.cpp")
        with open(src, "w") as f:
            f.write(text)
        a = self.args
        cfg = a.cfg
        # Only a mismatch needs binaries; otherwise checking is enough.
        check = [] if a.kind == "mismatch" else ["-fsyntax-only"]
        fb = runner.build(cfg, "c++20", src, src + ".fb", check)
        if fb[0] != 0:
            res = ("invalid", fb[2])
        else:
            lrc, _, lerr = runner.lower(cfg, src, src + ".low.cpp")
            if lrc != 0:
                res = ("tool-crash" if runner.tool_crashed(lrc) else "rejected", lerr)
            elif a.kind in ("rejected", "tool-crash"):
                res = ("pass", "")
            else:
                lb = runner.build(cfg, "c++17", src + ".low.cpp", src + ".low", check)
                if lb[0] == 0 and check:
                    res = ("pass", "")
                elif lb[0] != 0:
                    res = ("lowered-build", lb[2])
                else:
                    exp = runner.execute(cfg, src + ".fb")
                    if exp[0] != 0:
                        res = ("invalid", "fallback exit %s" % exp[0])
                    else:
                        act = runner.execute(cfg, src + ".low")
                        if exp[:2] == act[:2]:
                            res = ("pass", "")
                        else:
                            res = ("mismatch", "exit %s vs %s\n%s" % (exp[0], act[0], runner.diff(exp[1], act[1])))
        self.cache[text] = res
        return res

    def interesting(self, lines):
        kind, detail = self.outcome("".join(lines))
        if kind != self.args.kind:
            return False
        return self.args.match is None or re.search(self.args.match, detail, re.M) is not None


# ---- structure ----------------------------------------------------------
def opens(line):
    return line.rstrip().endswith("{")


def closes(line):
    return line.lstrip().startswith("}")


def match_close(lines, i):
    """Index of the line closing the block opened at line i."""
    depth = 0
    for j in range(i, len(lines)):
        if closes(lines[j]) and j != i:
            depth -= 1
        if opens(lines[j]):
            depth += 1
        if depth == 0:
            return j
    return None


def units(lines, lo, hi):
    """Statements in lines[lo:hi] as (start, end) inclusive ranges."""
    out = []
    i = lo
    while i < hi:
        line = lines[i]
        if opens(line) and not closes(line):
            j = match_close(lines, i)
            if j is None or j >= hi:
                i += 1
                continue
            # `} else {` continues the same statement.
            while j + 1 < hi and closes(lines[j]) and opens(lines[j]):
                j = match_close(lines, j)
            out.append((i, j))
            i = j + 1
        else:
            out.append((i, i))
            i += 1
    return out


def protected(line):
    return re.match(r"^  co_return\b", line) is not None or line.startswith("#include") or \
        line.startswith("int main") or "fuzz_cancel(" in line or "block_on(" in line or "== program" in line


def ddmin_block(t, lines, lo, hi):
    """ddmin over the statements in lines[lo:hi]; returns the new lines."""
    us = [u for u in units(lines, lo, hi) if not (u[0] == u[1] and (protected(lines[u[0]]) or not lines[u[0]].strip()))]
    n = 2
    while len(us) >= 1:
        chunk = max(1, len(us) // n)
        removed = False
        for start in range(0, len(us), chunk):
            group = us[start:start + chunk]
            drop = set()
            for a, b in group:
                drop.update(range(a, b + 1))
            cand = [l for k, l in enumerate(lines) if k not in drop]
            if t.interesting(cand):
                # Re-index: the block shrank.
                removed_count = len(drop)
                lines = cand
                hi -= removed_count
                us = [u for u in units(lines, lo, hi)
                      if not (u[0] == u[1] and (protected(lines[u[0]]) or not lines[u[0]].strip()))]
                removed = True
                break
        if removed:
            n = max(n - 1, 2)
            continue
        if chunk == 1:
            break
        n = min(n * 2, len(us))
    return lines


def reduce_blocks(t, lines):
    """ddmin at the top level, then inside every block, outermost first."""
    lines = ddmin_block(t, lines, 0, len(lines))
    i = 0
    while i < len(lines):
        if opens(lines[i]):
            j = match_close(lines, i)
            if j is not None and j - i > 1:
                before = len(lines)
                lines = ddmin_block(t, lines, i + 1, j)
                if len(lines) != before:
                    continue  # look at this block again from its start
        i += 1
    return lines


def unwrap_blocks(t, lines):
    i = 0
    while i < len(lines):
        if opens(lines[i]) and not closes(lines[i]) and not lines[i].startswith(("namespace", "[[", "template", "int main", "void run")):
            j = match_close(lines, i)
            if j is not None and lines[j].strip() == "}":
                cand = lines[:i] + lines[i + 1:j] + lines[j + 1:]
                if t.interesting(cand):
                    lines = cand
                    continue
        i += 1
    return lines


def paren_groups(s):
    stack, out = [], []
    for k, c in enumerate(s):
        if c == "(":
            stack.append(k)
        elif c == ")" and stack:
            out.append((stack.pop(), k))
    out.sort(key=lambda g: g[0] - g[1])  # longest first
    return out


def simplify_exprs(t, lines):
    for i in range(len(lines)):
        changed = True
        while changed:
            changed = False
            line = lines[i]
            for a, b in paren_groups(line):
                if b - a < 4:
                    continue
                # Keep call parentheses (`f(...)`): replace only whole operands.
                if a > 0 and (line[a - 1].isalnum() or line[a - 1] in "_>"):
                    continue
                for repl in ("(1u)",):
                    cand_line = line[:a] + repl + line[b + 1:]
                    cand = lines[:i] + [cand_line] + lines[i + 1:]
                    if t.interesting(cand):
                        lines = cand
                        changed = True
                        break
                if changed:
                    break
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--kind", choices=["rejected", "tool-crash", "lowered-build", "mismatch"])
    ap.add_argument("--match", help="regex the failure's diagnostics or diff must keep matching")
    ap.add_argument("--bcsc", default=os.path.join(ROOT, "build", "bin", "bcsc"))
    ap.add_argument("--cxx", default="clang++-19")
    ap.add_argument("--sanitize", action="store_true", help="build with ASan+UBSan (rejects candidates with UB)")
    ap.add_argument("--timeout", type=int, default=10)
    ap.add_argument("--no-exprs", action="store_true", help="skip the expression simplification pass")
    args = ap.parse_args()
    args.opt = "O0"
    workdir = tempfile.mkdtemp(prefix="bcsc-reduce-")
    args.bcsc = runner.snapshot_tool(args.bcsc, workdir)
    args.cfg = runner.Config(args)
    t = Tester(args, workdir)
    lines = open(args.input).read().splitlines(True)
    if args.kind is None:
        args.kind = "mismatch"  # full builds to find out what happens
        args.kind = t.outcome("".join(lines))[0]
        t.cache.clear()
    kind, detail = t.outcome("".join(lines))
    if kind != args.kind or not t.interesting(lines):
        sys.exit("the input does not show the failure (%s):\n%s" % (kind, detail[-3000:]))
    print("reducing a %s failure: %d lines" % (args.kind, len(lines)), flush=True)
    while True:
        before = len(lines), "".join(lines)
        lines = reduce_blocks(t, lines)
        lines = unwrap_blocks(t, lines)
        if not args.no_exprs:
            lines = simplify_exprs(t, lines)
        print("  %d lines after %d tests" % (len(lines), t.n), flush=True)
        if (len(lines), "".join(lines)) == before:
            break
    with open(args.output, "w") as f:
        f.write("".join(lines))
    kind, detail = t.outcome("".join(lines))
    print("wrote %s (%d lines, %d tests); %s:\n%s" % (args.output, len(lines), t.n, kind, detail[-2000:]))


if __name__ == "__main__":
    main()
