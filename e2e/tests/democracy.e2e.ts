import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, type RunningConsole, SCREENSHOTS, signIn, startConsole } from '../harness';

// village201-1 is a cadre of 前进村, the first village of 关庙镇 (town2).
const VILLAGE_CODE = '610902101201';

interface RollEntry {
  id: string;
  name: string;
  entitled: boolean;
}
interface Meeting {
  id: string;
  version: number;
  roll: RollEntry[];
  quorum: { entitled: number; needed: number; met: boolean };
}
interface Matter {
  id: string;
  title: string;
  status: string;
  step: string | null;
  version: number;
  resolutionNoticeId: string | null;
}
interface Bodies {
  bodies: { body: string; memberIds: string[] }[];
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
  // From the top, so the header stays at the top of the full-page picture.
  await page.evaluate('window.getSelection()?.removeAllRanges(); window.scrollTo(0, 0)');
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning')", null, { timeout: 15_000 });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

// A 1×1 PNG: the smallest photo the upload takes.
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Today in China, as notices of meetings are dated. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The smallest count reaching two thirds or more of `total` (the representatives' meeting, art. 26). */
function twoThirds(total: number): number {
  return Math.ceil((total * 2) / 3);
}

/** One deliberation held through the API: everyone entitled present, all votes for. */
async function holdStep(page: Page, matterId: string, body: string, agenda: string): Promise<void> {
  const meeting = await api<Meeting>(page, 'POST', '/meetings', {
    matterId,
    body,
    heldAt: new Date().toISOString(),
    place: '村委会议室',
    noticeDate: chinaToday(),
    agenda,
  });
  const entitled = meeting.roll.filter((r) => r.entitled);
  const marked = await api<Meeting>(page, 'PUT', `/meetings/${meeting.id}/attendance`, {
    version: meeting.version,
    entries: entitled.map((r) => ({ rollId: r.id, attendance: 'present' })),
  });
  await api(page, 'POST', `/meetings/${meeting.id}/decision`, {
    version: marked.version,
    decision: 'vote',
    votes: { for: entitled.length, against: 0, abstain: 0 },
    minutes: `${agenda}：与会人员一致同意。`,
  });
}

type Member = [name: string, gender: 'male' | 'female', title: string, flags: string[]];

// Who sits in the village's bodies when the demo has no one there yet: the two committees, the
// Party members (孙立新 a probationary member, without a vote) and eight representatives by group.
const MEMBERS: Member[] = [
  ['王建国', 'male', '党支部书记', ['branchCommittee', 'villagersCommittee', 'partyMember', 'partyVoting']],
  ['李秀英', 'female', '村委会主任', ['villagersCommittee', 'partyMember', 'partyVoting']],
  ['张志强', 'male', '支部委员', ['branchCommittee', 'partyMember', 'partyVoting']],
  ['刘桂兰', 'female', '支部委员', ['branchCommittee', 'partyMember', 'partyVoting']],
  ['陈德明', 'male', '', ['partyMember', 'partyVoting']],
  ['赵玉珍', 'female', '', ['partyMember', 'partyVoting']],
  ['孙立新', 'male', '', ['partyMember']],
  ...(['周永红', '吴春梅', '郑大海', '黄秀芳', '何长林', '马凤英', '胡建军', '罗小梅'] as const).map(
    (name, i): Member => [name, i % 3 === 2 || i === 6 ? 'male' : 'female', '村民代表', ['representative']],
  ),
];

/** The village's bodies; members added first when its representatives' meeting has no one. */
async function ensureMembers(page: Page): Promise<Bodies> {
  const bodies = await api<Bodies>(page, 'GET', `/democracy-bodies/${VILLAGE_CODE}`);
  if ((bodies.bodies.find((b) => b.body === 'representatives')?.memberIds.length ?? 0) > 0) return bodies;
  const groups = await api<{ items: { code: string }[] }>(
    page,
    'GET',
    `/areas?parentCode=${VILLAGE_CODE}&kind=group`,
  );
  for (const [i, [name, gender, title, flags]] of MEMBERS.entries()) {
    const group = groups.items[i % Math.max(groups.items.length, 1)]?.code ?? null;
    await api(page, 'POST', '/democracy-members', {
      villageCode: VILLAGE_CODE,
      name,
      gender,
      title,
      ...Object.fromEntries(flags.map((f) => [f, true])),
      ...(flags.includes('representative')
        ? { representativeBasis: 'group', representativeGroupCode: group }
        : {}),
    });
  }
  return api<Bodies>(page, 'GET', `/democracy-bodies/${VILLAGE_CODE}`);
}

/** The village's authorisation of its representatives' meeting for art. 24 matters, granted when missing. */
async function ensureAuthorisation(page: Page): Promise<void> {
  const list = await api<{ items: unknown[] }>(
    page,
    'GET',
    `/democracy-authorisations?villageCode=${VILLAGE_CODE}`,
  );
  if (list.items.length > 0) return;
  await api(page, 'POST', '/democracy-authorisations', {
    villageCode: VILLAGE_CODE,
    grantedOn: '2026-03-15',
    reference: '2026年3月15日村民会议决定：授权村民代表会议讨论决定本届任期内的组织法第二十四条事项',
  });
}

describe('village democracy in Chromium', () => {
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

  it('a village cadre records the representatives meeting on a phone with the quorum live, and publishes the resolution', async () => {
    const cadre = await phone.newPage();
    await signIn(cadre, run.base, 'village201-1');
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).not.toContain('/login');

    const bodies = await ensureMembers(cadre);
    const representatives = bodies.bodies.find((b) => b.body === 'representatives')?.memberIds ?? [];
    expect(representatives.length).toBeGreaterThanOrEqual(3);
    await ensureAuthorisation(cadre);

    // A public-welfare matter (art. 24) taken through the first three deliberations.
    const title = '村道路灯安装及筹资方案';
    const matter = await api<Matter>(cadre, 'POST', '/matters', {
      villageCode: VILLAGE_CODE,
      title,
      description: '在村主干道安装太阳能路灯40盏，村集体出资一半，其余向上级申请一事一议奖补。',
      kind: 'public_welfare',
      estimatedAmount: 86000,
    });
    await holdStep(cadre, matter.id, 'branch_committee', '党支部会提议路灯安装');
    await holdStep(cadre, matter.id, 'joint_committees', '两委会商议路灯安装');
    await holdStep(cadre, matter.id, 'party_members', '党员大会审议路灯安装');

    // The board on the phone: the matter waits in the decision column.
    await cadre.goto(`${run.base}/democracy/matters`);
    await cadre.getByRole('tab', { name: /决议/ }).first().tap();
    await expect
      .poll(() => cadre.getByTestId(`matter-card-${matter.id}`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(cadre, 'democracy-board-phone');

    // The matter page: the cadre calls the representatives' meeting.
    await cadre.getByTestId(`matter-card-${matter.id}`).tap();
    await expect.poll(() => cadre.getByTestId('meeting-create').isVisible(), { timeout: 15_000 }).toBe(true);
    await cadre.getByTestId('meeting-create').tap();
    await cadre.getByTestId('meeting-place').fill('前进村党群服务中心二楼会议室');
    await cadre.getByTestId('meeting-save').tap();
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).toContain('/democracy/meetings/');
    const meetingId = cadre.url().split('/democracy/meetings/')[1] ?? '';
    const meeting = await api<Meeting>(cadre, 'GET', `/meetings/${meetingId}`);
    const entitled = meeting.roll.filter((r) => r.entitled);
    const needed = twoThirds(entitled.length);
    expect(meeting.quorum.needed).toBe(needed);

    // Tapping names: one short of two thirds is no quorum, shown with why.
    const quorumLine = cadre.getByTestId('quorum-line');
    await expect
      .poll(() => quorumLine.textContent(), { timeout: 15_000 })
      .toBe(`出席 0/${entitled.length}，需 ≥ ${needed}`);
    for (const entry of entitled.slice(0, needed - 1)) await cadre.getByTestId(`roll-${entry.id}`).tap();
    expect(await quorumLine.textContent()).toBe(`出席 ${needed - 1}/${entitled.length}，需 ≥ ${needed}`);
    expect(await cadre.getByTestId('quorum-state').textContent()).toBe('未达法定人数');
    expect(await cadre.getByTestId('quorum-panel').textContent()).toContain('三分之二以上');
    expect(await cadre.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(cadre, 'democracy-meeting-no-quorum-phone');

    // The server refuses a vote without quorum, in plain Chinese.
    const minutes = '主持人：村委会主任。会议审议了路灯安装及筹资方案，与会代表逐项讨论后举手表决。';
    await cadre.getByTestId('meeting-minutes').fill(minutes);
    await cadre
      .locator('input[data-testid="vote-for"], [data-testid="vote-for"] input')
      .first()
      .fill(String(needed - 1));
    await cadre.getByTestId('decide-vote').tap();
    const refusal = cadre.getByTestId('meeting-refusal');
    await expect.poll(() => refusal.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]{4,}/);
    await shot(cadre, 'democracy-meeting-refused-phone');

    // One more present: the quorum is met; the vote is recorded and adopted.
    const last = entitled[needed - 1];
    if (!last) throw new Error('roll too short');
    await cadre.getByTestId(`roll-${last.id}`).tap();
    expect(await quorumLine.textContent()).toBe(`出席 ${needed}/${entitled.length}，需 ≥ ${needed}`);
    expect(await cadre.getByTestId('quorum-state').textContent()).toBe('已达法定人数');
    expect(await refusal.isVisible()).toBe(false);
    // This time each member's vote is recorded by a tap; the counts follow the record.
    await cadre.getByTestId('per-member-switch').tap();
    for (const entry of entitled.slice(0, needed)) {
      await cadre.getByTestId(`member-vote-${entry.id}`).getByText('赞成').tap();
    }
    expect(
      await cadre
        .locator('input[data-testid="vote-for"], [data-testid="vote-for"] input')
        .first()
        .inputValue(),
    ).toBe(String(needed));
    await expect.poll(() => cadre.getByTestId('vote-preview').textContent()).toContain('通过');
    await shot(cadre, 'democracy-meeting-quorum-met-phone');
    await cadre.getByTestId('decide-vote').tap();
    await expect
      .poll(() => cadre.getByTestId('meeting-outcome-tag').textContent(), { timeout: 15_000 })
      .toBe('通过');
    const decided = await api<{ roll: { id: string; vote: string | null }[] }>(
      cadre,
      'GET',
      `/meetings/${meetingId}`,
    );
    expect(
      decided.roll
        .filter((r) => r.vote === 'for')
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      entitled
        .slice(0, needed)
        .map((r) => r.id)
        .sort(),
    );
    await shot(cadre, 'democracy-meeting-adopted-phone');
    // The minutes as an A4 PDF, from the phone.
    const [pdf] = await Promise.all([
      cadre.waitForEvent('download', { timeout: 30_000 }),
      cadre.getByTestId('minutes-pdf').tap(),
    ]);
    const stream = await pdf.createReadStream();
    const head = await new Promise<string>((resolve, reject) => {
      stream.once('data', (chunk) => resolve(String(chunk).slice(0, 5)));
      stream.once('error', reject);
    });
    stream.destroy();
    expect(head).toBe('%PDF-');

    // The resolution is published to the village's board with the vote counts.
    await cadre.goto(`${run.base}/democracy/matters/${matter.id}`);
    await expect
      .poll(() => cadre.getByTestId('publish-resolution').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await cadre.getByTestId('publish-resolution').tap();
    expect(await cadre.getByTestId('dialog-text').inputValue()).toContain(title);
    await cadre.getByTestId('dialog-ok').tap();
    await expect
      .poll(() => cadre.getByTestId('matter-status').textContent(), { timeout: 15_000 })
      .toBe('实施中');
    await expect.poll(() => cadre.getByTestId('resolution-notice').isVisible()).toBe(true);
    await shot(cadre, 'democracy-matter-published-phone');

    // A photo of the work carried out, from the phone.
    await cadre
      .getByTestId('matter-files')
      .locator('input[type=file]')
      .last()
      .setInputFiles({
        name: '路灯安装现场.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PNG_1PX, 'base64'),
      });
    await expect
      .poll(() => cadre.getByTestId('matter-files').locator('img[alt="路灯安装现场.png"]').count(), {
        timeout: 15_000,
      })
      .toBe(1);

    const after = await api<Matter>(cadre, 'GET', `/matters/${matter.id}`);
    expect(after.status).toBe('carrying_out');
    const publicList = await fetch(`${run.base}/api/v1/public/notices?villageCode=${VILLAGE_CODE}`);
    const notices = ((await publicList.json()) as { items: { id: string }[] }).items;
    expect(notices.map((n) => n.id)).toContain(after.resolutionNoticeId);

    // The meeting in English, still within the phone's width.
    await cadre.goto(`${run.base}/democracy/meetings/${meetingId}`);
    await expect.poll(() => cadre.getByTestId('language-switch').isVisible(), { timeout: 15_000 }).toBe(true);
    await cadre.getByTestId('language-switch').tap();
    await cadre.getByTestId('language-en').tap();
    await expect
      .poll(() => quorumLine.textContent(), { timeout: 15_000 })
      .toBe(`Present ${needed}/${entitled.length}, needs ≥ ${needed}`);
    expect(await cadre.getByTestId('quorum-panel').textContent()).toContain(
      'at least 2/3 of the members present',
    );
    expect(await cadre.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(cadre, 'democracy-meeting-en-phone');
    // The account's language is kept by the server: back to Chinese for what follows.
    await cadre.getByTestId('language-switch').tap();
    await cadre.getByTestId('language-zh-CN').tap();
    await expect.poll(() => quorumLine.textContent(), { timeout: 15_000 }).toContain('出席');
    await cadre.close();
  }, 120_000);

  it("the town sees its villages' stuck matters and a meeting adjourned for want of a quorum, and a village's bodies", async () => {
    const context = await phoneContext(run.browser);
    const cadre = await context.newPage();
    await signIn(cadre, run.base, 'village201-1');
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).not.toContain('/login');
    await ensureMembers(cadre);
    await ensureAuthorisation(cadre);
    // A village's cadre has no villages to oversee: the overview opens their board.
    await cadre.goto(`${run.base}/democracy/overview`);
    await expect.poll(() => cadre.url(), { timeout: 15_000 }).toMatch(/\/democracy\/matters$/);
    // The branch committee called on a matter, too few came: adjourned (流会).
    const matter = await api<Matter>(cadre, 'POST', '/matters', {
      villageCode: VILLAGE_CODE,
      title: '村文化广场健身器材维护',
      description: '更换广场损坏的健身器材6件，费用从村集体收益中列支。',
      kind: 'other',
      estimatedAmount: 12000,
    });
    const meeting = await api<Meeting>(cadre, 'POST', '/meetings', {
      matterId: matter.id,
      body: 'branch_committee',
      heldAt: new Date().toISOString(),
      place: '村委会议室',
      noticeDate: chinaToday(),
      agenda: '党支部会提议健身器材维护',
    });
    await api(cadre, 'POST', `/meetings/${meeting.id}/decision`, {
      version: meeting.version,
      decision: 'adjourn',
      minutes: '支委多人外出参加镇培训，到会不足半数，会议改期。',
    });

    // A representative chosen by households, two of them so far: warned of before saving (5–15).
    await cadre.goto(`${run.base}/democracy/bodies`);
    await expect.poll(() => cadre.getByTestId('member-add').isVisible(), { timeout: 15_000 }).toBe(true);
    await cadre.getByTestId('member-add').tap();
    await cadre.getByTestId('member-name').fill('韩玉珍');
    await cadre.getByText('按5至15户推选').tap();
    await cadre.getByTestId('member-households').click();
    const options = cadre.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const picked = (await options.allTextContents()).slice(0, 2);
    for (const text of picked) await options.filter({ hasText: text }).first().click();
    await expect.poll(() => cadre.getByTestId('member-households-warning').isVisible()).toBe(true);
    await shot(cadre, 'democracy-member-households-phone');
    await cadre.getByTestId('member-save').click();
    await expect.poll(() => cadre.getByTestId('member-save').isVisible(), { timeout: 15_000 }).toBe(false);
    const members = await api<{
      items: { name: string; representedHouseholdIds: string[]; householdsWarning: boolean }[];
    }>(cadre, 'GET', `/democracy-members?villageCode=${VILLAGE_CODE}`);
    const added = members.items.find((m) => m.name === '韩玉珍');
    expect(added?.representedHouseholdIds).toHaveLength(2);
    expect(added?.householdsWarning).toBe(true);
    await context.close();

    const head = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(head, run.base, 'town2-head');
    await expect.poll(() => head.url(), { timeout: 15_000 }).not.toContain('/login');
    await head.goto(`${run.base}/democracy/overview`);
    const adjourned = head.getByTestId('town-adjourned');
    await expect.poll(() => adjourned.textContent(), { timeout: 15_000 }).toContain(matter.title);
    const stats = head.getByTestId('town-stats');
    await expect.poll(() => stats.textContent(), { timeout: 15_000 }).toContain('前进村');
    await shot(head, 'democracy-town-overview');

    // The board filtered to the village from the town's table, then the village's bodies.
    await head.getByTestId('town-stats').getByRole('link', { name: '前进村' }).click();
    await expect
      .poll(() => head.getByTestId(`matter-card-${matter.id}`).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await shot(head, 'democracy-board-town');
    await head.goto(`${run.base}/democracy/bodies?village=${VILLAGE_CODE}`);
    const composition = head.getByTestId('composition');
    await expect.poll(() => composition.textContent(), { timeout: 15_000 }).toContain('须五分之四以上');
    expect(await head.getByTestId('body-representatives').textContent()).toContain('有表决权');
    expect(await head.getByTestId('authorisations').textContent()).toContain('有效');
    await shot(head, 'democracy-bodies-town');
    await head.close();
  }, 120_000);

  it("the district reads the Party bodies' rules as set (the Party members' majority over those entitled to vote)", async () => {
    const admin = await run.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(admin, run.base, 'admin');
    await expect.poll(() => admin.url(), { timeout: 15_000 }).not.toContain('/login');
    await admin.goto(`${run.base}/democracy/overview`);
    await expect
      .poll(() => admin.getByTestId('democracy-settings').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await admin.getByTestId('democracy-settings').click();
    const drawer = admin.getByRole('dialog');
    await expect
      .poll(() => drawer.textContent(), { timeout: 15_000 })
      .toContain('到会须达应到人数的半数以上（含本数）；赞成票须超过应到（有表决权）人数的半数');
    await shot(admin, 'democracy-settings');
    await admin.close();
  }, 120_000);
});
