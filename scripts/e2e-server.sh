#!/usr/bin/env bash
# Serves the built app for the end-to-end tests on a fresh embedded database with the demo seed.
set -euo pipefail
port="${1:-3100}"
export NEXT_TELEMETRY_DISABLED=1 CONDUCT_DATA_DIR="tmp/e2e-data" PORT="$port" HOSTNAME=127.0.0.1
unset DATABASE_URL
rm -rf tmp/e2e-data
exec npx tsx --conditions=react-server scripts/start.ts
