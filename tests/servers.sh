# Sourced by test.sh: starts the real servers the suite needs for this run and stops them on exit.
#   PostgreSQL 15 (with PostGIS and pgRouting available as extensions): a throw-away cluster made by
#   initdb in a temporary folder, bound to 127.0.0.1 on a free port, password authentication.
#   Redis: redis-server on 127.0.0.1, a free port, no persistence.
# The test cluster trades durability for speed (fsync off); PG_SPEED_OPTIONS= (empty) keeps the
# server's durable defaults, as tests/load.sh does for figures that mean something.
# Exports PSC119_TEST_POSTGRES (an Npgsql connection string of the superuser) and PSC119_TEST_REDIS
# (a StackExchange.Redis configuration string). A variable that is already set is respected: the
# suite then uses that server instead of starting one.

SERVERS_DIR=$(mktemp -d /tmp/psc119-servers.XXXXXX)
chmod 755 "$SERVERS_DIR"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as the unprivileged owner of the cluster (initdb and postgres refuse root).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_servers() {
  if [ -n "${PG_STARTED:-}" ]; then as_pg "$PG_BIN/pg_ctl" -D "$SERVERS_DIR/pg" -m immediate stop >/dev/null 2>&1; fi
  if [ -n "${REDIS_PID:-}" ]; then kill "$REDIS_PID" 2>/dev/null; wait "$REDIS_PID" 2>/dev/null; fi
  rm -rf "$SERVERS_DIR"
}

start_postgres() {
  if [ -n "${PSC119_TEST_POSTGRES:-}" ]; then say "Using the PostgreSQL in PSC119_TEST_POSTGRES."; return 0; fi
  [ -x "$PG_BIN/initdb" ] || { say "PostgreSQL server binaries not found under /usr/lib/postgresql."; return 1; }
  local port password
  port=$(free_port)
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  mkdir -p "$SERVERS_DIR/pg" && printf '%s\n' "$password" >"$SERVERS_DIR/pgpass"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$SERVERS_DIR/pg" "$SERVERS_DIR/pgpass"; fi
  as_pg "$PG_BIN/initdb" -D "$SERVERS_DIR/pg" -U postgres --auth-host=scram-sha-256 --auth-local=trust \
      --pwfile="$SERVERS_DIR/pgpass" -E UTF8 --locale=C.UTF-8 >"$SERVERS_DIR/initdb.log" 2>&1 \
    || { say "initdb failed:"; cat "$SERVERS_DIR/initdb.log" >&2; return 1; }
  as_pg "$PG_BIN/pg_ctl" -D "$SERVERS_DIR/pg" -l "$SERVERS_DIR/pg/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $SERVERS_DIR/pg -c max_connections=300 ${PG_SPEED_OPTIONS--c fsync=off -c synchronous_commit=off -c full_page_writes=off}" start >/dev/null \
    || { say "PostgreSQL did not start:"; cat "$SERVERS_DIR/pg/server.log" >&2; return 1; }
  PG_STARTED=1
  export PSC119_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
  say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (PSC119_TEST_POSTGRES)."
}

start_redis() {
  if [ -n "${PSC119_TEST_REDIS:-}" ]; then say "Using the Redis in PSC119_TEST_REDIS."; return 0; fi
  command -v redis-server >/dev/null || { say "redis-server not found."; return 1; }
  local port
  port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize no \
    >"$SERVERS_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
      export PSC119_TEST_REDIS="127.0.0.1:$port"
      say "Redis on 127.0.0.1:$port (PSC119_TEST_REDIS)."
      return 0
    fi
    sleep 0.1
  done
  say "Redis did not start:"; cat "$SERVERS_DIR/redis.log" >&2
  return 1
}

# Run directly (`bash tests/servers.sh`) it starts both servers, prints the two variables for
# another shell, and keeps them up until interrupted: handy when running single tests by hand.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  say() { printf '%s\n' "$*" >&2; }
  trap stop_servers EXIT
  trap 'exit 0' INT TERM
  start_postgres && start_redis || exit 1
  printf "export PSC119_TEST_POSTGRES='%s'\nexport PSC119_TEST_REDIS='%s'\n" "$PSC119_TEST_POSTGRES" "$PSC119_TEST_REDIS"
  while :; do sleep 3600 & wait $!; done
fi
