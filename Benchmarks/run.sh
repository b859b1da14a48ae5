#!/usr/bin/env bash
# One command for the whole benchmark: installs the tools it compares with when missing (cmark, hugo, mkdocs), builds
# ReplicaLab in release mode, generates the corpora and measures everything side by side. Options go to bench.py, e.g.
#   Benchmarks/run.sh                      # 10, 100, 500, 1000 lessons; growth; engine (about half an hour)
#   Benchmarks/run.sh --sizes 10,100 --steps 10,1000 --records 10,1000 --runs 3   # a quick look
#   Benchmarks/run.sh --sizes 100,1000 --runs 3 --large-runs 1 --no-engine        # the course goals only
# Results: Benchmarks/results/results.md, results.json, chart.svg.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v cmark >/dev/null || missing+=(cmark)
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_if_needed apt-get update -q
  sudo_if_needed apt-get install -y -q "${missing[@]}"
fi
command -v mkdocs >/dev/null || python3 -m pip install -q mkdocs

scripts/bootstrap.sh
swift build -c release --product replicalab
case " $* " in
  *" --no-engine "*) ;;
  *) swift build -c release --product ReplicaLabBenchmarks ;;
esac
# The growth runs go far beyond the caps a lesson runs under (100,000-step scenarios); raise them for this run only.
export REPLICALAB_LIMIT_SCALE=1000
exec python3 Benchmarks/bench.py "$@"
