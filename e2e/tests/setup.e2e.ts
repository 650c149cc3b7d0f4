import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, signIn } from '../harness';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// The shared harness starts a demo; the first run needs production mode on an empty data
// directory, so this file starts its own server and reads the link from the start banner.
describe('first run in Chromium', () => {
  let server: ChildProcess;
  let browser: Browser;
  let link = '';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-e2e-setup-'));
  beforeAll(async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      JOBS_ENABLED: 'false',
    };
    delete env.DATABASE_URL;
    delete env.SECRET_KEY;
    server = spawn(process.execPath, [path.join(ROOT, 'server', 'bin', 'lianxin.mjs'), 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    link = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = output.match(/http:\/\/\S+\/setup\?token=\S+/);
        if (found) resolve(found[0]);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the district and the first administrator from the printed link, who then signs in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.goto(link);
    await expect.poll(() => page.getByText('首次设置').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel('行政区划代码').fill('610902000000');
    await page.getByLabel('区县名称').fill('汉滨区');
    await page.getByLabel('用户名').fill('first.admin');
    await page.getByLabel('姓名').fill('区管理员');
    await page.getByLabel('密码', { exact: true }).fill('a-long-enough-password');
    await page.getByLabel('确认密码').fill('a-long-enough-password');
    await page.getByRole('button', { name: /完成设置/ }).click();
    await expect.poll(() => page.getByTestId('setup-done').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText(/secret\.key/).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'setup-done.png') });

    // The link is used up: opened again, the page says the server is set up.
    await page.goto(link);
    await expect.poll(() => page.getByText('系统已完成初始设置').isVisible(), { timeout: 15_000 }).toBe(true);

    const base = new URL(link).origin;
    await signIn(page, base, 'first.admin', 'a-long-enough-password');
    await expect.poll(() => page.getByText('区管理员').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});
