#!/usr/bin/env bash
# `make bench`: builds in release and prints one table of figures, each next to its reference
# measured in the same run. Needs the full-size stand-in data (FRAUD_BENCH_DATA, default
# ../shared/data/fraudTest-standin.csv.gz). Pass benchmark names to run only those.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
export FRAUD_BENCH_POSTGRES_URL=${FRAUD_BENCH_POSTGRES_URL:-$(scripts/postgres.sh start)}
swift build -c release --product fraud-bench
swift build -c release --product fraud
mkdir -p bench-out
.build/release/fraud-bench "$@" | tee bench-out/results.md
