// Browser tests run against the real thing: the server started as `npm start` would start it
// (own port, fresh SQLite data dir), the built web app it serves, and Debian's chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** `env`: further server settings, e.g. PAICHA_FIXED_TIME for a rehearsal clock. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
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
