import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// village201-1 is a cadre of 前进村, the first village of 关庙镇 (town2); town2-head answers for the town.
const VILLAGE_CODE = '610902101201';
const FINDINGS = '户主腰伤好转，能下地干轻活；孙子上学路远，想申请寄宿。医保已续缴。';

interface Visit {
  id: string;
  findings: string;
  kind: string;
  needs: string[];
}
interface WorklistItem {
  householdId: string;
  householdNumber: string;
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

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.getSelection()?.removeAllRanges()');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Today in China, as visits are dated. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The cadre's worklist; when the demo has no pairing for them, the town head pairs them with an
 * unpaired priority household of their village first.
 */
async function worklistOf(cadre: Page, head: Page): Promise<WorklistItem[]> {
  const list = await api<{ items: WorklistItem[] }>(cadre, 'GET', '/worklist');
  if (list.items.length > 0) return list.items;
  const me = await api<{ user: { id: string } }>(cadre, 'GET', '/auth/me');
  const board = await api<{ unpaired: { id: string; villageCode: string }[] }>(
    head,
    'GET',
    `/pairings/board?areaCode=${VILLAGE_CODE}`,
  );
  const household = board.unpaired.find((h) => h.villageCode === VILLAGE_CODE);
  if (!household) throw new Error('no unpaired priority household in the village to pair');
  await api(head, 'POST', '/pairings', {
    householdId: household.id,
    cadreId: me.user.id,
    startDate: chinaToday(),
  });
  return (await api<{ items: WorklistItem[] }>(cadre, 'GET', '/worklist')).items;
}

describe('visits in Chromium', () => {
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

  it('a village cadre records a visit from the worklist on a phone; a retried save counts once', async () => {
    const cadre = await phone.newPage();
    await signIn(cadre, run.base, 'village201-1');
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).not.toContain('/login');
    const head = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(head, run.base, 'town2-head');
    await expect.poll(() => head.url(), { timeout: 15_000 }).not.toContain('/login');
    const items = await worklistOf(cadre, head);
    await head.close();
    const target = items[0];
    if (!target) throw new Error('empty worklist');
    const before = await api<{ items: Visit[] }>(cadre, 'GET', `/visits?householdId=${target.householdId}`);

    // The worklist: a card per household with big buttons, nothing wider than the phone.
    await cadre.goto(`${run.base}/worklist`);
    const card = cadre.getByTestId(`work-card-${target.householdNumber}`);
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await cadre.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const record = cadre.getByTestId(`work-visit-${target.householdNumber}`);
    const box = await record.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await shot(cadre, 'assistance-worklist-phone');

    // Tapping it opens the visit form as a page of its own, the household already chosen.
    await record.tap();
    await expect
      .poll(() => cadre.url(), { timeout: 10_000 })
      .toContain(`/worklist/visit?household=${target.householdId}`);
    await expect
      .poll(() => cadre.getByTestId('visit-household').textContent(), { timeout: 10_000 })
      .toContain(target.householdNumber);
    await cadre.getByTestId('visit-kind').getByText('电话联系').tap();
    await cadre.getByTestId('visit-findings').fill(FINDINGS);
    await cadre.getByTestId('visit-needs').getByText('上学').tap();
    await cadre.getByTestId('visit-needs').getByText('看病就医').tap();
    await shot(cadre, 'assistance-visit-form-phone');

    // The answer is lost after the server stored the visit: the cadre is told, taps save again
    // (twice, in a hurry), and the form's one visit id makes it the same visit.
    await cadre.route(
      '**/api/v1/visits',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await cadre.getByTestId('visit-submit').tap();
    await expect
      .poll(() => cadre.getByText('无法连接服务器').first().isVisible(), { timeout: 10_000 })
      .toBe(true);
    await shot(cadre, 'assistance-visit-retry-phone');
    await cadre.getByTestId('visit-submit').dblclick();
    await expect
      .poll(() => cadre.getByText('走访已记录').first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => cadre.url(), { timeout: 10_000 }).toMatch(/\/worklist$/);

    const after = await api<{ items: Visit[] }>(cadre, 'GET', `/visits?householdId=${target.householdId}`);
    expect(after.items).toHaveLength(before.items.length + 1);
    const saved = after.items.filter((v) => v.findings === FINDINGS);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.kind).toBe('phone');
    expect(saved[0]?.needs.sort()).toEqual(['education', 'medical']);

    // The household's 走访 tab shows it once, with its helper above.
    await cadre.goto(`${run.base}/households/${target.householdId}?tab=visits`);
    await expect
      .poll(() => cadre.getByTestId('household-visit-item').filter({ hasText: FINDINGS }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => cadre.getByTestId('household-pairing').isVisible()).toBe(true);
    await shot(cadre, 'assistance-household-visits-phone');
    await cadre.close();
  });
});
