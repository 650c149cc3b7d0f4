import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

const PLACE = '村口便民桥';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens a select, clicks the option (or tree node) with the text and waits until it is chosen. */
async function pick(page: Page, select: string, item: string, text: string): Promise<void> {
  const field = page.getByTestId(select);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    const option = page.locator(`.ant-select-dropdown:visible ${item}`).filter({ hasText: text }).first();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    const shown = async () => ((await field.textContent()) ?? '').includes(text);
    for (let i = 0; i < 10 && !(await shown()); i++) await page.waitForTimeout(200);
    if (await shown()) return;
    if (attempt === 3) throw new Error(`${select}: could not pick ${text}`);
    await page.keyboard.press('Escape');
  }
}

/** The id of the whistle on the place, as the signed-in page's API answers it. */
async function whistleId(page: Page): Promise<string> {
  return page.evaluate(async (place) => {
    const response = await fetch('/api/v1/whistles', { headers: { Accept: 'application/json' } });
    const body = (await response.json()) as { items: { id: string; place: string | null }[] };
    return body.items.find((w) => w.place === place)?.id ?? '';
  }, PLACE);
}

describe('吹哨报到 in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('a town head blows the whistle on a place, the named department reports, the town sees it', async () => {
    const town = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(town, run.base, 'town2-head');
    await expect.poll(() => town.url(), { timeout: 15_000 }).not.toContain('/login');
    await town.goto(`${run.base}/whistles`);
    await town.getByTestId('whistle-raise').click();
    await pick(town, 'whistle-village', '.ant-select-tree-node-content-wrapper', '前进村');
    await town.getByTestId('whistle-place').fill(PLACE);
    await town.getByTestId('whistle-description').fill('桥墩冲刷外露，学生每天经过，请人社局到场（演示）');
    await pick(town, 'whistle-units', '.ant-select-item-option', '区人社局');
    // A multiple select stays open over the buttons: a click on the title closes it.
    await town.getByText('吹哨：召集区直部门').click();
    await town.getByTestId('whistle-submit').click();
    await expect.poll(() => whistleId(town), { timeout: 15_000 }).not.toBe('');
    const id = await whistleId(town);
    await expect
      .poll(() => town.getByTestId('whistles-table').getByText(PLACE, { exact: false }).first().isVisible())
      .toBe(true);
    await shot(town, 'whistles-raised');

    // The department's staff, on a phone: the whistle naming their unit, with its report button.
    const staff = await run.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(staff, run.base, 'hrss-staff');
    await expect.poll(() => staff.url(), { timeout: 15_000 }).not.toContain('/login');
    await staff.goto(`${run.base}/whistles`);
    await staff.getByTestId(`whistle-report-${id}`).click();
    await staff.getByTestId('whistle-action-text').fill('已派员到场查看，设置警示并联系住建局检测');
    await staff.getByTestId('whistle-action-submit').click();
    await expect.poll(() => staff.getByTestId(`whistle-report-${id}`).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => staff.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await shot(staff, 'whistles-reported-phone');

    await town.reload();
    const row = town.getByTestId('whistles-table').locator('tr', { hasText: PLACE });
    await expect.poll(() => row.getByText('已报到').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => row.getByText('已全部报到').count()).toBe(1);
  });

  it('a town head blows the whistle from an open appeal of the town, which the whistle names', async () => {
    const town = await run.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(town, run.base, 'town2-head');
    const appeal = await town.evaluate(async () => {
      const response = await fetch('/api/v1/appeals?level=town&status=open', {
        headers: { Accept: 'application/json' },
      });
      const body = (await response.json()) as { items: { id: string; title: string }[] };
      return body.items[0] ?? null;
    });
    expect(appeal, 'the demo town holds an open appeal').not.toBeNull();
    if (!appeal) return;
    await town.goto(`${run.base}/appeals/${appeal.id}`);
    await town.getByTestId('appeal-whistle').click();
    expect(await town.getByTestId('whistle-appeal-title').textContent()).toBe(appeal.title);
    await town.getByTestId('whistle-description').fill('群众反映久拖未决，请区住建局到场会商（演示）');
    await pick(town, 'whistle-units', '.ant-select-item-option', '区人社局');
    await town.getByText('吹哨：召集区直部门').click();
    await town.getByTestId('whistle-submit').click();
    const named = () =>
      town.evaluate(async (appealId) => {
        const response = await fetch(`/api/v1/whistles?appealId=${appealId}`, {
          headers: { Accept: 'application/json' },
        });
        return ((await response.json()) as { items: unknown[] }).items.length;
      }, appeal.id);
    await expect.poll(named, { timeout: 15_000 }).toBe(1);
    await shot(town, 'whistle-from-appeal');
  });
});
