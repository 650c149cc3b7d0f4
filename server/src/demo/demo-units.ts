import type { Role, UnitKind, WorkingHours } from '@lianxin/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendToTimeline } from '../modules/appeals';
import { recordAudit } from '../platform/audit/audit.service';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { insertUser } from './demo.repository';
import type { DemoAccount } from './demo-district';
import {
  demoAreasOfKind,
  demoUserByUsername,
  insertDemoAppealUnit,
  insertDemoUnit,
  openAppealsOfCategories,
} from './demo-units.repository';
import { personName } from './names';
import type { Random } from './random';

const DISTRICT = '610902000000';

interface UnitSeed {
  key: string;
  kind: UnitKind;
  name: string;
  areaCode: string;
  phone: string;
  address: string;
  workingHours: WorkingHours | null;
  categories: string[];
}

// The district's departments and the categories of appeal each answers for.
const DEPARTMENTS: [key: string, name: string, phone: string, categories: string[]][] = [
  ['hrss', '区人社局', '0915-3212301', ['employment', 'social_security', 'wage_dispute']],
  ['health', '区卫健局', '0915-3212302', ['medical']],
  ['civil', '区民政局', '0915-3212303', ['social_security', 'policy']],
  ['housing', '区住建局', '0915-3212304', ['housing']],
  ['transport', '区交通运输局', '0915-3212305', ['roads_water']],
  ['water', '区水利局', '0915-3212306', ['roads_water']],
  ['agriculture', '区农业农村局', '0915-3212307', ['land', 'environment']],
  ['petition', '区信访局', '0915-3212308', ['neighbour_dispute', 'other', 'policy']],
];

/** The staff accounts of the demo's units, each bound to its unit and its unit's area. */
const STAFF: [username: string, unitKey: string, role: Role][] = [
  ['hrss-head', 'hrss', 'department_head'],
  ['hrss-staff', 'hrss', 'department_staff'],
  ['health-head', 'health', 'department_head'],
  ['health-staff', 'health', 'department_staff'],
  ['station1-head', 'station1', 'station_head'],
  ['station1-agent1', 'station1', 'service_agent'],
  ['station1-agent2', 'station1', 'service_agent'],
  ['cppcc-office', 'cppcc', 'cppcc_office'],
];

/** The unit accounts the start-up message and the README list, with where they work. */
export function demoUnitAccounts(): DemoAccount[] {
  return [
    { username: 'hrss-staff', role: 'department_staff', areaName: '区人社局' },
    { username: 'station1-agent1', role: 'service_agent', areaName: '关庙镇某村便民服务站' },
    { username: 'cppcc-office', role: 'cppcc_office', areaName: '区政协办公室' },
  ];
}

// Which departments take some of the open appeals, and how many each.
const ROUTED: [unitKey: string, categories: string[], count: number][] = [
  ['hrss', ['employment', 'social_security', 'wage_dispute'], 4],
  ['health', ['medical'], 2],
];

const STATION_HOURS: WorkingHours = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '14:30', end: '17:30' },
  ],
};

/** The demo's handling units, the staff of a few of them, and open appeals routed to two departments. */
export async function loadDemoUnits(
  trx: Transaction<DB> | Kysely<DB>,
  clock: Clock,
  passwordHash: string,
  random: Random,
): Promise<void> {
  const now = clock.now().toISOString();
  const towns = await demoAreasOfKind(trx, 'town');
  const villages = await demoAreasOfKind(trx, 'village');
  const seeds: UnitSeed[] = DEPARTMENTS.map(([key, name, phone, categories]) => ({
    key,
    kind: 'department',
    name,
    areaCode: DISTRICT,
    phone,
    address: `汉滨区行政中心${name.slice(1)}`,
    workingHours: null,
    categories,
  }));
  seeds.push({
    key: 'cppcc',
    kind: 'cppcc_office',
    name: '区政协办公室',
    areaCode: DISTRICT,
    phone: '0915-3212399',
    address: '汉滨区行政中心政协楼',
    workingHours: null,
    categories: [],
  });
  towns.forEach((town, t) => {
    seeds.push({
      key: `town${t + 1}`,
      kind: 'town_office',
      name: `${town.name}综治中心`,
      areaCode: town.code,
      phone: `0915-32${String(20 + t).padStart(2, '0')}100`,
      address: `${town.name}人民政府院内`,
      workingHours: null,
      categories: ['neighbour_dispute', 'public_security', 'land'],
    });
  });
  // A service station in the first two villages of the second town and the first of the third.
  const stationVillages = [
    ...villages.filter((v) => v.parent_code === towns[1]?.code).slice(0, 2),
    ...villages.filter((v) => v.parent_code === towns[2]?.code).slice(0, 1),
  ];
  stationVillages.forEach((village, s) => {
    // The same draws as the mobile numbers these once were, so the rest of the demo stays as it was.
    random.pick(['38', '39', '58', '86']);
    const line = random.int(0, 99_999_999) % 1_000_000;
    seeds.push({
      key: `station${s + 1}`,
      kind: 'service_station',
      name: `${village.name}便民服务站`,
      areaCode: village.code,
      // The station's office line, shown on the village page (never a personal mobile).
      phone: `0915-3${String(line).padStart(6, '0')}`,
      address: `${village.name}村委会一楼`,
      workingHours: STATION_HOURS,
      categories: ['social_security', 'medical', 'policy'],
    });
  });

  const unitIds = new Map<string, { id: string; name: string; areaCode: string }>();
  for (const seed of seeds) {
    const id = newId();
    unitIds.set(seed.key, { id, name: seed.name, areaCode: seed.areaCode });
    await insertDemoUnit(
      trx,
      {
        id,
        kind: seed.kind,
        name: seed.name,
        area_code: seed.areaCode,
        parent_id: null,
        phone: seed.phone,
        address: seed.address,
        working_hours: seed.workingHours ? JSON.stringify(seed.workingHours) : null,
        active: true,
        created_at: now,
        updated_at: now,
        version: 1,
      },
      seed.categories,
    );
  }

  for (const [username, unitKey, role] of STAFF) {
    const unit = unitIds.get(unitKey);
    if (!unit) throw new Error(`demo unit ${unitKey} is missing`);
    await insertUser(trx, {
      id: newId(),
      username,
      name: personName(random, random.chance(0.6) ? 'male' : 'female'),
      phone: `1${random.pick(['33', '35', '37', '52', '80'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      role,
      area_code: unit.areaCode,
      unit_id: unit.id,
      rank: null,
      locale: null,
      password_hash: passwordHash,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }

  // The district's staff passed a few open appeals to the departments that answer for them.
  const router = await demoUserByUsername(trx, 'district-staff');
  const actor = { id: router.id, name: router.name, ip: null };
  for (const [unitKey, categories, count] of ROUTED) {
    const unit = unitIds.get(unitKey);
    if (!unit) continue;
    const appeals = (await openAppealsOfCategories(trx, categories)).slice(0, count);
    for (const appeal of appeals) {
      const at = new Date(Math.min(Date.parse(appeal.received_at) + 6 * 3_600_000, clock.now().getTime()));
      const routedClock = { now: () => new Date(at) };
      await insertDemoAppealUnit(trx, {
        appeal_id: appeal.id,
        unit_id: unit.id,
        routed_at: at.toISOString(),
        routed_by: router.id,
      });
      await appendToTimeline(trx, { clock: routedClock, actor }, appeal.id, {
        kind: 'routed',
        note: unit.name,
      });
      await recordAudit(trx, routedClock, actor, {
        action: 'appeal.route_unit',
        objectType: 'appeal',
        objectId: appeal.id,
        areaCode: appeal.village_code,
        after: { unitId: unit.id, unit: unit.name },
      });
    }
  }
}
