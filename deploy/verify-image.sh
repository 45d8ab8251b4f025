#!/usr/bin/env bash
# Builds deploy/Dockerfile without any container registry and proves the image works: migrates a
# fresh PostgreSQL database, serves it (read-only root filesystem, non-root) with /health/ready
# green, passes the smoke tests, runs the worker with its metrics, and stops gracefully.
#
# The bases come from Debian's own tools: debootstrap makes a bookworm root filesystem from the
# configured apt mirror, podman imports it, and Debian's nodejs + npm are added for the build
# stage. They are cached (podman images + a tarball in $CACHE) so later runs only build the app.
#
#   deploy/verify-image.sh                 # PG_URL=postgres://postgres@127.0.0.1:5432/postgres
#   REBUILD_BASE=1 deploy/verify-image.sh  # debootstrap again
#
# Needs root (debootstrap, podman), podman, runc, debootstrap, psql, and the repository's
# node_modules (for the smoke tests). Prints the image size and the build time.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/common.sh
ROOT=$PWD

export CONTAINERS_CONF=$ROOT/deploy/podman/containers.conf
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
CACHE=${NILECARE_IMAGE_CACHE:-/var/tmp/nilecare-image-cache}
BASE=localhost/nilecare-base:bookworm
# Tagged with its recipe's hash, so a changed recipe builds a new base instead of reusing the old one.
BUILD_BASE=localhost/nilecare-build-base:bookworm-$(sha256sum deploy/podman/build-base.Containerfile | cut -c1-12)
TAG=$(git rev-parse --short HEAD 2>/dev/null || echo dev)
IMAGE=localhost/nilecare:$TAG
MIRROR=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
RUN_ID=$$
DB=nc_image_$RUN_ID
WORK=$(mktemp -d)
RUN=(podman run --network host --rm --no-healthcheck)

cleanup() {
  set +e
  for c in nc-serve-$RUN_ID nc-worker-$RUN_ID; do podman rm -f -t 0 "$c" >/dev/null 2>&1; done
  psql "$PG_URL" -qc "drop database if exists $DB with (force)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in podman runc debootstrap psql node; do command -v $tool >/dev/null || fail "$tool is not installed (apt-get install podman runc debootstrap postgresql-client)"; done

# --- 1. Bases (cached)
mkdir -p "$CACHE"
if [[ -n ${REBUILD_BASE:-} ]]; then podman rmi -f "$BUILD_BASE" "$BASE" >/dev/null 2>&1 || true; rm -f "$CACHE/rootfs.tar"; fi
if ! podman image exists "$BASE"; then
  if [[ ! -s $CACHE/rootfs.tar ]]; then
    say "debootstrap Debian bookworm from $MIRROR (once; cached in $CACHE)"
    start=$SECONDS
    rootfs=$WORK/rootfs
    debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
      || { tail -20 "$WORK/debootstrap.log"; fail debootstrap; }
    # What a container never needs: package caches and lists, documentation, translations.
    rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" -cf "$CACHE/rootfs.tar.tmp" . && mv "$CACHE/rootfs.tar.tmp" "$CACHE/rootfs.tar"
    rm -rf "$rootfs"
    echo "debootstrap: $((SECONDS - start)) s"
  fi
  say "podman import $BASE"
  podman import --change 'CMD ["/bin/bash"]' "$CACHE/rootfs.tar" "$BASE" >/dev/null
fi
if ! podman image exists "$BUILD_BASE"; then
  say "build stage base $BUILD_BASE (Debian nodejs + npm)"
  cp /etc/ssl/certs/ca-certificates.crt "$CACHE/host-ca.crt"
  podman build --isolation chroot --network host --build-arg BASE="$BASE" -t "$BUILD_BASE" \
    -f deploy/podman/build-base.Containerfile "$CACHE" >"$WORK/build-base.log" 2>&1 || { tail -30 "$WORK/build-base.log"; fail "build base"; }
fi

# --- 2. The image. --format docker keeps HEALTHCHECK (the OCI format has no such field).
say "podman build $IMAGE"
start=$SECONDS
podman build --isolation chroot --network host --format docker \
  --build-arg BUILD_IMAGE="$BUILD_BASE" --build-arg RUNTIME_IMAGE="$BASE" \
  -t "$IMAGE" -t localhost/nilecare:latest -f deploy/Dockerfile . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; fail "podman build"; }
build_seconds=$((SECONDS - start))
size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
echo "built in ${build_seconds} s; image size $((size / 1000000)) MB (base $(( $(podman image inspect "$BASE" --format '{{.Size}}') / 1000000 )) MB)"

say "image contents"
[[ $(podman image inspect "$IMAGE" --format '{{.Config.User}}') == 10001:10001 ]] || fail "image does not run as uid 10001"
[[ $(podman image inspect "$IMAGE" --format '{{json .Config.Healthcheck}}') == *"/health"* ]] || fail "no HEALTHCHECK on /health"
"${RUN[@]}" --entrypoint sh "$IMAGE" -c '
  set -e
  [ "$(id -u)" = 10001 ] || { echo "runs as $(id -u)"; exit 1; }
  for t in npm npx gcc cc make g++ python3; do if command -v $t >/dev/null; then echo "build tool in the final image: $t"; exit 1; fi; done
  for d in typescript eslint autocannon @types/pg typescript-eslint; do if [ -e node_modules/$d ]; then echo "dev dependency in the final image: $d"; exit 1; fi; done
  if touch /app/src/server/main.ts 2>/dev/null; then echo "the app can change its own code"; exit 1; fi
  node --version' || fail "image contents"
web=no
if "${RUN[@]}" --entrypoint sh "$IMAGE" -c 'test -f /app/dist/web/index.html'; then web=yes; fi
echo "non-root (10001), no npm/compilers, no dev dependencies, code read-only; web app assets: $web"

# --- 3. Run it against PostgreSQL: migrate, serve, worker, smoke tests, graceful stop.
say "migrate a fresh database ($DB)"
psql "$PG_URL" -qc "create database $DB" >/dev/null
db_url=$("$NODE" -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.href)' "$PG_URL" "$DB")
read -r port metrics_port < <(free_ports 2)
admin_password="Nc-$(openssl rand -hex 16)" # no word of the email in it (the password rule)
env_file=$WORK/nilecare.env
( umask 077; cat >"$env_file" <<EOF
NODE_ENV=production
HOST=127.0.0.1
PORT=$port
APP_URL=http://127.0.0.1:$port
DATABASE_URL=$db_url
JWT_SECRET=$(openssl rand -hex 40)
JWT_REFRESH_SECRET=$(openssl rand -hex 40)
PHI_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32)
PHI_INDEX_KEY=$(openssl rand -base64 32)
METRICS_TOKEN=$(openssl rand -hex 24)
NILECARE_ADMIN_EMAIL=smoke-admin@verify-image.local
NILECARE_ADMIN_PASSWORD=$admin_password
WORKER_METRICS_PORT=$metrics_port
EOF
)
"${RUN[@]}" --env-file "$env_file" "$IMAGE" migrate up
"${RUN[@]}" --env-file "$env_file" "$IMAGE" migrate status | tee "$WORK/status.txt"
grep -q ' 0 pending$' "$WORK/status.txt" || fail "migrate status still lists pending migrations"

say "serve (read-only root filesystem) on 127.0.0.1:$port"
# Podman here has no systemd to schedule HEALTHCHECK timers and says so on stderr; the check
# itself is run by hand below.
podman run -d --network host --name nc-serve-$RUN_ID --read-only --tmpfs /tmp --env-file "$env_file" "$IMAGE" serve >/dev/null 2>"$WORK/podman-serve.err"
ready=no
for _ in $(seq 1 60); do
  if [[ $("$NODE" -e 'fetch(process.argv[1]).then(r=>console.log(r.status),()=>console.log(0))' "http://127.0.0.1:$port/health/ready") == 200 ]]; then ready=yes; break; fi
  sleep 1
done
[[ $ready == yes ]] || { podman logs nc-serve-$RUN_ID | tail -30; fail "/health/ready did not turn 200 within 60 s"; }
echo "/health/ready: 200"
podman healthcheck run nc-serve-$RUN_ID >/dev/null 2>&1 || fail "the image's HEALTHCHECK fails on a serving container"
echo "HEALTHCHECK: healthy"

say "worker with WORKER_METRICS_PORT=$metrics_port"
# The image's HEALTHCHECK probes the API port; the worker's liveness is its metrics listener.
podman run -d --network host --name nc-worker-$RUN_ID --read-only --tmpfs /tmp --no-healthcheck --env-file "$env_file" "$IMAGE" worker >/dev/null
token=$(sed -n 's/^METRICS_TOKEN=//p' "$env_file")
for _ in $(seq 1 30); do
  if "$NODE" -e 'fetch(process.argv[1],{headers:{authorization:"Bearer "+process.argv[2]}}).then(async r=>{const t=await r.text();process.exit(r.ok&&t.includes("outbox_queue_depth")?0:1)},()=>process.exit(1))' \
    "http://127.0.0.1:$metrics_port/metrics" "$token"; then worker_ok=yes; break; fi
  sleep 1
done
[[ ${worker_ok:-} == yes ]] || { podman logs nc-worker-$RUN_ID | tail -30; fail "worker metrics not served"; }
echo "worker /metrics: outbox_queue_depth exported"
sleep 6 # the worker's first heartbeat lands within its 5 s beat, so /health/notification turns green

say "smoke tests"
smoke_args=(--url "http://127.0.0.1:$port")
[[ $web == yes ]] && smoke_args+=(--expect-web)
SMOKE_EMAIL=smoke-admin@verify-image.local SMOKE_PASSWORD=$admin_password npm run --silent test:smoke -- "${smoke_args[@]}"

say "graceful stop"
for c in nc-worker-$RUN_ID nc-serve-$RUN_ID; do
  podman stop -t 20 "$c" >/dev/null 2>>"$WORK/podman-serve.err"
  code=$(podman inspect "$c" --format '{{.State.ExitCode}}')
  [[ $code == 0 ]] || { podman logs "$c" | tail -20; fail "$c exited $code on SIGTERM"; }
  podman logs "$c" 2>&1 | grep -q '"msg":"stopped"' || fail "$c did not log a clean stop"
  echo "$c: SIGTERM → exit 0"
done

# Layers of builds more than a week old that no tag names any more (newer ones are the build cache).
podman image prune -f --filter until=168h >/dev/null
say "verify-image: OK — $IMAGE, $((size / 1000000)) MB, built in ${build_seconds} s, total $SECONDS s"
