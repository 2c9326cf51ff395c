#!/usr/bin/env bash
# `make demo`: the whole pipeline in one process on the embedded defaults, nothing to configure.
# `fraud demo` trains a first XGBoost model on simulated payments when the registry has no champion,
# then streams simulated payments through source -> scorer -> writer (SQLite), with the alerter, the monitor
# and the HTTP API/dashboard (http://127.0.0.1:${FRAUD_DEMO_PORT:-8080}/), for FRAUD_DEMO_SECONDS (default 60),
# printing payments/s, frauds, alerts and p99 latency every second.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product fraud
fraud=.build/debug/fraud
out=${FRAUD_DEMO_DIR:-demo-out}
rm -rf "$out" && mkdir -p "$out"
export FRAUD_DATABASE_URL="sqlite:$out/fraud.db"
export FRAUD_REGISTRY_DIR="$out/registry"
export FRAUD_BUS="embedded:$out/bus"

$fraud demo --duration "${FRAUD_DEMO_SECONDS:-60}" --rate "${FRAUD_DEMO_RATE:-1000}" --port "${FRAUD_DEMO_PORT:-8080}"
printf '\nStored payments: %s/fraud.db (try: %s models list)\n' "$out" "$fraud"
