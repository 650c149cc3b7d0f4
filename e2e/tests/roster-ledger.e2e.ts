import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// A village office's 台账 as it is kept: a title line, 序号 and 备注 columns, no village column,
// one household whose head's ID number has a wrong check character.
const LEDGER = [
  '大同村民情台账（2026年）,,,,,',
  '序号,户号,姓名,与户主关系,家庭年收入,备注',
  '1,L-01,欧阳春生,户主,18000,低保',
  '2,L-01,欧阳秋月,妻子,,',
  '3,L-02,司马青,户主,36000,外出务工',
  '4,L-03,上官云,户主,abc,',
  '5,L-03,上官雪,女儿,,',
].join('\n');

describe('roster import of a village office’s own 台账', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('shows the header row and the ignored columns, writes the valid households and gives the rest back', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'village201-1');
    await expect.poll(() => page.getByText('户籍档案').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.goto(`${run.base}/households/import`);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(LEDGER) });
    const validOnly = page.getByTestId('import-commit-valid');
    await expect.poll(() => validOnly.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('import-header-row').textContent()).toContain('第 2 行为表头');
    expect(await page.getByTestId('import-ignored').textContent()).toMatch(/序号.*备注/);
    expect(await page.getByTestId('import-errors').textContent()).toContain('不是数字');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-ledger-1440.png'), fullPage: true });

    await validOnly.click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const heldBack = page.getByTestId('import-held-back');
    await expect.poll(() => heldBack.isVisible(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-ledger-held-back.png'), fullPage: true });
    await page.close();
  });

  it('lets a town’s staff name the village of a one-village file before sending it', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'town2-staff1');
    await expect.poll(() => page.getByText('户籍档案').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.goto(`${run.base}/households/import`);
    await page.getByTestId('import-upload-village').click();
    await page.locator('.ant-select-item-option').nth(1).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(LEDGER) });
    const validOnly = page.getByTestId('import-commit-valid');
    await expect.poll(() => validOnly.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('import-errors').textContent()).not.toContain('请选择');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-ledger-town-1440.png'), fullPage: true });
    await page.close();
  });

  it('asks a town’s staff for the village of a one-village file, on a phone', async () => {
    const context = await phoneContext(run.browser);
    const page = await context.newPage();
    await signIn(page, run.base, 'town2-staff1');
    // On a phone the menu is folded away: wait for the sign-in to leave the login page.
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
    await page.goto(`${run.base}/households/import`);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(LEDGER) });
    const village = page.getByTestId('import-village');
    await expect.poll(() => village.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByTestId('import-errors').textContent()).toContain('请选择');
    await village.click();
    await page.locator('.ant-select-item-option').first().click();
    await expect
      .poll(async () => (await page.getByTestId('import-errors').textContent()) ?? '', { timeout: 20_000 })
      .not.toContain('请选择');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'import-ledger-390.png'), fullPage: true });
    await context.close();
  });
});
