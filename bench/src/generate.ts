import type { AreaKind, HouseholdsCreateBody, Role } from '@lianxin/common';
import type { Insertable, Kysely } from 'kysely';
import type {
  AreasTable,
  DB,
  HouseholdIndicatorsTable,
  HouseholdsTable,
  HouseholdTagsTable,
  ResidentsTable,
  ResidentTagsTable,
  UsersTable,
} from '../../server/src/db/schema';
import { demoHousehold, idNumberMaker } from '../../server/src/demo/demo-households';
import { GROUP_ORDINALS, personName, VILLAGE_NAMES } from '../../server/src/demo/names';
import { Random } from '../../server/src/demo/random';
import { householdSearchText } from '../../server/src/modules/households/households.repository';
import { residentRow } from '../../server/src/modules/households/households.service';
import { insertMany } from '../../server/src/modules/households/import/roster.repository';
import { ensureRegistryDefaults } from '../../server/src/modules/tiering/tiering.repository';
import { retierAll } from '../../server/src/modules/tiering/tiering.service';
import { hashPassword } from '../../server/src/platform/auth/passwords';
import type { Clock } from '../../server/src/platform/clock';
import { newId } from '../../server/src/platform/ids';
import type { Secrets } from '../../server/src/platform/secrets';

/** The two scales of the issues: one town (about 12,000 households), or the whole district. */
export const scales = {
  town: { towns: 1, villagesPerTown: 20, householdsPerVillage: 600, cadresPerVillage: 8 },
  district: { towns: 25, villagesPerTown: 20, householdsPerVillage: 600, cadresPerVillage: 8 },
} as const;
export type Scale = keyof typeof scales;

export const DISTRICT_CODE = '610902000000';
export const BENCH_PASSWORD = 'lianxin-bench';

export interface Generated {
  towns: number;
  villages: number;
  households: number;
  residents: number;
  users: number;
}

/** Unique within a town; towns share names, as real ones do. */
function villageName(v: number): string {
  return `${VILLAGE_NAMES[(v - 1) % VILLAGE_NAMES.length]}村`;
}

/**
 * Writes a whole district into an empty, migrated database: areas, cadres and household files
 * with their members, tags and indicators, tiered by the default rules. Deterministic: the same
 * seed gives the same district. Rows go in through the application's own row builders (so ID
 * numbers are encrypted and hashed as in production), a few hundred per statement.
 */
export async function generateDistrict(
  db: Kysely<DB>,
  options: {
    scale: Scale;
    seed: number;
    clock: Clock;
    secrets: Secrets;
    /** False for areas and accounts only (an empty district to import into). */
    households?: boolean;
    progress?: (line: string) => void;
  },
): Promise<Generated> {
  const shape: Record<keyof (typeof scales)[Scale], number> = { ...scales[options.scale] };
  if (options.households === false) shape.householdsPerVillage = 0;
  const random = new Random(options.seed);
  const now = options.clock.now().toISOString();
  await ensureRegistryDefaults(db, now);
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const areas: Insertable<AreasTable>[] = [];
  const users: Insertable<UsersTable>[] = [];
  const area = (code: string, name: string, kind: AreaKind, parent: string | null) =>
    areas.push({
      code,
      name,
      kind,
      parent_code: parent,
      extremely_poor: kind === 'village' && random.chance(0.1),
      remote: kind === 'village' && random.chance(0.2),
      hard_to_advance: kind === 'village' && random.chance(0.08),
      disaster_hit: false,
      disaster_from: null,
      disaster_to: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  const user = (username: string, role: Role, areaCode: string) =>
    users.push({
      id: newId(),
      username,
      name: personName(random, random.chance(0.6) ? 'male' : 'female'),
      phone: null,
      role,
      area_code: areaCode,
      rank: role === 'town_head' ? 'leader' : 'staff',
      locale: null,
      password_hash: passwordHash,
      disabled_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });

  area(DISTRICT_CODE, '汉滨区', 'district', null);
  user('admin', 'district_admin', DISTRICT_CODE);
  for (let i = 1; i <= 74; i++) user(`district${i}`, 'district_staff', DISTRICT_CODE);
  const villages: { code: string; name: string; groups: { code: string; name: string }[] }[] = [];
  for (let t = 1; t <= shape.towns; t++) {
    const townCode = `610902${String(t).padStart(3, '0')}000`;
    area(townCode, `第${t}镇`, 'town', DISTRICT_CODE);
    user(`town${t}-head`, 'town_head', townCode);
    for (let s = 1; s <= 36; s++) user(`town${t}-staff${s}`, 'town_staff', townCode);
    for (let v = 1; v <= shape.villagesPerTown; v++) {
      const code = `${townCode.slice(0, 9)}${String(200 + v).padStart(3, '0')}`;
      const name = villageName(v);
      area(code, name, 'village', townCode);
      const groups = [];
      for (let g = 1; g <= random.int(4, 8); g++) {
        const group = { code: `${code}${String(g).padStart(3, '0')}`, name: `${GROUP_ORDINALS[g - 1]}组` };
        area(group.code, group.name, 'group', code);
        groups.push(group);
      }
      villages.push({ code, name, groups });
      for (let c = 1; c <= shape.cadresPerVillage; c++) user(`village${t}-${v}-${c}`, 'village_cadre', code);
    }
  }
  for (let i = 0; i < areas.length; i += 200)
    await db
      .insertInto('areas')
      .values(areas.slice(i, i + 200))
      .execute();
  for (let i = 0; i < users.length; i += 200)
    await db
      .insertInto('users')
      .values(users.slice(i, i + 200))
      .execute();
  options.progress?.(`${areas.length} areas, ${users.length} accounts`);

  const makeId = idNumberMaker(random);
  let households = 0;
  let residents = 0;
  for (const village of villages) {
    if (shape.householdsPerVillage === 0) break;
    const batch = {
      households: [] as Insertable<HouseholdsTable>[],
      residents: [] as Insertable<ResidentsTable>[],
      householdTags: [] as Insertable<HouseholdTagsTable>[],
      residentTags: [] as Insertable<ResidentTagsTable>[],
      indicators: [] as Insertable<HouseholdIndicatorsTable>[],
    };
    for (let h = 1; h <= shape.householdsPerVillage; h++) {
      const group = random.pick(village.groups);
      const body: HouseholdsCreateBody = demoHousehold(
        random,
        group.code,
        `${village.code.slice(-3)}${String(h).padStart(4, '0')}`,
        `${village.name}${group.name}`,
        makeId,
      );
      const id = newId();
      const members = body.members.map((m) => ({ input: m, id: newId() }));
      batch.households.push({
        id,
        area_code: group.code,
        village_code: village.code,
        number: body.number,
        address: body.address,
        phone: body.phone,
        head_resident_id: members[0]?.id ?? null,
        latitude: null,
        longitude: null,
        status: 'active',
        member_count: members.length,
        search_text: householdSearchText(
          body.number,
          body.address,
          members.map((m) => m.input.name),
        ),
        version: 1,
        created_at: now,
        updated_at: now,
      });
      for (const m of members) {
        batch.residents.push(
          residentRow(options.secrets, m.input, { id: m.id, householdId: id, areaCode: group.code, now }),
        );
        for (const tag_code of m.input.tags) batch.residentTags.push({ resident_id: m.id, tag_code });
      }
      for (const tag_code of body.tags) batch.householdTags.push({ household_id: id, tag_code });
      if (body.indicators) {
        batch.indicators.push({
          household_id: id,
          year: body.indicators.year,
          total_income: body.indicators.totalIncome,
          debt: body.indicators.debt,
          main_income_source: body.indicators.mainIncomeSource,
          hardships: JSON.stringify(body.indicators.hardships),
          updated_at: now,
          updated_by: null,
        });
      }
      households++;
      residents += members.length;
    }
    await db.transaction().execute((trx) => insertMany(trx, batch));
    if (households % 30_000 === 0) options.progress?.(`${households} households, ${residents} residents`);
  }
  if (households > 0) {
    await db.transaction().execute((trx) => retierAll(trx, options.clock, 'created', null));
    options.progress?.(`tiered ${households} households`);
  }
  return { towns: shape.towns, villages: villages.length, households, residents, users: users.length };
}
