#!/usr/bin/env bash
# Regenerates the screenshots in docs/images/ from the current shanzhi-viz, under Xvfb with
# software OpenGL at 1280x800 (the classroom projector size docs/viz.md assumes), so the images
# the docs show are the window as it is now.
#
#   scripts/make_screenshots.sh            all four images (about 3 minutes on 2 cores)
#
# The inputs are made on the way into results/screenshots/ (not committed): a small
# `compare --assumptions` run for the Compare tab and the small_pareto optimization for the
# Planning tab. Each image is checked for its size and for not being blank.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in build/shanzhi build/shanzhi-viz build/viz/viz_png_check; do
  [ -x "$tool" ] || { echo "make_screenshots.sh: $tool not built (run scripts/setup.sh)" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "make_screenshots.sh: xvfb-run not found (Debian package xvfb)" >&2; exit 1; }

work=results/screenshots
mkdir -p "$work" docs/images
shot() {  # shot OUT.png ARGS...: the window after the given frames, checked
  local out=$1
  shift
  xvfb-run -a -s "-screen 0 1280x800x24" build/shanzhi-viz --width 1280 --height 800 "$@" --screenshot "$out" >/dev/null
  build/viz/viz_png_check "$out" 1280 800
  echo "==> $out"
}

# The main window during the reform on the small district, in English; and in Chinese at the
# end of the run.
shot docs/images/viz_main.png scenarios/small_district.toml --frames 400 --lang en
shot docs/images/viz_main_zh.png scenarios/small_district.toml --frames 2200 --lang zh

# The Compare tab with assumption bands: 16 draws of every assumption (the docs' figures use 64).
build/shanzhi compare scenarios/small_baseline.toml scenarios/small_district.toml -r 3 --assumptions default \
  --draws 16 --draw-replicates 2 --out "$work/uncertainty" --force >"$work/uncertainty.log" 2>&1
shot docs/images/viz_uncertainty.png scenarios/small_district.toml --frames 120 --compare \
  --open-uncertainty "$work/uncertainty" --lang en

# The Planning tab: the small_pareto optimization with evaluation 32 (the CSV's id) selected.
build/shanzhi optimize scenarios/optimize/small_pareto.toml --db "$work/small_pareto.sqlite" \
  --out "$work/small_pareto" >"$work/small_pareto.log" 2>&1
shot docs/images/viz_planning.png scenarios/small_district.toml --frames 100 --after-week -100 \
  --open-planning "$work/small_pareto.sqlite" --select-point 32 --lang en
