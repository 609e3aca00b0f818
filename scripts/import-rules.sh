#!/usr/bin/env bash
# `npm run deps`: the import rules of .dependency-cruiser.cjs over packages/, e2e/ and bench/,
# failing on any violation. dependency-cruiser lives in tools/import-rules/ with its own lock file:
# it reads TypeScript through the compiler API of TypeScript 5, which TypeScript 7 (the project's
# compiler, a native binary) no longer ships, and one `tsc` in the project is enough.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=tools/import-rules
if [ ! -x "$tools/node_modules/.bin/depcruise" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
fi
"$tools/node_modules/.bin/depcruise" packages e2e bench --config .dependency-cruiser.cjs --output-type err "$@"
node scripts/query-rule.mjs
