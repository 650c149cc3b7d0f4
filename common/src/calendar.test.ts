import { describe, expect, it } from 'vitest';
import { daysOfMonth, shiftMonth } from './calendar';

describe('calendar months', () => {
  it('moves a month forward and back across years', () => {
    expect(shiftMonth('2026-11', 1)).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('lists every day of a month, leap Februaries included', () => {
    expect(daysOfMonth('2024-02')).toHaveLength(29);
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2026-12').at(-1)).toBe('2026-12-31');
    expect(daysOfMonth('2026-11')[0]).toBe('2026-11-01');
  });
});
