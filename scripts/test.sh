#!/usr/bin/env bash
# The test command (`make test`): installs what is missing, starts PostgreSQL on 127.0.0.1,
# builds with the async-overload warning treated as an error, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
export FRAUD_TEST_POSTGRES_URL=${FRAUD_TEST_POSTGRES_URL:-$(scripts/postgres.sh start)}
echo "PostgreSQL for tests: $FRAUD_TEST_POSTGRES_URL" >&2

mkdir -p .build
swift build --build-tests 2>&1 | tee .build/test-build.log
status=${PIPESTATUS[0]}
# NIO offers future and async overloads; a silently chosen future overload only shows as this warning.
if grep -q "no 'async' operations occur within 'await' expression" .build/test-build.log; then
    echo "error: the compiler warned \"no 'async' operations occur within 'await' expression\" (see above); this is an error here" >&2
    exit 1
fi
[[ $status == 0 ]] || exit "$status"
swift test --skip-build "$@"
