#!/usr/bin/env bash
# The runbook's "database down" and "Redis down" procedures, tried on throwaway servers: a private
# PostgreSQL cluster (initdb, high port) and a private Redis with a password, one `nilecare serve`
# and one worker. For each outage: what readiness, liveness and sign-in say while it lasts, and
# that NileCare recovers by itself once the dependency is back (no restart of NileCare).
#
#   deploy/try-outages.sh     # needs root (runs PostgreSQL as the postgres user), redis-server, curl
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/common.sh
ROOT=$PWD
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
T=$(mktemp -d /tmp/nilecare-outages.XXXXXX)
chmod 755 "$T"
PIDS=()
as_pg() { runuser -u postgres -- "$@"; }
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  as_pg "$PGBIN/pg_ctl" -D "$T/pg" stop -m immediate >/dev/null 2>&1
  rm -rf "$T"
}
trap cleanup EXIT

read -r PG_PORT REDIS_PORT PORT < <(free_ports 3)
redis_password=$(openssl rand -hex 16)
say "throwaway PostgreSQL on :$PG_PORT and Redis on :$REDIS_PORT"
install -d -o postgres -g postgres "$T/pg"
as_pg "$PGBIN/initdb" -D "$T/pg" -A trust -U postgres >/dev/null
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$T/pg" -o "-p $PG_PORT -k $T/pg -c listen_addresses=127.0.0.1" -l "$T/pg/server.log" -w start >/dev/null; }
pg_start
psql "postgres://postgres@127.0.0.1:$PG_PORT/postgres" -qc "create database nilecare" >/dev/null
redis_start() { redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --requirepass "$redis_password" --save '' --appendonly no >>"$T/redis.log" 2>&1 & REDIS_PID=$!; PIDS+=("$REDIS_PID"); sleep 0.5; }
redis_start

cat >"$T/app.env" <<EOF
NODE_ENV=production
HOST=127.0.0.1
PORT=$PORT
DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/nilecare
REDIS_URL=redis://:$redis_password@127.0.0.1:$REDIS_PORT
JWT_SECRET=$(openssl rand -hex 40)
JWT_REFRESH_SECRET=$(openssl rand -hex 40)
PHI_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)
PHI_INDEX_KEY=$(openssl rand -base64 32)
METRICS_ALLOW=127.0.0.1/32
NILECARE_ADMIN_EMAIL=admin@try-outages.local
NILECARE_ADMIN_PASSWORD=Nc-$(openssl rand -hex 16)
EOF
(set -a; . "$T/app.env"; set +a; "$ROOT/bin/nilecare" migrate up) >"$T/migrate.log" 2>&1 || { cat "$T/migrate.log"; fail migrate; }
(set -a; . "$T/app.env"; set +a; exec "$ROOT/bin/nilecare" serve) >"$T/serve.log" 2>&1 & PIDS+=($!)
(set -a; . "$T/app.env"; set +a; exec "$ROOT/bin/nilecare" worker) >"$T/worker.log" 2>&1 & WORKER_PID=$!; PIDS+=("$WORKER_PID")
U=http://127.0.0.1:$PORT
code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$U$1"; }
body() { curl -s -m 5 "$U$1"; }
signin() { . <(grep NILECARE_ADMIN "$T/app.env"); curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'content-type: application/json' --data "{\"email\":\"$NILECARE_ADMIN_EMAIL\",\"password\":\"$NILECARE_ADMIN_PASSWORD\"}" "$U/api/v1/auth/login"; }
wait_code() { # path, code, seconds → seconds it took
  local start=$SECONDS
  for _ in $(seq 1 $(( $3 * 2 ))); do [[ $(code "$1") == "$2" ]] && { echo $((SECONDS - start)); return 0; }; sleep 0.5; done
  return 1
}
wait_code /health/ready 200 30 >/dev/null || { tail "$T/serve.log"; fail "not ready"; }
ok "serve ready; sign-in → $(signin)"

say "Redis down"
kill "$REDIS_PID"; wait "$REDIS_PID" 2>/dev/null || true
t=$(wait_code /health/ready 503 30) || fail "/health/ready stayed 200 with Redis down"
ok "/health/ready → 503 after ${t} s: $(body /health/ready)"
ok "/health (liveness) → $(code /health): the process is not restarted for it"
ok "sign-in while Redis is down → $(signin)"
redis_start
t=$(wait_code /health/ready 200 60) || fail "/health/ready did not recover after Redis came back"
ok "Redis back: /health/ready → 200 after ${t} s, no restart; sign-in → $(signin)"

say "PostgreSQL down"
as_pg "$PGBIN/pg_ctl" -D "$T/pg" stop -m fast >/dev/null
t=$(wait_code /health/ready 503 30) || fail "/health/ready stayed 200 with the database down"
ok "/health/ready → 503 after ${t} s: $(body /health/ready)"
ok "/health (liveness) → $(code /health)"
ok "sign-in while the database is down → $(signin)"
pg_start
t=$(wait_code /health/ready 200 60) || fail "/health/ready did not recover after the database came back"
ok "database back: /health/ready → 200 after ${t} s, no restart; sign-in → $(signin)"
grep -q '"msg":"worker started"' "$T/worker.log" || fail "worker did not start"
kill -0 "$WORKER_PID" 2>/dev/null && ok "the worker is still running" || { tail "$T/worker.log"; fail "the worker died during the outages"; }
wait_code /health/notification 200 30 >/dev/null && ok "/health/notification → 200: the worker beats again"  || fail "the worker did not resume its heartbeat"

say "try-outages: OK in $SECONDS s"
