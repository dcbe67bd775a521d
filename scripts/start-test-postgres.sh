#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the store/server tests and prints its URL.
# Installs nothing: it needs Debian's postgresql package (initdb/pg_ctl in /usr/lib/postgresql/*/bin).
# Idempotent: re-running with the same dir/port reuses a running cluster.
# Usage: scripts/start-test-postgres.sh [DIR=/tmp/tropa-pg] [PORT=5433]
#   export TEST_DATABASE_URL="$(scripts/start-test-postgres.sh)"
set -euo pipefail

dir="${1:-/tmp/tropa-pg}"
port="${2:-5433}"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "start-test-postgres: no PostgreSQL found in /usr/lib/postgresql/*/bin (install Debian's postgresql)" >&2
  exit 1
fi

# The server refuses to run as root, so the cluster belongs to the postgres user when we are root.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

mkdir -p "$dir"
if [[ "$(id -u)" == "0" ]]; then chown postgres: "$dir"; fi

if [[ ! -f "$dir/data/PG_VERSION" ]]; then
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
fi

if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
fi

echo "postgres://postgres@127.0.0.1:$port/postgres"
