#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian 12 machine, only when missing.
#   scripts/install-deps.sh          build dependencies (Debian packages)
#   scripts/install-deps.sh --test   also the test tools (PostgreSQL server, Python packages)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config zlib1g-dev libsqlite3-dev libxgboost-dev librdkafka-dev)
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
    packages+=(postgresql postgresql-client)
    # The dashboard's browser test: headless Chromium driven by selenium.
    packages+=(chromium chromium-driver)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    echo "installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
    if ! python3 scripts/check-python-deps.py requirements-test.txt; then
        echo "installing Python packages from requirements-test.txt" >&2
        python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
    fi
fi
