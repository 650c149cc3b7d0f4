import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, startConsole } from '../harness';

// The first village of 关庙镇 (town2) in the demo district.
const VILLAGE_CODE = '610902101201';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function pickOption(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

describe('the village page in Chromium', () => {
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

  it('lets a resident pick their village once, then leads to its page', async () => {
    const villages = (await (await fetch(`${run.base}/api/v1/public/villages`)).json()) as {
      code: string;
      name: string;
      townName: string;
    }[];
    const village = villages.find((v) => v.code === VILLAGE_CODE);
    if (!village) throw new Error('demo village missing');

    const resident = await phone.newPage();
    await resident.goto(`${run.base}/public`);
    await expect
      .poll(() => resident.getByTestId('public-pick-village').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(resident, 'village-home-pick');
    await pickOption(resident, 'public-town', village.townName);
    await pickOption(resident, 'public-village', village.name);

    await expect
      .poll(() => resident.url(), { timeout: 15_000 })
      .toContain(`/public/villages/${VILLAGE_CODE}`);
    await expect
      .poll(() => resident.getByTestId('village-name').textContent(), { timeout: 15_000 })
      .toBe(village.name);
    expect(await resident.getByTestId('village-section-appeals').isVisible()).toBe(true);
    expect(await resident.getByTestId('village-section-contacts').isVisible()).toBe(true);
    await shot(resident, 'village-page');

    // The home remembers the village on this phone, and keeps the two big actions.
    await resident.goto(`${run.base}/public`);
    await expect
      .poll(() => resident.getByTestId('public-go-village').textContent(), { timeout: 15_000 })
      .toContain(village.name);
    expect(await resident.getByTestId('public-go-submit').isVisible()).toBe(true);
    expect(await resident.getByTestId('public-go-track').isVisible()).toBe(true);
    await shot(resident, 'village-home-chosen');

    // Reporting from the village page comes with the village chosen.
    await resident.getByTestId('public-go-village').click();
    await resident.getByTestId('village-submit').click();
    await expect
      .poll(() => resident.getByTestId('public-village').textContent(), { timeout: 15_000 })
      .toContain(village.name);

    // A code that is no village: said on the page, with the way back to choosing.
    await resident.goto(`${run.base}/public/villages/610902101299`);
    await expect
      .poll(() => resident.getByTestId('village-not-found-change').isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await resident.locator('.ant-message-notice').count()).toBe(0);

    const desktop = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await desktop.goto(`${run.base}/public/villages/${VILLAGE_CODE}`);
    await expect.poll(() => desktop.getByTestId('village-name').isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(desktop, 'village-page-desktop');
    await desktop.close();
  });
});
