import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// A roster as a village office keeps it: one row per resident, Chinese headers.
const ROSTER = [
  '村/社区,组,户号,姓名,身份证号,与户主关系,联系电话,家庭年收入,负债,困难情况,标签',
  '610902101201,一组,E2E-01,欧阳春生,11010519491231002X,户主,13900001234,9000,0,重病、残疾,低保',
  '610902101201,一组,E2E-01,欧阳秋月,,妻子,,,,,',
  '610902101201,二组,E2E-02,上官明,,户主,,80000,,,',
].join('\n');

describe('household registry in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('imports a small roster through the console and finds a household by name', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'town2-staff1');
    await expect.poll(() => page.getByText('户籍档案').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.goto(`${run.base}/households/import`);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER) });
    const commit = page.getByRole('button', { name: '确认导入' });
    await expect.poll(() => commit.isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-ready.png'), fullPage: true });
    await commit.click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|确认导入/ })
      .click();
    await expect.poll(() => page.getByText('导入完成').first().isVisible(), { timeout: 20_000 }).toBe(true);

    await page.goto(`${run.base}/households`);
    await page.getByPlaceholder('姓名 / 户号 / 地址 / 身份证号').fill('欧阳春生');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByText('E2E-01').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByText('E2E-01').first().click();
    // Two hardships, 4,500 a head and 低保: 连心户, with the reasons in words.
    await expect.poll(() => page.getByText('连心户').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByText('欧阳秋月').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'imported-household.png'), fullPage: true });
    await page.close();
  });
});
