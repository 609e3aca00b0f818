// paicha import: household exports into the database, each file all or nothing.
//   paicha import <source> <file>                  one file (the original form; its output is a contract)
//   paicha import <source>=<file> [<source>=<file> …]   a whole delivery in one process
//   paicha import <folder|file> …                  each file's source recognised by its headers
//                                                  (its name where the headers fit several systems)
// Exit 0 when every file was imported, 2 when any was rejected or its source not recognised
// (the others are still imported: each file stands alone, as in the browser).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AppError,
  FIELD_IDS,
  type FieldId,
  HOUSEHOLD_SOURCES,
  type HouseholdSource,
  isHouseholdSource,
  SOURCE_LABELS,
} from '@paicha/core';
import { guessFileSource } from '../modules/households/import/file-source.js';
import { runImport } from '../modules/households/import/import.service.js';
import { formatOf } from '../modules/households/import/read-table.js';
import type { TableFormat } from '../modules/households/import/types.js';
import { openRuntime, type Runtime } from '../runtime.js';

function parseMappings(list: string[] | undefined): Record<string, FieldId | null> {
  const out: Record<string, FieldId | null> = {};
  for (const m of list ?? []) {
    const at = m.lastIndexOf('=');
    if (at <= 0) throw new AppError('bad_request', `--map 应为“表头=字段”：${m}`);
    const field = m.slice(at + 1).trim();
    if (field && !FIELD_IDS.includes(field as FieldId))
      throw new AppError('bad_request', `未知字段：${field}（可用：${FIELD_IDS.join(', ')}）`);
    out[m.slice(0, at)] = field ? (field as FieldId) : null;
  }
  return out;
}

const NOT_A_TABLE = '只支持 .csv 和 .xlsx 文件（.xls 请在 Excel/WPS 中另存为 .xlsx）';

/** One file of the delivery: its source given (`source=file`, or the single form) or to be recognised. */
interface Job {
  file: string;
  format: TableFormat;
  source: HouseholdSource | null;
  /** Why the source could not be recognised (the file is then not imported). */
  unrecognised?: string;
}

/** The jobs the arguments name; a folder stands for its .csv/.xlsx files (by name). */
function jobsOf(positionals: string[]): { jobs: Job[]; single: boolean } {
  const [first, second] = positionals;
  if (positionals.length === 2 && first && second && isHouseholdSource(first) && !second.includes('=')) {
    const format = formatOf(second);
    if (!format) throw new AppError('bad_request', NOT_A_TABLE);
    return { jobs: [{ file: second, format, source: first }], single: true };
  }
  if (positionals.length === 0)
    throw new AppError(
      'bad_request',
      '需要来源和文件：paicha import <来源> <文件>，或 <来源>=<文件> …，或文件夹',
    );
  const jobs: Job[] = [];
  for (const arg of positionals) {
    const at = arg.indexOf('=');
    const named = at > 0 ? arg.slice(0, at) : null;
    if (named !== null && !isHouseholdSource(named))
      throw new AppError('bad_request', `来源应为：${HOUSEHOLD_SOURCES.join(' | ')}（“${arg}”）`);
    const target = named !== null ? arg.slice(at + 1) : arg;
    const stats = statSync(target, { throwIfNoEntry: false });
    if (!stats) throw new AppError('bad_request', `找不到文件：${target}`);
    if (stats.isDirectory()) {
      if (named !== null) throw new AppError('bad_request', `“${arg}”：来源=后面应为一个文件，不是文件夹`);
      const files = readdirSync(target)
        .filter((f) => formatOf(f) && !f.startsWith('~$') && !f.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'zh-CN'));
      if (files.length === 0) throw new AppError('bad_request', `文件夹中没有 .csv 或 .xlsx 文件：${target}`);
      for (const f of files)
        jobs.push({ file: path.join(target, f), format: formatOf(f) as TableFormat, source: null });
      continue;
    }
    const format = formatOf(target);
    if (!format) throw new AppError('bad_request', `${NOT_A_TABLE}：${target}`);
    jobs.push({ file: target, format, source: named as HouseholdSource | null });
  }
  return { jobs, single: false };
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, map: { type: 'string', multiple: true } },
  });
  const { jobs, single } = jobsOf(positionals);
  const mapping = parseMappings(values.map);
  // Recognised before anything is imported, so a delivery with an unknown file says so up front.
  for (const job of jobs) {
    if (job.source) continue;
    const guess = await guessFileSource(path.resolve(job.file), path.basename(job.file), job.format);
    if (guess.source) job.source = guess.source;
    else {
      job.unrecognised = guess.message;
      if (!values.json)
        console.error(`无法识别来源：${job.file}：${guess.message}；请写成 <来源>=${job.file}`);
    }
  }
  // The rows go in on the writer worker's connection; this one reads little (database.ts).
  const runtime = await openRuntime({ sqliteCacheMb: 16 });
  try {
    const outcomes: FileOutcome[] = [];
    for (const job of jobs)
      outcomes.push(await importOne(runtime, job, mapping, { json: !!values.json, single }));
    if (values.json) {
      if (single) console.log(JSON.stringify(outcomes[0]?.json));
      else console.log(JSON.stringify({ files: outcomes.map((o) => o.json) }));
    } else if (!single) {
      const done = outcomes.filter((o) => o.ok).length;
      console.log(`共 ${outcomes.length} 个文件：已导入 ${done} 个，未导入 ${outcomes.length - done} 个`);
    }
    return outcomes.every((o) => o.ok) ? 0 : 2;
  } finally {
    await runtime.close();
  }
}

interface FileOutcome {
  ok: boolean;
  json: Record<string, unknown>;
}

async function importOne(
  runtime: Runtime,
  job: Job,
  mapping: Record<string, FieldId | null>,
  { json, single }: { json: boolean; single: boolean },
): Promise<FileOutcome> {
  if (!job.source)
    return {
      ok: false,
      json: { file: job.file, source: null, status: 'unrecognised', message: job.unrecognised ?? '' },
    };
  const source = job.source;
  const tty = !json && process.stderr.isTTY;
  // Each file's own wall time, for a delivery of several (a rate per file, not over the whole run).
  const started = performance.now();
  const r = await runImport(runtime.ctx, {
    source,
    path: path.resolve(job.file),
    fileName: path.basename(job.file),
    format: job.format,
    mapping,
    actorId: null,
    onProgress: tty
      ? (p) =>
          process.stderr.write(
            `\r${path.basename(job.file)}：已读取 ${p.rows} 行（${Math.round((p.bytesRead / Math.max(1, p.bytesTotal)) * 100)}%）`,
          )
      : undefined,
  });
  if (tty) process.stderr.write('\n');
  const ok = r.status === 'committed';
  if (!json) {
    // The single form prints what it always printed; a delivery names each file.
    const which = single ? '' : `：${job.file}`;
    if (ok) console.log(`已导入${SOURCE_LABELS[source]}：${r.rows} 行（导入批次 ${r.importId}）${which}`);
    else {
      console.error(
        single ? `文件未导入：${r.message}` : `文件未导入（${SOURCE_LABELS[source]}${which}）：${r.message}`,
      );
      for (const e of r.errors.slice(0, 50))
        console.error(`  第${e.row}行 ${e.column}${e.value ? `“${e.value}”` : ''}：${e.message}`);
      if (r.errorCount > 50) console.error(`  …… 共 ${r.errorCount} 处错误`);
    }
  }
  return {
    ok,
    json: {
      ...(single ? {} : { file: job.file, source, ms: Math.round(performance.now() - started) }),
      rows: r.rows,
      accepted: ok ? r.accepted : 0,
      rejected: r.rejected,
      errors: r.errors.map((e) => ({ row: e.row, column: e.column, message: e.message, value: e.value })),
      importId: r.importId,
      status: r.status,
      errorCount: r.errorCount,
    },
  };
}
