#!/usr/bin/env bash
# The test command (README; .ci/run calls it): run on a fresh clone, as root (or a sudoer), on a machine that may have nothing
# but Node 20, npm, Go and Python. Installs what is missing (idempotently: a second run installs
# nothing), runs the README's test command, then runs the db and workflow tests and the worker
# crash test once more against Debian's own PostgreSQL server, on the Temporal server persisted in
# it, to prove a stock server and the distributed engine work. Exits non-zero on any failure.
#
# The last line of output sums every test runner (vitest runs, schemathesis cases), plain, for CI:
# `612 passed, 0 failed, 3 skipped`. A failed run shows at least `1 failed` there, whatever failed.
#
# Budget: 90 minutes on 2 cores (about 78 expected), the first `go install` of the Temporal CLI (~5 min),
# of the S3 server versitygw (~2 min), of the Temporal server with its schema tool (~3 min) and of
# Helm and kubeconform (~4 min) included; the worker's cluster and fault tests take ~3.5 min of the main run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

export CI=true
export TURBO_TELEMETRY_DISABLED=1
export DEBIAN_FRONTEND=noninteractive

APT_PACKAGES=(chromium fonts-wqy-microhei postgresql libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)
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
    "$(((SECONDS - STARTED_AT) / 60))" "$(((SECONDS - STARTED_AT) % 60))" "$1" | tee -a "$LOG"
}

# --- every step's output is also kept in $LOG, which the closing tally reads --------------------
LOG=""
# Runs a command with its output (stdout and stderr) shown and appended to $LOG. pipefail keeps the
# command's exit status; a command added to a step without it is not seen by the tally.
logged() {
  "$@" 2>&1 | tee -a "$LOG"
}
# The closing line: the runners' totals from $LOG (infra/src/test-tally.ts), `0 passed, 1 failed`
# when the tally cannot run, and at least `1 failed` when the run failed (lint, typecheck, an
# install, a crashed runner: failures no runner counted). Never fails.
print_tally() {
  local status=$1 tally="" passed=0 failed=1 skipped=0
  if [[ -n "$LOG" && -f "$LOG" ]]; then
    tally="$(node --import tsx infra/src/test-tally.ts "$LOG" 2>/dev/null | tail -n 1)" || tally=""
  fi
  if [[ "$tally" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
    passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]} skipped=${BASH_REMATCH[4]:-0}
  fi
  if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
  if [[ $skipped -gt 0 ]]; then
    printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  else
    printf '%d passed, %d failed\n' "$passed" "$failed"
  fi
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
  print_tally "$status"
  if [[ -n "$LOG" ]]; then rm -f "$LOG"; fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
LOG="$(mktemp "${TMPDIR:-/tmp}/gongzhi-ci-log.XXXXXX")"

# -----------------------------------------------------------------------------------------------
step "system packages: ${APT_PACKAGES[*]}"
missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  logged echo "all installed"
else
  logged echo "installing: ${missing[*]}"
  logged "${SUDO[@]}" apt-get update
  logged "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "toolchain: node, pnpm $PNPM_VERSION, go"
logged node --version
logged node -e 'const [a, b] = process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 19)) { console.error("Node >= 20.19 is required"); process.exit(1); }'
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  logged npm install -g "pnpm@$PNPM_VERSION"
fi
logged echo "pnpm $(pnpm --version)"
# The Temporal CLI is built from source with Go: its release binaries are not reachable from CI.
logged go version

step "pnpm install --frozen-lockfile"
logged pnpm install --frozen-lockfile

# Finds or builds (go install, cached) one of the Go programs the tests run, and exports its path
# in the named variable so every test process (turbo passes it through) uses exactly this binary.
ensure_go_tool() {
  local variable="$1" script="$2" path
  shift 2
  path="$(pnpm --silent --filter @gongzhi/infra "$script" | tail -n 1)"
  if [[ ! -x "$path" ]]; then
    echo "$script printed no usable path: '$path'" >&2
    exit 1
  fi
  export "$variable=$path"
  # The arguments that print its version (--version unless given).
  logged "$path" "${@:---version}"
}

step "Temporal CLI (built once with go install, then cached)"
ensure_go_tool TEMPORAL_CLI_PATH temporal:ensure

step "S3 server for the object-store tests: versitygw (built once with go install, then cached)"
ensure_go_tool VERSITYGW_PATH s3:ensure

step "Temporal server and its schema tool, for the distributed engine (built once with go install, then cached)"
ensure_go_tool TEMPORAL_SERVER_PATH temporal-server:ensure
ensure_go_tool TEMPORAL_SQL_TOOL_PATH temporal-sql:ensure

step "Helm and kubeconform, for the deployment files (built once with go install, then cached)"
ensure_go_tool HELM_PATH helm:ensure version --short
ensure_go_tool KUBECONFORM_PATH kubeconform:ensure -v

step "pnpm test (lint, typecheck and test every package)"
logged pnpm test

step "dashboard: production build and the initial-JS size budget (300 kB gzip)"
logged pnpm --filter @gongzhi/web build
logged pnpm --filter @gongzhi/web size

step "dashboard end-to-end in Chromium against the real stack (prints the portfolio LCP)"
logged pnpm --filter @gongzhi/web test:e2e

step "schemathesis: fuzz the API's OpenAPI contract, authenticated (zero server errors, zero schema violations)"
logged bash apps/api/scripts/schemathesis.sh

step "stock PostgreSQL: start Debian's server on port $STOCK_PG_PORT"
STOCK_PG_BIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
logged "$STOCK_PG_BIN/postgres" --version
STOCK_PG_DATA="$(mktemp -d /tmp/gongzhi-ci-postgres.XXXXXX)"
if [[ "$(id -u)" -eq 0 ]]; then chown postgres:postgres "$STOCK_PG_DATA"; fi
as_pg_owner "$STOCK_PG_BIN/initdb" -D "$STOCK_PG_DATA" -U postgres --auth=trust --encoding=UTF8 >/dev/null
# max_connections: the worker, the tests and their pools connect at once, as with the embedded server.
logged as_pg_owner "$STOCK_PG_BIN/pg_ctl" -D "$STOCK_PG_DATA" -l "$STOCK_PG_DATA/server.log" -w \
  -o "-p $STOCK_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$STOCK_PG_DATA -c max_connections=300" \
  start

# The workflow tests run whole engagements and the worker's crash test kills a worker mid-engagement;
# here on the Temporal server itself (not the dev server), its persistence and visibility in that
# same stock PostgreSQL server. (The worker's cluster and fault tests start their own Temporal
# server in the main run already.)
step "db, workflow and worker-crash tests against the stock PostgreSQL server, on the Temporal server persisted in it"
export DATABASE_URL="postgres://postgres@127.0.0.1:$STOCK_PG_PORT/postgres" GONGZHI_TEST_TEMPORAL=server
logged pnpm --filter @gongzhi/db --filter @gongzhi/workflows --workspace-concurrency=1 test
logged pnpm --filter @gongzhi/worker exec vitest run src/crash.test.ts
unset DATABASE_URL GONGZHI_TEST_TEMPORAL

step "stop the stock PostgreSQL server"
logged stop_stock_postgres
STOCK_PG_DATA=""
