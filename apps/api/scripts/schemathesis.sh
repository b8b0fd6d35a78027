#!/usr/bin/env bash
# Runs schemathesis against the API on the real stack (see schemathesis.ts). From anywhere:
#   bash apps/api/scripts/schemathesis.sh [extra `st run` options, e.g. --max-examples 50]
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx scripts/schemathesis.ts "$@"
