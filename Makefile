# Atelier's three commands. Each sets up what is missing first (scripts/setup.sh), so they work on a fresh
# machine of this kind (Debian 12, rustup, Node 20).
.PHONY: run test bench setup app shop

export PATH := $(CURDIR)/.tools/binaryen/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

## run: build the app and the shop, then serve http://127.0.0.1:8080 (SQLite file atelier.db)
run: setup app
	cargo run --profile server -p atelier-shop

## test: fmt, clippy, every Rust test (native and in headless Chromium), the browser end-to-end tests
test:
	@scripts/test.sh

## bench: compositor speed natively and in headless Chromium, bundle size; one `key: value unit` per line
bench:
	@scripts/bench.sh

setup:
	scripts/setup.sh

app:
	trunk build --release
