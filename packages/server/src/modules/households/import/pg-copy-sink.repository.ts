// PostgreSQL side of row-sink.ts: COPY … FROM STDIN on a connection of the import's own. COPY's
// text format is the cheapest way into PostgreSQL — no parameters to bind, no array literals to
// build and parse — and the server parses it in its own process, on the other core, while this
// thread reads and normalises the next rows. The table was created (and committed) before; a
// COPY that fails or is cut off stores nothing (it is one statement).
import { once } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppContext } from '../../../kernel/context.js';
import { updateImport } from './imports.repository.js';
import { indexStatements, type RowColumn, rowsTableName } from './rows-table.repository.js';
import type { RowSink } from './types.js';

/** Rows per write to the stream: ~100–300 KB of text. */
const CHUNK_ROWS = 2048;
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for NULL; backslash, tab and line breaks escaped. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`cannot store ${v}`);
    return String(v);
  }
  if (typeof v !== 'string') throw new TypeError(`cannot store a ${typeof v}`);
  return SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c] as string) : v;
}

export async function postgresCopySink(
  ctx: AppContext,
  importId: number,
  columns: RowColumn[],
): Promise<RowSink> {
  const url = ctx.config.databaseUrl;
  if (!url) throw new Error('PostgreSQL import without a database URL');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const table = rowsTableName(importId);
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  let failure: Error | null = null;
  stream.on('error', (err: Error) => {
    failure ??= err;
  });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Not yet awaited: a failure before `end` is reported by the next flush.
  finished.catch(() => {});
  const width = columns.length;
  let lines: string[] = [];
  const cells = new Array<string>(width);

  const flush = async () => {
    if (failure) throw failure;
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    lines = [];
    if (!stream.write(text)) await once(stream, 'drain');
  };
  return {
    add(values) {
      for (let c = 0; c < width; c++) cells[c] = copyText(values[c]);
      lines.push(cells.join('\t'));
      return lines.length === CHUNK_ROWS;
    },
    flush,
    // The server's own writes never wait for COPY's rows (they touch other tables).
    update: (patch) => updateImport(ctx.db, importId, patch),
    async end() {
      await flush();
      stream.end();
      await finished;
    },
    // Each index on a connection of its own, side by side (one server process each, on both
    // cores), with sort memory enough to stay off temporary files; then ANALYZE.
    async index() {
      const statements = indexStatements(importId, 'postgres', columns);
      const builds = statements.filter((st) => st.startsWith('create index'));
      await Promise.all(
        builds.map((st) =>
          ctx.db.transaction().execute(async (trx) => {
            await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
            await sql.raw(st).execute(trx);
          }),
        ),
      );
      for (const st of statements) if (!builds.includes(st)) await sql.raw(st).execute(ctx.db);
    },
    async close() {
      // Ends the connection; a COPY still open is aborted by the server with it.
      await client.end().catch(() => {});
    },
  };
}
