import type { Rank, Role } from '@lianxin/common';
import type { Config } from '../src/config';
import { AREAS, buildUser, createTestApp, login, type Session, seedAreas, type TestContext } from './harness';

/** A signed-in account of the test world. */
export interface Member {
  id: string;
  username: string;
  /** The unit of a unit's role (made at the area unless one is given). */
  unitId: string | null;
  session: Session;
}

/** The test district (two towns, their villages, a group) over a fresh app, with a district admin. */
export interface World extends TestContext {
  admin: Member;
  /** A new account of `role` bound to `areaCode`, signed in. */
  member(
    role: Role,
    areaCode: string,
    options?: { name?: string; rank?: Rank; unitId?: string | null },
  ): Promise<Member>;
}

/**
 * The world most tests start from: a freshly migrated database with the district of `AREAS` and a
 * signed-in district admin. Each test file builds its own (`beforeAll`), so files never share state.
 */
export async function buildWorld(overrides: Partial<Config> = {}): Promise<World> {
  const t = await createTestApp(overrides);
  await seedAreas(t.database);
  const member: World['member'] = async (role, areaCode, options = {}) => {
    const user = await buildUser(t.database, { role, areaCode, ...options });
    return { ...user, session: await login(t.app, user.username) };
  };
  return { ...t, admin: await member('district_admin', AREAS.district), member };
}
