#!/bin/sh
# The Temporal server's databases on the product's PostgreSQL: created when missing, their schemas
# set up and brought to this server version's (re-runnable; see infra/src/temporal-server.ts).
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u gongzhi "$@"; }
for db in temporal temporal_visibility; do
  tool --db "$db" create || echo "database $db exists"
done
tool --db temporal setup-schema -v 0.0
tool --db temporal update-schema --schema-name postgresql/v12/temporal
tool --db temporal_visibility setup-schema -v 0.0
tool --db temporal_visibility update-schema --schema-name postgresql/v12/visibility
