#!/usr/bin/env bash
# Smoke test of shanzhi-viz under Xvfb with software OpenGL: render frames while the simulation
# runs, write a screenshot, and check it is the window's size and not blank.
#   screenshot_smoke.sh SHANZHI_VIZ PNG_CHECK OUT.png LANG SCENARIO
set -euo pipefail
viz=$1 check=$2 out=$3 lang=$4 scenario=$5
rm -f "$out"
xvfb-run -a -s "-screen 0 1280x800x24" "$viz" --frames 40 --screenshot "$out" --lang "$lang" "$scenario"
"$check" "$out" 1280 800
