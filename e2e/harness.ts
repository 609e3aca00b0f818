// Browser tests run against the real thing: the server started as `npm start` would start it
// (own port, fresh SQLite data dir), the built web app it serves, and Debian's chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, buildCalendar, chinaToday, isWorkingDay, SHIPPED_CALENDAR_DAYS } from '@paicha/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import {
  type ServerProcess,
  signIn,
  startServerProcess,
} from '../packages/server/src/test/server-process.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');
export const ADMIN_PASSWORD = 'e2e-admin-pass-123';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The server serves packages/web/dist; build it once if a fresh checkout has none. */
function ensureWebBuild(): void {
  if (existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', '@paicha/web'], { cwd: ROOT, stdio: 'inherit' });
}

/** A signed-in API session (cookie kept by hand: Node's fetch has no cookie jar). */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    return new ApiSession(baseUrl, await signIn(baseUrl, username, password));
  }

  async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

export interface Harness {
  baseUrl: string;
  /** The server's today (China time): the pinned clock's day, else the PC's. */
  today: string;
  /** The server's data dir (its SQLite file is paicha.sqlite), for rows only screening would file. */
  dataDir: string;
  admin: ApiSession;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page, for one user's session. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  /** Creates a user through the admin API; the unit is given by name. */
  createUser(u: {
    username: string;
    displayName: string;
    unit: string;
    role: string;
    password: string;
  }): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * The server's clock (PAICHA_FIXED_TIME): an ISO instant pins it there; 'working-day' pins it
   * to a working day at or before the PC's today (China time; weekends and the shipped State
   * Council holidays are not) — reminders go out on working days only, so a test of them must not
   * depend on the day of the week it runs on. Absent: the real clock.
   */
  clock?: 'working-day' | string;
  /** Further server settings. */
  env?: Record<string, string>;
}

/** The instant the server's clock is pinned to, or undefined for the real clock. */
function pinnedClock(clock: HarnessOptions['clock']): string | undefined {
  if (clock !== 'working-day') return clock;
  const calendar = buildCalendar(SHIPPED_CALENDAR_DAYS);
  let today = chinaToday();
  while (!isWorkingDay(today, calendar)) today = addDays(today, -1);
  return `${today}T02:00:00Z`;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fixed = pinnedClock(opts.clock);
  const env = { ...(fixed ? { PAICHA_FIXED_TIME: fixed } : {}), ...opts.env };
  ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'paicha-e2e-'));
  let browser: Browser | undefined;
  let server: ServerProcess | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    server = await startServerProcess({
      PAICHA_DATA_DIR: dataDir,
      PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DATABASE_URL: '',
      ...env,
    });
    const { baseUrl } = server;
    const admin = await ApiSession.login(baseUrl, 'admin', ADMIN_PASSWORD);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const b = browser;
    return {
      baseUrl,
      today: chinaToday(fixed ? new Date(fixed) : undefined),
      dataDir,
      admin,
      browser: b,
      async newPage() {
        const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
        return { context, page: await context.newPage() };
      },
      async createUser(u) {
        const units = await admin.call<{ id: number; name: string }[]>('GET', '/api/units');
        const unit = units.find((x) => x.name === u.unit);
        if (!unit) throw new Error(`no unit named ${u.unit}`);
        await admin.call('POST', '/api/users', {
          username: u.username,
          displayName: u.displayName,
          unitId: unit.id,
          role: u.role,
          password: u.password,
        });
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Signs in through the login form and waits for the app to leave the login page. */
export async function loginViaUi(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
