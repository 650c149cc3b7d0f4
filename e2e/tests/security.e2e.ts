import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

const MASKED = /^1\d{2}\*{4}\d{4}$/;

describe('personal data on screen, in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('shows a village cadre masked phones on a phone, reveals one on request, under the watermark', async () => {
    const context = await phoneContext(run.browser);
    const page = await context.newPage();
    await signIn(page, run.base, 'village201-1');
    await page.goto(`${run.base}/households`);
    const first = page.locator('[data-testid^="phone-household-"]:not([data-testid$="-reveal"])').first();
    await expect.poll(() => first.isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await first.textContent())?.trim()).toMatch(MASKED);
    await page.locator('[data-testid^="phone-household-"][data-testid$="-reveal"]').first().click();
    await expect
      .poll(async () => (await first.textContent())?.trim(), { timeout: 10_000 })
      .toMatch(/^1\d{10}$/);
    expect(await page.getByTestId('screen-watermark').getAttribute('data-watermark')).toBe('on');
    // The page keeps to the phone's width; the table scrolls inside it.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-households-masked.png') });

    await page.goto(`${run.base}/worklist`);
    const call = page.locator('[data-testid^="work-call-"]').first();
    await expect.poll(() => call.isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await call.textContent())?.trim()).toMatch(MASKED);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-worklist-masked.png') });
    await context.close();
  });

  it('lets the district administrator turn the watermark off for everyone, and on again', async () => {
    const admin = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(admin, run.base, 'admin');
    await admin.goto(`${run.base}/users`);
    const toggle = admin.getByTestId('watermark-switch');
    await expect.poll(() => toggle.getAttribute('aria-checked'), { timeout: 15_000 }).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => admin.getByTestId('screen-watermark').getAttribute('data-watermark')).toBe('off');

    const cadre = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(cadre, run.base, 'town2-staff1');
    await cadre.goto(`${run.base}/households`);
    await expect
      .poll(() => cadre.getByTestId('screen-watermark').getAttribute('data-watermark'), { timeout: 15_000 })
      .toBe('off');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await cadre.reload();
    await expect
      .poll(() => cadre.getByTestId('screen-watermark').getAttribute('data-watermark'), { timeout: 15_000 })
      .toBe('on');
    await admin.close();
    await cadre.close();
  });

  it('makes a read-only API token from the account menu, listed with its scope, and says a password change revokes it', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'town2-head');
    await page.getByTestId('user-menu').click();
    await page.locator('.ant-dropdown-menu-title-content', { hasText: 'API 令牌' }).click();
    const drawer = page.getByTestId('api-tokens-drawer');
    await drawer.getByPlaceholder('例如：数据同步脚本').fill('月报脚本');
    await drawer.getByTestId('token-create').click();
    await expect
      .poll(() => drawer.getByTestId('token-created-value').isVisible(), { timeout: 10_000 })
      .toBe(true);
    const row = drawer.locator('tr', { hasText: '月报脚本' });
    await expect.poll(() => row.getByText('只读').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'api-tokens.png') });

    await page.reload();
    await page.getByTestId('user-menu').click();
    await page.locator('.ant-dropdown-menu-title-content', { hasText: '修改密码' }).click();
    await expect
      .poll(async () => (await page.getByTestId('change-password-revokes').textContent()) ?? '', {
        timeout: 10_000,
      })
      .toContain('API 令牌将被吊销');
    await page.close();
  });
});
