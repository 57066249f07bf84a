#!/usr/bin/env bash
# Installs the Debian packages bcsc needs, if any are missing. Quick and
# silent when everything is present.
set -euo pipefail
packages=(
  clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev llvm-19-tools libclang-rt-19-dev
  clang-format-19 clang-tidy-19
  libfmt-dev libgtest-dev googletest libbenchmark-dev ninja-build cmake gdb
  qemu-system-arm gcc-arm-none-eabi libnewlib-arm-none-eabi
  graphviz valgrind liburing-dev python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "bcsc: installing missing packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
