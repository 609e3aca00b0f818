// The floor paicha's end-to-end run is measured against: DuckDB (one thread) loading the same seven
// CSV files into tables with read_csv, in the same run, on the same disk. DuckDB reads UTF-8,
// UTF-16 and Latin-1 only (GBK needs its `encodings` extension, downloaded at run time — not here),
// so the GBK 阳光扶贫 export is first decoded to UTF-8 by iconv-lite as a stream, and that decode is
// part of the floor: paicha decodes the same bytes.
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { HouseholdSource } from '@paicha/core';
import iconv from 'iconv-lite';

export interface DuckDbFloor {
  /** Wall clock of the whole floor: decode + every read_csv, ms. */
  ms: number;
  /** Of which the GBK → UTF-8 decode, ms. */
  decodeMs: number;
  rows: Record<string, number>;
  /** This process's peak RSS after the load, MB (DuckDB runs in-process). */
  rssMb: number;
}

/** Header rows above the data: the national export has a title row and a blank one above its header. */
const SKIP: Partial<Record<HouseholdSource, number>> = { national: 2 };

export async function duckDbFloor(
  files: Record<HouseholdSource, string>,
  encodings: Partial<Record<HouseholdSource, 'gbk'>>,
  workDir: string,
): Promise<DuckDbFloor> {
  const started = performance.now();
  const utf8: Record<string, string> = { ...files };
  let decodeMs = 0;
  for (const [source, encoding] of Object.entries(encodings)) {
    const t = performance.now();
    const out = path.join(workDir, `${source}.utf8.csv`);
    const sink = createWriteStream(out);
    await pipeline(createReadStream(files[source as HouseholdSource]), iconv.decodeStream(encoding), sink);
    if (!sink.closed) await once(sink, 'close');
    utf8[source] = out;
    decodeMs += performance.now() - t;
  }
  const db = await DuckDBInstance.create(path.join(workDir, 'floor.duckdb'), { threads: '1' });
  const c = await db.connect();
  const rows: Record<string, number> = {};
  try {
    for (const [source, file] of Object.entries(utf8)) {
      const skip = SKIP[source as HouseholdSource] ?? 0;
      // all_varchar: the exports' cells are text as paicha reads them (IDs with a check letter X,
      // dates written three ways); sniffing types would also be work paicha does not skip.
      await c.run(
        `create table ${source} as select * from read_csv('${file.replaceAll("'", "''")}', header = true, skip = ${skip}, all_varchar = true)`,
      );
      const r = await c.runAndReadAll(`select count(*) as n from ${source}`);
      rows[source] = Number(r.getRows()[0]?.[0] ?? 0);
    }
    await c.run('checkpoint');
  } finally {
    c.closeSync();
    db.closeSync();
  }
  const ms = performance.now() - started;
  for (const f of Object.values(utf8)) if (f.endsWith('.utf8.csv')) rmSync(f, { force: true });
  rmSync(path.join(workDir, 'floor.duckdb'), { force: true });
  rmSync(path.join(workDir, 'floor.duckdb.wal'), { force: true });
  return { ms, decodeMs, rows, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
