import {
  type AppealAction,
  type AppealActionBodies,
  appealActionsApi,
  appealsApi,
  type ContractInput,
} from '@lianxin/common';
import { expect } from 'vitest';
import type { z } from 'zod';
import { AREAS, type Session } from '../../../test/harness';
import { buildWorld } from '../../../test/world';

/** The appeals tests' common ground: the district with the members they act as, and their helpers. */

export const HOUR = 3_600_000;

export type IntakeBody = ContractInput<typeof appealsApi.create>['body'];
/** What an action sends besides the version it read, whichever action it is. */
export type ActionFields = {
  [A in AppealAction]: Omit<z.input<(typeof AppealActionBodies)[A]>, 'version'>;
}[AppealAction];

export function staffBody(overrides: Partial<IntakeBody> = {}): IntakeBody {
  return {
    channel: 'hotline',
    categoryCode: 'roads_water',
    villageCode: AREAS.villageA1,
    title: '村口道路塌陷',
    description: '村口主路塌陷一个大坑，雨天积水，车辆无法通行，请尽快修复。',
    reporterKind: 'person',
    reporterName: '王大爷',
    reporterPhone: '13812345678',
    ...overrides,
  };
}

/** Takes in an appeal by staff; it must be created. */
export async function create(session: Session, overrides: Partial<IntakeBody> = {}) {
  const response = await session.call(appealsApi.create, { body: staffBody(overrides) });
  expect(response.statusCode, response.response.body).toBe(201);
  return response.data;
}

/** One action on an appeal at the version the caller read. */
export async function act(
  session: Session,
  appeal: { id: string; version: number },
  action: AppealAction,
  fields: ActionFields = {},
) {
  return session.call(appealActionsApi[action], {
    params: { id: appeal.id },
    body: { version: appeal.version, ...fields },
  });
}

/** The test district (trusting X-Forwarded-For, for the public page's limits) and its members. */
export async function appealsWorld() {
  const t = await buildWorld({ trustProxy: true });
  return {
    t,
    cadre: (await t.member('village_cadre', AREAS.villageA1)).session,
    siblingCadre: (await t.member('village_cadre', AREAS.villageA2)).session,
    townHead: (await t.member('town_head', AREAS.townA)).session,
    townStaff: await t.member('town_staff', AREAS.townA),
    otherTownHead: (await t.member('town_head', AREAS.townB)).session,
    admin: t.admin.session,
    auditor: (await t.member('auditor', AREAS.district)).session,
  };
}
