#!/usr/bin/env bash
# Stops a cluster started by start-test-postgres.sh: stop-test-postgres.sh DIR
set -eu
dir=${1:?usage: stop-test-postgres.sh DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then su postgres -c "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null
  else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; fi
fi
