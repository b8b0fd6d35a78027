#!/bin/sh
# The images' entrypoint: `api`, `worker`, `migrate` or `first-admin` (anything else runs as given).
set -eu
# Where the image keeps the tree (a test runs this script over a copy elsewhere).
APP="${GONGZHI_APP_DIR:-/app}"
# Files in the image's volume unless a directory or an S3 bucket is named.
if [ -z "${GONGZHI_FILES_DIR:-}" ] && [ -z "${GONGZHI_S3_BUCKET:-}" ]; then
  export GONGZHI_FILES_DIR=/data/files
fi
command="${1:-}"
[ "$#" -gt 0 ] && shift
case "$command" in
  api)
    cd "$APP"/apps/api
    exec node --enable-source-maps dist/server.js
    ;;
  worker)
    # tsx resolves from the worker's own dependencies.
    cd "$APP"/apps/worker
    exec node --import tsx src/main.ts
    ;;
  migrate)
    # Applies the pending migrations to DATABASE_URL and exits (an init container, a Helm hook).
    cd "$APP"/apps/worker
    # `migrate --rolled-back <migration>` after a failed migration was fixed (see the script).
    exec node --import tsx ../../packages/db/src/scripts/migrate.ts "$@"
    ;;
  first-admin)
    # On a database without any account: creates `admin` and prints its password, once.
    cd "$APP"/apps/worker
    exec node --import tsx ../../packages/db/src/scripts/first-admin.ts
    ;;
  *)
    exec "$command" "$@"
    ;;
esac
