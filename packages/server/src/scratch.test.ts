import { it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp } from './test/harness.js';

it('scratch', async () => {
  const t = await startTestApp('sqlite');
  const admin = await t.login('admin', ADMIN_PASSWORD);
  for (const startDate of [
    '9999-12-31',
    '0001-01-01',
    '0000-01-01',
    '2020-02-29',
    '2099-12-20',
    '1900-01-01',
  ]) {
    const c = await t.request('POST', '/api/campaigns', admin, { title: 'xx活动', startDate });
    console.log(startDate, c.statusCode, c.body.slice(0, 200));
    if (c.statusCode !== 200) continue;
    const id = c.json().id;
    for (const url of [
      `/api/supervision/dashboard?campaignId=${id}`,
      `/api/supervision/scorecard?campaignId=${id}`,
      `/api/campaigns/${id}/overview`,
      `/api/campaigns/${id}/monthly-reports`,
      `/api/campaigns/${id}/submissions`,
    ]) {
      const r = await t.request('GET', url, admin);
      console.log(' ', url, r.statusCode, r.statusCode >= 500 ? r.body : '');
    }
  }
  await t.close();
}, 60000);
