#!/usr/bin/env bash
# The whole test suite: system parts, static checks, the web build, then every vitest project
# (core, server on SQLite and PostgreSQL, e2e in Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system.sh
echo "== typecheck"
npm run --silent typecheck
echo "== lint"
npx biome check .
echo "== import rules"
npm run --silent deps
echo "== web build"
npm run --silent build >/dev/null
echo "== tests"
npx vitest run
