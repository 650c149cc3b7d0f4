import {
  defaultTierRules,
  householdsApi,
  type TierRules,
  tierOverridesApi,
  tierRulesApi,
} from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { buildHousehold } from '../../../test/households.fixtures';
import { buildWorld, type World } from '../../../test/world';
import { retierAll } from './tiering.service';

describe('tiering: overrides and rule sets', () => {
  let t: World;
  let cadre: Session;
  let townHead: Session;
  let otherTownHead: Session;
  let admin: Session;
  const open = (income: number) =>
    buildHousehold(cadre, { indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] } });
  const household = async (id: string) => (await cadre.call(householdsApi.get, { params: { id } })).data;
  const tierCounts = async () => (await admin.call(householdsApi.list, {})).data.tierCounts;

  beforeAll(async () => {
    t = await buildWorld();
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    townHead = (await t.member('town_head', AREAS.townA)).session;
    otherTownHead = (await t.member('town_head', AREAS.townB)).session;
    admin = t.admin.session;
  });
  afterAll(() => t.close());

  it('sets a tier by hand only after the town head approves, keeps it through recomputes, and revokes it', async () => {
    const h = await open(60_000);
    const proposed = await cadre.call(tierOverridesApi.propose, {
      params: { id: h.id },
      body: { tier: 'priority', reason: '户主突发重病，尚未录入年度收入' },
    });
    expect(proposed.statusCode, proposed.response.body).toBe(201);
    const override = proposed.data;
    expect(override).toMatchObject({ status: 'pending', currentTier: 'stable' });
    expect((await household(h.id)).tier).toBe('stable');
    const twice = await cadre.call(tierOverridesApi.propose, {
      params: { id: h.id },
      body: { tier: 'watch', reason: '再次申请' },
    });
    expect(twice.error.code).toBe('OVERRIDE_PENDING');
    // Another town's head does not see it; the cadre may not decide.
    const params = { id: override.id };
    expect((await otherTownHead.call(tierOverridesApi.approve, { params, body: {} })).statusCode).toBe(404);
    expect((await cadre.call(tierOverridesApi.approve, { params, body: {} })).statusCode).toBe(403);

    const approved = await townHead.call(tierOverridesApi.approve, { params, body: { note: '情况属实' } });
    expect(approved.data).toMatchObject({ status: 'approved', decisionNote: '情况属实' });
    const after = await household(h.id);
    expect(after).toMatchObject({
      tier: 'priority',
      tierSource: 'override',
      tierReasons: [{ kind: 'override' }],
    });
    expect(after.tierHistory[0]).toMatchObject({ fromTier: 'stable', toTier: 'priority', cause: 'override' });
    const again = await townHead.call(tierOverridesApi.approve, { params, body: {} });
    expect(again.error.code).toBe('OVERRIDE_STATE_INVALID');

    // New indicators and a district-wide recompute leave the override in place.
    await cadre.call(householdsApi.saveIndicators, {
      params: { id: h.id, year: 2027 },
      body: { totalIncome: 90_000 },
    });
    await t.database.db.transaction().execute((trx) => retierAll(trx, t.clock, 'rules', null));
    expect((await household(h.id)).tier).toBe('priority');

    const revoked = await townHead.call(tierOverridesApi.revoke, { params, body: {} });
    expect(revoked.data).toMatchObject({ status: 'revoked' });
    expect(await household(h.id)).toMatchObject({ tier: 'stable', tierSource: 'rules' });
  });

  it('does not let a town head decide on their own proposal', async () => {
    const h = await open(60_000);
    const own = (
      await townHead.call(tierOverridesApi.propose, {
        params: { id: h.id },
        body: { tier: 'watch', reason: '镇长走访发现' },
      })
    ).data;
    const params = { id: own.id };
    const decided = await townHead.call(tierOverridesApi.approve, { params, body: {} });
    expect(decided.error.code).toBe('OVERRIDE_OWN_PROPOSAL');
    const rejected = await admin.call(tierOverridesApi.reject, { params, body: { note: '依据不足' } });
    expect(rejected.data).toMatchObject({ status: 'rejected' });
  });

  it('previews a rule set, saves it as a new version and re-tiers everyone through the job', async () => {
    // 12,000 a head: not below 2 × 6,000, so 放心户 under the default line.
    const poor = await open(36_000);
    const comfortable = await open(300_000);
    const stricter: TierRules = { ...defaultTierRules, minimumLivingLine: 8_000 };
    const before = await tierCounts();
    const preview = await admin.call(tierRulesApi.preview, { body: { rules: stricter } });
    expect(preview.statusCode, preview.response.body).toBe(200);
    const result = preview.data;
    expect(result.households).toBe(before.stable + before.watch + before.priority);
    // With a line of 8,000, 12,000 a head is below 2 × 8,000: 关心户.
    expect(result.moves).toContainEqual({ from: 'stable', to: 'watch', count: expect.any(Number) });
    // Nothing is saved by a preview.
    expect((await household(poor.id)).tier).toBe('stable');

    const yesterday = await admin.call(tierRulesApi.create, {
      body: { rules: stricter, effectiveFrom: '2026-11-21' },
    });
    expect(yesterday.error.code).toBe('RULES_EFFECTIVE_DATE_INVALID');
    const badRules = await admin.call(tierRulesApi.create, {
      body: { rules: { ...stricter, minimumLivingLine: -1 }, effectiveFrom: '2026-11-22' },
    });
    expect(badRules.statusCode).toBe(400);

    const saved = await admin.call(tierRulesApi.create, {
      body: { rules: stricter, effectiveFrom: '2026-11-22', note: '2027 年低保标准调整' },
    });
    expect(saved.statusCode, saved.response.body).toBe(201);
    expect(saved.data).toMatchObject({ version: 2, inForce: true });
    await t.app.ctx.jobs.drain();
    const after = await household(poor.id);
    expect(after).toMatchObject({ tier: 'watch', tierRuleVersion: 2 });
    expect(after.tierHistory[0]).toMatchObject({ fromTier: 'stable', toTier: 'watch', cause: 'rules' });
    // A household the new rules leave as it was is not rewritten, yet stands confirmed by version 2.
    expect(await household(comfortable.id)).toMatchObject({ tier: 'stable', tierRuleVersion: 2 });
    expect(await tierCounts()).toMatchObject(result.counts);
  });

  it('waits for a future effective date before re-tiering', async () => {
    const h = await open(60_000);
    const looser: TierRules = { ...defaultTierRules, minimumLivingLine: 40_000 };
    const saved = await admin.call(tierRulesApi.create, {
      body: { rules: looser, effectiveFrom: '2027-01-01' },
    });
    expect(saved.data).toMatchObject({ inForce: false });
    await t.app.ctx.jobs.drain();
    expect((await household(h.id)).tier).toBe('stable');
    // Midnight of 1 January in the district is 16:00 UTC on 31 December.
    t.clock.advance(Date.parse('2026-12-31T16:00:00.000Z') - t.clock.now().getTime());
    await t.app.ctx.jobs.drain();
    // Sessions have long expired by then.
    cadre = (await t.member('village_cadre', AREAS.villageA1)).session;
    admin = (await t.member('district_admin', AREAS.district)).session;
    expect((await household(h.id)).tier).toBe('priority');
    const versions = (await admin.call(tierRulesApi.list, {})).data;
    expect(versions.find((v) => v.inForce)?.version).toBe(3);
  });
});
