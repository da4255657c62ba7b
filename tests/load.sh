#!/usr/bin/env bash
# Ingest -> push load test on this machine: the floor (a bare WebSocket echo), then the API in
# Release on a fresh database, loaded `runs` times (read the second and later: the first includes
# the server's warm-up).
#   tests/load.sh [sqlite|postgres] [runs] [load options, e.g. --operators 50 --rate 500 --seconds 20]
# postgres: a throw-away PostgreSQL cluster (tests/servers.sh) with the server's durable defaults
# (fsync and synchronous_commit on), not the fsync-off cluster the test suite uses.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}; runs=${2:-2}; shift $(( $# < 2 ? $# : 2 ))
options=("$@"); [ ${#options[@]} -gt 0 ] || options=(--operators 50 --rate 500 --seconds 20)
say() { printf '%s\n' "$*" >&2; }

work=$(mktemp -d /tmp/psc119-load.XXXXXX)
for project in Dispatch.Api tests/Dispatch.Benchmarks; do
  dotnet build -c Release "$project" -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; rm -rf "$work"; exit 1; }
done
bench() { dotnet tests/Dispatch.Benchmarks/bin/Release/net10.0/Dispatch.Benchmarks.dll "$@"; }

api=""
. tests/servers.sh
cleanup() { if [ -n "$api" ]; then kill "$api" 2>/dev/null; wait "$api" 2>/dev/null || true; fi; stop_servers; rm -rf "$work"; }
trap cleanup EXIT

case "$provider" in
  sqlite) database=(Database__Provider=sqlite "Database__ConnectionString=Data Source=$work/load.db") ;;
  postgres)
    unset PSC119_TEST_POSTGRES
    PG_SPEED_OPTIONS="" start_postgres
    database=(Database__Provider=postgres "Database__ConnectionString=${PSC119_TEST_POSTGRES/Database=postgres/Database=psc119_load}") ;;
  *) say "usage: tests/load.sh [sqlite|postgres] [runs] [load options]"; exit 2 ;;
esac

port=$(free_port)
echo "== floor: bare WebSocket echo"
bench echo --connections 50 --rate 500 --seconds 20 | tail -3

echo "== $provider: API on 127.0.0.1:$port"
# KnownProxies: this machine is the proxy whose X-Forwarded-For the API believes, so that
# --sign-in-flood can come from many addresses (loopback is trusted anyway; said here for clarity).
(cd Dispatch.Api && exec env ASPNETCORE_ENVIRONMENT=Development "${database[@]}" Seed__DemoHistory=0 ForwardedHeaders__KnownProxies__0=127.0.0.1 \
   Logging__LogLevel__Default=Warning dotnet bin/Release/net10.0/Dispatch.Api.dll --urls "http://127.0.0.1:$port") \
   >"$work/api.log" 2>&1 &
api=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done
curl -fs -o /dev/null "http://127.0.0.1:$port/health" || { say "The API did not start:"; cat "$work/api.log" >&2; exit 1; }

status=0
for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs"
  bench load --url "http://127.0.0.1:$port" --pid "$api" "${options[@]}" | tail -16 || status=1
done
exit $status
