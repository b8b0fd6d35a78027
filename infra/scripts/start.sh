#!/usr/bin/env bash
# The start command (README): on a fresh machine with Node 20 and Go, installs pnpm and the
# workspace, then runs the whole product on embedded defaults — Temporal dev server, embedded
# PostgreSQL, worker, API, dashboard and demo data. Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TURBO_TELEMETRY_DISABLED=1
PNPM_VERSION=12.4.2
if [[ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi
pnpm install --frozen-lockfile
exec pnpm start
