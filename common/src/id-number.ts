// Resident ID numbers (公民身份号码), GB 11643-1999: 6-digit area code, 8-digit birth date,
// 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Turns full-width digits, a lower-case x and spaces into the canonical 18-character form. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48))
    .replace(/[xｘＸ]/g, 'X')
    .replace(/[\s\u3000-]/g, '');
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checksum';

export interface IdNumberInfo {
  birthDate: string;
  gender: 'male' | 'female';
  areaCode: string;
}

/** Checks an already-normalized ID number; returns what is wrong, or what it says. */
export function parseIdNumber(
  id: string,
  today: Date = new Date(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1800 || date.getTime() > today.getTime()) {
    return { ok: false, problem: 'birthDate' };
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' };
  return {
    ok: true,
    info: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      areaCode: id.slice(0, 6),
    },
  };
}

/** Builds a checksum-valid ID number (for demo and generated data). */
export function makeIdNumber(areaCode6: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode6}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Shows the first 6 and the last 4 characters: 610902********1234. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
