import { defaultTierRules, type TierRules } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  createTestApp,
  type Session,
  seedAreas,
  signInAs,
  type TestContext,
} from '../../../test/harness';
import { buildHouseholdBody } from '../../../test/households.fixtures';
import { retierAll } from './tiering.service';

interface HouseholdOut {
  id: string;
  tier: string;
  tierSource: string;
  tierRuleVersion: number | null;
  tierReasons: { kind: string }[];
  tierHistory: { fromTier: string | null; toTier: string; cause: string }[];
}

describe('tiering: overrides and rule sets', () => {
  let t: TestContext;
  let cadre: Session;
  let townHead: Session;
  let otherTownHead: Session;
  let admin: Session;
  const open = async (income: number) => {
    const response = await cadre.request(
      'POST',
      '/api/v1/households',
      buildHouseholdBody({ indicators: { year: 2026, totalIncome: income, debt: 0, hardships: [] } }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as HouseholdOut;
  };
  const household = async (id: string) =>
    (await cadre.request('GET', `/api/v1/households/${id}`)).json() as HouseholdOut;

  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    cadre = await signInAs(t, 'village_cadre', AREAS.villageA1);
    townHead = await signInAs(t, 'town_head', AREAS.townA);
    otherTownHead = await signInAs(t, 'town_head', AREAS.townB);
    admin = await signInAs(t, 'district_admin', AREAS.district);
  });
  afterAll(() => t.close());

  it('sets a tier by hand only after the town head approves, keeps it through recomputes, and revokes it', async () => {
    const h = await open(60_000);
    const proposed = await cadre.request('POST', `/api/v1/households/${h.id}/tier-overrides`, {
      tier: 'priority',
      reason: '户主突发重病，尚未录入年度收入',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const override = proposed.json() as { id: string; status: string; currentTier: string };
    expect(override).toMatchObject({ status: 'pending', currentTier: 'stable' });
    expect((await household(h.id)).tier).toBe('stable');
    const twice = await cadre.request('POST', `/api/v1/households/${h.id}/tier-overrides`, {
      tier: 'watch',
      reason: '再次申请',
    });
    expect(twice.json()).toMatchObject({ error: { code: 'OVERRIDE_PENDING' } });
    // Another town's head does not see it; the cadre may not decide.
    expect(
      (await otherTownHead.request('POST', `/api/v1/tier-overrides/${override.id}/approve`, {})).statusCode,
    ).toBe(404);
    expect(
      (await cadre.request('POST', `/api/v1/tier-overrides/${override.id}/approve`, {})).statusCode,
    ).toBe(403);

    const approved = await townHead.request('POST', `/api/v1/tier-overrides/${override.id}/approve`, {
      note: '情况属实',
    });
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: '情况属实' });
    const after = await household(h.id);
    expect(after).toMatchObject({
      tier: 'priority',
      tierSource: 'override',
      tierReasons: [{ kind: 'override' }],
    });
    expect(after.tierHistory[0]).toMatchObject({ fromTier: 'stable', toTier: 'priority', cause: 'override' });
    const again = await townHead.request('POST', `/api/v1/tier-overrides/${override.id}/approve`, {});
    expect(again.json()).toMatchObject({ error: { code: 'OVERRIDE_STATE_INVALID' } });

    // New indicators and a district-wide recompute leave the override in place.
    await cadre.request('PUT', `/api/v1/households/${h.id}/indicators/2027`, { totalIncome: 90_000 });
    await t.database.db.transaction().execute((trx) => retierAll(trx, t.clock, 'rules', null));
    expect((await household(h.id)).tier).toBe('priority');

    const revoked = await townHead.request('POST', `/api/v1/tier-overrides/${override.id}/revoke`, {});
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect(await household(h.id)).toMatchObject({ tier: 'stable', tierSource: 'rules' });
  });

  it('does not let a town head decide on their own proposal', async () => {
    const h = await open(60_000);
    const own = (
      await townHead.request('POST', `/api/v1/households/${h.id}/tier-overrides`, {
        tier: 'watch',
        reason: '镇长走访发现',
      })
    ).json() as { id: string };
    const decided = await townHead.request('POST', `/api/v1/tier-overrides/${own.id}/approve`, {});
    expect(decided.json()).toMatchObject({ error: { code: 'OVERRIDE_OWN_PROPOSAL' } });
    expect(
      (await admin.request('POST', `/api/v1/tier-overrides/${own.id}/reject`, { note: '依据不足' })).json(),
    ).toMatchObject({ status: 'rejected' });
  });

  it('previews a rule set, saves it as a new version and re-tiers everyone through the job', async () => {
    // 12,000 a head: not below 2 × 6,000, so 放心户 under the default line.
    const poor = await open(36_000);
    const comfortable = await open(300_000);
    const stricter: TierRules = { ...defaultTierRules, minimumLivingLine: 8_000 };
    const before = (await admin.request('GET', '/api/v1/households')).json() as {
      tierCounts: { stable: number; watch: number; priority: number };
    };
    const preview = await admin.request('POST', '/api/v1/tier-rules/preview', { rules: stricter });
    expect(preview.statusCode, preview.body).toBe(200);
    const result = preview.json() as {
      households: number;
      counts: Record<string, number>;
      moves: { from: string; to: string; count: number }[];
    };
    expect(result.households).toBe(
      before.tierCounts.stable + before.tierCounts.watch + before.tierCounts.priority,
    );
    // With a line of 8,000, 12,000 a head is below 2 × 8,000: 关心户.
    expect(result.moves).toContainEqual({ from: 'stable', to: 'watch', count: expect.any(Number) });
    // Nothing is saved by a preview.
    expect((await household(poor.id)).tier).toBe('stable');

    const yesterday = await admin.request('POST', '/api/v1/tier-rules', {
      rules: stricter,
      effectiveFrom: '2026-11-21',
    });
    expect(yesterday.json()).toMatchObject({ error: { code: 'RULES_EFFECTIVE_DATE_INVALID' } });
    const badRules = await admin.request('POST', '/api/v1/tier-rules', {
      rules: { ...stricter, minimumLivingLine: -1 },
      effectiveFrom: '2026-11-22',
    });
    expect(badRules.statusCode).toBe(400);

    const saved = await admin.request('POST', '/api/v1/tier-rules', {
      rules: stricter,
      effectiveFrom: '2026-11-22',
      note: '2027 年低保标准调整',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, inForce: true });
    await t.app.ctx.jobs.drain();
    const after = await household(poor.id);
    expect(after).toMatchObject({ tier: 'watch', tierRuleVersion: 2 });
    expect(after.tierHistory[0]).toMatchObject({ fromTier: 'stable', toTier: 'watch', cause: 'rules' });
    // A household the new rules leave as it was is not rewritten, yet stands confirmed by version 2.
    expect(await household(comfortable.id)).toMatchObject({ tier: 'stable', tierRuleVersion: 2 });
    const counts = (await admin.request('GET', '/api/v1/households')).json() as {
      tierCounts: Record<string, number>;
    };
    expect(counts.tierCounts).toMatchObject(result.counts);
  });

  it('waits for a future effective date before re-tiering', async () => {
    const h = await open(60_000);
    const looser: TierRules = { ...defaultTierRules, minimumLivingLine: 40_000 };
    const saved = await admin.request('POST', '/api/v1/tier-rules', {
      rules: looser,
      effectiveFrom: '2027-01-01',
    });
    expect(saved.json()).toMatchObject({ inForce: false });
    await t.app.ctx.jobs.drain();
    expect((await household(h.id)).tier).toBe('stable');
    // Midnight of 1 January in the district is 16:00 UTC on 31 December.
    t.clock.advance(Date.parse('2026-12-31T16:00:00.000Z') - t.clock.now().getTime());
    await t.app.ctx.jobs.drain();
    // Sessions have long expired by then.
    cadre = await signInAs(t, 'village_cadre', AREAS.villageA1);
    admin = await signInAs(t, 'district_admin', AREAS.district);
    expect((await household(h.id)).tier).toBe('priority');
    const versions = (await admin.request('GET', '/api/v1/tier-rules')).json() as {
      version: number;
      inForce: boolean;
    }[];
    expect(versions.find((v) => v.inForce)?.version).toBe(3);
  });
});
