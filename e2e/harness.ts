// Browser tests run against the real thing: the server started as `npm start` would start it
// (own port, fresh SQLite data dir), the built web app it serves, and Debian's chromium.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
export function ensureWebBuild(): void {
  if (existsSync(path.join(ROOT, 'packages/web/dist/index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', '@paicha/web'], { cwd: ROOT, stdio: 'inherit' });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer /api/health within 60 s:\n${log()}`);
}

/** A signed-in API session (cookie kept by hand: Node's fetch has no cookie jar). */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    return new ApiSession(baseUrl, cookie.join('; '));
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

export async function startHarness(): Promise<Harness> {
  ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'paicha-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const server = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', 'packages/server/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PAICHA_DATA_DIR: dataDir,
        PAICHA_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PAICHA_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr?.on('data', (d: Buffer) => output.push(d.toString()));

  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => {});
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, () => output.join(''));
    const admin = await ApiSession.login(baseUrl, 'admin', ADMIN_PASSWORD);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const b = browser;
    return {
      baseUrl,
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
