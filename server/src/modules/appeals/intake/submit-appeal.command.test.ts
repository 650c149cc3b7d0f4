import { randomUUID } from 'node:crypto';
import { AppealCreateBody, appealsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../../test/harness';
import { buildWorld, type World } from '../../../../test/world';
import { withTransaction } from '../../../platform/request-context';
import { scopeOf } from '../../../platform/scope';
import { submitAppeal } from './submit-appeal.command';

describe('submitAppeal: another module turns one of its records into an appeal', () => {
  let world: World;
  const body = AppealCreateBody.parse({
    channel: 'other',
    categoryCode: 'roads_water',
    villageCode: AREAS.villageA1,
    title: '对道路硬化项目公示的异议',
    description: '公示的道路硬化范围漏掉了三组的入户路，请核实。',
    reporterKind: 'person',
    reporterName: '张某',
    reporterPhone: '13900001111',
  });
  const ctx = () => ({
    clock: world.app.ctx.clock,
    secrets: world.app.ctx.secrets,
    actor: { id: world.admin.id, name: '区管理员', ip: null },
    scope: scopeOf({ code: AREAS.townA, kind: 'town' }),
  });

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  it('takes the appeal in at its category’s level, linked to its source, once per source', async () => {
    const source = { kind: 'notice_objection' as const, id: randomUUID() };
    const first = await withTransaction(world.app.ctx, (trx) =>
      submitAppeal(trx, ctx(), { appeal: body, source, createdBy: world.admin.id }),
    );
    expect(first.created).toBe(true);
    const again = await withTransaction(world.app.ctx, (trx) =>
      submitAppeal(trx, ctx(), { appeal: { ...body, title: '再次提交' }, source, createdBy: world.admin.id }),
    );
    expect(again).toEqual({ ...first, created: false });

    const appeal = (await world.admin.session.call(appealsApi.get, { params: { id: first.id } })).data;
    expect(appeal).toMatchObject({
      source,
      level: 'village',
      status: 'received',
      reporterPhone: '139****1111',
      title: body.title,
    });
    expect(appeal.timeline.map((e) => e.kind)).toEqual(['submitted']);
  });

  it('refuses a village outside the area the caller sits in, and writes nothing', async () => {
    const source = { kind: 'notice_objection' as const, id: randomUUID() };
    const outside = withTransaction(world.app.ctx, (trx) =>
      submitAppeal(trx, ctx(), {
        appeal: { ...body, villageCode: AREAS.villageB1 },
        source,
        createdBy: world.admin.id,
      }),
    );
    await expect(outside).rejects.toMatchObject({ code: 'AREA_UNKNOWN' });
    const rows = await world.database.db
      .selectFrom('appeals')
      .select('id')
      .where('source_id', '=', source.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
