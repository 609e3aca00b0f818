// After a redeploy an open tab still runs the old build: opening another page asks the server
// for a chunk that is gone. The tab reloads itself once; if the page's code is still missing, a
// Chinese message with a 刷新 button shows inside the layout (menu still there), never a blank
// page — and 刷新 works once the code is back.
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/web/dist/assets');

describe('a page whose code is gone after a redeploy', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('reloads once, then says 系统已更新 with 刷新 inside the layout, and 刷新 recovers', async () => {
    const chunks = (await readdir(ASSETS)).filter((f) => /^AuditLogPage-.*\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    const { context, page } = await h.newPage();
    let loads = 0;
    page.on('load', () => loads++);
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      // Signed in, the layout and the landing page's code loaded.
      await page.getByTestId('current-user').waitFor();
      await page.getByTestId('menu-admin-audit').waitFor();
      // The "redeploy": the audit page's chunk disappears from under the open tab.
      for (const c of chunks) await rename(path.join(ASSETS, c), path.join(ASSETS, `${c}.gone`));
      const before = loads;
      await page.getByTestId('menu-admin-audit').click();
      const error = page.getByTestId('page-error');
      await error.waitFor({ timeout: 20_000 });
      expect(await error.getAttribute('data-kind')).toBe('chunk');
      await expect(error.textContent()).resolves.toContain('系统已更新，请刷新页面');
      // One automatic reload, and no loop.
      expect(loads - before).toBe(1);
      await page.waitForTimeout(2_000);
      expect(loads - before).toBe(1);
      expect(new URL(page.url()).pathname).toBe('/admin/audit');
      // Still inside the layout: the menu and the signed-in user are there.
      await expect(page.getByTestId('menu-overview').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('current-user').isVisible()).resolves.toBe(true);
      await shot(page, 'stale-chunk-message');
      // The new build is in place: 刷新 loads the page.
      for (const c of chunks) await rename(path.join(ASSETS, `${c}.gone`), path.join(ASSETS, c));
      await page.getByTestId('page-error-reload').click();
      await page.getByTestId('audit-chain-status').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('page-error').count()).resolves.toBe(0);
    } finally {
      for (const c of chunks)
        await rename(path.join(ASSETS, `${c}.gone`), path.join(ASSETS, c)).catch(() => {});
      await context.close();
    }
  });
});
