#!/usr/bin/env bash
# A private PostgreSQL server in a folder of its own, for the run command and the tests.
#   local-postgres.sh start DIR PORT [extra postgres -c settings...]  prints the connection string
#   local-postgres.sh stop DIR
#   local-postgres.sh crash DIR     stops it the way a crash would (immediate: no checkpoint, clients cut off)
# PostgreSQL refuses to run as root; as root the server runs as the system user "postgres".
set -euo pipefail

cmd=${1:?usage: local-postgres.sh start DIR PORT | stop DIR}
dir=${2:?DIR is required}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "local-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgdata="$dir/pgdata"
case "$cmd" in
  start)
    port=${3:?PORT is required}
    shift 3
    mkdir -p "$dir"
    # The server user must be able to reach its data folder inside ours (a temporary folder is 0700).
    [ "$(id -u)" = 0 ] && chmod 755 "$dir"
    if [ ! -f "$pgdata/PG_VERSION" ]; then
      (umask 077; head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/password")
      mkdir -p "$pgdata"
      [ "$(id -u)" = 0 ] && chown postgres: "$pgdata"
      chmod 700 "$pgdata"
      pwfile=$(mktemp)
      cp "$dir/password" "$pwfile"
      [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
      as_server_user "$bin/initdb" -D "$pgdata" -U supervision --pwfile="$pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { rm -f "$pwfile"; cat "$dir/initdb.log" >&2; exit 1; }
      rm -f "$pwfile"
    fi
    settings=(-c "port=$port" -c "listen_addresses=127.0.0.1" -c "unix_socket_directories=$pgdata"
              -c "max_connections=200" -c "shared_buffers=256MB")
    for extra in "$@"; do settings+=(-c "$extra"); done
    if as_server_user "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      :
    elif ! as_server_user "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -o "${settings[*]}" -w -t 60 start >/dev/null; then
      tail -n 20 "$pgdata/server.log" >&2
      exit 1
    fi
    password=$(cat "$dir/password")
    export PGPASSWORD="$password"
    if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U supervision -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='supervision'" | grep -q 1; then
      "$bin/createdb" -h 127.0.0.1 -p "$port" -U supervision supervision
    fi
    echo "Host=127.0.0.1;Port=$port;Username=supervision;Password=$password;Database=supervision"
    ;;
  stop)
    if [ -f "$pgdata/postmaster.pid" ]; then
      as_server_user "$bin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
    fi
    ;;
  crash)
    as_server_user "$bin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null
    ;;
  *)
    echo "usage: local-postgres.sh start DIR PORT | stop DIR | crash DIR" >&2
    exit 2
    ;;
esac
