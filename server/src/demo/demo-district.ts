import {
  type AreaKind,
  defaultLocale,
  type HouseholdsCreateBody,
  type Rank,
  type Role,
} from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ensureAppealDefaults } from '../modules/appeals';
import { createHousehold } from '../modules/households';
import { ensureRegistryDefaults } from '../modules/tiering';
import { recordAudit } from '../platform/audit/audit.service';
import { hashPassword } from '../platform/auth/passwords';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { withTransaction } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { readSetting, writeSetting } from '../platform/settings/settings.repository';
import { hasAreas, insertArea, insertUser } from './demo.repository';
import { loadDemoAppeals } from './demo-appeals';
import { loadDemoAssistance } from './demo-assistance';
import { loadDemoDemocracy } from './demo-democracy';
import { loadDemoDisclosures } from './demo-disclosures';
import { loadDemoDispatches } from './demo-dispatches';
import { demoHousehold, idNumberMaker } from './demo-households';
import { loadDemoNotices } from './demo-notices';
import { writeDemoAccounts } from './demo-password';
import { loadDemoServicesCatalogue } from './demo-services-catalogue';
import { loadDemoServiceRatings } from './demo-services-ratings';
import { loadDemoServiceRequests } from './demo-services-requests';
import { loadDemoTopics } from './demo-topics';
import { demoUnitAccounts, loadDemoUnits } from './demo-units';
import { loadDemoVillagePages } from './demo-village-page';
import { loadDemoWarnings } from './demo-warnings';
import { loadDemoWhistlesAndReceptionDays } from './demo-whistles';
import { COMMUNITY_NAMES, GROUP_ORDINALS, personName, VILLAGE_NAMES } from './names';
import { Random } from './random';

const DEMO_ACTOR = { id: null, name: 'lianxin demo', ip: null };

export interface DemoAccount {
  username: string;
  role: Role;
  areaName: string;
}

interface AreaSeed {
  code: string;
  name: string;
  kind: AreaKind;
  parentCode: string | null;
  flags?: { extremelyPoor?: boolean; remote?: boolean; hardToAdvance?: boolean; disasterHit?: boolean };
}

interface UserSeed {
  username: string;
  name: string;
  role: Role;
  areaCode: string;
  rank: Rank | null;
  phone: string;
}

const DISTRICT = { code: '610902000000', name: '汉滨区' };
const TOWNS = [
  { code: '610902001000', name: '新城街道', villages: 5, community: true },
  { code: '610902101000', name: '关庙镇', villages: 8, community: false },
  { code: '610902102000', name: '张滩镇', villages: 7, community: false },
];

function phone(random: Random): string {
  return `1${random.pick(['33', '35', '37', '38', '39', '52', '58', '80', '86', '89'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** The demo district: 1 district, 3 towns, 20 villages and communities with their groups, cadres in every role. */
export function demoDistrict(seed = 20261122): {
  areas: AreaSeed[];
  users: UserSeed[];
  accounts: DemoAccount[];
  households: HouseholdsCreateBody[];
} {
  const random = new Random(seed);
  const areas: AreaSeed[] = [
    { code: DISTRICT.code, name: DISTRICT.name, kind: 'district', parentCode: null },
  ];
  const users: UserSeed[] = [];
  const person = (username: string, role: Role, areaCode: string, rank: Rank | null) =>
    users.push({
      username,
      name: personName(random, random.chance(0.65) ? 'male' : 'female'),
      role,
      areaCode,
      rank,
      phone: phone(random),
    });

  person('admin', 'district_admin', DISTRICT.code, 'middle');
  person('district-staff', 'district_staff', DISTRICT.code, 'staff');
  person('district-leader', 'district_staff', DISTRICT.code, 'leader');
  person('auditor', 'auditor', DISTRICT.code, null);
  for (let i = 1; i <= 3; i++) person(`cppcc${i}`, 'cppcc_member', DISTRICT.code, null);

  const villageNames = [...VILLAGE_NAMES];
  TOWNS.forEach((town, t) => {
    areas.push({ code: town.code, name: town.name, kind: 'town', parentCode: DISTRICT.code });
    person(`town${t + 1}-head`, 'town_head', town.code, 'leader');
    for (let s = 1; s <= 4; s++)
      person(`town${t + 1}-staff${s}`, 'town_staff', town.code, s === 1 ? 'middle' : 'staff');
    for (let v = 1; v <= town.villages; v++) {
      const serial = town.community ? v : 200 + v;
      const code = `${town.code.slice(0, 9)}${String(serial).padStart(3, '0')}`;
      const name = town.community
        ? `${COMMUNITY_NAMES[v - 1] ?? `第${v}`}社区`
        : `${villageNames.splice(random.int(0, villageNames.length - 1), 1)[0]}村`;
      const flags = town.community
        ? {}
        : {
            extremelyPoor: random.chance(0.15),
            remote: random.chance(0.25),
            hardToAdvance: random.chance(0.1),
          };
      areas.push({ code, name, kind: 'village', parentCode: town.code, flags });
      const groups = random.int(4, 8);
      for (let g = 1; g <= groups; g++) {
        areas.push({
          code: `${code}${String(g).padStart(3, '0')}`,
          name: town.community ? `第${GROUP_ORDINALS[g - 1]}网格` : `${GROUP_ORDINALS[g - 1]}组`,
          kind: 'group',
          parentCode: code,
        });
      }
      for (let c = 1; c <= 3; c++)
        person(`village${t + 1}${String(v).padStart(2, '0')}-${c}`, 'village_cadre', code, null);
    }
  });

  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  // About 100 households per village, spread over its groups.
  const makeId = idNumberMaker(random);
  const households: HouseholdsCreateBody[] = [];
  for (const village of areas.filter((a) => a.kind === 'village')) {
    const groups = areas.filter((a) => a.parentCode === village.code);
    const town = areaName.get(village.parentCode ?? '') ?? '';
    const count = random.int(85, 115);
    for (let h = 1; h <= count; h++) {
      const group = random.pick(groups);
      households.push(
        demoHousehold(
          random,
          group.code,
          `${village.code.slice(-3)}${String(h).padStart(4, '0')}`,
          `${town}${village.name}${group.name}`,
          makeId,
        ),
      );
    }
  }
  const shown = [
    'admin',
    'district-staff',
    'auditor',
    'town2-head',
    'town2-staff1',
    'village201-1',
    'cppcc1',
  ];
  const accounts = users
    .filter((u) => shown.includes(u.username))
    .map((u) => ({ username: u.username, role: u.role, areaName: areaName.get(u.areaCode) ?? '' }))
    .concat(demoUnitAccounts());
  return { areas, users, accounts, households };
}

export async function isDemoLoaded(db: Kysely<DB>): Promise<boolean> {
  return (await readSetting<boolean>(db, 'demo.loaded')) === true;
}

/** Where the demo's accounts get their password: one per installation, kept in `dataDir`. */
export interface DemoCredentials {
  /** Every demo account signs in with it: DEMO_PASSWORD, or a random one per installation. */
  password: string;
  /** `demo-accounts.txt` (0600) is written here, as the load commits. */
  dataDir: string;
}

/**
 * Loads the demo district into an empty database, in one transaction, and writes the accounts'
 * password to `demo-accounts.txt` before it commits (a failed write loads nothing).
 * Refuses a database that already has areas, so real data is never mixed with the demo.
 */
export async function loadDemoDistrict(
  db: Kysely<DB>,
  clock: Clock,
  secrets: Secrets,
  credentials: DemoCredentials,
): Promise<DemoAccount[]> {
  const { areas, users, accounts, households } = demoDistrict();
  const passwordHash = await hashPassword(credentials.password);
  const now = clock.now().toISOString();
  await withTransaction({ db }, async (trx) => {
    if (await hasAreas(trx))
      throw new Error('The database already has areas; the demo district is loaded only into an empty one.');
    for (const area of areas) {
      await insertArea(trx, {
        code: area.code,
        name: area.name,
        kind: area.kind,
        parent_code: area.parentCode,
        extremely_poor: area.flags?.extremelyPoor ?? false,
        remote: area.flags?.remote ?? false,
        hard_to_advance: area.flags?.hardToAdvance ?? false,
        disaster_hit: area.flags?.disasterHit ?? false,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    for (const user of users) {
      await insertUser(trx, {
        id: newId(),
        username: user.username,
        name: user.name,
        phone: user.phone,
        role: user.role,
        area_code: user.areaCode,
        rank: user.rank,
        locale: null,
        password_hash: passwordHash,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await ensureRegistryDefaults(trx, now);
    const registry = {
      clock,
      locale: defaultLocale,
      db: trx,
      secrets,
      actor: DEMO_ACTOR,
      caller: {
        id: 'demo',
        username: 'demo',
        name: 'demo',
        role: 'district_admin' as const,
        areaCode: '610902000000',
        areaKind: 'district' as const,
        unitId: null,
        locale: null,
      },
      scope: scopeOf({ code: '610902000000', kind: 'district' }),
    };
    for (const household of households) await createHousehold(trx, registry, household);
    await ensureAppealDefaults(trx, now);
    await loadDemoAppeals(trx, clock, secrets, new Random(20261122));
    await loadDemoUnits(trx, clock, passwordHash, new Random(20261208));
    await loadDemoServicesCatalogue(trx, clock, new Random(20261209));
    await loadDemoDispatches(trx, clock, secrets);
    await loadDemoAssistance(trx, clock, new Random(20261123));
    await loadDemoVillagePages(trx, clock, new Random(20261207));
    await loadDemoNotices(trx, clock, secrets);
    await loadDemoDemocracy(trx, clock, secrets);
    await loadDemoWarnings(trx, clock, secrets);
    await loadDemoWhistlesAndReceptionDays(trx, clock);
    await loadDemoTopics(trx, clock, secrets);
    await loadDemoDisclosures(trx, clock, secrets);
    // 代办 requests over the catalogue's items (loaded before this; without items, none are made).
    await loadDemoServiceRequests(trx, clock, secrets, new Random(20261210));
    await loadDemoServiceRatings(trx, clock, new Random(20261211));
    await writeSetting(trx, 'demo.loaded', true, now, 'demo');
    await recordAudit(
      trx,
      clock,
      { id: null, name: 'lianxin demo', ip: null },
      {
        action: 'demo.load',
        after: { areas: areas.length, users: users.length },
      },
    );
    writeDemoAccounts(credentials.dataDir, credentials.password, accounts);
  });
  return accounts;
}

export function demoAccounts(): DemoAccount[] {
  return demoDistrict().accounts;
}
