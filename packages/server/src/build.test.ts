// The production build: `npm start` and the `paicha` bin run dist/ (build.mjs), not TypeScript.
// Built here into a folder of its own, then run as a user would: the CLI's help and migrate, and a
// server that signs in, lists, exports the ledger through its xlsx worker and serves the web app
// if it has been built — the parts a bundle can get wrong (chunks, worker files found by URL,
// the web folder found from dist/).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from './test/harness.js';
import { type ServerProcess, signIn, startServerProcess } from './test/server-process.js';

const run = promisify(execFile);
const SERVER_DIR = path.resolve(import.meta.dirname, '..');
// Inside the package (under the git-ignored .tmp/), so the built config finds the package as in dist/.
const OUT = path.join(SERVER_DIR, '.tmp', `build-${process.pid}`);

describe('the compiled build', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'paicha-build-'));
  let server: ServerProcess;

  beforeAll(async () => {
    await run(process.execPath, ['build.mjs', '--out', OUT], { cwd: SERVER_DIR });
    server = await startServerProcess(
      { PAICHA_DATA_DIR: dataDir, PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '' },
      path.join(OUT, 'main.mjs'),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(OUT, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds JavaScript only, with the worker files beside the chunks', () => {
    const files = readdirSync(OUT);
    expect(files.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'cli.mjs', 'xlsx-list.worker.mjs']));
    expect(files.filter((f) => f.endsWith('.worker.mjs')).length).toBeGreaterThanOrEqual(4);
  });

  it('runs the CLI: help without the database, migrate with it', async () => {
    const help = await run(process.execPath, [path.join(OUT, 'cli.mjs'), 'help']);
    expect(help.stdout).toContain('用法：paicha <命令>');
    expect(help.stdout).toContain('import <来源>');
    const env = { ...process.env, PAICHA_DATA_DIR: dataDir, DATABASE_URL: '', PAICHA_LOG_LEVEL: 'silent' };
    const migrate = await run(process.execPath, [path.join(OUT, 'cli.mjs'), 'migrate'], { env });
    expect(migrate.stdout).toContain('数据库已迁移到最新版本（sqlite）');
  });

  it('serves the API, and exports the ledger through its worker thread', async () => {
    const cookie = await signIn(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const list = await fetch(`${server.baseUrl}/api/problems?pageSize=5`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const exported = await fetch(`${server.baseUrl}/api/problems/export?list=all`, { headers: { cookie } });
    expect(exported.status).toBe(200);
    const bytes = Buffer.from(await exported.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: the .xlsx the worker wrote
  });

  it('finds the web app from dist/ when it has been built', async () => {
    const built = readdirSync(path.resolve(SERVER_DIR, '../web')).includes('dist');
    const page = await fetch(`${server.baseUrl}/`);
    if (built) expect(await page.text()).toContain('<div id="root">');
    else expect(page.status).toBe(404);
  });
});
