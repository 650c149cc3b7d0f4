import { type WarningKind, warningSettingsApi, warningsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { insertAppeal } from '../../../test/records.fixtures';
import { buildWorld, type World } from '../../../test/world';
import { create } from '../appeals/appeals.fixtures';

const DAY = 86_400_000;

let t: World;
let admin: Session;
let townHead: Session;
let townHeadName: string;
let otherTownHead: Session;
let cadre: Session;
let townStaff: Session;

beforeAll(async () => {
  t = await buildWorld();
  admin = t.admin.session;
  const head = await t.member('town_head', AREAS.townA, { name: '李镇长' });
  townHead = head.session;
  townHeadName = '李镇长';
  otherTownHead = (await t.member('town_head', AREAS.townB)).session;
  cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
  townStaff = (await t.member('town_staff', AREAS.townA)).session;
});

afterAll(() => t.close());

const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();

async function scan() {
  return (await admin.call(warningsApi.scan, {})).data;
}

/** The warnings standing on an appeal, of any kind. */
async function warningsOn(appealId: string) {
  return t.database.db
    .selectFrom('warning_appeals as wa')
    .innerJoin('warnings as w', 'w.id', 'wa.warning_id')
    .select(['w.id', 'w.kind', 'w.status', 'w.appeal_count'])
    .where('wa.appeal_id', '=', appealId)
    .execute();
}

async function onlyWarningOn(appealId: string, kind: WarningKind) {
  const found = (await warningsOn(appealId)).filter((w) => w.kind === kind);
  expect(found).toHaveLength(1);
  return (await admin.call(warningsApi.get, { params: { id: (found[0] as { id: string }).id } })).data;
}

describe('safety words at intake', () => {
  it('flags the appeal urgent and tells the town head and the duty officer in the intake itself', async () => {
    const appeal = await create(cadre, {
      title: '家中老人情绪低落',
      description: '老人说活着没意思，扬言要喝农药，家属很着急。',
      urgency: 'normal',
      reporterPhone: '13800000001',
    });
    expect(appeal.urgency).toBe('urgent');
    const warning = await onlyWarningOn(appeal.id, 'safety');
    expect(warning).toMatchObject({ severity: 'high', status: 'open', words: ['喝农药'] });
    expect(warning.areaCode).toBe(AREAS.villageA1);
    expect(warning.townCode).toBe(AREAS.townA);
    // No job has run: the notices were written with the appeal.
    const notices = await t.database.db
      .selectFrom('notifications')
      .select(['recipient', 'area_code'])
      .where('kind', '=', 'warning.safety')
      .where('appeal_id', '=', appeal.id)
      .execute();
    expect(notices.map((n) => n.recipient).sort()).toEqual(
      ['区值班员', `镇主要负责人 ${townHeadName}`].sort(),
    );
    expect(notices.find((n) => n.recipient === '区值班员')?.area_code).toBe(AREAS.district);
  });

  it('leaves an appeal without safety words as it was filed', async () => {
    const appeal = await create(cadre, {
      title: '路灯不亮',
      description: '村口路灯坏了三天。',
      reporterPhone: '13800000002',
    });
    expect(appeal.urgency).not.toBe('urgent');
    expect(await warningsOn(appeal.id)).toEqual([]);
  });

  it('uses the district’s own list once it is edited', async () => {
    const settings = (await admin.call(warningSettingsApi.get, {})).data;
    await admin.call(warningSettingsApi.update, {
      body: { ...settings, safetyWords: [...settings.safetyWords, '烧炭'] },
    });
    const appeal = await create(cadre, {
      title: '邻居异常',
      description: '邻居买了很多木炭，说要烧炭。',
      reporterPhone: '13800000003',
    });
    expect(appeal.urgency).toBe('urgent');
    await admin.call(warningSettingsApi.update, { body: settings });
  });
});

describe('the early-warning scan', () => {
  const pothole = (n: number) => ({
    title: `村道路面塌陷${n}`,
    description: '通往镇上的村道路面塌陷，坑很深，雨天积水，车辆和行人通行困难，请尽快修复。',
    category_code: 'roads_water',
  });

  it('raises one cluster warning for similar appeals of neighbouring villages, once', async () => {
    const a = await insertAppeal(t, AREAS.villageA1, { ...pothole(1), received_at: ago(3) });
    const b = await insertAppeal(t, AREAS.villageA2, { ...pothole(2), received_at: ago(2) });
    const c = await insertAppeal(t, AREAS.villageA1, { ...pothole(3), received_at: ago(1) });
    // Unrelated: other words, another category, another town, or too long ago.
    const other = await insertAppeal(t, AREAS.villageA1, {
      title: '低保申请进度',
      description: '去年申请的低保一直没有消息，想问问进度。',
      category_code: 'social_security',
    });
    const otherTown = await insertAppeal(t, AREAS.villageB1, { ...pothole(4), received_at: ago(1) });
    const old = await insertAppeal(t, AREAS.villageA2, { ...pothole(5), received_at: ago(20) });

    expect(await scan()).toEqual({ raised: 1, updated: 0 });
    const warning = await onlyWarningOn(a, 'cluster');
    expect(warning).toMatchObject({ areaCode: AREAS.townA, appealCount: 3, status: 'open' });
    expect(warning.evidence.map((e) => e.id).sort()).toEqual([a, b, c].sort());
    for (const id of [other, otherTown, old]) expect(await warningsOn(id)).toEqual([]);

    expect(await scan()).toEqual({ raised: 0, updated: 0 });

    const d = await insertAppeal(t, AREAS.villageA2, pothole(6));
    expect(await scan()).toEqual({ raised: 0, updated: 1 });
    const grown = await onlyWarningOn(d, 'cluster');
    expect(grown.id).toBe(warning.id);
    expect(grown.appealCount).toBe(4);
    expect(await scan()).toEqual({ raised: 0, updated: 0 });
    const notices = await t.database.db
      .selectFrom('notifications')
      .select('recipient')
      .where('kind', '=', 'warning.raised')
      .execute();
    expect(notices.map((n) => n.recipient)).toContain(`镇主要负责人 ${townHeadName}`);
  });

  it('raises a collective warning for several households of one village on one matter', async () => {
    const water = {
      title: '自来水停水',
      description: '三组自来水已经停了五天，全组吃水困难，请尽快派人检修水管。',
      category_code: 'roads_water',
    };
    const ids = [];
    for (const phone of ['h1', 'h2', 'h3'])
      ids.push(await insertAppeal(t, AREAS.villageB1, { ...water, reporter_phone_hash: phone }));
    expect((await scan()).raised).toBe(1);
    const warning = await onlyWarningOn(ids[0] as string, 'collective');
    expect(warning).toMatchObject({ areaCode: AREAS.villageB1, householdCount: 3, severity: 'high' });
  });

  it('raises a repeat warning for one resident appealing again and again', async () => {
    const texts = ['宅基地边界纠纷', '邻居占用我家宅基地', '宅基地确权结果不认可'];
    const ids = [];
    for (const [i, title] of texts.entries())
      ids.push(
        await insertAppeal(t, AREAS.villageA2, {
          title,
          description: `第${i + 1}次反映：${title}，请给个说法。`,
          category_code: 'land',
          reporter_phone_hash: 'same-resident',
          received_at: ago(10 - 3 * i),
        }),
      );
    expect((await scan()).raised).toBeGreaterThanOrEqual(1);
    const warning = await onlyWarningOn(ids[2] as string, 'repeat');
    expect(warning.appealCount).toBe(3);
    expect(await scan()).toEqual({ raised: 0, updated: 0 });
  });

  it('raises a risk warning for risk words, and petitioning is never one', async () => {
    const wages = await insertAppeal(t, AREAS.villageA2, {
      title: '工地拖欠工资',
      description: '村里十几个工人到工地讨薪未果。',
      category_code: 'wage_dispute',
    });
    const petition = await insertAppeal(t, AREAS.villageA2, {
      title: '准备去上访',
      description: '问题一直没解决，打算去县里上访反映。',
      category_code: 'other',
    });
    await scan();
    expect((await onlyWarningOn(wages, 'risk')).words).toEqual(['讨薪']);
    expect(await warningsOn(petition)).toEqual([]);

    const settings = (await admin.call(warningSettingsApi.get, {})).data;
    expect(settings.riskWords).not.toContain('上访');
    const refused = await admin.call(warningSettingsApi.update, {
      body: { ...settings, riskWords: [...settings.riskWords, '上访'] },
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('acknowledging, handling and closing', () => {
  it('moves a warning through its states and refuses a step out of order', async () => {
    const id = await insertAppeal(t, AREAS.villageA1, {
      title: '围堵村委会',
      description: '有人扬言要围堵村委会大门。',
      category_code: 'other',
    });
    await scan();
    let warning = await onlyWarningOn(id, 'risk');

    const early = await townHead.call(warningsApi.close, {
      params: { id: warning.id },
      body: { version: warning.version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.error).toMatchObject({ code: 'WARNING_STATE_INVALID' });

    warning = (
      await townHead.call(warningsApi.acknowledge, {
        params: { id: warning.id },
        body: { version: warning.version },
      })
    ).data;
    expect(warning).toMatchObject({ status: 'acknowledged', acknowledgedBy: townHeadName });
    const again = await townHead.call(warningsApi.acknowledge, {
      params: { id: warning.id },
      body: { version: warning.version },
    });
    expect(again.error).toMatchObject({ code: 'WARNING_STATE_INVALID' });

    const stale = await townHead.call(warningsApi.handle, {
      params: { id: warning.id },
      body: { version: warning.version - 1, note: '已走访', actions: [] },
    });
    expect(stale.error).toMatchObject({ code: 'VERSION_CONFLICT' });

    warning = (
      await townHead.call(warningsApi.handle, {
        params: { id: warning.id },
        body: { version: warning.version, note: '镇村干部上门疏导', actions: ['入户走访', '召开协调会'] },
      })
    ).data;
    expect(warning).toMatchObject({ status: 'handled', actions: ['入户走访', '召开协调会'] });

    const forbidden = await townStaff.call(warningsApi.close, {
      params: { id: warning.id },
      body: { version: warning.version },
    });
    expect(forbidden.statusCode).toBe(403);

    warning = (
      await townHead.call(warningsApi.close, {
        params: { id: warning.id },
        body: { version: warning.version, note: '矛盾已化解' },
      })
    ).data;
    expect(warning.status).toBe('closed');
    // A closed warning is not raised again by the next scan.
    expect((await scan()).raised).toBe(0);
    expect(await warningsOn(id)).toHaveLength(1);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', warning.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['warning.acknowledge', 'warning.close', 'warning.handle'].sort(),
    );
  });
});

describe('area limits', () => {
  it('shows a town its own warnings only, and a warning elsewhere does not exist', async () => {
    const mine = (await townHead.call(warningsApi.list, { query: {} })).data;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((w) => w.townCode === AREAS.townA)).toBe(true);
    const theirs = (await otherTownHead.call(warningsApi.list, { query: {} })).data;
    expect(theirs.items.every((w) => w.townCode === AREAS.townB)).toBe(true);
    const aWarning = mine.items[0] as { id: string };
    expect((await otherTownHead.call(warningsApi.get, { params: { id: aWarning.id } })).statusCode).toBe(404);
    const ack = await otherTownHead.call(warningsApi.acknowledge, {
      params: { id: aWarning.id },
      body: { version: 1 },
    });
    expect(ack.statusCode).toBe(404);
  });

  it('counts warnings per town for the district and per village for a town, and by day', async () => {
    const district = (await admin.call(warningsApi.summary, { query: {} })).data;
    expect(district.areas.map((a) => a.areaCode).sort()).toEqual([AREAS.townA, AREAS.townB].sort());
    const all = (await admin.call(warningsApi.list, { query: { limit: 200 } })).data;
    expect(district.areas.reduce((n, a) => n + a.total, 0)).toBe(all.total);
    expect(district.trend.reduce((n, d) => n + d.count, 0)).toBe(all.total);
    const town = (await townHead.call(warningsApi.summary, { query: {} })).data;
    expect(town.areas.map((a) => a.areaCode)).toContain(AREAS.villageA1);
    expect(town.areas.map((a) => a.areaCode)).not.toContain(AREAS.villageB1);
  });

  it('filters the list by kind, severity and status', async () => {
    const risk = (await admin.call(warningsApi.list, { query: { kind: 'risk' } })).data;
    expect(risk.items.length).toBeGreaterThan(0);
    expect(risk.items.every((w) => w.kind === 'risk')).toBe(true);
    const closed = (await admin.call(warningsApi.list, { query: { status: 'closed' } })).data;
    expect(closed.items.every((w) => w.status === 'closed')).toBe(true);
    const high = (await admin.call(warningsApi.list, { query: { severity: 'high' } })).data;
    expect(high.items.every((w) => w.severity === 'high')).toBe(true);
  });
});
