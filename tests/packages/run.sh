#!/usr/bin/env bash
# The install step's package list can never silently miss a package:
#   - scripts/check_packages.py fails, naming the package, when a package
#     that provides files the build or tests use is dropped from the list;
#   - scripts/deps.sh names the packages to install when it cannot install
#     them (not root, no sudo), instead of a build failing later.
# Prints one "PASS: <check>" / "FAIL: <check>" line per check.
set -uo pipefail
cd "$(dirname "$0")/../.."
source tests/integration/common.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Each of these provides files that only it provides (and that no other
# listed package depends on): dropping it must fail the check, by name.
dropped=(libstdc++-arm-none-eabi-newlib qemu-system-arm gdb graphviz libclang-rt-19-dev liburing-dev
         valgrind clang-tidy-19 make)
without=()
for p in "${dropped[@]}"; do without+=(--without "$p"); done
python3 scripts/check_packages.py "${without[@]}" >"$tmp/dropped.out" 2>&1
status=$?
if [ "$status" -eq 1 ]; then pass "check-fails-when-packages-are-dropped"; else
  cat "$tmp/dropped.out"; fail "check-fails-when-packages-are-dropped (exit $status)"; fi
for p in "${dropped[@]}"; do
  if grep -q "^FAIL: package $p is used, but scripts/packages.txt neither lists it" "$tmp/dropped.out"; then
    pass "check-names-$p"
  else
    fail "check-names-$p"
  fi
done
if grep -q "libstdc++.a  (linked by arm-none-eabi-g++" "$tmp/dropped.out"; then
  pass "check-shows-the-file-and-its-use"
else
  head -20 "$tmp/dropped.out"; fail "check-shows-the-file-and-its-use"
fi

# deps.sh run by a user who cannot install: it names the package and the
# apt-get command. As root, the run is made as nobody.
printf 'cmake\nbcsc-test-no-such-package\n' >"$tmp/list.txt"
chmod -R a+rX "$tmp"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
"${as_user[@]}" bash scripts/deps.sh --list "$tmp/list.txt" >"$tmp/deps.out" 2>&1
status=$?
if [ "$status" -eq 1 ] &&
   grep -q "^bcsc: missing Debian packages: bcsc-test-no-such-package$" "$tmp/deps.out" &&
   grep -q "sudo apt-get install --no-install-recommends bcsc-test-no-such-package" "$tmp/deps.out"; then
  pass "deps-names-the-missing-package"
else
  cat "$tmp/deps.out"; fail "deps-names-the-missing-package (exit $status)"
fi
if bash scripts/deps.sh --check >"$tmp/check.out" 2>&1; then pass "deps-all-installed"; else
  cat "$tmp/check.out"; fail "deps-all-installed"; fi
finish
