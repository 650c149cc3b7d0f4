import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  displayName,
  phoneContext,
  type RunningConsole,
  SCREENSHOTS,
  signIn,
  startConsole,
} from '../harness';

// 前进村, the first village of 关庙镇: the demo's first service station (station1) serves it.
const VILLAGE_CODE = '610902101201';
const RESIDENT_PHONE = '13912345678';
const ITEM_NAME = '城乡居民养老保险待遇领取资格认证';

interface Page_<T> {
  items: T[];
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
      return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
    },
    { method, apiPath, body },
  );
  if (answer.status >= 300)
    throw new Error(`${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json as T;
}

async function pickOption(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** The file a print link of the request page points at is a PDF. */
async function expectPdf(page: Page, testId: string): Promise<void> {
  const href = (await page.getByTestId(testId).getAttribute('href')) ?? '';
  const kind = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type') ?? '', href);
  expect(kind).toContain('application/pdf');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.getSelection()?.removeAllRanges(); window.scrollTo(0, 0)');
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning')", null, { timeout: 15_000 });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

// A 1×1 PNG: the smallest photo the upload takes (the signed authorisation's "photo").
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The item the resident asks for: a proxy-allowed 社保 item of the district's list, handled by the
 * district's social-security bureau (added by the district admin when the demo does not have it).
 */
async function ensureItem(admin: Page): Promise<void> {
  const found = await api<Page_<{ name: string }>>(
    admin,
    'GET',
    `/service-items?q=${encodeURIComponent(ITEM_NAME)}`,
  );
  if (found.items.some((i) => i.name === ITEM_NAME)) return;
  const units = await api<{ items: { id: string; name: string }[] }>(admin, 'GET', '/units?q=人社');
  const unit = units.items[0];
  if (!unit) throw new Error('no 人社 unit in the demo');
  await api(admin, 'POST', '/service-items', {
    areaCode: '610902000000',
    name: ITEM_NAME,
    category: 'social_insurance',
    unitId: unit.id,
    conditions: '已按月领取城乡居民基本养老保险待遇的人员，每年须进行一次领取资格认证。',
    materials: [
      { name: '居民身份证', form: 'original_and_copy', count: 1, notes: '' },
      { name: '社会保障卡', form: 'original', count: 1, notes: '核验后退还' },
    ],
    steps: ['代办员上门收取身份证、社保卡', '区人社局经办窗口认证', '代办员送还证件并告知结果'],
    legalDays: null,
    promisedDays: 5,
    fees: '',
    place: '汉滨区人社局社保经办大厅',
    hours: '工作日 上午8:30-12:00 下午14:30-17:30',
    consultationPhone: '0915-3212301',
    proxyAllowed: true,
    onlineUrl: null,
    keywords: 'ylbx zgrz 养老 认证',
  });
}

describe('resident services (便民服务) in Chromium', () => {
  let run: RunningConsole;
  let residentPhone: BrowserContext;
  let agentPhone: BrowserContext;
  beforeAll(async () => {
    run = await startConsole();
    residentPhone = await phoneContext(run.browser);
    agentPhone = await phoneContext(run.browser);
  });
  afterAll(async () => {
    await residentPhone?.close();
    await agentPhone?.close();
    await run?.stop();
  });

  it('a resident on a phone finds an item and asks for 代办, the agent works it in the console, the resident rates it', async () => {
    const adminDesk = await run.browser.newContext({ locale: 'zh-CN' });
    const admin = await adminDesk.newPage();
    await signIn(admin, run.base, 'admin');
    await expect.poll(() => admin.url(), { timeout: 15_000 }).not.toContain('/login');
    await ensureItem(admin);
    await adminDesk.close();

    // The resident's village is remembered on the phone, as after a first visit.
    const resident = await residentPhone.newPage();
    await resident.goto(`${run.base}/public`);
    await resident.evaluate(`localStorage.setItem('lianxin.public.village', '${VILLAGE_CODE}')`);
    await resident.reload();
    await resident.getByTestId('public-go-services').tap();
    await resident.getByTestId('services-search').fill('养老');
    await resident.getByTestId(`services-item-${ITEM_NAME}`).waitFor({ timeout: 15_000 });
    await shot(resident, 'services-public-catalogue');
    await resident.getByTestId(`services-item-${ITEM_NAME}`).tap();
    await resident.getByTestId('service-guide').waitFor();
    await expect.poll(() => resident.getByTestId('service-guide').textContent()).toContain('社会保障卡');
    await shot(resident, 'services-public-guide');

    // 请代办员帮我办: name, the village (remembered), the phone proved by a code.
    await resident.getByTestId('service-ask-proxy').tap();
    await resident.getByTestId('proxy-name').fill('张桂芳');
    await resident.getByTestId('phone-verification-phone').fill(RESIDENT_PHONE);
    await resident.getByTestId('phone-verification-send').tap();
    const devCode = await resident
      .getByTestId('phone-verification-dev-code')
      .textContent({ timeout: 15_000 });
    const code = /\d{6}/.exec(devCode ?? '')?.[0];
    expect(code).toBeDefined();
    await resident.getByTestId('phone-verification-code').fill(code ?? '');
    await resident.getByTestId('phone-verification-submit').tap();
    await resident.getByTestId('phone-verified').waitFor();
    await resident.getByTestId('proxy-notes').fill('老人腿脚不便，请代办员上门收取证件。');
    await shot(resident, 'services-public-request-form');
    await resident.getByTestId('proxy-submit').tap();
    const trackingCode = (
      (await resident.getByTestId('proxy-tracking-code').textContent({ timeout: 15_000 })) ?? ''
    ).trim();
    expect(trackingCode).toMatch(/^[A-Z0-9]{6,16}$/);
    await shot(resident, 'services-public-request-done');

    // The agent, on a phone: the station's requests, the new one among them.
    const agent = await agentPhone.newPage();
    await signIn(agent, run.base, 'station1-agent1');
    await expect.poll(() => agent.url(), { timeout: 15_000 }).not.toContain('/login');
    await agent.goto(`${run.base}/services/queue`);
    await agent.getByText('本站', { exact: true }).tap();
    const card = agent.getByTestId(`queue-card-${trackingCode}`);
    await card.waitFor({ timeout: 15_000 });
    await shot(agent, 'services-agent-queue');
    await agent.getByTestId(`queue-next-${trackingCode}`).tap();
    await agent.getByTestId('request-page').waitFor();

    const statusIs = (label: string) =>
      expect.poll(() => agent.getByTestId('request-status').textContent(), { timeout: 15_000 }).toBe(label);

    // The station head assigns it to the agent (on the desk); the agent then has it.
    const requestUrl = agent.url();
    await expect.poll(() => agent.getByTestId('step-submitted').textContent()).toContain('等待站长分派');
    const headDesk = await run.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const head = await headDesk.newPage();
    await signIn(head, run.base, 'station1-head');
    await expect.poll(() => head.url(), { timeout: 15_000 }).not.toContain('/login');
    await head.goto(requestUrl);
    await head.getByTestId('step-assign-agent').waitFor({ timeout: 15_000 });
    await pickOption(head, 'step-assign-agent', await displayName(run.base, 'station1-agent1'));
    await head.getByTestId('step-assign').click();
    await expect
      .poll(() => head.getByTestId('request-status').textContent(), { timeout: 15_000 })
      .toBe('待签委托书');

    // The signed authorisation photographed; the papers collected against receipts.
    await agent.reload();
    await statusIs('待签委托书');
    await expectPdf(agent, 'print-authorisation');
    await agent.locator('[data-testid="step-assigned"] input[type="file"]').setInputFiles({
      name: '委托书.png',
      mimeType: 'image/png',
      buffer: PNG_1PX,
    });
    await statusIs('收取材料');
    const checklist = agent.getByTestId('step-collect-list').locator('input[type="checkbox"]');
    for (let i = 0; i < (await checklist.count()); i++) await checklist.nth(i).check();
    await shot(agent, 'services-agent-collect');
    await agent.getByTestId('step-collect').tap();
    await agent.getByTestId('step-lodge-receipt').waitFor({ timeout: 15_000 });
    await agent.getByTestId('step-lodge-receipt').fill('RS2026120701');
    await agent.getByTestId('step-lodge').tap();
    await statusIs('已递交');
    await agent.getByTestId('step-result-note').fill('资格认证已通过，待遇按月正常发放。');
    await agent.getByTestId('step-result').tap();
    await statusIs('已出结果');
    await agent.getByTestId('step-deliver').tap();
    await statusIs('已送达');
    await expect.poll(() => agent.getByTestId('request-timeline').textContent()).toContain('递交办理单位');
    await shot(agent, 'services-agent-request');
    await expectPdf(agent, 'print-receipt');

    // The resident follows it and rates: the agent's service and the unit's result apart.
    await resident.goto(`${run.base}/public/services/track?code=${trackingCode}`);
    await resident.getByTestId('proxy-track-phone').fill(RESIDENT_PHONE.slice(-4));
    await resident.getByTestId('proxy-track-submit').tap();
    await expect
      .poll(() => resident.getByTestId('proxy-track-status').textContent(), { timeout: 15_000 })
      .toBe('已送达');
    await resident.getByTestId('rate-agent').getByText('非常满意', { exact: true }).tap();
    await resident.getByTestId('rate-unit').getByText('满意', { exact: true }).tap();
    await shot(resident, 'services-public-rating');
    await resident.getByTestId('service-rate-submit').tap();
    await resident.getByTestId('proxy-rated').waitFor({ timeout: 15_000 });
    await shot(resident, 'services-public-rated');

    await expect.poll(() => resident.getByTestId('proxy-track-status').textContent()).toBe('已办结');

    // The station head's board shows the rating.
    await head.goto(`${run.base}/services/board`);
    await expect.poll(() => head.getByText(ITEM_NAME).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(head, 'services-head-board');

    // The station's profile and this week's duty roster; the resident then sees today's duty.
    await head.goto(`${run.base}/services/centres`);
    await head.getByTestId(`centre-row-${VILLAGE_CODE}`).click();
    await head.getByRole('tab', { name: '值班表' }).click();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await pickOption(head, `roster-${today}`, await displayName(run.base, 'station1-agent1'));
    await head.getByTestId('roster-save').click();
    await head.getByText('已保存').first().waitFor({ timeout: 15_000 });
    await shot(head, 'services-head-roster');
    await resident.goto(`${run.base}/public/services/centres`);
    await expect
      .poll(() => resident.getByTestId(`public-centre-${VILLAGE_CODE}`).textContent(), { timeout: 15_000 })
      .toContain(await displayName(run.base, 'station1-agent1'));
    await shot(resident, 'services-public-centres');
    await resident.goto(`${run.base}/public/villages/${VILLAGE_CODE}`);
    await resident.getByTestId('village-services').waitFor({ timeout: 15_000 });
    await resident.getByTestId('village-services').scrollIntoViewIfNeeded();
    await resident.screenshot({
      path: path.join(SCREENSHOTS, 'services-village-section.png'),
      animations: 'disabled',
    });
    await head.goto(`${run.base}/services/catalogue`);
    await head.getByPlaceholder('搜索事项名称').fill('养老');
    await head.getByText(ITEM_NAME).first().click();
    await head
      .getByTestId('item-edit')
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    await shot(head, 'services-console-catalogue');
    await headDesk.close();
  }, 240_000);
  it('a named 差评 opens a follow-up that the station head calls back and answers on the board', async () => {
    const headDesk = await run.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const head = await headDesk.newPage();
    await signIn(head, run.base, 'station1-head');
    await expect.poll(() => head.url(), { timeout: 15_000 }).not.toContain('/login');
    const agentDesk = await run.browser.newContext({ locale: 'zh-CN' });
    const agent = await agentDesk.newPage();
    await signIn(agent, run.base, 'station1-agent1');
    await expect.poll(() => agent.url(), { timeout: 15_000 }).not.toContain('/login');

    // A request recorded at the station and taken to delivery through the API.
    const items = await api<Page_<{ id: string; name: string }>>(
      head,
      'GET',
      `/service-items?q=${encodeURIComponent(ITEM_NAME)}`,
    );
    const itemId = items.items.find((i) => i.name === ITEM_NAME)?.id ?? '';
    interface Req {
      id: string;
      version: number;
      trackingCode: string;
      stationId: string;
      materials: { id: string; receiptNo: string | null }[];
    }
    // Recorded by the village's cadre on a visit (an area account; station accounts do not record).
    const cadreDesk = await run.browser.newContext({ locale: 'zh-CN' });
    const cadre = await cadreDesk.newPage();
    await signIn(cadre, run.base, 'village201-1');
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).not.toContain('/login');
    let request = await api<Req>(cadre, 'POST', '/proxy-requests', {
      itemId,
      channel: 'visit',
      applicantName: '刘德华',
      phone: '13698765432',
      areaCode: VILLAGE_CODE,
      description: '',
    });
    const centre = await api<{ staff: { userId: string; role: string }[] }>(
      head,
      'GET',
      `/service-centres/${request.stationId}`,
    );
    const agentId = centre.staff.find((s) => s.role === 'service_agent')?.userId ?? '';
    request = await api<Req>(head, 'POST', `/proxy-requests/${request.id}/assign`, {
      version: request.version,
      agentId,
    });
    const file = await agent.evaluate(
      async ({ id, png }) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        const response = await fetch(`/api/v1/proxy-requests/${id}/files?kind=authorisation&fileName=a.png`, {
          method: 'POST',
          headers: { 'Content-Type': 'image/png', 'X-CSRF-Token': me.csrfToken },
          body: bytes,
        });
        return (await response.json()) as { id: string };
      },
      { id: request.id, png: PNG_1PX.toString('base64') },
    );
    request = await api<Req>(agent, 'POST', `/proxy-requests/${request.id}/authorise`, {
      version: request.version,
      fileId: file.id,
    });
    request = await api<Req>(agent, 'POST', `/proxy-requests/${request.id}/collect`, {
      version: request.version,
      materialIds: request.materials.map((m) => m.id),
    });
    request = await api<Req>(agent, 'POST', `/proxy-requests/${request.id}/lodge`, {
      version: request.version,
      unitReceiptNo: 'RS2026120702',
    });
    request = await api<Req>(agent, 'POST', `/proxy-requests/${request.id}/result`, {
      version: request.version,
      note: '认证通过',
    });
    request = await api<Req>(agent, 'POST', `/proxy-requests/${request.id}/deliver`, {
      version: request.version,
      returnedMaterialIds: request.materials.filter((m) => m.receiptNo).map((m) => m.id),
    });

    // The resident rates the agent 不满意 on the tracking page.
    const resident = await residentPhone.newPage();
    await resident.goto(`${run.base}/public/services/track?code=${request.trackingCode}`);
    await resident.getByTestId('proxy-track-phone').fill('5432');
    await resident.getByTestId('proxy-track-submit').tap();
    await resident.getByTestId('service-rating').waitFor({ timeout: 15_000 });
    await resident.getByTestId('rate-agent').getByText('不满意', { exact: true }).tap();
    await resident.getByTestId('rate-unit').getByText('满意', { exact: true }).tap();
    await resident.getByRole('textbox').last().fill('代办员上门晚了两天，也没提前打电话。');
    await resident.getByTestId('service-rate-submit').tap();
    await expect
      .poll(() => resident.getByTestId('proxy-rated').textContent(), { timeout: 15_000 })
      .toContain('回访');

    // The station head calls back and answers it on the board; it leaves the list.
    // The board asks only for what a station head may read.
    const refused: string[] = [];
    head.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await head.goto(`${run.base}/services/board`);
    const followUps = head.getByTestId('follow-ups');
    await expect.poll(() => followUps.textContent(), { timeout: 15_000 }).toContain('上门晚了两天');
    await shot(head, 'services-head-follow-up');
    await followUps.getByRole('button', { name: '记录回访' }).first().click();
    await head
      .locator('.ant-modal:visible textarea')
      .fill('已电话回访刘德华，当面致歉，说明当天代办员在另一户收件。');
    await head
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => followUps.textContent(), { timeout: 15_000 }).toContain('已电话回访');
    await followUps.getByRole('button', { name: '答复群众' }).first().click();
    await head.locator('.ant-modal:visible').getByText('已整改', { exact: true }).click();
    await head
      .locator('.ant-modal:visible textarea')
      .fill('已对代办员进行批评教育，今后上门前一天电话预约。');
    await head
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => followUps.textContent(), { timeout: 15_000 }).not.toContain('上门晚了两天');
    expect(refused).toEqual([]);
    await headDesk.close();
    await agentDesk.close();
    await cadreDesk.close();
  }, 120_000);
});
