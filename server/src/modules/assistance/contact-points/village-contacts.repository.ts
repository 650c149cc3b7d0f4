import type { VillageContactsSection } from '@lianxin/common';
import { ranks, roles } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { type AreaScope, inScope, scopeOf } from '../../../platform/scope';
import { helperRoles } from '../cadres.repository';

type Role = (typeof roles)[number];
type Rank = (typeof ranks)[number];

const asRole = (role: string): Role => {
  const known = roles.find((r) => r === role);
  if (!known) throw new Error(`unknown role ${role}`);
  return known;
};
const asRank = (rank: string | null): Rank | null => ranks.find((r) => r === rank) ?? null;

/**
 * 找得到人 of one village: its cadres and grid workers (enabled accounts of the roles that help
 * households, bound to the village or one of its groups), and the leaders whose contact point it
 * is on `day`, with their last reception day there. Names and roles only: accounts carry a
 * personal mobile and nothing else, which a public page does not show.
 */
export async function villageContacts(
  db: Db,
  villageCode: string,
  day: string,
): Promise<VillageContactsSection> {
  const village: AreaScope = scopeOf({ code: villageCode, kind: 'village' });
  const [cadres, leaders] = await Promise.all([
    db
      .selectFrom('users')
      .innerJoin('areas', 'areas.code', 'users.area_code')
      .select(['users.name', 'users.role', 'areas.kind as area_kind', 'areas.name as area_name'])
      .where((eb) => inScope(eb, 'users.area_code', village))
      .where('users.role', 'in', helperRoles)
      .where('users.disabled_at', 'is', null)
      // The village's own cadres first, then each group's, by code.
      .orderBy('users.area_code')
      .orderBy('users.name')
      .limit(100)
      .execute(),
    db
      .selectFrom('contact_points')
      .innerJoin('users', 'users.id', 'contact_points.leader_id')
      .select((eb) => [
        'users.name',
        'users.role',
        'users.rank',
        'contact_points.start_date',
        eb
          .selectFrom('visits')
          .innerJoin('visit_cadres', 'visit_cadres.visit_id', 'visits.id')
          .select((v) => v.fn.max('visits.date').as('last'))
          .whereRef('visit_cadres.cadre_id', '=', 'contact_points.leader_id')
          .where('visits.village_code', '=', villageCode)
          .where('visits.kind', '=', 'reception_day')
          .where('visits.date', '<=', day)
          .as('last_reception_on'),
      ])
      .where('contact_points.village_code', '=', villageCode)
      .where('contact_points.start_date', '<=', day)
      .where((eb) =>
        eb.or([eb('contact_points.end_date', 'is', null), eb('contact_points.end_date', '>=', day)]),
      )
      .where('users.disabled_at', 'is', null)
      .orderBy('contact_points.start_date')
      .execute(),
  ]);
  return {
    cadres: cadres.map((c) => ({
      name: c.name,
      role: asRole(c.role),
      groupName: c.area_kind === 'group' ? c.area_name : null,
    })),
    leaders: leaders.map((l) => ({
      name: l.name,
      role: asRole(l.role),
      rank: asRank(l.rank),
      since: l.start_date,
      lastReceptionOn: l.last_reception_on ?? null,
    })),
  };
}
