import { describe, expect, it } from 'vitest';
import { areaPrefix, isValidAreaCode } from './areas';

describe('area codes', () => {
  it('accepts statistical codes that fit their parent', () => {
    expect(isValidAreaCode('610902000000', 'district', null)).toBe(true);
    expect(isValidAreaCode('610902101000', 'town', '610902000000')).toBe(true);
    expect(isValidAreaCode('610902101201', 'village', '610902101000')).toBe(true);
    expect(isValidAreaCode('610902101201003', 'group', '610902101201')).toBe(true);
  });

  it('refuses codes of the wrong length, padding or parent', () => {
    expect(isValidAreaCode('61090210100', 'town', '610902000000')).toBe(false);
    expect(isValidAreaCode('610902101001', 'town', '610902000000')).toBe(false);
    expect(isValidAreaCode('610903101000', 'town', '610902000000')).toBe(false);
    expect(isValidAreaCode('610902000000', 'town', '610902000000')).toBe(false);
    expect(isValidAreaCode('610902102201', 'village', '610902101000')).toBe(false);
    expect(isValidAreaCode('610902101201000', 'group', '610902101201')).toBe(false);
    expect(isValidAreaCode('61090210120a', 'village', '610902101000')).toBe(false);
  });

  it('gives the prefix shared by a whole subtree', () => {
    expect(areaPrefix('610902000000', 'district')).toBe('610902');
    expect(areaPrefix('610902101000', 'town')).toBe('610902101');
    expect(areaPrefix('610902101201', 'village')).toBe('610902101201');
  });
});
