import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// The demo's disclosures and projects (server/src/demo/demo-disclosures.ts): the first village of
// 关庙镇 (town2), whose cadre is village201-1, left the latest month past its due date unpublished
// (the town sees it late) and has two projects, the road's tender done late with a 约谈 recorded.
const VILLAGE_CODE = '610902101201';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The latest month whose finances are past due in China time (due by the 10th of the next), as 2026-11. */
function lastMonth(): string {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const back = china.getUTCDate() > 10 ? 1 : 2;
  const d = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

describe('village affairs disclosure and projects in Chromium, on a phone', () => {
  let run: RunningConsole;
  let phone: BrowserContext;
  beforeAll(async () => {
    run = await startConsole();
    phone = await phoneContext(run.browser);
  });
  afterAll(async () => {
    await phone?.close();
    await run?.stop();
  });

  it('the town sees a late disclosure, the village publishes it, the resident reads the archive and projects', async () => {
    const month = lastMonth();
    // The town head, on a phone: the overdue list, then the village's schedule.
    const town = await phone.newPage();
    await signIn(town, run.base, 'town2-head');
    await town.goto(`${run.base}/disclosures/late`);
    const villageLink = town.getByTestId(`late-village-${VILLAGE_CODE}`).first();
    await expect.poll(() => villageLink.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await town.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(town, 'disclosures-late-phone');
    await villageLink.click();
    const overdue = town.getByTestId(`schedule-finance-${month}`);
    await expect.poll(() => overdue.textContent(), { timeout: 20_000 }).toContain('逾期未公开');
    await shot(town, 'disclosures-schedule-phone');

    // The village cadre publishes it from the schedule's line.
    // Another phone: one browser context holds one signed-in account.
    const cadrePhone = await phoneContext(run.browser);
    const cadre = await cadrePhone.newPage();
    await signIn(cadre, run.base, 'village201-1');
    await cadre.goto(`${run.base}/disclosures`);
    const line = cadre.getByTestId(`schedule-finance-${month}`);
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain('逾期未公开');
    await cadre.locator('tr', { has: line }).getByRole('button').click();
    await cadre.getByTestId('disclosure-title').fill(`${month.replace('-', '年')}月村级财务收支公开`);
    await cadre
      .getByTestId('disclosure-content')
      .fill('本月收入 32,600.00 元，支出 27,480.00 元，结余 5,120.00 元。');
    await cadre.getByTestId('disclosure-save').click();
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain('逾期后公开');

    // The resident's village page: the archive and the projects, no phone number anywhere.
    await cadrePhone.close();
    const residentPhone = await phoneContext(run.browser);
    const resident = await residentPhone.newPage();
    await resident.goto(`${run.base}/public/villages/${VILLAGE_CODE}`);
    await expect
      .poll(() => resident.getByTestId('village-section-disclosures').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => resident.getByTestId('village-section-projects').isVisible()).toBe(true);
    expect(await resident.getByTestId('village-projects').textContent()).toContain('通组道路硬化工程');
    expect(await resident.locator('body').textContent()).not.toMatch(/1[3-9]\d{9}/);
    await shot(resident, 'disclosures-village-page');
    await residentPhone.close();

    // The town's project page: the stages, the money chart and the accountability record.
    await town.goto(`${run.base}/projects`);
    const road = town.locator('[data-testid^="project-link-"]', { hasText: '通组道路硬化工程' });
    await expect.poll(() => road.isVisible(), { timeout: 20_000 }).toBe(true);
    await road.click();
    await expect
      .poll(() => town.getByTestId('project-budget-chart').isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await town.getByTestId('stage-1').textContent()).toContain('逾期完成');
    expect(await town.locator('body').textContent()).toContain('约谈');
    await shot(town, 'project-page-phone');
  }, 180_000);
});
