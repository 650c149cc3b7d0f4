import { type HouseholdsCreateBody, makeIdNumber } from '@lianxin/common';
import { personName } from './names';
import type { Random } from './random';

const SURNAME_RE = /^./u;
const ROADS = ['中街', '河堤路', '新村路', '坡头', '大院', '沟口', '梁上', '坪上', '湾里', '堰塘边'];
const INCOME_SOURCES = ['务农', '务工', '个体经营', '养殖', '退休金', '低保金', '茶叶种植', '魔芋种植'];

function birthDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Unique, checksum-valid ID numbers: the sequence digits are odd for men and even for women (GB 11643). */
export function idNumberMaker(random: Random): (birth: string, gender: 'male' | 'female') => string {
  const used = new Set<string>();
  return (birth, gender) => {
    for (;;) {
      const seq = random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const id = makeIdNumber('610902', birth, seq);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

/**
 * One demo household file: a head, usually a spouse and children; income, debt, hardships and tags
 * spread so that under the default rules about 55% of households come out 放心户, 30% 关心户 and
 * 15% 连心户 (the demo district: 1,130 / 597 / 278 of 2,005).
 */
export function demoHousehold(
  random: Random,
  areaCode: string,
  number: string,
  address: string,
  makeId: (birth: string, gender: 'male' | 'female') => string,
): HouseholdsCreateBody {
  const headGender = random.chance(0.85) ? 'male' : 'female';
  const head = personName(random, headGender);
  const surname = head.match(SURNAME_RE)?.[0] ?? '';
  const headBirth = birthDate(random, 1945, 1992);
  const headYear = Number(headBirth.slice(0, 4));
  const id = makeId;
  const members: HouseholdsCreateBody['members'] = [
    {
      name: head,
      idNumber: id(headBirth, headGender),
      relation: 'head',
      phone: `1${random.pick(['33', '38', '39', '58', '87'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      partyMember: random.chance(0.12),
      partyJoinYear: null,
      employment:
        headYear < 1962 ? 'farming' : random.pick(['farming', 'migrant_worker', 'self_employed', 'employed']),
      education: random.pick(['primary', 'junior', 'junior', 'senior']),
      disabled: random.chance(0.04),
      seriouslyIll: random.chance(0.05),
      publicRoles: random.chance(0.02) ? ['group_cadre'] : [],
      tags: [],
      status: 'active',
    },
  ];
  const first = members[0];
  if (first?.partyMember) first.partyJoinYear = Math.min(2025, headYear + random.int(20, 40));
  if (first && headYear < 1960 && random.chance(0.3)) first.tags.push('elderly_alone');
  const alone = first?.tags.includes('elderly_alone') ?? false;
  if (!alone && random.chance(0.85)) {
    const gender = headGender === 'male' ? 'female' : 'male';
    const birth = birthDate(random, headYear - 3, Math.min(headYear + 5, 1995));
    members.push({
      name: personName(random, gender),
      idNumber: id(birth, gender),
      relation: 'spouse',
      phone: null,
      partyMember: false,
      partyJoinYear: null,
      employment: random.pick(['farming', 'migrant_worker', 'employed']),
      education: random.pick(['primary', 'junior']),
      disabled: random.chance(0.03),
      seriouslyIll: random.chance(0.04),
      publicRoles: [],
      tags: [],
      status: 'active',
    });
  }
  const children = alone ? 0 : random.int(0, 3);
  for (let c = 0; c < children; c++) {
    const gender = random.chance(0.52) ? 'male' : 'female';
    const birth = birthDate(random, Math.max(headYear + 20, 1965), Math.min(headYear + 38, 2024));
    const young = Number(birth.slice(0, 4)) > 2008;
    members.push({
      name: surname + personName(random, gender).slice(1),
      idNumber: id(birth, gender),
      relation: 'child',
      phone: null,
      partyMember: false,
      partyJoinYear: null,
      employment: young ? 'student' : random.pick(['migrant_worker', 'employed', 'self_employed']),
      education: young ? 'primary' : random.pick(['junior', 'senior', 'vocational', 'college']),
      disabled: random.chance(0.02),
      seriouslyIll: false,
      publicRoles: [],
      tags: young && random.chance(0.15) ? ['left_behind_child'] : [],
      status: 'active',
    });
  }
  const hardships: NonNullable<HouseholdsCreateBody['indicators']>['hardships'] = [];
  if (members.some((m) => m.seriouslyIll)) hardships.push('serious_illness');
  if (members.some((m) => m.disabled)) hardships.push('disability');
  if (alone) hardships.push('elderly_alone');
  if (members.some((m) => m.tags.includes('left_behind_child'))) hardships.push('left_behind_children');
  if (random.chance(0.04)) hardships.push('education_burden');
  // Per-capita income mostly well above the line (6,000 yuan), with a poorer tail.
  const perCapita = random.chance(0.12) ? random.int(4_000, 11_500) : random.int(12_500, 40_000);
  const totalIncome = Math.round((perCapita * members.length) / 100) * 100;
  const debt = random.chance(0.05)
    ? totalIncome * random.int(2, 4)
    : random.chance(0.3)
      ? random.int(1, 40) * 1_000
      : 0;
  const tags: string[] = [];
  if (perCapita < 7_000 && random.chance(0.5)) tags.push('dibao');
  if (alone && random.chance(0.2)) tags.push('wubao');
  if (perCapita < 9_000 && random.chance(0.2)) tags.push('monitored');
  if (random.chance(0.08)) tags.push('poverty_alleviated');
  return {
    areaCode,
    number,
    address: `${address}${random.pick(ROADS)}${random.int(1, 99)}号`,
    phone: first?.phone ?? null,
    latitude: null,
    longitude: null,
    tags,
    members,
    indicators: {
      year: 2026,
      totalIncome,
      debt,
      mainIncomeSource: random.pick(INCOME_SOURCES),
      hardships,
    },
  };
}
