// Passwords and the login limiter in the browser: the policy's messages under the admin's user
// form and the change-password form, a slowed-down login explained on the login page, and the
// office lifting the limit from the user page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption, shot, toast } from './antd.js';
import { ADMIN_PASSWORD, type Harness, loginViaUi, startHarness } from './harness.js';

const USER = { username: 'zy-pw-user', displayName: '中云密码测试', password: 'Zy-pw-user-pass-9' };
const NEW_PASSWORD = 'Zy-changed-pass-10';

describe('passwords and login limits in the browser', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const fieldError = (scope: import('playwright-core').Locator, label: string) =>
    scope
      .locator('.ant-form-item', { has: scope.page().getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain-error');

  it('the admin user form shows each policy message before saving, then adds the user', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await page.goto(`${h.baseUrl}/admin/users`);
      await page.getByRole('button', { name: '添加用户' }).click();
      const form = page.getByTestId('user-form');
      await form.getByLabel('用户名', { exact: true }).fill(USER.username);
      await form.getByLabel('姓名', { exact: true }).fill(USER.displayName);
      await pickOption(form, '所属单位', '中云街道');
      const password = form.getByLabel('初始密码', { exact: true });
      await expect(form.textContent()).resolves.toContain('至少10个字符；不能是常见密码');
      for (const [weak, message] of [
        ['12345678', '密码至少需要10个字符'],
        ['1234567890', '密码过于常见，很容易被猜中，请换一个'],
        ['zy-pw-user2024', '密码不能与用户名相同，也不能只是在用户名后加数字'],
      ]) {
        await password.fill(weak as string);
        await expect.poll(() => fieldError(form, '初始密码').textContent()).toBe(message);
      }
      await shot(page, 'passwords-user-form-policy', false);
      await password.fill(USER.password);
      await page
        .getByRole('button', { name: '保 存' })
        .or(page.getByRole('button', { name: '保存' }))
        .click();
      await toast(page, '用户已添加');
      await page.locator('[data-testid="user-row"][data-username="zy-pw-user"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the change-password form shows the policy message and then changes the password', async () => {
    const { context, page } = await h.newPage();
    try {
      await loginViaUi(page, h.baseUrl, USER.username, USER.password);
      await page.getByRole('button', { name: '修改密码' }).click();
      const form = page.getByTestId('change-password-form');
      await form.getByLabel('当前密码', { exact: true }).fill(USER.password);
      await form.getByLabel('新密码', { exact: true }).fill('qwertyuiop');
      await expect
        .poll(() => fieldError(form, '新密码').textContent())
        .toBe('密码过于常见，很容易被猜中，请换一个');
      await shot(page, 'passwords-change-policy', false);
      await form.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '确认修改' }).click();
      await toast(page, '密码已修改');
    } finally {
      await context.close();
    }
  });

  it('a slowed-down login says when to try again, and the office lifts the limit', async () => {
    const user = await h.newPage();
    const office = await h.newPage();
    try {
      await user.page.goto(`${h.baseUrl}/login`);
      await user.page.getByLabel('用户名').fill(USER.username);
      await user.page.getByLabel('密码').fill(NEW_PASSWORD);
      // Someone guesses from the same address just before the user presses 登录 (the first delay is
      // 10 s, so the click follows the guesses at once).
      for (let i = 0; i < 6; i++) {
        await fetch(`${h.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: USER.username, password: `wrong-guess-${i}` }),
        });
      }
      await user.page.getByTestId('login-submit').click();
      await expect
        .poll(() => user.page.getByTestId('login-error').textContent())
        .toMatch(/^登录失败次数过多，请\d+秒后再试$/);
      await shot(user.page, 'passwords-login-limited');

      await loginViaUi(office.page, h.baseUrl, 'admin', ADMIN_PASSWORD);
      await office.page.goto(`${h.baseUrl}/admin/users`);
      const row = office.page.locator('[data-testid="user-row"][data-username="zy-pw-user"]');
      await row.getByTestId('login-limited').waitFor();
      await shot(office.page, 'passwords-user-limited');
      await row.getByTestId('unlock-user').click();
      await office.page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: '解 除' })
        .or(office.page.locator('.ant-popconfirm').getByRole('button', { name: '解除' }))
        .click();
      await toast(office.page, '已解除');
      await expect.poll(() => row.getByTestId('login-limited').count()).toBe(0);

      await user.page.getByTestId('login-submit').click();
      await user.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    } finally {
      await user.context.close();
      await office.context.close();
    }
  });
});
