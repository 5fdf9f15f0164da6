#!/usr/bin/env bash
# The order path's figures, run by `make bench` (scripts/bench.sh) and runnable alone: the shop (server
# profile) on loopback loaded by tools/order-load from a second process, 32 clients, bounded in orders and
# time, on SQLite and on PostgreSQL (a throwaway cluster through scripts/postgres.sh), one shop instance and
# then two on one PostgreSQL; the proof check's CPU per order; the store's durable write path alone, group
# commit on and off. Prints `key: value unit` lines; everything lives in a temp dir removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=32
REQUESTS=4000
SECONDS_BOUND=20

if [ "${1:-}" != --inside-postgres ]; then
  cargo build -q --profile server -p atelier-shop -p atelier-order-load --bins --example store_bench
fi
SHOP=$PWD/target/server/atelier-shop
LOAD=$PWD/target/server/atelier-order-load
STORE_BENCH=$PWD/target/server/examples/store_bench
TMP=$(mktemp -d "${TMPDIR:-/tmp}/atelier-orders-bench.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_shop PORT DATABASE_URL: the shop in the background, waited for until it answers (at most 120 s).
start_shop() {
  ATELIER_ADDR=127.0.0.1:$1 DATABASE_URL=$2 ATELIER_STATIC_DIR=static ATELIER_APP_DIR="$TMP/dist" \
    RUST_LOG=warn "$SHOP" >"$TMP/shop-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1200); do
    if curl -sf "http://127.0.0.1:$1/api/products" >/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the shop on port $1 did not start:" >&2
  cat "$TMP/shop-$1.log" >&2
  exit 1
}

# load KEY URL...: a short warm-up (first-touch costs), then the measured run.
load() {
  local key=$1
  shift
  "$LOAD" --key warmup --clients "$CLIENTS" --requests 300 --seconds 10 "$@" >/dev/null
  "$LOAD" --key "$key" --clients "$CLIENTS" --requests "$REQUESTS" --seconds "$SECONDS_BOUND" "$@"
}

if [ "${1:-}" = --inside-postgres ]; then
  server=$ATELIER_TEST_DATABASE_URL
  one=$(free_port)
  start_shop "$one" "$server"
  load orders.postgres "http://127.0.0.1:$one"
  two=$(free_port)
  start_shop "$two" "$server"
  load orders.two_instances "http://127.0.0.1:$one" "http://127.0.0.1:$two"
  "$STORE_BENCH" "$TMP" "$server"
  exit 0
fi

port=$(free_port)
start_shop "$port" "sqlite://$TMP/orders.db"
load orders.sqlite "http://127.0.0.1:$port"
kill "${PIDS[0]}"
"$LOAD" --proof-cpu
"$STORE_BENCH" "$TMP/store"
scripts/postgres.sh "$0" --inside-postgres
