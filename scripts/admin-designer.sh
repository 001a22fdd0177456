#!/usr/bin/env bash
# The admin designer (admin-designer/, served by the engine at /admin): build it, and run its tests.
# Sourced by scripts/run (admin_designer_build) and scripts/test (admin_designer_tests); expects scripts/services.sh
# to be sourced and PostgreSQL to be up.

admin_designer_build() {
  echo "building the admin designer ..."
  (cd "$ROOT/admin-designer" && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Vitest unit tests, then the Playwright end-to-end test in Debian's Chromium against an engine started here from the
# built Engine.Host ($1: the dll) on free ports, with its own database (dropped afterwards) and no NATS.
# Sets admin_passed, admin_failed, admin_skipped; returns non-zero when anything failed.
admin_designer_tests() {
  local dll=$1 p f s
  admin_passed=0; admin_failed=0; admin_skipped=0
  if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium from Debian's packages (for the admin designer's end-to-end test)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if ! admin_designer_build; then
    echo "the admin designer did not build" >&2
    admin_failed=1
    return 1
  fi

  local report; report=$(mktemp)
  local status=0
  (cd "$ROOT/admin-designer" && npx vitest run --reporter=default --reporter=json --outputFile="$report") || status=1
  read -r p f s < <(node -e "
    const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites || 0), r.numPendingTests + (r.numTodoTests || 0));
  " "$report" 2>/dev/null || echo "0 1 0")
  rm -f "$report"
  admin_passed=$((admin_passed + p)); admin_failed=$((admin_failed + f)); admin_skipped=$((admin_skipped + s))

  local database="admin_e2e_$$" http grpc log secret engine_pid
  http=$(free_port); grpc=$(free_port); log=$(mktemp)
  secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  create_database "$database"
  ConnectionStrings__Engine="Host=127.0.0.1;Port=${PG_PORT};Username=postgres;Database=$database" \
    Engine__HttpPort=$http Engine__GrpcPort=$grpc Engine__BindAddress=127.0.0.1 Nats__Url= \
    Engine__AdminDesignerPath="$ROOT/admin-designer/dist" ENGINE_ADMIN_CLIENT_SECRET=$secret \
    dotnet "$dll" >"$log" 2>&1 &
  engine_pid=$!
  local ready=0
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$http/readyz" >/dev/null 2>&1 && { ready=1; break; }
    kill -0 "$engine_pid" 2>/dev/null || break
    sleep 0.5
  done
  local e2e_log; e2e_log=$(mktemp)
  # Screenshots go to a scratch folder: the ones in docs/images are refreshed by hand (admin-designer/README.md).
  local shots; shots=$(mktemp -d)
  if [ "$ready" = 1 ]; then
    (cd "$ROOT/admin-designer" && ENGINE_URL="http://127.0.0.1:$http" ENGINE_ADMIN_CLIENT_SECRET=$secret SCREENSHOTS=$shots \
      node e2e/run.mjs) 2>&1 | tee "$e2e_log" || status=1
  else
    echo "the engine for the admin designer's end-to-end test did not become ready; its log:" >&2
    tail -n 40 "$log" >&2
    echo "e2e: 0 passed, 1 failed, 0 skipped" >"$e2e_log"
    status=1
  fi
  kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "drop database if exists \"$database\" with (force)" >/dev/null || true
  p=; f=; s=
  read -r p f s < <(grep -E '^e2e: [0-9]+ passed' "$e2e_log" | tail -1 | sed -E 's/e2e: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped/\1 \2 \3/' || true)
  [ -n "${p:-}" ] || { p=0; f=1; s=0; }
  admin_passed=$((admin_passed + p)); admin_failed=$((admin_failed + f)); admin_skipped=$((admin_skipped + s))
  if [ "$status" != 0 ] && [ "$admin_failed" = 0 ]; then admin_failed=1; fi
  rm -rf "$log" "$e2e_log" "$shots"
  return "$status"
}
