#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks,
# and prints its URL. Data lives in $FRAUD_PG_DIR (default /tmp/fraud-pg); fsync is off. Every role logs in
# without a password (trust) except fraud_password_test, which tests of refused logins create with one.
#   scripts/postgres.sh start    ->  postgres://postgres@127.0.0.1:55432/postgres
#   scripts/postgres.sh stop
set -euo pipefail
directory=${FRAUD_PG_DIR:-/tmp/fraud-pg}
port=${FRAUD_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$bin" ]] || { echo "PostgreSQL server binaries not found: run scripts/install-deps.sh --test" >&2; exit 1; }

as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Puts the password rule for fraud_password_test first in pg_hba.conf (rules apply in order, before the trust ones);
# succeeds only when it had to add it.
require_password_rule() {
    local hba="$directory/data/pg_hba.conf" rule="host all fraud_password_test 127.0.0.1/32 scram-sha-256"
    [[ -f "$hba" ]] && ! grep -qF "$rule" "$hba" || return 1
    as_owner sh -c 'printf "%s\n" "$1" | cat - "$2" > "$2.new" && cat "$2.new" > "$2" && rm "$2.new"' _ "$rule" "$hba"
}

case "${1:-start}" in
start)
    if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        mkdir -p "$directory"
        [[ $(id -u) == 0 ]] && chown postgres "$directory"
        if [[ ! -f "$directory/data/PG_VERSION" ]]; then
            as_owner "$bin/initdb" -D "$directory/data" -A trust -U postgres >/dev/null
        fi
        require_password_rule || true
        as_owner "$bin/pg_ctl" -D "$directory/data" -l "$directory/log" -w \
            -o "-p $port -k $directory -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    elif require_password_rule; then
        as_owner "$bin/pg_ctl" -D "$directory/data" reload >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bin/pg_ctl" -D "$directory/data" -m fast stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
