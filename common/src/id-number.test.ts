import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  idNumberCheckChar,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number';

const TODAY = new Date('2026-11-22T00:00:00Z');

/** Any valid number: an area code, a real birth date up to today, a sequence. */
const validId = fc
  .tuple(
    fc.integer({ min: 110_000, max: 659_999 }),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, birth, sequence]) => makeIdNumber(String(area), birth.toISOString().slice(0, 10), sequence));

describe('ID numbers (GB 11643)', () => {
  it('knows the published vectors', () => {
    expect(parseIdNumber('11010519491231002X').ok).toBe(true);
    expect(parseIdNumber('440524188001010014').ok).toBe(true);
    expect(parseIdNumber('110105194912310021').ok).toBe(false);
  });

  it('accepts every generated number and refuses any single changed digit', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), fc.integer({ min: 1, max: 9 }), (id, position, shift) => {
        expect(parseIdNumber(id, TODAY).ok).toBe(true);
        // Changing any one of the first 17 digits breaks the check character (MOD 11-2 catches
        // every single-digit error), unless the change makes the date impossible first.
        const digit = (Number(id[position]) + shift) % 10;
        const changed = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
        expect(parseIdNumber(changed, TODAY).ok).toBe(false);
      }),
    );
  });

  it('refuses any other check character', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...'0123456789X'), (id, check) => {
        fc.pre(check !== id[17]);
        expect(parseIdNumber(id.slice(0, 17) + check, TODAY)).toEqual({ ok: false, problem: 'checksum' });
      }),
    );
  });

  it('never shows more than 10 digits of a masked number, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(validId, fc.string({ maxLength: 40 })), (id) => {
        const masked = maskIdNumber(id);
        expect(masked.replace(/[^\dX]/gi, '').length).toBeLessThanOrEqual(10);
        expect(masked).toHaveLength(id.length);
      }),
    );
  });

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
