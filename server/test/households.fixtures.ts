import { type ContractInput, type Household, householdsApi, makeIdNumber } from '@lianxin/common';
import { AREAS, type Session } from './harness';

/** What opening a household file sends, as the contract types it (defaults may be left out). */
export type HouseholdBody = ContractInput<typeof householdsApi.create>['body'];

let serial = 0;

/** A fresh checksum-valid ID number; the sequence digit is odd for men and even for women (GB 11643). */
export function nextIdNumber(birth = '1975-03-08', gender: 'male' | 'female' = 'female'): string {
  serial++;
  return makeIdNumber('610902', birth, (serial * 2 + (gender === 'male' ? 1 : 0)) % 1000);
}

/** A three-member household in group 一组 of village A1, comfortably 放心户 unless overridden. */
export function householdBody(overrides: Partial<HouseholdBody> = {}): HouseholdBody {
  serial++;
  return {
    areaCode: AREAS.groupA1,
    number: `H${String(serial).padStart(5, '0')}`,
    address: '关庙镇大同村一组',
    phone: '13912345678',
    members: [
      {
        name: '张建华',
        idNumber: nextIdNumber('1968-05-01', 'male'),
        relation: 'head',
        phone: '13912345678',
      },
      { name: '李秀英', idNumber: nextIdNumber('1970-09-12'), relation: 'spouse' },
      { name: '张磊', idNumber: nextIdNumber('1995-01-20'), relation: 'child', employment: 'migrant_worker' },
    ],
    indicators: { year: 2026, totalIncome: 60_000, debt: 0, hardships: [] },
    ...overrides,
  };
}

/** Opens a household file through the API as `session`; fails the test unless it is created. */
export async function buildHousehold(
  session: Session,
  overrides: Partial<HouseholdBody> = {},
): Promise<Household> {
  return (await session.call(householdsApi.create, { body: householdBody(overrides) })).data;
}
