#!/usr/bin/env bash
# `make demo`: what runs end to end today, on the embedded defaults, nothing to configure.
# Simulates payments, trains and evaluates a model, checks drift, and registers the model as champion.
# (The streaming pipeline, `fraud demo` with the live dashboard, replaces this script when it lands.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product fraud
fraud=.build/debug/fraud
out=${FRAUD_DEMO_DIR:-demo-out}
rm -rf "$out" && mkdir -p "$out"
export FRAUD_DATABASE_URL="sqlite:$out/fraud.db"
export FRAUD_REGISTRY_DIR="$out/registry"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "simulate 8 weeks of payments for training, then 2 weeks normal and 2 weeks drifted"
$fraud simulate --rows 160000 --seed 7 --start 2020-06-21 --out "$out/train.csv"
$fraud simulate --rows 40000 --seed 8 --start 2020-08-20 --out "$out/recent.csv"
$fraud simulate --rows 40000 --seed 9 --start 2020-08-20 --drift amount-shift@2020-08-20 --drift category-mix@2020-08-20 --out "$out/drifted.csv"

step "what the training file holds"
$fraud inspect --data "$out/train.csv"

step "train gradient-boosted trees (XGBoost) with per-card velocity features"
$fraud train --data "$out/train.csv" --out "$out/model"

step "evaluate on the later two weeks"
$fraud evaluate --model "$out/model" --data "$out/recent.csv" --html "$out/evaluation.html"

step "drift: recent vs training, then drifted vs training"
$fraud drift --reference "$out/train.csv" --current "$out/recent.csv"
$fraud drift --reference "$out/train.csv" --current "$out/drifted.csv" --html "$out/drift.html"

step "register the model and make it champion"
$fraud models import "$out/model" --description "demo model"
$fraud models promote 1 --reason "demo: first champion"
$fraud models list

printf '\nReports: %s/evaluation.html, %s/drift.html; database: %s/fraud.db\n' "$out" "$out" "$out"
