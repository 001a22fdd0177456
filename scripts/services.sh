#!/usr/bin/env bash
# Project-local PostgreSQL 15 and NATS (JetStream) on loopback ports — never the system services.
# Usage: scripts/services.sh up|down|status|env
# Sourced by scripts/run and scripts/test. Installs Debian's packages when they are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_PORT=${ENGINE_PG_PORT:-55433}
NATS_PORT=${ENGINE_NATS_PORT:-4223}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

# State lives in the git-ignored .local/ folder. The postgres user must be able to reach it; when an ancestor
# folder is private (e.g. a mktemp clone), fall back to a per-checkout folder under /tmp.
state_dir() {
  local dir="$ROOT/.local"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
    dir="/tmp/engine-state-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    mkdir -p "$dir"
  fi
  echo "$dir"
}

install_packages() {
  local missing=()
  [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
  command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_up() {
  local state; state=$(state_dir)
  local data="$state/pg/data" sock="$state/pg/sock"
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  mkdir -p "$state/pg" "$sock"
  [ "$(id -u)" = 0 ] && chown postgres "$state/pg" "$sock"
  if [ ! -s "$data/PG_VERSION" ]; then
    run_as_postgres "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 128MB
timezone = 'UTC'
# A development and test cluster: durability is traded for speed.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$data/pg_hba.conf"
  fi
  if run_as_postgres "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "postgres already running on 127.0.0.1:$PG_PORT"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
      echo "port $PG_PORT is taken by another server (another checkout's scripts/services.sh up?); stop it or set ENGINE_PG_PORT" >&2
      return 1
    fi
    run_as_postgres "$PGBIN/pg_ctl" -D "$data" -l "$state/pg/postgres.log" -w -t 60 start >/dev/null
    echo "postgres started on 127.0.0.1:$PG_PORT (data $data)"
  fi
}

pg_down() {
  local state; state=$(state_dir)
  [ -s "$state/pg/data/PG_VERSION" ] || return 0
  run_as_postgres "$PGBIN/pg_ctl" -D "$state/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}

nats_up() {
  local state; state=$(state_dir)
  mkdir -p "$state/nats"
  if [ -f "$state/nats/pid" ] && kill -0 "$(cat "$state/nats/pid")" 2>/dev/null; then
    echo "nats already running on 127.0.0.1:$NATS_PORT"
    return 0
  fi
  nohup nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$state/nats/js" -P "$state/nats/pid" \
    >"$state/nats/nats.log" 2>&1 &
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null && { echo "nats started on 127.0.0.1:$NATS_PORT"; return 0; }
    sleep 0.1
  done
  echo "nats-server did not start; see $state/nats/nats.log" >&2
  return 1
}

nats_down() {
  local state; state=$(state_dir)
  if [ -f "$state/nats/pid" ]; then
    kill "$(cat "$state/nats/pid")" 2>/dev/null || true
    rm -f "$state/nats/pid"
  fi
}

# Connection settings for the engine and the tests.
services_env() {
  export ENGINE_PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export ENGINE_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
  export ENGINE_TEST_NATS="nats://127.0.0.1:$NATS_PORT"
}

create_database() {
  local name=$1
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc "select 1 from pg_database where datname='$name'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "create database \"$name\""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    up) install_packages; pg_up; nats_up ;;
    down) nats_down; pg_down ;;
    status) state=$(state_dir); run_as_postgres "$PGBIN/pg_ctl" -D "$state/pg/data" status || true ;;
    env) services_env; env | grep '^ENGINE_' ;;
    *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
  esac
fi
