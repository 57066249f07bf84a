#!/usr/bin/env bash
# Installs the Debian packages of scripts/packages.txt that are missing.
# Quick and silent when everything is present. When it cannot install them
# (not root and no sudo, or apt-get fails) it names the packages and the
# command that installs them, and exits 1.
#   bash scripts/deps.sh [--check] [--list FILE]
#     --check      only name what is missing (exit 1 if anything is)
#     --list FILE  another package list (the tests use it)
set -euo pipefail
cd "$(dirname "$0")/.."
list=scripts/packages.txt
install=1
while [ $# -gt 0 ]; do
  case $1 in
    --check) install=0 ;;
    --list) list=$2; shift ;;
    *) echo "usage: bash scripts/deps.sh [--check] [--list FILE]"; exit 2 ;;
  esac
  shift
done
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cannot_install() {
  echo "bcsc: missing Debian packages: ${missing[*]}"
  echo "bcsc: $1; install them with:"
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
  echo "bcsc: (or run bash scripts/bootstrap.sh as root; the list is $list)"
  exit 1
}
[ $install -eq 1 ] || cannot_install "not installing them (--check)"
command -v apt-get >/dev/null || cannot_install "apt-get is not available"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || cannot_install "not root, and sudo cannot run without a password"
  SUDO=(sudo -n)
fi
echo "bcsc: installing missing packages: ${missing[*]}"
log=$(mktemp)
if ! { "${SUDO[@]}" apt-get update -qq &&
       DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
     >"$log" 2>&1; then
  tail -15 "$log"
  rm -f "$log"
  cannot_install "apt-get failed (its last lines are above)"
fi
rm -f "$log"
