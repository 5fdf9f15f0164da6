#!/usr/bin/env bash
# A throwaway PostgreSQL for the shop's tests: `scripts/postgres.sh COMMAND...` runs COMMAND with
# ATELIER_TEST_DATABASE_URL pointing at a fresh cluster, then stops the cluster and deletes it (also when
# COMMAND fails or the script is interrupted). Without a command it prints the URL and keeps the cluster until
# Ctrl-C.
#
# Installs Debian's `postgresql` if its server binaries are missing (apt-get, through sudo when not root). The
# cluster runs as an unprivileged user (the `postgres` system user when run as root, else the caller), in a
# temp dir, on a free loopback port (listen_addresses=127.0.0.1, its socket in the data dir), trusting loopback
# connections: it holds nothing but test databases and lives only as long as this script.
set -euo pipefail

say() { printf '\033[1m[postgres]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  say "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y postgresql >/dev/null || {
    as_root apt-get update >/dev/null
    as_root apt-get install -y postgresql >/dev/null
  }
fi
BIN=$(pg_bin)

# Who runs the server: never root (PostgreSQL refuses to).
if [ "$(id -u)" = 0 ]; then
  RUN_AS=(runuser -u postgres --)
  OWNER=postgres
else
  RUN_AS=()
  OWNER=$(id -un)
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/atelier-pg.XXXXXX")
chown "$OWNER" "$TMP"
DATA=$TMP/data
LOG=$TMP/server.log
CHILD=

cleanup() {
  local status=$?
  if [ -n "$CHILD" ]; then kill "$CHILD" 2>/dev/null || true; fi
  if [ -f "$DATA/postmaster.pid" ]; then
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null

# A random high port; if it is taken the server cannot bind and pg_ctl reports it, so try another.
PORT=
for _ in 1 2 3 4 5 6 7 8; do
  candidate=$((20000 + RANDOM % 40000))
  if "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 \
    -o "-p $candidate -k $DATA -c listen_addresses=127.0.0.1" start >/dev/null; then
    PORT=$candidate
    break
  fi
done
if [ -z "$PORT" ]; then
  say "the server did not start; its log:"
  cat "$LOG" >&2 || true
  exit 1
fi

export ATELIER_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
say "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $ATELIER_TEST_DATABASE_URL ($DATA)"

if [ "$#" -eq 0 ]; then
  echo "ATELIER_TEST_DATABASE_URL=$ATELIER_TEST_DATABASE_URL"
  say "Ctrl-C stops and deletes it"
  while true; do sleep 3600; done
fi

# In the background, so an interrupt reaches the trap at once (and the trap ends the command).
"$@" &
CHILD=$!
status=0
wait "$CHILD" || status=$?
CHILD=
exit "$status"
