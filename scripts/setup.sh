#!/usr/bin/env bash
# Install what Shanzhi needs from Debian 12 (only what is missing), then configure and build.
#
#   scripts/setup.sh            headless build (CLI, libraries, tests, benchmarks)
#   scripts/setup.sh --gui      also the Dear ImGui front end (shanzhi-viz)
#
# A second run installs nothing and needs no network. Build output goes to build/.
set -euo pipefail
cd "$(dirname "$0")/.."

want_gui=0
build_type=Release
for arg in "$@"; do
  case "$arg" in
    --gui) want_gui=1 ;;
    --debug) build_type=Debug ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# Packages for the headless build and the test suite.
packages=(
  build-essential cmake pkgconf git
  libboost-dev libboost-math-dev libboost-mpi-dev libboost-serialization-dev
  libopenmpi-dev openmpi-bin
  libeigen3-dev catch2 libtomlplusplus-dev libsqlite3-dev libcli11-dev
  librandom123-dev libpagmo-dev libbenchmark-dev
  gnuplot-nox fonts-wqy-microhei
)
# The GUI adds these (the screenshot smoke test runs under Xvfb).
gui_packages=(libimgui-dev libstb-dev libglfw3-dev libgl-dev xvfb xauth)
if [ "$want_gui" = 1 ] || [ "${SHANZHI_GUI:-0}" = 1 ]; then
  packages+=("${gui_packages[@]}")
  want_gui=1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "==> All Debian packages present"
fi

jobs=$(nproc 2>/dev/null || echo 2)
echo "==> Configuring (build/, $build_type)"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DSHANZHI_GUI="$([ "$want_gui" = 1 ] && echo ON || echo OFF)" >/dev/null
echo "==> Building with $jobs jobs"
cmake --build build -j "$jobs" 2>&1 | grep -E "error|warning|Error" || true
# Fail if the build failed (grep above hides the exit status).
cmake --build build -j "$jobs" >/dev/null
echo "==> Build ready: build/shanzhi"
