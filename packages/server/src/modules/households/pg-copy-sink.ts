// PostgreSQL side of row-sink.ts: COPY … FROM STDIN on a connection of the import's own. COPY's
// text format is the cheapest way into PostgreSQL — no parameters to bind, no array literals to
// build and parse — and the server parses it in its own process, on the other core, while this
// thread reads and normalises the next rows. The table was created (and committed) before; a
// COPY that fails or is cut off stores nothing (it is one statement).
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppContext } from '../../http/context.js';
import type { RowSink } from './row-sink.js';
import { indexRowsTable, type RowColumn, rowsTableName } from './rows-table.js';

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
    async end() {
      await flush();
      stream.end();
      await finished;
    },
    index: () => indexRowsTable(ctx.db, 'postgres', importId, columns),
    async close() {
      // Ends the connection; a COPY still open is aborted by the server with it.
      await client.end().catch(() => {});
    },
  };
}
