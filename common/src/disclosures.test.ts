import { describe, expect, it } from 'vitest';
import {
  DisclosurePeriod,
  defaultDisclosureSettings,
  disclosureDueAt,
  expectedShape,
  maskPersonalNumbers,
  nextPeriod,
  periodAt,
  periodShape,
  periodStart,
} from './disclosures';
import { stageState } from './projects';

describe('村务公开 periods and due instants (China time)', () => {
  it('dates a month, a quarter and a major matter by the settings', () => {
    expect(disclosureDueAt('2026-11', defaultDisclosureSettings).toISOString()).toBe(
      '2026-12-10T16:00:00.000Z',
    );
    // December's finances and the fourth quarter are due in the next year.
    expect(disclosureDueAt('2026-12', defaultDisclosureSettings).toISOString()).toBe(
      '2027-01-10T16:00:00.000Z',
    );
    expect(disclosureDueAt('2026-Q4', defaultDisclosureSettings).toISOString()).toBe(
      '2027-01-10T16:00:00.000Z',
    );
    expect(disclosureDueAt('2026-Q1', { ...defaultDisclosureSettings, dueDay: 15 }).toISOString()).toBe(
      '2026-04-15T16:00:00.000Z',
    );
    // A major matter on 28 December: five days later is 2 January, to its 24:00.
    expect(disclosureDueAt('2026-12-28', defaultDisclosureSettings).toISOString()).toBe(
      '2027-01-02T16:00:00.000Z',
    );
  });

  it('places an instant in the China month and quarter it falls in', () => {
    // 31 December 2026 at 23:59:59 UTC is already 1 January 2027 in China.
    expect(periodAt(new Date('2026-12-31T15:59:59.000Z'), 'month')).toBe('2026-12');
    expect(periodAt(new Date('2026-12-31T16:00:00.000Z'), 'month')).toBe('2027-01');
    expect(periodAt(new Date('2026-09-30T16:00:00.000Z'), 'quarter')).toBe('2026-Q4');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(periodStart('2026-Q3')).toBe('2026-07-01');
  });

  it('asks each category for its own shape of period', () => {
    expect(periodShape('2026-13')).toBeUndefined();
    expect(periodShape('2026-Q5')).toBeUndefined();
    expect(DisclosurePeriod.safeParse('2026-02-30').success).toBe(false);
    expect(DisclosurePeriod.safeParse('2028-02-29').success).toBe(true);
    expect(expectedShape('general', 'monthly')).toBe('quarter');
    expect(expectedShape('finance', 'monthly')).toBe('month');
    expect(expectedShape('finance', 'quarterly')).toBe('quarter');
    expect(expectedShape('major', 'quarterly')).toBe('day');
  });

  it('makes a project stage late once its China day is over', () => {
    const stage = { dueOn: '2026-12-10', completedOn: null };
    expect(stageState(stage, new Date('2026-12-10T15:59:59.000Z'))).toBe('pending');
    expect(stageState(stage, new Date('2026-12-10T16:00:00.000Z'))).toBe('late');
    expect(stageState({ dueOn: '2026-12-10', completedOn: '2026-12-10' }, new Date('2027-01-01'))).toBe(
      'done',
    );
    expect(stageState({ dueOn: '2026-12-10', completedOn: '2026-12-11' }, new Date('2027-01-01'))).toBe(
      'done_late',
    );
  });
});

describe('personal numbers in a committee text', () => {
  it('masks ID and mobile numbers standing alone, and leaves amounts and longer numbers', () => {
    expect(maskPersonalNumbers('身份证 61090219900101123X，电话13912345678。')).toBe(
      '身份证 610902********123X，电话139****5678。',
    );
    expect(maskPersonalNumbers('收入 186420.00 元，账号 6228480012345678901')).toBe(
      '收入 186420.00 元，账号 6228480012345678901',
    );
  });
});
