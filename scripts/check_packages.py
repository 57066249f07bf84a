#!/usr/bin/env python3
"""Fails, naming the package, when a file that bcsc's build or tests use
comes from a Debian package that the install step does not install.

The install step (scripts/deps.sh) installs scripts/packages.txt with
--no-install-recommends, onto a Debian base system. So a package is covered
when it is listed, when it is a Depends/Pre-Depends of a covered package, or
when it is in the base system (Essential, or Priority: required, which is
what debootstrap's minbase has). A file is used when:
  - it is a command the scripts and lit tests run (COMMANDS below);
  - it is an include directory of a compiler the tests use (-v);
  - a compiler reads it for a source the tests build (-M), or the linker
    opens it for a program the tests link (-Wl,-t);
  - the host build read it (ninja's deps log) or links it (build.ninja).
Each file is mapped to its package with dpkg -S. The script prints one
FAIL line per uncovered package with the files that need it, and ends with
"N passed, M failed" (one check per package used).

    python3 scripts/check_packages.py [--build-dir build] [--list FILE]
                                      [--without PACKAGE]...
--without drops a package from the list, to show that the check would fail
if it were missing (tests/packages/run.sh does).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Where a fresh Debian machine's commands are: /usr/local and ~/.pyenv and
# the like are not, so a command found only there is reported.
DEBIAN_PATH = os.pathsep.join(["/usr/lib/llvm-19/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"])

# The commands that scripts/, tests/ and bench/ run, and who runs them. Add a
# line here when a script starts using a new program.
COMMANDS = [
    ("clang-19", "scripts/build.sh (C compiler)"),
    ("clang++-19", "the build, lit tests, fuzzing, integration tests"),
    ("clang-format-19", "docs and bench (formatting the lowered output)"),
    ("clang-tidy-19", "bench/tidy_compare"),
    ("cmake", "the build and the CMake-package integration test"),
    ("ctest", "scripts/test.sh"),
    ("ninja", "the build"),
    ("make", "integration test cmake_package.sh (the Unix Makefiles generator)"),
    ("ld", "clang++-19 links with it"),
    ("python3", "lit, fuzzing, bench"),
    ("FileCheck", "lit tests"),
    ("not", "lit tests"),
    ("count", "lit tests"),
    ("dot", "lit test driver/state_graph.cpp"),
    ("arm-none-eabi-g++", "Cortex-M3 tests and the demo"),
    ("arm-none-eabi-size", "Cortex-M3 tests and the demo"),
    ("arm-none-eabi-nm", "Cortex-M3 tests and the demo (no-heap check)"),
    ("qemu-system-arm", "Cortex-M3 tests and the demo"),
    ("gdb", "integration test gdb_line.sh"),
    ("valgrind", "bench (instruction counts)"),
    ("timeout", "Cortex-M3 tests"),
    ("diff", "Cortex-M3 tests"),
    ("awk", "the scripts"),
    ("sed", "the scripts"),
    ("find", "the scripts"),
    ("setpriv", "tests/packages/run.sh (deps.sh as a user who cannot install)"),
]
OTHER_FILES = [
    ("/usr/lib/llvm-19/build/utils/lit/lit.py", "scripts/test.sh (lit)"),
]

ARM_FLAGS = ["-mcpu=cortex-m3", "-mthumb", "-fno-exceptions", "-fno-rtti", "-I", "runtime/include"]
ARM_PORT = "runtime/port/cortex-m3"
# Sources the tests compile for the Cortex-M3, with the flags they use.
ARM_SOURCES = [
    (["-std=c++17", "-I", ARM_PORT], "tests/cortexm/app.cpp"),
    (["-std=c++17", "-I", ARM_PORT], ARM_PORT + "/startup.cpp"),
    (["-std=c++17", "-I", ARM_PORT, "-I", "examples/robot"], "examples/robot/main_cortexm.cpp"),
    (["-std=c++20"], "tests/unit/runtime/freestanding_tu.cpp"),
]
ARM_LINK = ["-nostartfiles", "--specs=rdimon.specs", "-T", ARM_PORT + "/link.ld"]
# Host programs linked with runtimes the tests use: sanitizers, libFuzzer.
HOST_LINKS = [
    ["-fsanitize=address,undefined"],
    ["-fsanitize=thread"],
    ["-fsanitize=fuzzer"],
]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=ROOT, **kw)


class Uses:
    """What is used: path -> reasons; and problems that name no package."""

    def __init__(self):
        self.paths = {}
        self.problems = []

    def add(self, path, reason):
        self.paths.setdefault(path, []).append(reason)


def find_command(name):
    return shutil.which(name, path=DEBIAN_PATH)


def collect_commands(uses):
    for name, who in COMMANDS:
        path = find_command(name)
        if path:
            uses.add(path, "command %s (%s)" % (name, who))
        else:
            uses.problems.append("command %s (%s) is not installed in %s" % (name, who, DEBIAN_PATH))
    for path, who in OTHER_FILES:
        if os.path.exists(path):
            uses.add(path, who)
        else:
            uses.problems.append("%s (%s) does not exist" % (path, who))


def include_dirs(compiler, flags):
    """The <...> search list a compiler prints with -v."""
    out = run([compiler] + flags + ["-x", "c++", "-E", "-v", "-"], input="")
    text = out.stderr
    start = text.find("#include <...> search starts here:")
    end = text.find("End of search list.")
    if start < 0 or end < 0:
        return None
    return [line.strip() for line in text[start:end].splitlines()[1:] if line.strip().startswith("/")]


def make_deps(text):
    """The prerequisites of a make rule, as -M prints it."""
    body = text.replace("\\\n", " ")
    _, _, prereqs = body.partition(":")
    return [p for p in prereqs.split() if p != "\\"]


def collect_compiler(uses, compiler, base_flags, sources, link_flags, what):
    if not find_command(compiler):
        return  # reported as a command
    dirs = include_dirs(compiler, base_flags)
    if dirs is None:
        uses.problems.append("%s -v printed no include search list" % compiler)
        dirs = []
    for d in dirs:
        uses.add(d, "%s include directory (%s)" % (compiler, what))
    for flags, src in sources:
        out = run([compiler] + base_flags + flags + ["-M", src])
        if out.returncode != 0:
            first = next((l for l in out.stderr.splitlines() if "error" in l), out.stderr.strip()[:200])
            uses.problems.append("%s cannot preprocess %s: %s" % (compiler, src, first))
            continue
        for p in make_deps(out.stdout):
            if os.path.isabs(p):
                uses.add(p, "%s header of %s" % (compiler, src))
    with tempfile.TemporaryDirectory() as tmp:
        for flags, src in link_flags:
            exe = os.path.join(tmp, "a.out")
            out = run([compiler] + base_flags + flags + [src, "-Wl,-t", "-o", exe])
            if out.returncode != 0:
                first = next((l for l in out.stderr.splitlines() if "error" in l), out.stderr.strip()[:200])
                uses.problems.append("%s cannot link %s %s: %s" % (compiler, " ".join(flags), src, first))
                continue
            for line in out.stdout.splitlines() + out.stderr.splitlines():
                # ld -t prints an archive member as "lib.a(member.o)".
                path = re.sub(r"\(.*\)$", "", line.strip())
                if os.path.isabs(path) and os.path.exists(path) and not path.startswith(tmp):
                    uses.add(path, "linked by %s %s" % (compiler, " ".join(flags)))


def collect_arm(uses):
    links = [(["-std=c++17", "-I", ARM_PORT] + ARM_LINK + [ARM_PORT + "/startup.cpp"], "tests/cortexm/app.cpp")]
    collect_compiler(uses, "arm-none-eabi-g++", ARM_FLAGS, ARM_SOURCES, links, "Cortex-M3")


def collect_host(uses):
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.cpp")
        with open(probe, "w") as f:
            f.write("#include <cstddef>\n#include <cstdint>\n"
                    "extern \"C\" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n"
                    "#ifndef FUZZ\nint main() {}\n#endif\n")
        links = []
        for flags in HOST_LINKS:
            links.append((flags + (["-DFUZZ"] if "fuzzer" in flags[0] else []), probe))
        collect_compiler(uses, "clang++-19", ["-std=c++17"], [([], probe)], links, "host")
        # The probe itself is not a system file.
        uses.paths.pop(probe, None)


def collect_build(uses, build_dir):
    """Every system header the host build read, every system library it links."""
    ninja_file = os.path.join(build_dir, "build.ninja")
    if not os.path.exists(ninja_file):
        uses.problems.append("%s not found: build first (scripts/build.sh), or pass --build-dir" % ninja_file)
        return
    out = run(["ninja", "-C", build_dir, "-t", "deps"]) if find_command("ninja") else None
    if out is None or out.returncode != 0:
        uses.problems.append("ninja -t deps failed in %s" % build_dir)
    else:
        for line in out.stdout.splitlines():
            p = line.strip()
            if line.startswith(" ") and p.startswith("/") and not p.startswith(ROOT + "/"):
                uses.add(p, "header read by the host build (%s)" % build_dir)
    with open(ninja_file) as f:
        for line in f:
            if line.strip().startswith("LINK_LIBRARIES"):
                for tok in line.split("=", 1)[1].split():
                    p = tok.split(",")[-1]  # -Wl,--whole-archive,/path
                    if p.startswith("/usr/") and os.path.exists(p):
                        uses.add(p, "library linked by the host build (%s)" % build_dir)


def usrmerge_variants(path):
    """Debian 12 merges /bin into /usr/bin; dpkg may know either name."""
    for top in ("/bin/", "/sbin/", "/lib/", "/lib64/"):
        if path.startswith(top):
            return [path, "/usr" + path]
        if path.startswith("/usr" + top):
            return [path, path[4:]]
    return [path]


def owners(paths):
    """path -> set of packages owning it (by its name, or by where it leads)."""
    candidates = {}
    for p in paths:
        names = []
        for n in (os.path.normpath(p), os.path.realpath(p)):
            for v in usrmerge_variants(n):
                if v not in names:
                    names.append(v)
        candidates[p] = names
    every = sorted({n for names in candidates.values() for n in names})
    found = {}
    for i in range(0, len(every), 500):
        out = run(["dpkg", "-S"] + every[i:i + 500])
        for line in out.stdout.splitlines():
            if line.startswith("diversion "):
                continue
            pkgs, sep, path = line.partition(": ")
            if sep:
                found.setdefault(path, set()).update(p.strip().split(":")[0] for p in pkgs.split(","))
    result = {}
    for p, names in candidates.items():
        result[p] = set()
        for n in names:
            result[p] |= found.get(n, set())
    return result


def installed_packages():
    """name -> (base?, direct dependencies) for every installed package."""
    fmt = "${Package}\t${db:Status-Abbrev}\t${Essential}\t${Priority}\t${Provides}\t${Pre-Depends}, ${Depends}\n"
    out = run(["dpkg-query", "-W", "-f", fmt])
    info, provides = {}, {}
    for line in out.stdout.splitlines():
        name, status, essential, priority, prov, deps = line.split("\t")
        if not status.startswith("ii"):
            continue
        alternatives = []
        for dep in deps.split(","):
            alts = [re.sub(r"[\s(].*", "", a.strip()).split(":")[0] for a in dep.split("|")]
            alts = [a for a in alts if a]
            if alts:
                alternatives.append(alts)
        info[name] = (essential == "yes" or priority == "required", alternatives)
        for v in prov.split(","):
            v = re.sub(r"[\s(].*", "", v.strip())
            if v:
                provides.setdefault(v, set()).add(name)
    return info, provides


def covered_set(listed, info, provides):
    """The listed packages and everything apt installs for them."""
    covered = set()
    todo = [p for p in listed if p in info]
    while todo:
        p = todo.pop()
        if p in covered:
            continue
        covered.add(p)
        for alts in info[p][1]:
            # apt takes the first alternative it can; any installed one counts.
            for a in alts:
                for real in ([a] if a in info else []) + sorted(provides.get(a, ())):
                    if real not in covered:
                        todo.append(real)
    return covered


def pulled_in_by(pkg, info):
    """Installed packages that depend on pkg (why it is here, if not listed)."""
    return sorted(name for name, (_, deps) in info.items() if any(pkg in alts for alts in deps))


def read_list(path):
    with open(path) as f:
        return [l.split("#")[0].strip() for l in f if l.split("#")[0].strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", default=os.path.join(ROOT, "scripts", "packages.txt"))
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    ap.add_argument("--without", action="append", default=[], metavar="PACKAGE")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every package used and why")
    args = ap.parse_args()
    list_name = os.path.relpath(args.list, ROOT)

    listed = [p for p in read_list(args.list) if p not in args.without]
    info, provides = installed_packages()
    covered = covered_set(listed, info, provides)

    uses = Uses()
    collect_commands(uses)
    collect_arm(uses)
    collect_host(uses)
    collect_build(uses, os.path.abspath(args.build_dir))
    by_path = owners(list(uses.paths))

    # A path several packages own (a directory, mostly) is used through the
    # ones the install step covers; it needs a package only if none is.
    needed = {}  # package -> paths
    used = set()
    unowned = []
    for path, pkgs in by_path.items():
        via = {p for p in pkgs if p in covered} or {p for p in pkgs if info.get(p, (False,))[0]}
        if via:
            used |= via
        elif pkgs:
            for p in pkgs:
                needed.setdefault(p, []).append(path)
        else:
            unowned.append(path)
    used |= set(needed)

    passed = failed = 0
    for pkg in sorted(used):
        if pkg in needed:
            continue
        passed += 1
        if args.verbose:
            how = "listed" if pkg in listed else "dependency" if pkg in covered else "base system"
            print("ok: %s (%s)" % (pkg, how))
    for pkg in sorted(needed):
        failed += 1
        via = [p for p in pulled_in_by(pkg, info) if p in info]
        print("FAIL: package %s is used, but %s neither lists it nor installs it as a dependency%s; used for:"
              % (pkg, list_name, "; here it is installed for " + ", ".join(via) if via else ""))
        paths = sorted(needed[pkg])
        for path in paths[:5]:
            print("    %s  (%s)" % (path, uses.paths[path][0]))
        if len(paths) > 5:
            print("    ... and %d more files" % (len(paths) - 5))
    for problem in uses.problems:
        failed += 1
        print("FAIL: " + problem)
    system_unowned = [p for p in unowned if not os.path.isdir(p) and not p.startswith(("/tmp/", ROOT + "/"))]
    for path in sorted(system_unowned)[:10]:
        print("note: %s is in no Debian package (%s)" % (path, uses.paths[path][0]))
    unused = [p for p in listed if p not in used]
    if unused:
        print("note: listed, but no file checked here comes from: %s" % " ".join(unused))
    print("%d packages provide the %d files used: %d listed in %s, %d installed as their dependencies, "
          "%d in the base system" % (len(used), len(by_path), len(used & set(listed)), list_name,
                                     len(used & (covered - set(listed))),
                                     len({p for p in used - covered if info.get(p, (False,))[0]})))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
