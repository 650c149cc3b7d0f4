import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// The demo's notices (server/src/demo/demo-notices.ts): the first village of 关庙镇 (town2) has its
// quarter's finances open for anonymous comments; the second its road repair with an objection.
const VILLAGE_CODE = '610902101201';
const ROAD_VILLAGE = '610902101202';

interface PublicSummary {
  id: string;
  kind: string;
  title: string;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function noticesOf(base: string, village: string): Promise<PublicSummary[]> {
  const answer = await fetch(`${base}/api/v1/public/notices?villageCode=${village}`);
  return ((await answer.json()) as { items: PublicSummary[] }).items;
}

describe('public notices in Chromium', () => {
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

  it('a resident reads a notice from the village page and comments; the town answers an objection in public', async () => {
    const finance = (await noticesOf(run.base, VILLAGE_CODE)).find((n) => n.kind === 'finance');
    const road = (await noticesOf(run.base, ROAD_VILLAGE)).find((n) => n.title.includes('道路维修'));
    if (!finance || !road) throw new Error('demo notices missing');

    // On the phone: from the village page to the notice, an anonymous comment.
    const resident = await phone.newPage();
    await resident.goto(`${run.base}/public/villages/${VILLAGE_CODE}`);
    await expect
      .poll(() => resident.getByTestId(`village-notice-${finance.id}`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await resident.getByTestId(`village-notice-${finance.id}`).click();
    await expect
      .poll(() => resident.getByTestId('public-notice').isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await resident.getByTestId('notice-countdown').textContent()).toContain('距公示结束还有');
    await resident.getByTestId('notice-comment-body').fill('建议把水渠清淤的施工明细也公开。');
    await shot(resident, 'notice-public-comment');
    await resident.getByTestId('notice-comment-submit').click();
    await expect
      .poll(() => resident.getByTestId('notice-comment-sent').isVisible(), { timeout: 15_000 })
      .toBe(true);

    // In the console: the town head answers the road objection.
    const desktop = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(desktop, run.base, 'town2-head');
    await desktop.goto(`${run.base}/notices`);
    await expect
      .poll(() => desktop.getByTestId(`notice-link-${road.id}`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(desktop, 'notices-console-list');
    await desktop.getByTestId(`notice-link-${road.id}`).click();
    const answerButton = desktop.locator('[data-testid^="notice-answer-"]').first();
    await expect.poll(() => answerButton.isVisible(), { timeout: 15_000 }).toBe(true);
    await answerButton.click();
    const answer = '错车道位置已调整到村集体荒坡，不占用承包地，施工前将与您当面确认。';
    await desktop.getByTestId('notice-answer').fill(answer);
    await desktop.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => desktop.getByText(answer).isVisible(), { timeout: 15_000 }).toBe(true);
    await shot(desktop, 'notices-console-answered');

    // The public page shows the answer, the objector only as surname + 某.
    await resident.goto(`${run.base}/public/notices/${road.id}`);
    await expect.poll(() => resident.getByText(answer).isVisible(), { timeout: 15_000 }).toBe(true);
    const page = (await resident.getByTestId('public-notice').textContent()) ?? '';
    expect(page).toContain('王某');
    expect(page).not.toContain('王秀兰');
    expect(page).not.toContain('0716');
    await shot(resident, 'notice-public-answered');
  });
});
