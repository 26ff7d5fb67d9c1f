#!/usr/bin/env bash
# Installs what Shanzhi needs from Debian 12 (only what is missing), then configures and builds.
#
#   scripts/setup.sh              everything: the shanzhi CLI, the shanzhi-viz GUI, tests, benchmarks
#   scripts/setup.sh --headless   without the GUI and its packages
#   scripts/setup.sh --debug      Debug instead of Release
#   scripts/setup.sh --packages-only   install what is missing, build nothing
#
# A second run installs nothing and needs no network. Build output goes to build/.
set -euo pipefail
cd "$(dirname "$0")/.."

want_gui=1
packages_only=0
build_type=Release
for arg in "$@"; do
  case "$arg" in
    --gui) want_gui=1 ;;  # the default; kept for old instructions
    --headless) want_gui=0 ;;
    --debug) build_type=Debug ;;
    --packages-only) packages_only=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# Debian 12 packages for the headless build and the whole test suite.
packages=(
  build-essential cmake pkgconf git
  libboost-dev libboost-math-dev libboost-mpi-dev libboost-serialization-dev
  libopenmpi-dev openmpi-bin
  libeigen3-dev catch2 libtomlplusplus-dev libsqlite3-dev sqlite3 libcli11-dev
  librandom123-dev libpagmo-dev libbenchmark-dev
  libhdf5-dev   # shanzhi export --hdf5
  pybind11-dev python3-dev python3-numpy python3-pandas   # import shanzhi (python/)
  clang-14 libclang-rt-14-dev libomp-14-dev   # scripts/run_fuzz.sh (libFuzzer)
  gnuplot-nox fonts-wqy-microhei
  chromium   # `shanzhi brief`'s test opens the brief in headless Chromium and looks at it
)
# The GUI adds these: Dear ImGui, GLFW, OpenGL headers and Mesa's software renderer; its
# screenshot test runs under Xvfb (xauth named explicitly: xvfb only recommends it).
# cpp-httplib serves classroom mode's student pages.
gui_packages=(libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dev libgl1-mesa-dri xvfb xauth
              libcpp-httplib-dev)
[ "$want_gui" = 1 ] && packages+=("${gui_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup.sh: apt-get not found. Shanzhi builds on Debian 12; install these packages by hand:" >&2
    echo "  ${missing[*]}" >&2
    exit 1
  fi
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  echo "==> Installing ${#missing[@]} Debian packages: ${missing[*]}"
  log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${sudo_cmd[@]}" apt-get update -qq && \
         "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "setup.sh: package installation failed (full log: $log)" >&2
    exit 1
  fi
  rm -f "$log"
else
  echo "==> All ${#packages[@]} Debian packages present"
fi

[ "$packages_only" = 1 ] && exit 0

jobs=$(nproc 2>/dev/null || echo 2)
gui_flag=OFF
[ "$want_gui" = 1 ] && gui_flag=ON
echo "==> Configuring build/ ($build_type, GUI $gui_flag)"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DSHANZHI_GUI="$gui_flag" >/dev/null
echo "==> Building with $jobs jobs"
if ! cmake --build build -j "$jobs" > build/build.log 2>&1; then
  grep -E "error|Error" build/build.log | head -n 30 >&2
  echo "setup.sh: build failed (full log: build/build.log)" >&2
  exit 1
fi
grep -E "warning:" build/build.log | head -n 10 || true
echo "==> Built build/shanzhi"
[ "$want_gui" = 1 ] && [ -x build/shanzhi-viz ] && echo "==> Built build/shanzhi-viz"
true
