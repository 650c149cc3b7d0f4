import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

const ROADS = '新城街道村组道路积水治理';
const WAGES = '张滩镇农民工工资拖欠问题';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('每月一题 in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('the district reads a topic’s outcome, picks a new one from the proposals; a department sees the topic it leads', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'district-staff');
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('/login');
    await page.goto(`${run.base}/monthly-topics`);
    const table = page.getByTestId('topics-table');
    await expect.poll(() => table.getByText(ROADS).isVisible(), { timeout: 15_000 }).toBe(true);
    await table.getByText(ROADS).click();
    const detail = page.getByTestId('topic-detail');
    await expect.poll(() => detail.getByTestId('topic-trend-chart').locator('canvas').count()).toBe(1);
    await expect.poll(() => detail.getByTestId('topic-goal-verdict').isVisible()).toBe(true);
    // The drawer slides in: the picture is taken once it has.
    await page.waitForTimeout(500);
    await shot(page, 'topics-outcome');
    await page.keyboard.press('Escape');

    await page.getByTestId('topic-propose').click();
    const pick = page.locator('[data-testid^="topic-propose-category-"]').first();
    await expect.poll(() => pick.isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(page, 'topics-proposals');
    await pick.click();
    await page.getByTestId('topic-pick-lead').click();
    await page.locator('.ant-select-dropdown').getByText('区信访局', { exact: true }).click();
    await page.getByTestId('topic-pick-ok').click();
    await expect.poll(() => page.getByTestId('topic-detail').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => page.getByTestId('topic-detail').getByText('区信访局').count())
      .toBeGreaterThan(0);

    // 区人社局's staff read only the topic their department leads, and cannot pick.
    const context = await run.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const staff = await context.newPage();
    await signIn(staff, run.base, 'hrss-staff');
    await expect.poll(() => staff.url(), { timeout: 15_000 }).not.toContain('/login');
    await staff.goto(`${run.base}/monthly-topics`);
    await expect
      .poll(() => staff.getByTestId('topics-table').getByText(WAGES).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await staff.getByTestId('topics-table').getByText(ROADS).count()).toBe(0);
    expect(await staff.getByTestId('topic-propose').count()).toBe(0);
    await context.close();
  });
});
