#!/bin/bash
# PostgreSQL point-in-time recovery, tried end to end on a throwaway PostgreSQL 15 cluster
# (port 5499, /tmp/pitr; the shared server is not touched): WAL archiving, a base backup, a good
# state, a mistaken import, then recovery to the moment before it. Run as root (initdb runs as
# postgres). docs/operations.md "PostgreSQL point-in-time recovery" describes the same steps.
set -euo pipefail
T=/tmp/pitr; B=/usr/lib/postgresql/15/bin; PGP=5499
NC=$(cd "$(dirname "$0")/.." && pwd)/bin/nilecare
pg() { runuser -u postgres -- "$@"; }
rm -rf $T; mkdir -p $T/archive; chown -R postgres:postgres $T
pg $B/initdb -D $T/data -A trust -U postgres >/dev/null
cat >> $T/data/postgresql.conf <<CONF
port = $PGP
listen_addresses = '127.0.0.1'
unix_socket_directories = '$T'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $T/archive/%f && cp %p $T/archive/%f'
archive_timeout = 60
shared_buffers = 32MB
CONF
pg $B/pg_ctl -D $T/data -l $T/server.log start -w >/dev/null
psql -h 127.0.0.1 -p $PGP -U postgres -qc "create database nilecare"
export NODE_ENV=development DATA_DIR=$T/nc DATABASE_URL=postgres://postgres@127.0.0.1:$PGP/nilecare LOG_LEVEL=warn NILECARE_ADMIN_EMAIL=ops@nilecare.local NILECARE_ADMIN_PASSWORD=Recovery-Trial-Pass-2026 PORT=0 HOST=127.0.0.1
$NC migrate up >/dev/null
( $NC serve & echo $! > $T/serve.pid; wait ) >/dev/null 2>&1 &
sleep 6; kill $(cat $T/serve.pid); sleep 1
$NC seed --patients 200 --appointments 0 | tail -1
echo "== base backup"; time pg_basebackup -h 127.0.0.1 -p $PGP -U postgres -D $T/base -Ft -z -X fetch --checkpoint=fast
$NC seed --patients 300 --appointments 0 | tail -1
TARGET=$(psql -h 127.0.0.1 -p $PGP -U postgres -d nilecare -Atc "select now()")
echo "good state: $(psql -h 127.0.0.1 -p $PGP -U postgres -d nilecare -Atc 'select count(*) from patients') patients at $TARGET"
sleep 2
echo "== the mistake: a wrong import of 1000 patients"
$NC seed --patients 1000 --appointments 0 | tail -1
psql -h 127.0.0.1 -p $PGP -U postgres -d nilecare -Atc "select 'now ' || count(*) || ' patients' from patients"
psql -h 127.0.0.1 -p $PGP -U postgres -Atc "select pg_switch_wal()" >/dev/null; sleep 2
psql -h 127.0.0.1 -p $PGP -U postgres -Atc "select 'archiver: archived ' || archived_count || ', failed ' || failed_count from pg_stat_archiver"
pg $B/pg_ctl -D $T/data stop -w >/dev/null
echo "== recover to $TARGET"
mv $T/data $T/data.broken; mkdir $T/data; tar -xzf $T/base/base.tar.gz -C $T/data; chown -R postgres:postgres $T/data; chmod 700 $T/data
cat >> $T/data/postgresql.auto.conf <<CONF
restore_command = 'cp $T/archive/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
touch $T/data/recovery.signal; chown postgres $T/data/recovery.signal
time pg $B/pg_ctl -D $T/data -l $T/recovery.log start -w -t 120 >/dev/null
for i in $(seq 1 30); do [ "$(psql -h 127.0.0.1 -p $PGP -U postgres -Atc 'select pg_is_in_recovery()')" = f ] && break; sleep 1; done
echo "recovered: $(psql -h 127.0.0.1 -p $PGP -U postgres -d nilecare -Atc 'select count(*) from patients') patients; in recovery: $(psql -h 127.0.0.1 -p $PGP -U postgres -Atc 'select pg_is_in_recovery()')"
grep -E "recovery stopping|archive recovery complete|selected new timeline" $T/recovery.log | sed 's/^[^]]*] //' | head -5
$NC audit verify
pg $B/pg_ctl -D $T/data stop -w >/dev/null
