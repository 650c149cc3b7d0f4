import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// village201-1 is a cadre of the first village of 关庙镇 (town2); town2-head answers for the town.
const VILLAGE_CODE = '610902101201';
const PHONE = '13912345678';
const TITLE = '三组路灯坏了三个月';

interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}
interface Stats {
  received: number;
  resolutionRate: Rate;
  satisfactionRate: Rate;
}
interface AppealRow {
  id: string;
  trackingCode: string;
  title: string;
  level: string;
  status: string;
  version: number;
}

/** A call to the API from a signed-in console page: its session cookie and CSRF token. */
async function api<T>(page: Page, method: string, apiPath: string, body?: object): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, apiPath, body }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${apiPath}`, {
        method,
        headers: {
          Accept: 'application/json',
          'Accept-Language': 'zh-CN',
          'X-CSRF-Token': me.csrfToken,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { method, apiPath, body },
  );
  if (answer.status >= 300)
    throw new Error(`${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}

/** Today in China, as the stats query takes dates. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function statsOf(page: Page): Promise<Stats> {
  const today = chinaToday();
  return api<Stats>(page, 'GET', `/appeals/stats?from=${today}&to=${today}`);
}

async function findAppeal(page: Page, code: string): Promise<AppealRow> {
  const list = await api<{ items: AppealRow[] }>(page, 'GET', `/appeals?q=${code}`);
  const row = list.items.find((a) => a.trackingCode === code);
  if (!row) throw new Error(`appeal ${code} not in the list`);
  return row;
}

async function shot(page: Page, name: string): Promise<void> {
  // A double tap may leave a word selected where the second tap landed: not part of the page.
  await page.evaluate('window.getSelection()?.removeAllRanges()');
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

describe('residents’ appeals in Chromium', () => {
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

  it('takes an appeal on the public page, escalates, resolves and rates it, and counts it in the rates', async () => {
    const villages = (await (await fetch(`${run.base}/api/v1/public/villages`)).json()) as {
      code: string;
      name: string;
      townName: string;
    }[];
    const village = villages.find((v) => v.code === VILLAGE_CODE);
    if (!village) throw new Error('demo village missing');

    // The town head's figures before the resident writes in.
    const head = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(head, run.base, 'town2-head');
    await expect.poll(() => head.url(), { timeout: 15_000 }).not.toContain('/login');
    const before = await statsOf(head);

    // A resident on a phone: home, then the form.
    const resident = await phone.newPage();
    await resident.goto(`${run.base}/public`);
    await expect
      .poll(() => resident.getByText('我要反映').first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(resident, 'public-home');
    await resident.getByTestId('public-go-submit').click();
    await expect
      .poll(() => resident.getByRole('radio', { name: '道路水利' }).count(), { timeout: 15_000 })
      .toBe(1);

    // Nothing filled in: every required field says what it needs, and nothing is sent.
    await resident.getByTestId('public-submit').click();
    await expect.poll(() => resident.getByText('请选择问题所在的村（社区）').isVisible()).toBe(true);
    await expect.poll(() => resident.getByText('请填写 11 位手机号').first().isVisible()).toBe(true);
    await shot(resident, 'public-submit-errors');

    await pickOption(resident, 'public-town', village.townName);
    await resident.getByTestId('public-village').click();
    // Let the town list finish closing, so the picture shows only the village list.
    await resident.waitForTimeout(500);
    await shot(resident, 'public-village-picker');
    await pickOption(resident, 'public-village', village.name);
    await resident.getByText('道路水利', { exact: true }).click();
    await resident.getByTestId('public-title').fill(TITLE);
    await resident
      .getByTestId('public-description')
      .fill('村三组通往学校的路上三盏路灯坏了三个月，晚上孩子放学看不清路，希望尽快修好。');
    await resident.getByPlaceholder('如：三组王家院子旁').fill('三组村道学校路口');
    await resident.getByTestId('public-phone').fill('1391234');
    await resident.getByTestId('public-submit').click();
    await expect.poll(() => resident.getByText('请填写 11 位手机号').first().isVisible()).toBe(true);
    await resident.getByTestId('public-phone').fill(PHONE);
    await expect.poll(() => resident.getByText('请填写 11 位手机号').count()).toBe(0);
    // A photo of the lamps, drawn in the page: the form shows it before sending.
    const photo = await resident.evaluate<string>(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const context = canvas.getContext('2d');
      context.fillStyle = '#1f3b5c';
      context.fillRect(0, 0, 320, 240);
      context.fillStyle = '#ffd666';
      context.fillRect(150, 40, 20, 20);
      return canvas.toDataURL('image/png').split(',')[1];
    })()`);
    await resident
      .getByTestId('public-photo-input')
      .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: Buffer.from(photo, 'base64') });
    await expect.poll(() => resident.getByTestId('public-photo-remove').isVisible()).toBe(true);
    await shot(resident, 'public-submit-filled');

    // The connection drops after the server stored it: the resident is told to tap again, and the
    // second (double) tap carries the same client id, so it still counts once.
    await resident.route(
      '**/api/v1/public/appeals',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await resident.getByTestId('public-submit').click();
    await expect
      .poll(() => resident.getByText('网络不通').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await shot(resident, 'public-submit-retry');
    await resident.getByTestId('public-submit').dblclick();
    const codeBox = resident.getByTestId('tracking-code');
    await expect.poll(() => codeBox.isVisible(), { timeout: 15_000 }).toBe(true);
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    await expect.poll(() => resident.getByText('记下查询码和手机号后四位').first().isVisible()).toBe(true);
    await shot(resident, 'public-submitted');

    // The village cadre sends it up to the town.
    const cadre = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await cadre.goto(`${run.base}/login`);
    await expect
      .poll(() => cadre.getByTestId('login-public-link').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await cadre.screenshot({ path: path.join(SCREENSHOTS, 'login-public-link.png') });
    await signIn(cadre, run.base, 'village201-1');
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).not.toContain('/login');
    const same = await api<{ items: AppealRow[] }>(cadre, 'GET', `/appeals?q=${encodeURIComponent(TITLE)}`);
    expect(same.items.filter((a) => a.title === TITLE)).toHaveLength(1);
    const atVillage = await findAppeal(cadre, code);
    expect(atVillage.level).toBe('village');
    // The resident's photo is on the appeal page, as a thumbnail.
    await cadre.goto(`${run.base}/appeals/${atVillage.id}`);
    await expect.poll(() => cadre.getByTestId('attachment-image').count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        cadre.evaluate<number>(
          `document.querySelector('[data-testid="attachment-image"] img')?.naturalWidth ?? 0`,
        ),
      )
      .toBe(320);
    await shot(cadre, 'appeal-attachments');
    await api(cadre, 'POST', `/appeals/${atVillage.id}/escalate`, {
      version: atVillage.version,
      reason: '需镇里统一安排电工维修',
    });
    await cadre.close();

    // The town head accepts and resolves it.
    const atTown = await findAppeal(head, code);
    expect(atTown.level).toBe('town');
    const accepted = await api<AppealRow>(head, 'POST', `/appeals/${atTown.id}/accept`, {
      version: atTown.version,
    });
    await api(head, 'POST', `/appeals/${atTown.id}/resolve`, {
      version: accepted.version,
      resolution: '镇供电所已更换三盏路灯，并将该路段纳入每月巡查。',
    });

    // The resident follows it: a wrong phone digit is refused without saying which part was wrong.
    await resident.getByTestId('public-track-this').click();
    await expect
      .poll(() => resident.getByTestId('public-track-code').inputValue(), { timeout: 15_000 })
      .toBe(code);
    await shot(resident, 'public-track-form');
    await resident.getByTestId('public-track-phone').fill('0000');
    await resident.getByTestId('public-track-submit').click();
    await expect
      .poll(() => resident.getByText('查询码或电话后四位不正确').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await resident.getByTestId('public-track-phone').fill(PHONE.slice(-4));
    await resident.getByTestId('public-track-submit').click();
    await expect
      .poll(() => resident.getByTestId('public-progress').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await resident.getByTestId('public-level').textContent()).toBe('镇级办理');
    await expect.poll(() => resident.getByText('镇供电所已更换三盏路灯').first().isVisible()).toBe(true);
    await expect.poll(() => resident.getByText('转镇级办理').first().isVisible()).toBe(true);
    await shot(resident, 'public-track-resolved');

    await resident.getByTestId('public-rating').getByText('满意', { exact: true }).click();
    expect(await resident.getByRole('radio', { name: '满意', exact: true }).isChecked()).toBe(true);
    await resident.getByLabel('想说的话（选填）').fill('修得很快，谢谢！');
    await resident.getByTestId('public-rate-submit').click();
    await expect.poll(() => resident.getByTestId('public-rated').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => resident.getByTestId('public-your-rating').textContent()).toBe('您的评价：满意');
    await shot(resident, 'public-track-rated');

    // The town head's rates now count it: received, resolved, rated satisfied.
    const after = await statsOf(head);
    expect(after.received).toBe(before.received + 1);
    expect(after.resolutionRate.numerator).toBe(before.resolutionRate.numerator + 1);
    expect(after.satisfactionRate.numerator).toBe(before.satisfactionRate.numerator + 1);
    expect(after.satisfactionRate.denominator).toBe(before.satisfactionRate.denominator + 1);
    expect(after.satisfactionRate.value).not.toBeNull();
    await head.close();

    // The same pages in English.
    await resident.goto(`${run.base}/public`);
    await resident.getByTestId('public-language').click();
    await expect.poll(() => resident.getByText('Track my appeal').first().isVisible()).toBe(true);
    await shot(resident, 'public-home-en');
    await resident.getByTestId('public-go-track').click();
    await resident.getByTestId('public-track-code').fill(code);
    await resident.getByTestId('public-track-phone').fill(PHONE.slice(-4));
    await resident.getByTestId('public-track-submit').click();
    await expect
      .poll(() => resident.getByText('Your rating: Satisfied').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await shot(resident, 'public-track-en');

    // The narrowest common phone, with the longer English labels.
    await resident.setViewportSize({ width: 375, height: 812 });
    await resident.goto(`${run.base}/public/submit`);
    await expect
      .poll(() => resident.getByText('Kind of problem').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await resident.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await shot(resident, 'public-submit-en-375');
    await resident.close();
  });
});
