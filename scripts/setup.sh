#!/usr/bin/env bash
# Installs what building and testing Atelier needs, skipping whatever is already there:
#   the wasm32 target, trunk 0.21.14, wasm-bindgen-cli at the version in Cargo.lock, wasm-opt (npm binaryen 132),
#   with `--browser` Debian's chromium + chromium-driver and the e2e driver (npm playwright-core), and with
#   `--bench` also Lighthouse (npm lighthouse 13.5.0, into .tools/; it never downloads a browser).
# Versions and traps are explained in ../shared/TOOLCHAIN.md: trunk 0.22 refuses rustc 1.95, Debian's wasm-opt
# cannot read current wasm-bindgen output, and prebuilt-binary installers need a network this machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BROWSER=0
BENCH=0
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    --bench) BROWSER=1; BENCH=1 ;;
    *) echo "usage: scripts/setup.sh [--browser] [--bench]" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Tools cargo installs land here; make sure they are found in this and later steps.
export PATH="$HOME/.cargo/bin:$PATH"

# The toolchain is pinned in rust-toolchain.toml. Rustup cannot download a toolchain here; when the installed
# stable is exactly the pinned version, it is linked under the pinned name (what rustup would have installed).
# `rustup run stable` and `toolchain list` ignore the pin, so nothing here tries a download first.
PINNED=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep "^$PINNED-" >/dev/null; then
  STABLE=$(rustup run stable rustc --version 2>/dev/null | awk '{print $2}')
  if [ "$STABLE" = "$PINNED" ]; then
    HOST=$(rustup run stable rustc -vV | sed -n 's/^host: //p')
    say "using the installed stable toolchain ($STABLE) as the pinned $PINNED"
    ln -s "$(rustup run stable rustc --print sysroot)" "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$PINNED-$HOST"
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  # Without --locked: its lockfile pins a webpki-roots version the registry no longer serves.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! trunk --version 2>/dev/null | grep -q '^trunk 0.21.14$'; then
  say "installing trunk 0.21.14 (about 5 minutes)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version 0.21.14 --locked --force
fi

if [ ! -x .tools/binaryen/node_modules/.bin/wasm-opt ]; then
  say "installing wasm-opt (npm binaryen 132) into .tools/"
  npm install --silent --no-audit --no-fund --prefix .tools/binaryen binaryen@132.0.0
fi

if [ "$BROWSER" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    say "installing the e2e driver (npm playwright-core, which never downloads a browser) and axe-core"
    npm ci --silent --no-audit --no-fund --prefix tests/e2e
  fi
fi

# Lighthouse 13 declares Node 22 but runs on this machine's Node 20 (checked: ../shared/TOOLCHAIN.md); npm
# only warns about the engine.
if [ "$BENCH" = 1 ] && [ ! -f .tools/lighthouse/node_modules/lighthouse/package.json ]; then
  say "installing Lighthouse (npm lighthouse 13.5.0) into .tools/"
  npm install --silent --no-audit --no-fund --prefix .tools/lighthouse lighthouse@13.5.0
fi

# Offline builds (trunk passes --offline to cargo) need every crate fetched first.
cargo fetch --locked -q
say "tools ready"
