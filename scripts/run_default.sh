#!/usr/bin/env bash
# One command for a new user: install what is missing, build, and run the default scenario
# (Guangling district, 336,000 residents, one burn-in year and five reform years).
# The summary is printed; the files go to results/runs/… (results/latest points at them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "==> Running scenarios/guangling.toml"
build/shanzhi run scenarios/guangling.toml "$@"
