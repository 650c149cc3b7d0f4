import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

const RETURNED = '山体滑坡阻断通村公路';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('派单 in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('the district refuses a department’s return, the department finds it in its queue and resolves it', async () => {
    // The district's staff: the department ranking and the return waiting for a decision.
    const district = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(district, run.base, 'district-staff');
    await expect.poll(() => district.url(), { timeout: 15_000 }).not.toContain('/login');
    await district.goto(`${run.base}/dispatch-supervision`);
    await expect
      .poll(() => district.getByTestId('dispatch-table').getByText(RETURNED).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect
      .poll(() => district.getByTestId('department-stats').getByText('区人社局').count())
      .toBeGreaterThan(0);
    await shot(district, 'dispatch-supervision');
    await district.getByTestId('dispatch-overrule').first().click();
    await district.getByTestId('dispatch-step-text').fill('公路抢通由区人社局牵头协调用工，仍由贵局主办');
    await district.getByTestId('dispatch-step-submit').click();
    await expect
      .poll(() => district.getByTestId('dispatch-table').getByText(RETURNED).count(), { timeout: 15_000 })
      .toBe(0);

    // The department's staff: the work order is theirs now, in progress; they resolve it from the appeal.
    const context = await run.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const staff = await context.newPage();
    await signIn(staff, run.base, 'hrss-staff');
    await expect.poll(() => staff.url(), { timeout: 15_000 }).not.toContain('/login');
    await staff.goto(`${run.base}/dispatches`);
    const row = staff.getByTestId('dispatch-table').getByRole('row').filter({ hasText: RETURNED });
    await expect.poll(() => row.getByTestId('dispatch-status-accepted').count(), { timeout: 15_000 }).toBe(1);
    await shot(staff, 'dispatch-queue');
    await row.getByTestId('dispatch-appeal-link').click();
    await staff.getByTestId('dispatch-resolve').click();
    await staff
      .getByTestId('dispatch-step-text')
      .fill('已协调施工队清理塌方土石，道路于当日恢复通行，并设置了警示标志。');
    await staff.getByTestId('dispatch-step-submit').click();
    await expect
      .poll(() => staff.getByTestId('dispatch-card').getByTestId('dispatch-status-done').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => staff.getByTestId('appeal-status-resolved').count()).toBe(1);
    await shot(staff, 'dispatch-resolved');
    await context.close();

    // On a phone the queue is a list of cards.
    const phone = await phoneContext(run.browser);
    const page = await phone.newPage();
    await signIn(page, run.base, 'health-staff');
    await expect.poll(() => page.url(), { timeout: 15_000 }).not.toContain('/login');
    await page.goto(`${run.base}/dispatches`);
    await expect.poll(() => page.getByTestId('dispatch-row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, 'dispatch-queue-phone');
    await phone.close();
  });
});
