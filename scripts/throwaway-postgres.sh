#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suite (.ci/run; by hand the same way).
#
#   url=$(bash scripts/throwaway-postgres.sh start DIR)   # prints the URL for QUOTEWIRE_TEST_POSTGRES_URL
#   bash scripts/throwaway-postgres.sh stop DIR
#
# start installs Debian's postgresql-15 when its binaries are missing (needs root and apt-get), runs
# initdb in DIR/data as the `postgres` user when started as root (PostgreSQL refuses to run as root),
# and listens on 127.0.0.1 only, port QUOTEWIRE_TEST_POSTGRES_PORT (default 55433), trust auth,
# fsync off (the data is thrown away). Any failure exits non-zero with the reason on stderr.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a directory for the cluster}
port=${QUOTEWIRE_TEST_POSTGRES_PORT:-55433}
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  if [ ! -x "$bin/initdb" ]; then
    [ "$(id -u)" = 0 ] || { echo "PostgreSQL 15 is not installed and only root can install it" >&2; exit 1; }
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15; } >&2 \
      || { echo "apt-get could not install postgresql-15" >&2; exit 1; }
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U quotewire --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "initdb failed:" >&2; tail -5 "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 \
    || { echo "PostgreSQL did not start:" >&2; tail -5 "$dir/server.log" >&2; exit 1; }
  echo "postgresql+psycopg://quotewire@127.0.0.1:$port/postgres"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2
  ;;
esac
