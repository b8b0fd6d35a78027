#!/usr/bin/env bash
# The test command (README; .ci/run calls it): run on a fresh clone, as root (or a sudoer), on a machine that may have nothing
# but Node 20, npm, Go and Python. Installs what is missing (idempotently: a second run installs
# nothing), runs the README's test command, then runs the db and workflow tests once more against
# Debian's own PostgreSQL server to prove a stock server works. Exits non-zero on any failure.
#
# Budget: 90 minutes on 2 cores, the first `go install` of the Temporal CLI (~5 min) included.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export CI=true
export TURBO_TELEMETRY_DISABLED=1
export DEBIAN_FRONTEND=noninteractive

APT_PACKAGES=(chromium fonts-wqy-microhei postgresql libreoffice-writer-nogui)
PNPM_VERSION=12.4.2
STOCK_PG_PORT=5499

STARTED_AT=$SECONDS
STEP_STARTED_AT=$SECONDS
CURRENT_STEP="setup"
SUMMARY=()

step() {
  if [[ "$CURRENT_STEP" != "setup" ]]; then
    SUMMARY+=("$(printf '%5ss  %s' "$((SECONDS - STEP_STARTED_AT))" "$CURRENT_STEP")")
  fi
  CURRENT_STEP="$1"
  STEP_STARTED_AT=$SECONDS
  printf '\n\033[1m==== [%s, +%dm%02ds] %s ====\033[0m\n' "$(date -u +%H:%M:%S)" \
    "$(((SECONDS - STARTED_AT) / 60))" "$(((SECONDS - STARTED_AT) % 60))" "$1"
}

if [[ "$(id -u)" -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi

# --- stock PostgreSQL, stopped whatever happens ------------------------------------------------
STOCK_PG_DATA=""
STOCK_PG_BIN=""
as_pg_owner() {
  # PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user.
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_stock_postgres() {
  if [[ -n "$STOCK_PG_DATA" && -f "$STOCK_PG_DATA/postmaster.pid" ]]; then
    echo "stopping the stock PostgreSQL server on port $STOCK_PG_PORT"
    as_pg_owner "$STOCK_PG_BIN/pg_ctl" -D "$STOCK_PG_DATA" -m fast -w stop >/dev/null || true
  fi
  if [[ -n "$STOCK_PG_DATA" ]]; then rm -rf "$STOCK_PG_DATA"; fi
}
on_exit() {
  local status=$?
  stop_stock_postgres
  SUMMARY+=("$(printf '%5ss  %s' "$((SECONDS - STEP_STARTED_AT))" "$CURRENT_STEP")")
  printf '\n==== summary ====\n'
  printf '%s\n' "${SUMMARY[@]}"
  printf 'total %dm%02ds\n' "$(((SECONDS - STARTED_AT) / 60))" "$(((SECONDS - STARTED_AT) % 60))"
  if [[ $status -eq 0 ]]; then
    printf '\033[1;32mCI passed\033[0m\n'
  else
    printf '\033[1;31mCI FAILED (exit %d) during: %s\033[0m\n' "$status" "$CURRENT_STEP"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -----------------------------------------------------------------------------------------------
step "system packages: ${APT_PACKAGES[*]}"
missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "all installed"
else
  echo "installing: ${missing[*]}"
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "toolchain: node, pnpm $PNPM_VERSION, go"
node --version
node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error("Node >= 20.19 is required"); process.exit(1); }'
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi
echo "pnpm $(pnpm --version)"
# The Temporal CLI is built from source with Go: its release binaries are not reachable from CI.
go version

step "pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile

step "Temporal CLI (built once with go install, then cached)"
TEMPORAL_CLI_PATH="$(pnpm --silent --filter @gongzhi/infra temporal:ensure | tail -n 1)"
if [[ ! -x "$TEMPORAL_CLI_PATH" ]]; then
  echo "temporal:ensure printed no usable path: '$TEMPORAL_CLI_PATH'" >&2
  exit 1
fi
# Exported so every test process (turbo passes it through) uses exactly this binary.
export TEMPORAL_CLI_PATH
"$TEMPORAL_CLI_PATH" --version

step "pnpm test (lint, typecheck and test every package)"
pnpm test

step "dashboard: production build and the initial-JS size budget (300 kB gzip)"
pnpm --filter @gongzhi/web build
pnpm --filter @gongzhi/web size

step "dashboard end-to-end in Chromium against the real stack (prints the portfolio LCP)"
pnpm --filter @gongzhi/web test:e2e

step "schemathesis: fuzz the API's OpenAPI contract, authenticated (zero server errors, zero schema violations)"
bash apps/api/scripts/schemathesis.sh

step "stock PostgreSQL: start Debian's server on port $STOCK_PG_PORT"
STOCK_PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
"$STOCK_PG_BIN/postgres" --version
STOCK_PG_DATA="$(mktemp -d /tmp/gongzhi-ci-postgres.XXXXXX)"
if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$STOCK_PG_DATA"; fi
as_pg_owner "$STOCK_PG_BIN/initdb" -D "$STOCK_PG_DATA" -U postgres --auth=trust --encoding=UTF8 >/dev/null
# max_connections: the worker, the tests and their pools connect at once, as with the embedded server.
as_pg_owner "$STOCK_PG_BIN/pg_ctl" -D "$STOCK_PG_DATA" -l "$STOCK_PG_DATA/server.log" -w \
  -o "-p $STOCK_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$STOCK_PG_DATA -c max_connections=300" \
  start

step "db and workflow tests against the stock PostgreSQL server"
DATABASE_URL="postgres://postgres@127.0.0.1:$STOCK_PG_PORT/postgres" \
  pnpm --filter @gongzhi/db --filter @gongzhi/workflows --workspace-concurrency=1 test

step "stop the stock PostgreSQL server"
stop_stock_postgres
STOCK_PG_DATA=""
