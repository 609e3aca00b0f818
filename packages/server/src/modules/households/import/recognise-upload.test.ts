// Several files picked at once in the browser: an upload without a source has its source
// recognised by its headers (then its name) — the CLI's rule, core detectSource — and one that
// cannot be placed is kept for the office to name its source.
import { idCheckCharacter } from '@paicha/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../../test/harness.js';

const id = (first17: string) => first17 + idCheckCharacter(first17);
const HEAD = id('32070619800101123');
const CHILD = id('32070620100101123');
const NATIONAL = `户编号,姓名,证件号码,与户主关系,在校生状况,是否享受低保\n3207001,张三,${HEAD},户主,非在校生,否\n3207001,张小,${CHILD},之子,在校生,否\n`;
const EDUCATION = `学生姓名,学生身份证号,学校名称,在校状态\n张小,${CHILD},开发区实验学校,在校\n`;

function multipart(name: string, body: Buffer) {
  const boundary = '----paicha';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, body, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function waterXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('供水');
  ws.addRow(['开发区农村饮水情况表']);
  ws.addRow(['户编号', '户主姓名', '是否通自来水']);
  ws.addRow(['3207001', '张三', '是']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('upload without a source on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => t?.close());

  const upload = async (name: string, body: Buffer, query = '') => {
    const up = multipart(name, body);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/households/uploads${query}`,
      headers: { cookie: admin, ...up.headers },
      payload: up.payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('recognises a GBK national CSV, an education list and a water .xlsx by their headers', async () => {
    const national = await upload('全国扶贫开发信息系统.csv', iconv.encode(NATIONAL, 'gbk'));
    expect(national).toMatchObject({
      source: 'national',
      recognised: { by: 'name', candidates: [] },
      encoding: 'gb18030',
      headerRow: 1,
      ok: true,
    });
    const education = await upload('学生.csv', Buffer.from(EDUCATION));
    expect(education).toMatchObject({ source: 'education', recognised: { by: 'headers' }, ok: true });
    const water = await upload('3.xlsx', await waterXlsx());
    expect(water).toMatchObject({ source: 'water', recognised: { by: 'headers' }, headerRow: 2, ok: true });

    // What was recognised imports like any upload.
    const start = await t.request('POST', '/api/households/imports', admin, {
      uploadId: water.upload.id,
      source: water.source,
      mapping: {},
    });
    expect(start.statusCode, start.body).toBe(202);
  });

  it('keeps a file whose headers fit several sources, naming them, and previews it once a source is chosen', async () => {
    const res = await upload('导出数据.csv', Buffer.from(NATIONAL));
    expect(res).toMatchObject({ source: null, ok: false, columns: [], recognised: { by: null } });
    expect(res.recognised.candidates).toEqual(expect.arrayContaining(['national', 'sunshine']));
    expect(res.message).toContain('阳光扶贫监管系统');
    const chosen = await t.request('POST', `/api/households/uploads/${res.upload.id}/preview`, admin, {
      source: 'sunshine',
      mapping: {},
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ source: 'sunshine', recognised: null, ok: true });
  });

  it('says when no source fits, and leaves a named source as it was', async () => {
    const none = await upload('名单.csv', Buffer.from('序号,备注\n1,无\n'));
    expect(none).toMatchObject({ source: null, ok: false, recognised: { by: null, candidates: [] } });
    expect(none.message).toContain('表头不符合任何数据来源');
    const named = await upload('学生.csv', Buffer.from(EDUCATION), '?source=education');
    expect(named).toMatchObject({ source: 'education', recognised: null, ok: true });
  });

  it('asks a signed-out caller to sign in before reading anything', async () => {
    const up = multipart('学生.csv', Buffer.from(EDUCATION));
    const res = await t.app.inject({ method: 'POST', url: '/api/households/uploads', ...up });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
