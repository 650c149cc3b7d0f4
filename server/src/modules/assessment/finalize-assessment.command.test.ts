import { assessmentsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world';
import { withTransaction } from '../../platform/request-context';
import { finalizeAssessment } from './finalize-assessment.command';

describe('finalizeAssessment', () => {
  let t: World;
  let ctx: Parameters<typeof finalizeAssessment>[0];

  beforeAll(async () => {
    t = await buildWorld();
    ctx = { clock: t.clock, actor: { id: t.admin.id, name: 'admin', ip: null } };
  });
  afterAll(() => t.close());

  const compute = async (year: number) => {
    const computed = await t.admin.session.call(assessmentsApi.compute, { params: { year } });
    expect(computed.statusCode, computed.response.body).toBe(200);
  };
  const yearOf = async (year: number) =>
    (await t.admin.session.call(assessmentsApi.get, { params: { year } })).data;
  const audits = (year: number) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_id'])
      .where('action', '=', 'assessment.finalize')
      .where('object_id', '=', String(year))
      .execute();
  const finalize = (year: number) => withTransaction(t.database, (trx) => finalizeAssessment(ctx, trx, year));

  it('checks the year’s scores were computed, locks the year and audits it in one transaction', async () => {
    await compute(2027);
    await finalize(2027);
    const locked = await yearOf(2027);
    expect(locked.status).toBe('finalized');
    expect(locked.finalizedAt).toBe(t.clock.now().toISOString());
    expect(await audits(2027)).toEqual([{ actor_id: t.admin.id, object_id: '2027' }]);
  });

  it('refuses a year whose scores were never computed, and a year already finalized', async () => {
    await expect(finalize(2029)).rejects.toMatchObject({ code: 'ASSESSMENT_NOT_COMPUTED' });
    await expect(finalize(2027)).rejects.toMatchObject({ code: 'ASSESSMENT_FINALIZED' });
    expect(await audits(2029)).toEqual([]);
    expect(await audits(2027)).toHaveLength(1);
  });

  it('leaves the year a draft and unaudited when the transaction it runs in fails', async () => {
    await compute(2028);
    await expect(
      withTransaction(t.database, async (trx) => {
        await finalizeAssessment(ctx, trx, 2028);
        throw new Error('a later step of the transaction failed');
      }),
    ).rejects.toThrow('a later step');
    const year = await yearOf(2028);
    expect(year.status).toBe('draft');
    expect(year.finalizedAt).toBeNull();
    expect(await audits(2028)).toEqual([]);
    // Nothing half-done stands in the way: the year can be finalized afterwards.
    await finalize(2028);
    expect((await yearOf(2028)).status).toBe('finalized');
  });
});
