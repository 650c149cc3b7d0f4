import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

const UNIT = '区司法局';
const STAFF = { username: 'sfj-staff', name: '司法局小周', password: 'Sifa-Staff-2026' };

interface AppealRow {
  id: string;
  trackingCode: string;
  title: string;
  status: string;
}

/** A call to the API from a signed-in console page, with its session cookie. */
async function apiGet<T>(page: Page, apiPath: string): Promise<T> {
  const answer = await page.evaluate(async (apiPath) => {
    const response = await fetch(`/api/v1${apiPath}`, { headers: { Accept: 'application/json' } });
    return { status: response.status, json: (await response.json()) as unknown };
  }, apiPath);
  if (answer.status >= 300)
    throw new Error(`GET ${apiPath}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}

/** A picture of the page; a modal's is of the window, where the modal sits. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Opens a select once it may be used (a field enabled by another one's value), clicks an option
 * and waits until the select shows it; tried again when a click landed while a modal or a list
 * was still moving into place.
 */
async function pick(page: Page, select: string, item: string, text: string): Promise<void> {
  const field = page.getByTestId(select);
  for (let attempt = 1; ; attempt++) {
    await expect
      .poll(() =>
        field.evaluate((el) => (el.closest('.ant-select') ?? el).classList.contains('ant-select-disabled')),
      )
      .toBe(false);
    await field.click();
    const option = page.locator(`.ant-select-dropdown:visible ${item}`).filter({ hasText: text }).first();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    const shown = async () => ((await field.textContent()) ?? '').includes(text);
    for (let i = 0; i < 10 && !(await shown()); i++) await page.waitForTimeout(200);
    if (await shown()) return;
    if (attempt === 3) throw new Error(`${select}: could not pick ${text}`);
    await page.keyboard.press('Tab');
  }
}

const pickOption = (page: Page, select: string, option: string) =>
  pick(page, select, '.ant-select-item-option', option);
const pickTreeNode = (page: Page, select: string, node: string) =>
  pick(page, select, '.ant-select-tree-node-content-wrapper', node);

describe('handling units in Chromium', () => {
  let run: RunningConsole;
  beforeAll(async () => {
    run = await startConsole();
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('the district creates a department and its staff account, routes an appeal to it, and the staff see it', async () => {
    const admin = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(admin, run.base, 'admin');
    await expect.poll(() => admin.url(), { timeout: 15_000 }).not.toContain('/login');

    // A new department answering for wage disputes.
    await admin.goto(`${run.base}/units`);
    await expect
      .poll(() => admin.getByTestId('units-table').getByText('区人社局').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(admin, 'units-list');
    await admin.getByTestId('unit-create').click();
    await pickOption(admin, 'unit-form-kind', '区级部门');
    await admin.getByTestId('unit-form-name').fill(UNIT);
    await pickTreeNode(admin, 'unit-form-area', '汉滨区');
    await admin.getByLabel('联系电话').fill('0915-3212310');
    await pickOption(admin, 'unit-form-categories', '劳资纠纷');
    // Closes the categories' list, then asks for the unit's own hours (two periods to start with).
    await admin.getByText('新增承办单位').click();
    await admin.getByText('单独设定').click();
    await shot(admin, 'units-form', false);
    await admin.getByTestId('unit-form-submit').click();
    await expect
      .poll(() => admin.getByTestId('units-table').getByText(UNIT).isVisible(), { timeout: 15_000 })
      .toBe(true);

    // Its staff account: the unit sets the area.
    await admin.goto(`${run.base}/users`);
    await admin.getByTestId('user-create').click();
    await admin.getByLabel('用户名').fill(STAFF.username);
    await admin.getByLabel('姓名').fill(STAFF.name);
    await pickOption(admin, 'user-form-role', '部门工作人员');
    await pickOption(admin, 'user-form-unit', UNIT);
    await admin.getByLabel('初始密码').fill(STAFF.password);
    await expect.poll(() => admin.getByTestId('user-form-area').textContent()).toContain('汉滨区');
    await shot(admin, 'units-account-form', false);
    await admin.getByTestId('user-form-submit').click();
    await expect
      .poll(() => admin.getByTestId('users-table').getByText(STAFF.username).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(
      await admin
        .getByTestId('users-table')
        .getByRole('row')
        .filter({ hasText: STAFF.username })
        .textContent(),
    ).toContain(UNIT);

    // An open wage dispute, routed to the new department from its page.
    const open = (
      await apiGet<{ items: AppealRow[] }>(admin, '/appeals?categoryCode=wage_dispute&limit=50')
    ).items.filter((a) => a.status !== 'closed' && a.status !== 'resolved');
    const appeal = open[0];
    if (!appeal) throw new Error('no open wage dispute in the demo');
    await admin.goto(`${run.base}/appeals/${appeal.id}`);
    await admin.getByTestId('appeal-route-unit').click();
    await pickOption(admin, 'route-unit-select', UNIT);
    await admin.getByTestId('route-unit-submit').click();
    await expect
      .poll(() => admin.getByTestId('timeline-routed').filter({ hasText: UNIT }).count(), { timeout: 15_000 })
      .toBe(1);
    await shot(admin, 'units-appeal-routed');

    // The staff sign in and find it in their list, and only what was routed to their unit.
    const context = await run.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const staff = await context.newPage();
    await signIn(staff, run.base, STAFF.username, STAFF.password);
    await expect.poll(() => staff.url(), { timeout: 15_000 }).not.toContain('/login');
    await staff.goto(`${run.base}/appeals`);
    await expect.poll(() => staff.getByText(appeal.trackingCode).isVisible(), { timeout: 15_000 }).toBe(true);
    const seen = await apiGet<{ items: AppealRow[] }>(staff, '/appeals?limit=50');
    expect(seen.items.map((a) => a.id)).toEqual([appeal.id]);
    await staff.getByText(appeal.title).first().click();
    await expect
      .poll(() => staff.getByTestId('timeline-routed').filter({ hasText: UNIT }).count(), { timeout: 15_000 })
      .toBe(1);
    await shot(staff, 'units-staff-appeal');
    await context.close();
  });
});
