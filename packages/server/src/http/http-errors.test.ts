import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test/databases.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';

describe.each(DIALECTS)('HTTP basics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers health, the OpenAPI document and its docs page', async () => {
    expect((await t.request('GET', '/api/health')).json()).toEqual({ ok: true });
    const spec = (await t.request('GET', '/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns',
        '/api/campaigns/{id}/check-items',
        '/api/auth/login',
        '/api/units',
        '/api/users',
      ]),
    );
    const docs = await t.request('GET', '/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('gives unknown routes a JSON 404', async () => {
    const res = await t.request('GET', '/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/no-such-thing') },
    });
  });

  it("answers a malformed or over-long path segment with a JSON 400, not the router's own body", async () => {
    for (const url of ['/api/problems/%E4%B8', `/api/problems/${'9'.repeat(150)}`]) {
      const res = await t.request('GET', url, await t.login('admin', ADMIN_PASSWORD));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/网址/) } });
    }
  });

  it('rejects malformed JSON with 400 invalid_json and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'admin', password: 'x'.repeat(2_000_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('rejects a body in the wrong content type with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('reports validation failures field by field, in Chinese', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    const res = await t.request('POST', '/api/units', cookie, { name: 'x', kind: 'planet' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/kind', '/name']);
    expect(body.error.message).toMatch(/单位名称至少2个字/);
  });

  it('refuses NUL in a path, a query or a body with 400 (PostgreSQL refuses it in any text parameter)', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    for (const [method, url, body] of [
      ['GET', '/api/households/households/%00/visits', undefined],
      ['GET', '/api/households/findings?q=%00', undefined],
      ['GET', '/api/problems?q=a%00b', undefined],
      ['GET', '/api/notifications?q=%00', undefined],
      ['POST', '/api/units', { name: '新\u0000街道', kind: 'street' }],
    ] as const) {
      const res = await t.request(method, url, cookie, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    // Signed out, the gate still answers first.
    expect((await t.request('GET', '/api/problems?q=%00')).statusCode).toBe(401);
  });

  it('asks for a session on every API route but health', async () => {
    for (const url of ['/api/campaigns', '/api/units', '/api/auth/me', '/api/users']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
});
