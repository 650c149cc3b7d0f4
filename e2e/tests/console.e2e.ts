import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayName, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

describe('staff console in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('signs a district administrator in and shows the console in Chinese', async () => {
    const name = await displayName(run.base, 'admin');
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'admin');
    await expect.poll(() => page.getByText(name).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('区域管理').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('账号管理').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-admin.png') });
    await page.close();
  });

  it('shows a village cadre only what the role allows', async () => {
    const name = await displayName(run.base, 'village201-1');
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'village201-1');
    await expect.poll(() => page.getByText(name).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('账号管理').count()).toBe(0);
    expect(await page.getByText('审计日志').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-village-cadre.png') });
    await page.close();
  });

  it('sends a visitor of the bare address to the sign-in page', async () => {
    const page = await run.browser.newPage({ locale: 'zh-CN' });
    const response = await page.goto(`${run.base}/`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByPlaceholder('用户名').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('tells a wrong password in plain Chinese', async () => {
    const page = await run.browser.newPage({ locale: 'zh-CN' });
    await signIn(page, run.base, 'admin', 'not-the-password');
    await expect
      .poll(() => page.getByText('用户名或密码错误').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.close();
  });
});
