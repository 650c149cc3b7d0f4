import { dispatchApi } from '@lianxin/common';
import { expect } from 'vitest';
import type { Session } from '../../../../test/harness';
import { act, create } from '../../appeals/appeals.fixtures';

/** An appeal taken in at a village and escalated to the district, where it waits for dispatch. */
export async function districtAppeal(session: Session, title: string) {
  let appeal = await create(session, { title, categoryCode: 'roads_water' });
  for (const reason of ['村级无法解决', '镇级无法解决']) {
    const up = await act(session, appeal, 'escalate', { reason });
    expect(up.statusCode, up.response.body).toBe(200);
    appeal = up.data;
  }
  return appeal;
}

/** A district appeal dispatched by `session` to the unit as lead: the appeal and its lead dispatch. */
export async function dispatchedTo(session: Session, title: string, unitId: string) {
  const appeal = await districtAppeal(session, title);
  const created = await session.call(dispatchApi.create, {
    body: { appealId: appeal.id, leadUnitId: unitId, coUnits: [], version: appeal.version },
  });
  expect(created.statusCode, created.response.body).toBe(201);
  const lead = created.data.items[0];
  if (!lead) throw new Error('a lead dispatch expected');
  return { appeal, lead };
}
