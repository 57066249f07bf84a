#!/usr/bin/env bash
# The CMake package: find_package(bcsc CONFIG) + bcsc_generate, used by the
# separate project examples/consumer exactly as a user would.
#   bash tests/integration/cmake_package.sh [out-dir]   (default build/integration/cmake)
# BCSC_BUILD_DIR: the bcsc build tree to test (default build/; it is
# re-configured if it predates cmake/install.cmake, and its bcsc target built).
#
# For each package (the build tree itself, and `cmake --install` into a
# prefix) and each generator (Ninja, Unix Makefiles):
#   <pkg>-<gen>-configure, -build, -run   the consumer builds and runs; its
#                                         async source was lowered by bcsc
#   <pkg>-<gen>-separate                  separate compilation: the library
#                                         `sensors` exports read_sensor (its
#                                         export header was written), tasks.cpp
#                                         embeds its frame (the lowering read
#                                         sensor.bcsc.hpp) and main.cpp runs it
#   <pkg>-<gen>-header-relowers           touching a header the async source
#                                         includes lowers it again (depfile)
#   <pkg>-<gen>-export-relowers           touching the header that declares
#                                         read_sensor lowers sensor.cpp and
#                                         tasks.cpp again
#   <pkg>-<gen>-no-relower                a second build does nothing; touching
#                                         a header only main.cpp includes
#                                         rebuilds main.cpp, not the lowering
# and install-layout: bin/bcsc, include/bcsc/**, lib/cmake/bcsc/*.
set -uo pipefail
cd "$(dirname "$0")/../.."
source tests/integration/common.sh
out=${1:-build/integration/cmake}
mkdir -p "$out"
out=$(cd "$out" && pwd)
pkg_build=${BCSC_BUILD_DIR:-build}
pkg_build=$(cd "$pkg_build" 2>/dev/null && pwd) || { fail package-build-tree; finish; }

# --- the bcsc build tree ------------------------------------------------------
if [ ! -f "$pkg_build/bcsc-config.cmake" ]; then
  cmake "$pkg_build" >"$out/reconfigure.log" 2>&1 || { tail -20 "$out/reconfigure.log"; fail package-build-tree; finish; }
fi
if cmake --build "$pkg_build" --target bcsc -j "$jobs" >"$out/bcsc-build.log" 2>&1 &&
   [ -f "$pkg_build/bcsc-config.cmake" ] && [ -f "$pkg_build/bcscTargets.cmake" ]; then
  pass package-build-tree
else
  tail -20 "$out/bcsc-build.log"; fail package-build-tree; finish
fi

# --- install into a prefix ----------------------------------------------------
prefix=$out/prefix
rm -rf "$prefix"
if cmake --install "$pkg_build" --prefix "$prefix" >"$out/install.log" 2>&1; then
  pass install
else
  tail -20 "$out/install.log"; fail install
fi
install_layout() {
  local f ok=0
  for f in bin/bcsc include/bcsc/bcsc.hpp include/bcsc/frame_support.hpp include/bcsc/host/host.hpp \
           include/bcsc/port/cortex_m3.hpp lib/cmake/bcsc/bcsc-config.cmake \
           lib/cmake/bcsc/bcsc-config-version.cmake lib/cmake/bcsc/bcscTargets.cmake \
           lib/cmake/bcsc/BcscGenerate.cmake; do
    [ -e "$prefix/$f" ] || { echo "missing: $f"; ok=1; }
  done
  local usage
  usage=$("$prefix/bin/bcsc" 2>&1)  # usage text, non-zero status
  grep -q 'usage: bcsc' <<<"$usage" || { echo "installed bcsc does not run: $usage"; ok=1; }
  return $ok
}
check install-layout install_layout

# --- the consumer -----------------------------------------------------------
# A private copy of the project, so that touching its headers changes nothing
# in the repository.
src=$out/consumer-src
rm -rf "$src"
cp -r examples/consumer "$src"

consumer() {  # consumer NAME GENERATOR PACKAGE-ARGS...
  local name=$1 gen=$2; shift 2
  local dir=$out/$name
  rm -rf "$dir"
  if cmake -S "$src" -B "$dir" -G "$gen" -DCMAKE_CXX_COMPILER=clang++-19 "$@" >"$dir.configure.log" 2>&1; then
    pass "$name-configure"
  else
    tail -20 "$dir.configure.log"; fail "$name-configure"; return
  fi
  grep -F -- "-- bcsc " "$dir.configure.log"
  if cmake --build "$dir" -j "$jobs" >"$dir.build.log" 2>&1; then
    pass "$name-build"
  else
    tail -30 "$dir.build.log"; fail "$name-build"; return
  fi
  if "$dir/consumer" >"$dir.run.log" 2>&1 && grep -qx "lowered: yes" "$dir.run.log" &&
     grep -qx "scaled_sum(10) = 138" "$dir.run.log" && grep -qx "consumer of the bcsc package (consumer)" "$dir.run.log"; then
    pass "$name-run"
  else
    cat "$dir.run.log"; fail "$name-run"
  fi
  # Separate compilation: async functions called from other files and targets.
  if grep -q "Lowering sensor.cpp" "$dir.build.log" &&
     grep -q "bcsc_frame_read_sensor_[0-9a-f]* read_sensor(int channel);" "$dir/bcsc/sensors/sensor.bcsc.hpp" &&
     grep -q "bcsc_frame_scaled_sum_[0-9a-f]* scaled_sum(int n);" "$dir/bcsc/consumer/tasks.bcsc.hpp" &&
     grep -q "bcsc/sensors/sensor.bcsc.hpp" "$dir/bcsc/consumer/tasks.cpp.d" &&
     grep -qx "block_on(scaled_sum(10)) = 138" "$dir.run.log" && grep -qx "read_sensor(5) = 5" "$dir.run.log"; then
    pass "$name-separate"
  else
    cat "$dir.run.log"; fail "$name-separate"
  fi
  # Depfile: a header the async source includes.
  touch "$src/include/consumer/config.hpp"
  cmake --build "$dir" -j "$jobs" >"$dir.touch-header.log" 2>&1
  if grep -q "Lowering tasks.cpp" "$dir.touch-header.log"; then
    pass "$name-header-relowers"
  else
    cat "$dir.touch-header.log"; fail "$name-header-relowers"
  fi
  # The header that declares the exported read_sensor: its definer and its
  # awaiter are lowered again.
  touch "$src/include/consumer/sensor.hpp"
  cmake --build "$dir" -j "$jobs" >"$dir.touch-export.log" 2>&1
  if grep -q "Lowering sensor.cpp" "$dir.touch-export.log" && grep -q "Lowering tasks.cpp" "$dir.touch-export.log" &&
     "$dir/consumer" >/dev/null 2>&1; then
    pass "$name-export-relowers"
  else
    cat "$dir.touch-export.log"; fail "$name-export-relowers"
  fi
  # Nothing to do now; then a header the async source does not include.
  cmake --build "$dir" -j "$jobs" >"$dir.again.log" 2>&1
  touch "$src/include/consumer/unrelated.hpp"
  cmake --build "$dir" -j "$jobs" >"$dir.touch-unrelated.log" 2>&1
  if ! grep -q "Lowering" "$dir.again.log" "$dir.touch-unrelated.log" &&
     grep -q "main.cpp" "$dir.touch-unrelated.log"; then
    pass "$name-no-relower"
  else
    echo "--- second build:"; cat "$dir.again.log"; echo "--- after touching unrelated.hpp:"; cat "$dir.touch-unrelated.log"
    fail "$name-no-relower"
  fi
}

for gen in Ninja "Unix Makefiles"; do
  tag=$( [ "$gen" = Ninja ] && echo ninja || echo make )
  consumer "buildtree-$tag" "$gen" "-Dbcsc_DIR=$pkg_build"
  consumer "install-$tag" "$gen" "-DCMAKE_PREFIX_PATH=$prefix"
done

# The installed package must use the installed tool and headers.
uses_install() {
  grep -q "bcsc_DIR:PATH=$prefix/lib/cmake/bcsc" "$out/install-ninja/CMakeCache.txt" &&
    grep -q "$prefix/include/bcsc/bcsc.hpp" "$out/install-ninja/bcsc/consumer/tasks.cpp.d" &&
    grep -q "$prefix/bin/bcsc" "$out/install-ninja/build.ninja"
}
check install-uses-prefix uses_install
finish
