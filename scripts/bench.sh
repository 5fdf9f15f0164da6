#!/usr/bin/env bash
# `make bench`: prints one figure per line as `key: value unit`. Figures, not pass/fail: targets live in the
# issues, and this machine is noisy, so compare ratios between runs rather than single numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench >&2
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

cargo run -q --profile server -p atelier-render --example bench
# Rules: the size-first release profile the app ships with, natively and in headless Chromium (the browser
# benches are their own wasm test targets, `tests/wasm_bench.rs`, which `make test` does not run).
cargo run -q --release -p atelier-core --example rules_bench
cargo run -q --release -p atelier-core --example palette_bench
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --release -p atelier-core --target wasm32-unknown-unknown --locked --test wasm_bench -- \
  --nocapture 2>/dev/null | grep '^rules\.'
# The compositor alone in Chromium (wasm SIMD, as shipped), full and changed-zone renders.
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --release -p atelier-render --target wasm32-unknown-unknown --locked --test wasm_bench -- \
  --nocapture 2>/dev/null | grep '^render\.'
trunk build --release >&2
cargo build -q --profile server -p atelier-shop
SHOP_BIN="$PWD/target/server/atelier-shop" node tests/e2e/bench.mjs
SHOP_BIN="$PWD/target/server/atelier-shop" node tests/e2e/palette_bench.mjs
# Arrival: where start-up time goes, and the first preview under a phone's throttling, on the shop's page and
# inside a retailer's; then Lighthouse's mobile figures for both products and for a retailer's page.
SHOP_BIN="$PWD/target/server/atelier-shop" node tests/e2e/startup.mjs
SHOP_BIN="$PWD/target/server/atelier-shop" CHROME_PATH=/usr/bin/chromium node tests/e2e/lighthouse.mjs

# The app's own files; the retailers' loader is measured on its own (it is not part of the app's download).
# The workers load only on first use (the palette worker when a shopper reads a photo, the text worker when
# one writes personal text): measured on their own too.
wasm_js=$(ls dist/*.wasm dist/*.js | grep -v -e '/embed\.js$' -e '/palette_worker' -e '/text_worker')
bytes=$(for f in $wasm_js; do gzip -9 -c "$f" | wc -c; done | awk '{s += $1} END {print s}')
awk -v b="$bytes" 'BEGIN { printf "bundle.wasm_js_gzip_kb: %.1f KB\n", b / 1024 }'
# What the app's wasm is made of, by crate group: each group's share of it (tools/wasm-size, read from the
# module cargo wrote for trunk, which still has its function names).
cargo run -q -p atelier-wasm-size -- target/wasm32-unknown-unknown/release/atelier.wasm
echo "embed.loader_gzip_bytes: $(gzip -9 -c dist/embed.js | wc -c) bytes"
for name in palette_worker text_worker; do
  worker=$(for f in dist/"$name"*; do gzip -9 -c "$f" | wc -c; done | awk '{s += $1} END {print s}')
  awk -v n="$name" -v b="$worker" 'BEGIN { printf "bundle.%s_gzip_kb: %.1f KB\n", n, b / 1024 }'
done
# The order path: orders per second and latency at 32 clients on SQLite and PostgreSQL (one instance and
# two), the proof check's CPU per order, the store's durable inserts with group commit on and off.
scripts/bench_orders.sh
