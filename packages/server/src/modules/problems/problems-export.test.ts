// Ledger exports stream: every matching problem once, in ledger order across read pages and
// (unit, item) groups, the footer counting what was written; two exports at once per person,
// the slot given back when a download finishes or the client goes away.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsRunning } from '../../http/export-stream.js';
import { seedBulkProblems } from '../../test/bulk-problems.js';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';

const N = 1_300; // several read pages (250) and a few hundred (unit, item) groups

async function workbook(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
}

/** Problem ids of a list sheet, top to bottom, and the footer under them. */
function idsAndFooter(ws: ExcelJS.Worksheet) {
  const ids: number[] = [];
  let r = 5;
  while (typeof ws.getCell(r, 2).value === 'number') ids.push(ws.getCell(r++, 2).value as number);
  return { ids, footer: ws.getCell(r + 1, 1).value, lastSeq: ws.getCell(r - 1, 1).value };
}

describe.each(DIALECTS)('streamed ledger exports on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let adminId: number;

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-03-01T02:00:00Z' });
    await seedBulkProblems(t.ctx, N);
    admin = await t.login('admin', ADMIN_PASSWORD);
    adminId = (
      await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The ledger order the export promises, straight from the database. */
  async function ledgerOrder(where = sql`true`) {
    const { rows } = await sql<{ id: number }>`
      select p.id from problems p
      join units u on u.id = p.unit_id join check_items i on i.id = p.check_item_id
      where ${where} order by u.sort_order, u.id, i.seq, p.id`.execute(t.ctx.db);
    return rows.map((r) => Number(r.id));
  }

  it('writes every problem once, in ledger order across pages and groups, and counts them in the footer', {
    timeout: 120_000,
  }, async () => {
    const res = await t.request('GET', '/api/problems/export?list=all', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const expected = await ledgerOrder();
    expect(expected).toHaveLength(N);
    const sheet = await workbook(res.rawPayload);
    for (const name of ['问题清单', '责任清单', '整改清单']) {
      const ws = sheet(name);
      const { ids, footer, lastSeq } = idsAndFooter(ws);
      expect(ids).toEqual(expected);
      expect(lastSeq).toBe(N);
      expect(footer).toBe(`共 ${N} 个问题`);
      expect(ws.getCell('A1').value).toContain(name);
      expect(ws.getRow(5).height).toBeGreaterThanOrEqual(20);
    }
    // Filters and scope hold page after page: a street's closed problems only.
    const street = await t.userIn('中云街道', 'reporter');
    const unit = await t.ctx.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', '中云街道')
      .executeTakeFirstOrThrow();
    const own = await t.request('GET', '/api/problems/export?list=problems&status=closed', street.cookie);
    const { ids, footer } = idsAndFooter((await workbook(own.rawPayload))('问题清单'));
    const closed = await ledgerOrder(sql`p.unit_id = ${unit.id} and p.status = 'closed'`);
    expect(closed.length).toBeGreaterThan(0);
    expect(ids).toEqual(closed);
    expect(footer).toBe(`共 ${closed.length} 个问题`);
  });

  it('runs at most two exports per person at once (429 too_many_exports) and frees a slot on finish or disconnect', {
    timeout: 120_000,
  }, async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    // A download whose body is not read: the server keeps the export open until we go.
    const open = (cookie: string) =>
      new Promise<{ status: number; res: http.IncomingMessage; req: http.ClientRequest }>(
        (resolve, reject) => {
          const req = http.get(
            { host: '127.0.0.1', port, path: '/api/problems/export?list=all', headers: { cookie } },
            (res) => {
              res.pause();
              resolve({ status: res.statusCode ?? 0, res, req });
            },
          );
          req.on('error', reject);
        },
      );
    const waitFor = async (cond: () => boolean) => {
      for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(cond()).toBe(true);
    };

    // Three at once: two are taken, the third refused. Sent together, so the evidence does not
    // depend on how quickly a small ledger renders (one sent after another could find the first
    // already handed whole to the socket's buffers, its slot back).
    const opened = await Promise.all([open(admin), open(admin), open(admin)]);
    const running = opened.filter((o) => o.status === 200);
    const refused = opened.filter((o) => o.status === 429);
    expect(running).toHaveLength(2);
    expect(refused).toHaveLength(1);
    const [first, second] = running as [(typeof opened)[0], (typeof opened)[0]];
    const body = await new Promise<string>((resolve) => {
      const res = (refused[0] as (typeof opened)[0]).res;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => resolve(text));
      res.resume();
    });
    expect(JSON.parse(body).error.code).toBe('too_many_exports');
    expect(JSON.parse(body).error.message).toMatch(/导出/);
    // The limit is per person: someone else still exports.
    const other = await t.userIn('中云街道', 'reporter');
    expect((await t.request('GET', '/api/problems/export?list=problems', other.cookie)).statusCode).toBe(200);

    // The client of the first goes away (the server may have handed it all to the socket by
    // now, on a small ledger): either way its slot comes back.
    first.req.destroy();
    await waitFor(() => exportsRunning(t.ctx, adminId) <= 1);
    // The second is read to the end: its slot comes back when the response is done.
    second.res.resume();
    await new Promise((r) => second.res.on('end', r));
    await waitFor(() => exportsRunning(t.ctx, adminId) === 0);
    expect((await t.request('GET', '/api/problems/export?list=problems', admin)).statusCode).toBe(200);
    expect(exportsRunning(t.ctx, adminId)).toBe(0);
  });

  it('gives the slot back when the export is refused before it starts', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.request('GET', '/api/problems/export?campaignId=999999', admin);
      expect(res.statusCode).toBe(404);
    }
    expect(exportsRunning(t.ctx, adminId)).toBe(0);
  });
});
