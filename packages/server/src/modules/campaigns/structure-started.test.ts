// Once the campaign has started its structure still changes, but each change needs a reason and is
// kept in the history; a report already submitted keeps the items it was submitted with (its view
// and its .xlsx/.docx exports), while a draft follows the structure of today. Screening rules keep
// their item through a reorder (by id) and show as unmapped when it goes.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { fillAndSubmit, ids, reportUrl } from '../../test/reports.js';

type Row = { seq: number; subCategory: string; content: string; unitsText: string; situation: string };

async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  for (let r = 4; typeof ws.getCell(r, 1).value === 'number'; r++)
    rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => String(ws.getCell(r, c).value ?? '')));
  return rows;
}

async function docxText(body: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(body)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
}

describe.each(DIALECTS)('campaign structure once started on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let campaignId: number;
  let zyUrl: string;
  let hzUrl: string;
  const url = (path = '') => `/api/campaigns/${campaignId}${path}`;
  const version = async () => (await t.request('GET', url('/structure'), admin)).json().version as number;
  const view = async (u: string) =>
    (await t.request('GET', u, admin)).json() as { status: string; rows: Row[] };
  const file = async (u: string) => {
    const res = await t.request('GET', u, admin);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect, { now: '2020-01-03T02:00:00Z' });
    admin = await t.login('admin', ADMIN_PASSWORD);
    const { unit, ...rest } = await ids(t, admin);
    campaignId = rest.campaignId;
    zyUrl = reportUrl(campaignId, '2020-01', unit('中云街道'));
    hzUrl = reportUrl(campaignId, '2020-01', unit('猴嘴街道'));
    const r = await t.userIn('中云街道', 'reporter');
    const h = await t.userIn('中云街道', 'unit_head', 'zy_head');
    await fillAndSubmit(t, r.cookie, h.cookie, zyUrl);
  });
  afterAll(() => t.close());

  it('keeps a submitted report as submitted after a rename, a reorder and a removal; a draft follows', async () => {
    const submitted = await view(zyUrl);
    expect(submitted.status).toBe('submitted');
    const xlsxBefore = await xlsxRows(await file(`${zyUrl}/export?format=xlsx`));
    const docxBefore = await docxText(await file(`${zyUrl}/export?format=docx`));
    const draftBefore = await view(hzUrl);
    const renamed = draftBefore.rows[7] as Row;
    const removed = draftBefore.rows[3] as Row;
    const first = draftBefore.rows[0] as Row;

    const noReason = await t.request('PATCH', url(`/check-items/${renamed.seq}`), admin, {
      version: await version(),
      content: '（修订）是否存在政策落实不到位的问题。',
    });
    expect(noReason.statusCode).toBe(422);
    const edits = [
      t.request('PATCH', url(`/check-items/${renamed.seq}`), admin, {
        version: await version(),
        content: '（修订）是否存在政策落实不到位的问题。',
        reason: '按市排查要求修订表述',
      }),
    ];
    expect((await edits[0])?.statusCode).toBe(200);
    const removedRes = await t.request('POST', url(`/check-items/${removed.seq}/remove`), admin, {
      version: await version(),
      reason: '与第5项重复，合并',
    });
    expect(removedRes.statusCode, removedRes.body).toBe(200);
    const movedRes = await t.request('POST', url('/check-items/1/move'), admin, {
      version: await version(),
      to: 3,
      reason: '按工作顺序调整',
    });
    expect(movedRes.statusCode, movedRes.body).toBe(200);

    // The submitted report: the same rows, the same files.
    expect((await view(zyUrl)).rows).toEqual(submitted.rows);
    expect(await xlsxRows(await file(`${zyUrl}/export?format=xlsx`))).toEqual(xlsxBefore);
    expect(await docxText(await file(`${zyUrl}/export?format=docx`))).toBe(docxBefore);
    expect(xlsxBefore.some((r) => r[2] === removed.content)).toBe(true);

    // A draft: today's structure.
    const draft = await view(hzUrl);
    expect(draft.rows.map((r) => r.content)).not.toContain(removed.content);
    expect(draft.rows.map((r) => r.content)).toContain('（修订）是否存在政策落实不到位的问题。');
    expect(draft.rows.find((r) => r.content === first.content)?.seq).toBe(3);
    expect(draft.rows.map((r) => r.seq)).toEqual([...draft.rows.map((r) => r.seq)].sort((a, b) => a - b));
    // A clerk's save of rows read before the reorder is refused; read again, it goes through.
    const hz = await t.userIn('猴嘴街道', 'reporter');
    const stale = await t.request('PUT', hzUrl, hz.cookie, {
      version: 0,
      structureVersion: 1,
      rows: [{ seq: 3, situation: '按旧序号填写', measures: '', progress: '' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('调整了排查事项');
    const fresh = (await t.request('GET', hzUrl, hz.cookie)).json();
    const saved = await t.request('PUT', hzUrl, hz.cookie, {
      version: 0,
      structureVersion: fresh.structureVersion,
      rows: [{ seq: 3, situation: '按新序号填写', measures: '', progress: '' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rows.find((r: Row) => r.seq === 3)).toMatchObject({
      content: first.content,
      situation: '按新序号填写',
    });
    const hzXlsx = await xlsxRows(await file(`${hzUrl}/export?format=xlsx`));
    expect(hzXlsx.map((r) => r[2])).toEqual(draft.rows.map((r) => r.content));

    const history = (await t.request('GET', url('/structure'), admin)).json();
    expect(history.started).toBe(true);
    expect(
      history.changes.map((c: { action: string; reason: string; started: boolean }) => [
        c.action,
        c.reason,
        c.started,
      ]),
    ).toEqual([
      ['check_item.move', '按工作顺序调整', true],
      ['check_item.remove', '与第5项重复，合并', true],
      ['check_item.update', '按市排查要求修订表述', true],
    ]);
    expect(history.changes[2].before.content).toBe(renamed.content);
  });

  it("follows a rule's item through a reorder by id, and lists a rule whose item went as unmapped", async () => {
    const rules = async () =>
      (await t.request('GET', url('/rule-items'), admin)).json() as {
        ruleId: string;
        templateSeq: number;
        checkItem: { seq: number; content: string } | null;
      }[];
    const before = await rules();
    const income = before.find((r) => r.ruleId === 'income_below_line');
    expect(income?.checkItem).not.toBeNull();
    const content = income?.checkItem?.content;
    const moved = await t.request('POST', url(`/check-items/${income?.checkItem?.seq}/move`), admin, {
      version: await version(),
      to: 1,
      reason: '数据比对事项提前',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await rules()).find((r) => r.ruleId === 'income_below_line')?.checkItem).toMatchObject({
      seq: 1,
      content,
    });

    const school = before.find((r) => r.ruleId === 'school_age_not_enrolled');
    const gone = await t.request('POST', url(`/check-items/${school?.checkItem?.seq}/remove`), admin, {
      version: await version(),
      reason: '本区不再排查该项',
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await rules()).find((r) => r.ruleId === 'school_age_not_enrolled')?.checkItem).toBeNull();

    const set = await t.request('PUT', url('/rule-items/school_age_not_enrolled'), admin, {
      version: await version(),
      seq: 2,
      reason: '并入第2项',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await rules()).find((r) => r.ruleId === 'school_age_not_enrolled')?.checkItem?.seq).toBe(2);
    const missing = await t.request('PUT', url('/rule-items/school_age_not_enrolled'), admin, {
      version: await version(),
      seq: 99,
      reason: '错误',
    });
    expect(missing.statusCode).toBe(404);
  });
});
