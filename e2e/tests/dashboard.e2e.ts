import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// The demo district 汉滨区 and its town 关庙镇 (town2), whose head is town2-head.
const DISTRICT_CODE = '610902000000';
const TOWN_CODE = '610902101000';
const OTHER_TOWN_CODE = '610902001000';

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.getSelection()?.removeAllRanges()');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the dashboard of an area is drawn: its cards filled and its charts on canvas. */
async function dashboardOf(
  page: Page,
  areaCode: string,
  charts = ['trend', 'funnel', 'categories', 'tiers'],
): Promise<void> {
  await page.waitForSelector(`[data-testid="dashboard"][data-area="${areaCode}"]`, { timeout: 20_000 });
  for (const chart of charts)
    await page.waitForSelector(`[data-testid="dashboard-${chart}"] canvas`, { timeout: 10_000 });
  // ECharts animates its first drawing; the screenshot waits for the end of it.
  await page.waitForTimeout(1200);
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

describe('dashboards in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(() => run?.stop());

  it('shows the district administrator the district, drills into a town and to its appeals', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'admin');
    await dashboardOf(page, DISTRICT_CODE);

    // The demo district received 160 appeals this year; every indicator card shows a figure.
    expect(Number((await text(page, 'kpi-received-value')).replace(/\D/g, ''))).toBeGreaterThan(0);
    for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'pairingFill'])
      expect(await text(page, `kpi-${rate}-value`)).toMatch(/^\d+(\.\d)?%$/);
    expect(await text(page, 'kpi-households-value')).toMatch(/\d/);
    // The heat table has a row per town and a total; the ranking ranks them.
    expect(await page.locator('[data-testid="dashboard-heat"] tbody tr.ant-table-row').count()).toBe(3);
    expect(await page.getByTestId('rank-1').count()).toBe(1);
    // The district's view ranks the departments it dispatched to in the period (the demo's dispatches).
    await page.waitForSelector('[data-testid="department-stats-chart"] canvas', { timeout: 10_000 });
    await shot(page, 'dashboard-district');

    // The header's bell counts what waits for the administrator (the demo district has appeals
    // waiting and overdue); a line opens its filtered list.
    await page.getByTestId('todos-bell').click();
    const line = page.locator('[data-testid^="todo-"]').first();
    await line.waitFor({ timeout: 10_000 });
    // A large count reads "99+": its digits are enough to know something waits.
    expect(Number((await text(page, 'todos-total')).replace(/\D/g, ''))).toBeGreaterThan(0);
    await line.click();
    // Whichever list the first line opens (appeals, warnings, whistles, notices…), the dashboard (/) is left.
    await page.waitForURL((url) => url.pathname !== '/', { timeout: 10_000 });
    await page.goBack();
    await dashboardOf(page, DISTRICT_CODE);

    // A town's name in the heat table opens the town's dashboard, with the way back above it.
    await page.getByTestId(`drill-${TOWN_CODE}`).first().click();
    await dashboardOf(page, TOWN_CODE);
    expect(page.url()).toContain(`area=${TOWN_CODE}`);
    expect(await text(page, 'dashboard-breadcrumb')).toMatch(/汉滨区\s*\/\s*关庙镇/);
    expect(
      await page.locator('[data-testid="dashboard-heat"] tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(3);
    await shot(page, 'dashboard-town');

    // The received figure opens the town's appeals of every level received in the period: as many
    // as it counts.
    const received = Number((await text(page, 'kpi-received-value')).replace(/\D/g, ''));
    await page.getByTestId('kpi-received-value').locator('a').click();
    await page.waitForURL(/\/appeals\?/, { timeout: 10_000 });
    const address = new URL(page.url());
    expect(address.searchParams.get('areaCode')).toBe(TOWN_CODE);
    expect(address.searchParams.get('level')).toBe('all');
    expect(address.searchParams.get('receivedFrom')).toMatch(/^\d{4}-01-01$/);
    await expect.poll(() => text(page, 'appeals-shown'), { timeout: 15_000 }).toMatch(/共/);
    expect(Number((await text(page, 'appeals-shown')).split('共')[1]?.replace(/\D/g, ''))).toBe(received);
    expect(await text(page, 'appeals-filter-tags')).toContain('受理');
    await page.goBack();
    await dashboardOf(page, TOWN_CODE);

    // The on-time rate's numerator opens the appeals resolved on time, as many as it counts.
    const onTime = Number(await text(page, 'kpi-onTimeRate-numerator'));
    await page.getByTestId('kpi-onTimeRate-numerator').click();
    await page.waitForURL(/onTime=true/, { timeout: 10_000 });
    await expect.poll(() => text(page, 'appeals-shown'), { timeout: 15_000 }).toMatch(/共/);
    expect(Number((await text(page, 'appeals-shown')).split('共')[1]?.replace(/\D/g, ''))).toBe(onTime);
    await shot(page, 'dashboard-drilldown-appeals');
    await page.goBack();
    await dashboardOf(page, TOWN_CODE);

    // The breadcrumb leads back up to the district.
    await page.getByTestId('dashboard-breadcrumb').getByText('汉滨区').click();
    await dashboardOf(page, DISTRICT_CODE);
    await page.close();
  });

  it('says there is no data for a period without appeals, never 0 %', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'admin');
    await dashboardOf(page, DISTRICT_CODE);
    await page.goto(`${run.base}/?period=custom&from=2020-01-01&to=2020-01-31`);
    // No appeals, so no categories to draw.
    await dashboardOf(page, DISTRICT_CODE, ['trend', 'funnel', 'tiers']);
    expect(await page.locator('.lx-dash-toolbar .ant-picker-range input').first().inputValue()).toBe(
      '2020-01-01',
    );
    expect(await text(page, 'kpi-received-value')).toMatch(/^0/);
    expect(await text(page, 'kpi-responseRate-value')).toBe('暂无数据');
    expect(await text(page, 'kpi-satisfactionRate-value')).toBe('暂无数据');
    await page.close();
  });

  it('shows a town head only their town', async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'town2-head');
    await dashboardOf(page, TOWN_CODE);
    expect(await text(page, 'dashboard-breadcrumb')).toBe('关庙镇');
    const rows = page.locator('[data-testid="dashboard-heat"] tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    // Every row is a village of the town.
    for (const testId of await rows
      .locator('[data-testid^="drill-"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('data-testid') ?? '')))
      expect(testId.slice('drill-'.length, 'drill-'.length + 9)).toBe(TOWN_CODE.slice(0, 9));
    await shot(page, 'dashboard-town-head');

    // Another town's dashboard, asked for by its address, is not shown.
    await page.goto(`${run.base}/?area=${OTHER_TOWN_CODE}`);
    await expect
      .poll(() => page.getByText('看板数据加载失败').first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await page.locator('[data-testid="dashboard"]').count()).toBe(0);
    await page.getByRole('button', { name: '回到本级看板' }).click();
    await dashboardOf(page, TOWN_CODE);
    await page.close();
  });
  it('lets the district administrator compute the 2026 assessment and see the ranking', {
    retry: 1,
  }, async () => {
    const page = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, run.base, 'admin');
    await page.goto(`${run.base}/assessment?year=2026`);
    // The page and its chart library load on first visit; on a busy machine that takes a while.
    // Seen once in several full runs: the page never showed its weights. Keep what it showed.
    await page
      .waitForSelector('[data-testid="assessment-weights"]', { timeout: 45_000 })
      .catch(async (err: Error) => {
        await shot(page, 'assessment-failed');
        throw new Error(
          `${err.message}\nat ${page.url()}:\n${((await page.locator('body').textContent()) ?? '').slice(0, 2000)}`,
        );
      });
    expect(await text(page, 'assessment-status')).toBe('草稿');
    expect(await text(page, 'assessment-weights-sum-village_cadres')).toBe('合计 100%');

    await page.getByTestId('assessment-compute').click();
    await page.waitForSelector('[data-testid="assessment-chart-village_cadres"] canvas', { timeout: 45_000 });
    const rows = page.locator('[data-testid="assessment-table-village_cadres"] tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    // The first row is ranked first with a score out of 100.
    expect(((await rows.first().locator('td').nth(0).textContent()) ?? '').trim()).toBe('1');
    expect(((await rows.first().locator('td').nth(3).textContent()) ?? '').trim()).toMatch(/^\d+\.\d$/);
    await page.waitForTimeout(1200);
    await shot(page, 'assessment-ranking');
    // Not finalized here: a finalized year could not be computed again.
    await page.close();
  });
});
