import { describe, expect, it } from 'vitest';
import {
  idNumberCheckChar,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number';

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard example and reads birth date and gender', () => {
    // The worked example in GB 11643-1999.
    const result = parseIdNumber('11010519491231002X');
    expect(result).toEqual({
      ok: true,
      info: { birthDate: '1949-12-31', gender: 'female', areaCode: '110105' },
    });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(makeIdNumber('610902', '1980-02-29', 17)).toMatch(/^61090219800229017[\dX]$/);
    expect(parseIdNumber(makeIdNumber('610902', '1980-02-29', 17)).ok).toBe(true);
  });

  it('refuses a wrong check character, an impossible date and a bad form', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseIdNumber(makeIdNumber('610902', '1981-02-29', 1))).toEqual({
      ok: false,
      problem: 'birthDate',
    });
    expect(parseIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('1101051949123100ZX')).toEqual({ ok: false, problem: 'format' });
  });

  it('refuses a birth date in the future', () => {
    const id = makeIdNumber('610902', '2030-01-01', 1);
    expect(parseIdNumber(id, new Date('2026-11-22'))).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('normalizes full-width digits, lower-case x and spaces', () => {
    expect(normalizeIdNumber('１１０１０５ 19491231 002x')).toBe('11010519491231002X');
  });

  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('610902198002290171')).toBe('610902********0171');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
