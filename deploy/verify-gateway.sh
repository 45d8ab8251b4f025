#!/usr/bin/env bash
# The production topology on one machine, tried for real: Debian's nginx (deploy/nginx, as an
# unprivileged user, high ports, a self-signed certificate) in front of two `nilecare serve`
# instances and a worker on PostgreSQL and a password-protected Redis, scraped by Debian's
# Prometheus with the blackbox exporter probing the certificate. Checks:
#   1. TLS: testssl.sh finds no protocol below TLS 1.2 and no weak cipher; HTTP redirects to
#      HTTPS; HSTS, gzip, the body size limit, /metrics hidden, the sign-in rate limit at the edge.
#   2. X-Forwarded-For is believed only from the gateway (TRUST_PROXY): spoofed directly and
#      through the gateway, then read back from the audit log and the request log.
#   3. The smoke tests (npm run test:smoke) through the gateway.
#   4. A rolling restart under steady load (restart one instance, wait for ready, then the other)
#      loses no request.
#   5. One instance stopped: ServiceDown fires in Prometheus's API (a test-only copy of
#      alerts.yml shortens its `for:` from 1m to 10s), and CertificateExpiringSoon fires for
#      the 10-day test certificate.
#
#   deploy/verify-gateway.sh        # PG_URL=postgres://postgres@127.0.0.1:5432/postgres
#
# Needs root (to drop nginx to an unprivileged user), nginx, testssl.sh, prometheus,
# prometheus-blackbox-exporter, redis-server, psql, openssl, curl and the repository's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/common.sh
ROOT=$PWD
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
LOAD_SECONDS=${LOAD_SECONDS:-40}
RUN_ID=$$
DB=nc_gateway_$RUN_ID
T=$(mktemp -d /tmp/nilecare-gateway.XXXXXX)
chmod 755 "$T"
PIDS=()

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [[ -f $T/nginx/nginx.pid ]] && kill "$(cat "$T/nginx/nginx.pid")" 2>/dev/null
  psql "$PG_URL" -qc "drop database if exists $DB with (force)" >/dev/null 2>&1
  if [[ -n ${KEEP:-} ]]; then echo "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

for tool in nginx testssl prometheus prometheus-blackbox-exporter redis-server psql openssl curl setpriv; do
  command -v $tool >/dev/null || fail "$tool is not installed (apt-get install nginx testssl.sh prometheus prometheus-blackbox-exporter redis-server postgresql-client openssl curl)"
done
[[ -x $NODE ]] || fail "run npm ci first"

read -r A B W HTTP HTTPS REDIS_PORT PROM BB < <(free_ports 8)
GATEWAY_IP=127.0.0.2 # nginx connects to the API from here: the only address in TRUST_PROXY

say "setup: PostgreSQL database $DB, Redis on :$REDIS_PORT, certificate"
redis_password=$(openssl rand -hex 16)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --requirepass "$redis_password" --save '' --appendonly no --daemonize no >"$T/redis.log" 2>&1 &
PIDS+=($!)
psql "$PG_URL" -qc "create database $DB" >/dev/null
db_url=$("$NODE" -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.href)' "$PG_URL" "$DB")
mkdir -p "$T/tls"
# Valid 10 days: long enough to use, short enough that CertificateExpiringSoon (14 days) fires.
openssl req -x509 -newkey rsa:2048 -nodes -days 10 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$T/tls/key.pem" -out "$T/tls/cert.pem" 2>/dev/null
admin_password="Nc-$(openssl rand -hex 16)" # no word of the email in it (the password rule)
metrics_token=$(openssl rand -hex 24)
cat >"$T/app.env" <<EOF
NODE_ENV=production
HOST=127.0.0.1
APP_URL=https://localhost:$HTTPS
DATABASE_URL=$db_url
REDIS_URL=redis://:$redis_password@127.0.0.1:$REDIS_PORT
JWT_SECRET=$(openssl rand -hex 40)
JWT_REFRESH_SECRET=$(openssl rand -hex 40)
PHI_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)
PHI_INDEX_KEY=$(openssl rand -base64 32)
METRICS_TOKEN=$metrics_token
TRUST_PROXY=$GATEWAY_IP
RATE_LIMIT_MAX=1000000
NILECARE_ADMIN_EMAIL=smoke-admin@verify-gateway.local
NILECARE_ADMIN_PASSWORD=$admin_password
LOG_LEVEL=info
EOF
chmod 600 "$T/app.env"
app() { # role, log name, extra env…
  local role=$1 name=$2; shift 2
  (set -a; . "$T/app.env"; set +a; exec env "$@" "$ROOT/bin/nilecare" "$role") >>"$T/$name.log" 2>&1 &
  PIDS+=($!)
  echo $! >"$T/$name.pid"
}
wait_ready() { # url, seconds
  for _ in $(seq 1 "${2:-60}"); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$1") == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}
(set -a; . "$T/app.env"; set +a; "$ROOT/bin/nilecare" migrate up) >"$T/migrate.log" 2>&1 || { cat "$T/migrate.log"; fail "migrate up"; }

say "two API instances (:$A, :$B) and a worker (metrics :$W)"
app serve serve-a PORT="$A"
wait_ready "http://127.0.0.1:$A/health/ready" || { tail "$T/serve-a.log"; fail "instance A not ready"; }
app serve serve-b PORT="$B"
app worker worker WORKER_METRICS_PORT="$W"
wait_ready "http://127.0.0.1:$B/health/ready" || { tail "$T/serve-b.log"; fail "instance B not ready"; }
wait_ready "http://127.0.0.1:$W/health" || { tail "$T/worker.log"; fail "worker metrics not served"; }
ok "A, B ready; worker up"

say "nginx (unprivileged) on :$HTTP → :$HTTPS"
mkdir -p "$T/nginx"
# The shipped template, filled in; test-only changes: loopback listeners, and nginx connects to the
# API from $GATEWAY_IP so that a client on 127.0.0.1 is distinguishable from the gateway.
NGINX_SERVER_NAME=localhost NGINX_HTTP_PORT=$HTTP NGINX_HTTPS_PORT=$HTTPS \
NGINX_UPSTREAM_SERVERS="server 127.0.0.1:$A max_fails=1 fail_timeout=5s; server 127.0.0.1:$B max_fails=1 fail_timeout=5s" \
NGINX_TLS_CERT=$T/tls/cert.pem NGINX_TLS_KEY=$T/tls/key.pem \
  envsubst '${NGINX_SERVER_NAME} ${NGINX_HTTP_PORT} ${NGINX_HTTPS_PORT} ${NGINX_UPSTREAM_SERVERS} ${NGINX_TLS_CERT} ${NGINX_TLS_KEY}' \
  <deploy/nginx/nilecare.conf.template \
  | sed -e '/listen \[::\]/d' -e 's/listen \([0-9]\)/listen 127.0.0.1:\1/' -e "s|proxy_http_version 1.1;|&\n    proxy_bind $GATEWAY_IP;|" \
  >"$T/nginx/nilecare.conf"
cat >"$T/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $T/nginx/access.log;
  client_body_temp_path $T/nginx/body;
  proxy_temp_path $T/nginx/proxy;
  fastcgi_temp_path $T/nginx/fastcgi;
  uwsgi_temp_path $T/nginx/uwsgi;
  scgi_temp_path $T/nginx/scgi;
  include $T/nginx/nilecare.conf;
}
EOF
chown -R nobody:nogroup "$T/nginx" "$T/tls"
as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
"${as_nobody[@]}" nginx -t -q -p "$T/nginx" -c "$T/nginx/nginx.conf" || fail "nginx -t"
"${as_nobody[@]}" nginx -p "$T/nginx" -c "$T/nginx/nginx.conf"
wait_ready "http://127.0.0.1:$HTTP/" 10 || true
G=https://localhost:$HTTPS
CURL=(curl -s --cacert "$T/tls/cert.pem" --resolve "localhost:$HTTPS:127.0.0.1" --resolve "localhost:$HTTP:127.0.0.1")
wait_ready_tls() { for _ in $(seq 1 40); do [[ $("${CURL[@]}" -o /dev/null -w '%{http_code}' "$G/health/ready") == 200 ]] && return 0; sleep 0.5; done; return 1; }
wait_ready_tls || { cat "$T/nginx/error.log"; fail "gateway not serving"; }
ok "nginx runs as $(ps -o user= -p "$(pgrep -P "$(cat "$T/nginx/nginx.pid")" | head -1)") (master: $(ps -o user= -p "$(cat "$T/nginx/nginx.pid")"))"

say "1. TLS and HTTP behaviour of the gateway"
loc=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$HTTP/api/v1/patients?q=x")
[[ $loc == "301 https://localhost:$HTTPS/api/v1/patients?q=x" ]] || fail "HTTP does not redirect to HTTPS: $loc"
ok "HTTP → 301 $G/…"
"${CURL[@]}" -D "$T/h1" -o /dev/null "$G/health"
[[ $(grep -ci '^strict-transport-security:' "$T/h1") == 1 ]] && grep -qi '^strict-transport-security: max-age=63072000; includeSubDomains' "$T/h1" || fail "not exactly one HSTS header (the gateway's)"
ok "HSTS: $(grep -i '^strict-transport' "$T/h1" | tr -d '\r')"
"${CURL[@]}" -H 'accept-encoding: gzip' -D "$T/h2" -o /dev/null "$G/api/docs/json"
grep -qi '^content-encoding: gzip' "$T/h2" || fail "the OpenAPI document is not gzip-compressed"
ok "gzip on large JSON"
code=$(head -c 1200000 /dev/zero | tr '\0' 'a' | "${CURL[@]}" -o /dev/null -w '%{http_code}' -H 'content-type: application/json' --data-binary @- "$G/api/v1/patients")
[[ $code == 413 ]] || fail "a 1.2 MB body got $code, not 413"
ok "body over 1 MiB → 413 at the edge"
[[ $("${CURL[@]}" -o /dev/null -w '%{http_code}' "$G/metrics") == 404 ]] || fail "/metrics is reachable through the gateway"
ok "/metrics not exposed through the gateway"
testssl --quiet --color 0 --warnings off --protocols --std --jsonfile "$T/testssl.json" "127.0.0.1:$HTTPS" >"$T/testssl.txt" 2>&1 || true
"$NODE" -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const f = Array.isArray(r) ? r : r.scanResult.flatMap((s) => [...(s.protocols ?? []), ...(s.ciphers ?? [])]);
  const get = (id) => f.find((x) => x.id === id)?.finding ?? "(missing)";
  const problems = [];
  for (const p of ["SSLv2", "SSLv3", "TLS1", "TLS1_1"]) if (!/not offered/.test(get(p))) problems.push(`${p}: ${get(p)}`);
  for (const p of ["TLS1_2", "TLS1_3"]) if (!/^offered/.test(get(p))) problems.push(`${p}: ${get(p)}`);
  const cipherIds = ["cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW", "cipherlist_3DES_IDEA", "cipherlist_AVERAGE"];
  for (const c of cipherIds) if (!/not offered/.test(get(c))) problems.push(`${c}: ${get(c)}`);
  for (const x of f) if (["HIGH", "CRITICAL", "MEDIUM"].includes(x.severity)) problems.push(`${x.id} (${x.severity}): ${x.finding}`);
  if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
  console.log("  ok  testssl: SSLv2, SSLv3, TLS 1.0, TLS 1.1 not offered; TLS 1.2, 1.3 offered; no NULL/aNULL/EXPORT/LOW/3DES/obsoleted-CBC ciphers");
' "$T/testssl.json" || { cat "$T/testssl.txt"; fail "testssl found a weak protocol or cipher"; }

say "2. X-Forwarded-For believed only from the gateway"
probe() { # label, curl args… → the address the app audited for that sign-in attempt
  local email="xff-$1-$RUN_ID@verify-gateway.local"; shift
  "$@" -o /dev/null -H 'content-type: application/json' -H 'x-forwarded-for: 203.0.113.66' \
    --data "{\"email\":\"$email\",\"password\":\"wrong-password-1\"}"
  psql "$db_url" -Atc "select ip from audit_events where action = 'auth.login' and details like '%$email%'"
}
direct=$(probe direct curl -s "http://127.0.0.1:$A/api/v1/auth/login")
[[ $direct == 127.0.0.1 ]] || fail "spoofed X-Forwarded-For sent straight to an instance was believed (audited $direct)"
ok "straight to an instance with a spoofed header: audited as $direct (the socket peer)"
via=$(probe via "${CURL[@]}" "$G/api/v1/auth/login")
[[ $via == 127.0.0.1 ]] || fail "a spoofed X-Forwarded-For passed through the gateway (audited $via)"
ok "through the gateway with a spoofed header: audited as $via (nginx replaced it)"
other=$(probe other "${CURL[@]}" --interface 127.0.0.3 "$G/api/v1/auth/login")
[[ $other == 127.0.0.3 ]] || fail "the gateway's X-Forwarded-For was not believed (audited $other, expected 127.0.0.3)"
ok "a client on 127.0.0.3 through the gateway: audited as $other (the gateway's header believed)"
grep -h '"path":"/api/v1/auth/login"' "$T/serve-a.log" "$T/serve-b.log" | grep -q '"ip":"203.0.113.66"' && fail "the request log shows the spoofed address"
grep -h '"path":"/api/v1/auth/login"' "$T/serve-a.log" "$T/serve-b.log" | grep -q '"ip":"127.0.0.3"' || fail "the request log does not show the gateway-reported address"
ok "request log: 127.0.0.3 logged, 203.0.113.66 never"
codes=$(for i in $(seq 1 12); do "${CURL[@]}" --interface 127.0.0.4 -o /dev/null -w '%{http_code}:%{content_type}\n' -H 'content-type: application/json' \
  --data "{\"email\":\"flood-$i@verify-gateway.local\",\"password\":\"wrong-password-1\"}" "$G/api/v1/auth/login"; done | sort | uniq -c | tr -s ' \n' ' ')
# The edge's own 429 is problem+json too (nginx error_page), like the API's throttle.
[[ $codes == *429:application/problem+json* ]] || fail "12 quick sign-ins from one address were not rate-limited at the edge: $codes"
ok "edge sign-in limit: 12 quick attempts from one address → $codes"

say "3. smoke tests through the gateway"
SMOKE_EMAIL=smoke-admin@verify-gateway.local SMOKE_PASSWORD=$admin_password \
  npm run --silent test:smoke -- --url "https://127.0.0.1:$HTTPS" --insecure || fail "smoke tests"

say "Prometheus (:$PROM) scraping A, B and the worker; blackbox exporter (:$BB) probing the gateway"
mkdir -p "$T/prom"
echo -n "$metrics_token" >"$T/prom/token"
sed -e '/- alert: ServiceDown/,/for:/ s/for: 1m/for: 10s/' deploy/prometheus/alerts.yml >"$T/prom/alerts.yml"
grep -A2 'alert: ServiceDown' "$T/prom/alerts.yml" | grep -q 'for: 10s' || fail "could not shorten ServiceDown's for: in the test copy"
cat >"$T/prom/prometheus.yml" <<EOF
global: { scrape_interval: 2s, evaluation_interval: 2s }
rule_files: [alerts.yml]
scrape_configs:
  - job_name: nilecare
    authorization: { type: Bearer, credentials_file: $T/prom/token }
    static_configs: [{ targets: ['127.0.0.1:$A', '127.0.0.1:$B'] }]
  - job_name: nilecare-worker
    authorization: { type: Bearer, credentials_file: $T/prom/token }
    static_configs: [{ targets: ['127.0.0.1:$W'] }]
  - job_name: blackbox
    metrics_path: /probe
    params: { module: [https_health] }
    static_configs: [{ targets: ['$G/health'] }]
    relabel_configs:
      - { source_labels: [__address__], target_label: __param_target }
      - { source_labels: [__param_target], target_label: instance }
      - { target_label: __address__, replacement: '127.0.0.1:$BB' }
EOF
promtool check config "$T/prom/prometheus.yml" >/dev/null || fail "test prometheus.yml"
prometheus-blackbox-exporter --config.file=deploy/prometheus/blackbox.yml --web.listen-address="127.0.0.1:$BB" >"$T/blackbox.log" 2>&1 &
PIDS+=($!)
prometheus --config.file="$T/prom/prometheus.yml" --storage.tsdb.path="$T/prom/data" --web.listen-address="127.0.0.1:$PROM" >"$T/prometheus.log" 2>&1 &
PIDS+=($!)
promq() { curl -s "http://127.0.0.1:$PROM/api/v1/$1"; }
targets_up() { promq targets | "$NODE" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).data.activeTargets;console.log(t.filter(x=>x.health==="up").length+"/"+t.length)})'; }
for _ in $(seq 1 60); do [[ $(targets_up 2>/dev/null) == 4/4 ]] && break; sleep 1; done
[[ $(targets_up) == 4/4 ]] || { promq targets; fail "Prometheus does not see all 4 targets up"; }
ok "targets up: 4/4 (A, B, worker, blackbox probe)"

say "4. rolling restart under load (${LOAD_SECONDS} s, autocannon through the gateway)"
token=$("${CURL[@]}" -H 'content-type: application/json' --data "{\"email\":\"smoke-admin@verify-gateway.local\",\"password\":\"$admin_password\"}" "$G/api/v1/auth/login" \
  | "$NODE" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))')
facility=$(psql "$db_url" -Atc "select id from facilities limit 1")
export NODE_TLS_REJECT_UNAUTHORIZED=0 # autocannon against the self-signed test certificate only
npx autocannon -c 8 -d "$LOAD_SECONDS" -j -H "authorization=Bearer $token" -H "x-facility-id=$facility" "https://127.0.0.1:$HTTPS/api/v1/patients?q=ahmed" >"$T/load-api.json" 2>"$T/load-api.err" &
load1=$!
npx autocannon -c 4 -d "$LOAD_SECONDS" -j "https://127.0.0.1:$HTTPS/health/ready" >"$T/load-ready.json" 2>"$T/load-ready.err" &
load2=$!
unset NODE_TLS_REJECT_UNAUTHORIZED
sleep 5
restart() { # name, port
  local name=$1 port=$2 pid
  pid=$(cat "$T/$name.pid")
  local t0=$SECONDS
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  [[ $code == 0 ]] || fail "$name exited $code on SIGTERM"
  app serve "$name" PORT="$port"
  wait_ready "http://127.0.0.1:$port/health/ready" || fail "$name did not come back"
  ok "$name: SIGTERM → exit 0, restarted, ready again in $((SECONDS - t0)) s"
}
restart serve-a "$A"
sleep 5
restart serve-b "$B"
wait $load1 $load2 || true
"$NODE" -e '
  let bad = 0;
  for (const f of process.argv.slice(1)) {
    const r = JSON.parse(require("fs").readFileSync(f, "utf8"));
    const failed = r.errors + r.timeouts + r.non2xx;
    console.log(`  ${failed ? "FAIL" : "ok  "} ${r.url}: ${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, p99 ${r.latency.p99} ms`);
    if (failed || r.requests.total === 0) bad++;
  }
  process.exit(bad ? 1 : 0);
' "$T/load-api.json" "$T/load-ready.json" || { grep -h '" 50[0-9] ' "$T/nginx/access.log" | tail -5; tail -5 "$T/nginx/error.log"; fail "requests failed during the rolling restart"; }

say "5. stop instance A: ServiceDown must fire in Prometheus"
pid=$(cat "$T/serve-a.pid")
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
firing() { promq alerts | "$NODE" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const a of JSON.parse(s).data.alerts) if(a.state==="firing") console.log(a.labels.alertname+" "+(a.labels.instance??""))})'; }
for _ in $(seq 1 60); do firing | grep -q "^ServiceDown 127.0.0.1:$A$" && break; sleep 1; done
firing | grep -q "^ServiceDown 127.0.0.1:$A$" || { promq alerts; fail "ServiceDown did not fire for 127.0.0.1:$A"; }
ok "firing: $(firing | grep ServiceDown)"
firing | grep -q "^CertificateExpiringSoon $G/health$" || { promq alerts; fail "CertificateExpiringSoon did not fire for the 10-day certificate"; }
ok "firing: $(firing | grep CertificateExpiringSoon)"
if firing | grep -q "^ServiceDown 127.0.0.1:$B$"; then fail "ServiceDown fired for the running instance B"; fi
[[ $("${CURL[@]}" -o /dev/null -w '%{http_code}' "$G/health/ready") == 200 ]] || fail "the gateway does not serve from the remaining instance"
ok "the gateway still serves from B"

say "verify-gateway: OK in $SECONDS s"
