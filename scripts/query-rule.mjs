// Part of `npm run deps`: a query is built only in a repository. dependency-cruiser sees
// imports, but most queries go through `ctx.db`, which needs no import of Kysely — so the
// query builders' entry points are looked for in the server's code outside *.repository.ts, db/
// and tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../packages/server/src');
const QUERY =
  /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\bsql(<[^>]*>)?`|\bsql\.(raw|ref|table|id|lit|join)\(/;
const exempt = (file) =>
  /\.repository\.ts$|\.test\.ts$/.test(file) || /^(db|test)\//.test(path.relative(root, file));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|mjs)$/.test(entry.name) && !exempt(full)) yield full;
  }
}

const found = [];
for (const file of files(root)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (!/^\s*\*/.test(line) && QUERY.test(code))
        found.push(`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`);
    });
}
if (found.length) {
  console.error(`query-outside-repository: ${found.length} line(s) build a query outside a *.repository.ts:`);
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
console.log('query-outside-repository: none');
