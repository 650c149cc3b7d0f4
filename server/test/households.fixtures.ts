import { makeIdNumber } from '@lianxin/common';
import { AREAS } from './harness';

let sequence = 0;

/** A fresh checksum-valid ID number; the sequence digit is odd for men and even for women (GB 11643). */
export function nextIdNumber(birth = '1975-03-08', gender: 'male' | 'female' = 'female'): string {
  sequence++;
  return makeIdNumber('610902', birth, (sequence * 2 + (gender === 'male' ? 1 : 0)) % 1000);
}

/** A three-member household in group 一组 of village A1, comfortably 放心户 unless overridden. */
export function buildHouseholdBody(overrides: Record<string, unknown> = {}) {
  sequence++;
  return {
    areaCode: AREAS.groupA1,
    number: `H${String(sequence).padStart(5, '0')}`,
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
