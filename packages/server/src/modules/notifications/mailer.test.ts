// Reminder mail goes through a real SMTP conversation with a local server.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../test/databases.js';
import { insertFinding } from '../../test/finding-rows.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../test/harness.js';
import { problemBody } from '../../test/problems.js';
import { unitIdByName } from '../../test/tables.js';
import { runReminders } from './reminders.js';

describe.each(DIALECTS)('reminder mail on %s', (dialect) => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    // Friday: reminders go out on working days only.
    t = await startTestApp(dialect, { now: '2019-12-20T02:00:00Z' });
    t.ctx.config.smtpUrl = `smtp://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails each new reminder and each hand-off to the unit users who gave an address, and only once', async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const units = (await t.request('GET', '/api/units', admin)).json() as { id: number; name: string }[];
    const zhongyun = units.find((u) => u.name === '中云街道')?.id;
    const res = await t.request('POST', '/api/users', admin, {
      username: 'zy-mail',
      displayName: '中云联络员',
      unitId: zhongyun,
      role: 'reporter',
      password: 'zy-mail-pass',
      email: 'zy@example.org',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (
        await t.request('POST', '/api/users', admin, {
          username: 'bad-mail',
          displayName: '',
          unitId: zhongyun,
          role: 'reporter',
          password: 'bad-mail-pass',
          email: 'not-an-address',
        })
      ).statusCode,
    ).toBe(400);

    const first = await runReminders(t.ctx);
    // 中云街道 gets two reminders (12-15 missed, 12-24 upcoming); nobody else has an address.
    expect(first.emailed).toBe(2);
    expect(received).toHaveLength(2);
    expect(received.every((m) => m.to.join() === 'zy@example.org')).toBe(true);
    expect(received.map((m) => m.data).join()).toContain('Subject: =?UTF-8?');
    const again = await runReminders(t.ctx);
    expect(again).toEqual({ created: 0, emailed: 0 });
    expect(received).toHaveLength(2);
    // A 催办 goes out by mail too.
    const urge = await t.request('POST', '/api/notifications/urge', admin, {
      unitIds: [zhongyun],
      title: '请尽快报送问题清单',
    });
    expect(urge.json()).toEqual({ created: 1 });
    expect(received).toHaveLength(3);
    expect(received[2]?.data).toContain('Subject: =?UTF-8?');

    // A hand-off is mailed too, once its transaction has committed (in the background: a slow
    // mail server does not hold up the clerk), and only to the receiving unit.
    const campaignId = (await t.request('GET', '/api/campaigns', admin)).json()[0].id as number;
    const assigned = await t.request('POST', '/api/problems', admin, {
      ...problemBody(campaignId),
      unitId: zhongyun,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await vi.waitFor(() => expect(received).toHaveLength(4), { timeout: 10_000 });
    expect(received[3]?.to).toEqual(['zy@example.org']);
    const note = (await t.request('GET', '/api/notifications?all=1&kind=assigned', admin)).json().items[0];
    expect(note.title).toMatch(/^【交办】问题 \d+ 已交办本单位整改$/);
    // A refused hand-off sends nothing: no notice, no mail.
    const stale = await t.request('POST', `/api/problems/${assigned.json().problem.id}/assign`, admin, {
      version: 99,
      unitId: zhongyun,
      reason: '',
    });
    expect(stale.statusCode).toBe(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(4);
  });

  it("mails the office's 核实认定 on a street's 不属实 like any other hand-off", async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const campaignId = (await t.request('GET', '/api/campaigns', admin)).json()[0].id as number;
    const street = await unitIdByName(t, '中云街道');
    const id = await insertFinding(t, {
      campaign_id: campaignId,
      unit_id: street,
      household_id: 'M1',
      verification: 'disputed',
      version: 2,
    });
    const before = received.length;
    const res = await t.request('POST', `/api/households/findings/${id}/decision`, admin, {
      action: 'reject',
      version: 2,
      note: '务工收入无佐证',
    });
    expect(res.statusCode, res.body).toBe(200);
    await vi.waitFor(() => expect(received).toHaveLength(before + 1), { timeout: 10_000 });
    expect(received[before]?.to).toEqual(['zy@example.org']);
    const note = (await t.request('GET', '/api/notifications?all=1&kind=finding_decision', admin)).json()
      .items[0];
    expect(note).toMatchObject({
      entity: 'finding',
      entityId: id,
      link: `/households/findings?finding=${id}`,
    });
    expect(note.title).toBe('【不属实未认定】户M1的问题线索请按属实整改');
  });
});
