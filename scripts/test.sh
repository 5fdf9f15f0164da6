#!/usr/bin/env bash
# Everything `make test` runs, in order of how fast it fails: formatting, lints, native tests (the shop's twice:
# on SQLite, then on a throwaway PostgreSQL), wasm tests in headless Chromium, then the built app against the
# real shop in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
# One build from scratch gains nothing from incremental compilation, and its files were gigabytes on disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy (native workspace, and the app for wasm32)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p atelier --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p atelier-render --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "native tests"
cargo test --workspace --locked

step "the shop's tests again, on PostgreSQL (a throwaway cluster on a free loopback port, removed afterwards)"
# The same suite with a database of its own per test on that server (crates/atelier-shop/tests/common). It
# takes 1–2 minutes; the bound keeps a stuck server from holding the test command. The tests that only run here
# (they say SKIPPED in the SQLite run): two shop instances on one server (tests/instances.rs), and PostgreSQL
# stopped and started under a running shop, on a cluster of that test's own (tests/database_faults.rs).
timeout 900 scripts/postgres.sh cargo test -p atelier-shop --locked

step "wasm tests in headless Chromium (native and browser renders and rule answers must be the same)"
# The compositor twice: with wasm SIMD as shipped (.cargo/config.toml), and as plain scalar wasm, each asserting
# at build time which one it is (ATELIER_EXPECT_SIMD); both must give the native reference bytes. RUSTFLAGS
# replaces the config's target rustflags, and its own target dir keeps the two builds from evicting each other.
ATELIER_EXPECT_SIMD=1 cargo test -p atelier-render --target wasm32-unknown-unknown --locked --test wasm
# The SIMD kernel against the scalar one, lane by lane, on every run length and the extremes of every input.
cargo test -p atelier-render --target wasm32-unknown-unknown --locked --lib
ATELIER_EXPECT_SIMD=0 RUSTFLAGS="-C target-feature=-simd128" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}/nosimd" \
  cargo test -p atelier-render --target wasm32-unknown-unknown --locked --test wasm
cargo test -p atelier-core --target wasm32-unknown-unknown --locked --test wasm

step "build the app (trunk, release) and the shop"
trunk build --release
cargo build -p atelier-shop --locked

step "the word lists ship only in the text worker's wasm"
# The lists' files open with this line (compiled in with them): the app's and the palette worker's wasm must
# not carry it, the text worker's must (else this check proves nothing).
for wasm in dist/*_bg.wasm; do
  listed=$(grep -c -a 'Atelier starter word list' "$wasm" || true)
  if [[ "$wasm" == dist/text_worker_bg.wasm ]]; then
    [[ "$listed" -gt 0 ]] || { echo "$wasm has no word lists" >&2; exit 1; }
  else
    [[ "$listed" -eq 0 ]] || { echo "$wasm links the word lists" >&2; exit 1; }
  fi
done

step "end-to-end in headless Chromium against the real shop"
node --test --test-concurrency=1 tests/e2e/

printf '\n\033[1m[test] all green\033[0m\n'
