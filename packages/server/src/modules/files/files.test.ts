import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { tinyPdf, tinyPng, upload } from '../../test/files.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { countRows } from '../../test/tables.js';

describe.each(DIALECTS)('evidence files on %s', (dialect) => {
  let t: TestApp;
  let reporter: { cookie: string };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    reporter = await t.userIn('中云街道', 'reporter');
  });
  afterAll(() => t.close());

  it('stores a file checked by content with its sha256 and serves it back with proper headers', async () => {
    const png = tinyPng();
    const res = await upload(t, reporter.cookie, '入户照片.png', png, 'image/png');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      name: '入户照片.png',
      mime: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    const dl = await t.request('GET', `/api/files/${a.id}`, reporter.cookie);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('入户照片.png')}`,
    );
    expect(dl.rawPayload.equals(png)).toBe(true);
  });

  it('names the type by its bytes, not by the name it was given', async () => {
    const res = await upload(t, reporter.cookie, 'scan.jpg', tinyPdf());
    expect(res.json().mime).toBe('application/pdf');
  });

  it('refuses a program dressed as a picture, and an empty file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const res = await upload(t, reporter.cookie, 'photo.png', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    expect((await upload(t, reporter.cookie, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(400);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const before = await countRows(t, 'attachments');
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(t.ctx.config.uploadLimitBytes + 10)]);
    const res = await upload(t, reporter.cookie, 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(await countRows(t, 'attachments')).toBe(before);
  });

  it("never stores under a path taken from the file name, and hides one unit's files from another", async () => {
    const res = await upload(t, reporter.cookie, '../../../etc/passwd.pdf', tinyPdf());
    expect(res.json().name).toBe('passwd.pdf');
    const other = await t.userIn('猴嘴街道', 'reporter');
    const denied = await t.request('GET', `/api/files/${res.json().id}`, other.cookie);
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toEqual((await t.request('GET', '/api/files/999999', other.cookie)).json());
  });

  it('lets the uploader discard an unattached upload, and nobody else', async () => {
    const a = (await upload(t, reporter.cookie, '多余.pdf', tinyPdf())).json();
    const other = await t.userIn('中云街道', 'unit_head');
    expect((await t.request('DELETE', `/api/files/${a.id}`, other.cookie)).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/files/${a.id}`, reporter.cookie)).statusCode).toBe(200);
    expect((await t.request('GET', `/api/files/${a.id}`, reporter.cookie)).statusCode).toBe(404);
  });
});
