import { addWorkingDays, auditApi, calendarApi, isWorkingDay } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { withTransaction } from '../request-context';
import { replaceYear } from './calendar.repository';
import { ensureShippedYears, loadHolidayCalendar, workingCalendar } from './calendar.service';
import { SHIPPED_YEARS } from './holidays.data';

const at = (local: string) => new Date(`${local}+08:00`);

describe('working-day calendar', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld();
  });
  afterAll(() => t.close());

  it('ships 2025 and 2026 as the State Council set them and 2027 as provisional, and warns about 2027', async () => {
    const head = await t.member('town_head', AREAS.townA);
    const list = (await head.session.call(calendarApi.listYears, {})).data;
    expect(list.items.map((i) => [i.year, i.source, i.provisional])).toEqual([
      [2025, 'shipped', false],
      [2026, 'shipped', false],
      [2027, 'shipped', true],
    ]);
    // 2026: 33 days off (3 + 9 + 3 + 5 + 3 + 3 + 7) and 6 make-up days.
    expect(list.items[1]).toMatchObject({ holidays: 33, workdays: 6 });
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 make-up days.
    expect(list.items[0]).toMatchObject({ holidays: 28, workdays: 5 });
    expect(list.warnings).toEqual([{ year: 2027, problem: 'provisional' }]);

    const year = (await head.session.call(calendarApi.getYear, { params: { year: 2026 } })).data;
    expect(year).toMatchObject({ loaded: true, source: 'shipped', provisional: false });
    expect(year.days.find((d) => d.date === '2026-02-14')).toEqual({
      date: '2026-02-14',
      kind: 'workday',
      name: '春节',
    });
    expect(year.days.filter((d) => d.name === '国庆节' && d.kind === 'holiday')).toHaveLength(7);
    expect(year.days.map((d) => d.date)).toEqual([...year.days.map((d) => d.date)].sort());

    const missing = (await head.session.call(calendarApi.getYear, { params: { year: 2031 } })).data;
    expect(missing).toMatchObject({ loaded: false, source: null, days: [] });
  });

  it('computes deadlines with the loaded schedule', async () => {
    const cal = await workingCalendar(t.database.db);
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false);
    expect(addWorkingDays(cal, at('2026-09-30T15:00:00'), 3)).toEqual(at('2026-10-11T00:00:00'));
    // Across the turn of the year: Wed 31 Dec 2025 (1), New Year 1–3 Jan, Sunday 4 Jan worked (2), Mon 5 (3).
    expect(addWorkingDays(cal, at('2025-12-30T10:00:00'), 3)).toEqual(at('2026-01-06T00:00:00'));
    const range = await loadHolidayCalendar(t.database.db, 2027, 2027);
    expect([...range.years]).toEqual([2027]);
    expect(isWorkingDay(range, '2027-02-08')).toBe(false);
    const counted = await t.admin.session.call(calendarApi.workingDays, {
      query: { from: '2026-09-30', to: '2026-10-10' },
    });
    expect(counted.data).toEqual({ from: '2026-09-30', to: '2026-10-10', workingDays: 3, missingYears: [] });
  });

  it('reports the years a computation needed and did not have', async () => {
    const counted = await t.admin.session.call(calendarApi.workingDays, {
      query: { from: '2027-12-25', to: '2028-01-10' },
    });
    // 27–31 Dec 2027 and 3–7, 10 Jan 2028, by weekdays for 2028.
    expect(counted.data).toMatchObject({ workingDays: 11, missingYears: [2028] });
    const list = (await t.admin.session.call(calendarApi.listYears, {})).data;
    expect(list.warnings).toContainEqual({ year: 2028, problem: 'missing' });
  });

  it('lets the district admin enter a year from the notice, audited, and nobody else', async () => {
    const head = await t.member('town_head', AREAS.townA);
    const body = {
      days: [
        { date: '2028-01-01', kind: 'holiday' as const, name: '元旦' },
        { date: '2028-01-02', kind: 'holiday' as const, name: '元旦' },
        { date: '2028-01-08', kind: 'workday' as const, name: '元旦' },
      ],
    };
    expect((await head.session.call(calendarApi.putYear, { params: { year: 2028 }, body })).statusCode).toBe(
      403,
    );

    const saved = (await t.admin.session.call(calendarApi.putYear, { params: { year: 2028 }, body })).data;
    expect(saved).toMatchObject({ year: 2028, loaded: true, source: 'edited', provisional: false });
    expect(saved.updatedBy).toBeTruthy();
    expect(saved.days).toHaveLength(3);
    // The cached calendar follows the edit at once: Saturday 8 January 2028 is now worked.
    expect(isWorkingDay(await workingCalendar(t.database.db), '2028-01-08')).toBe(true);
    const list = (await t.admin.session.call(calendarApi.listYears, {})).data;
    expect(list.warnings.find((w) => w.year === 2028)).toBeUndefined();

    const audit = await t.admin.session.call(auditApi.list, { query: { action: 'calendar.update' } });
    expect(audit.data.items.map((e) => e.objectId)).toContain('2028');
  });

  it('refuses days outside the year, a make-up day on a weekday and a day twice', async () => {
    const put = (days: { date: string; kind: 'holiday' | 'workday'; name: string }[]) =>
      t.admin.session.call(calendarApi.putYear, { params: { year: 2029 }, body: { days } });
    const outside = await put([{ date: '2030-01-01', kind: 'holiday', name: '元旦' }]);
    expect(outside.statusCode).toBe(400);
    expect(outside.error.details).toEqual([{ path: 'body.days.0.date', message: '日期不在该年度内' }]);
    const weekday = await put([{ date: '2029-01-03', kind: 'workday', name: '元旦' }]); // a Wednesday
    expect(weekday.statusCode).toBe(400);
    expect(weekday.error.details?.[0]?.message).toBe('调休上班日只能是周六或周日');
    const twice = await put([
      { date: '2029-01-01', kind: 'holiday', name: '元旦' },
      { date: '2029-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.error.details?.[0]?.message).toBe('同一天出现了两次');
    const noDate = await put([{ date: '2029-02-30', kind: 'holiday', name: '春节' }]);
    expect(noDate.statusCode).toBe(400);
    expect((await t.admin.session.call(calendarApi.getYear, { params: { year: 2029 } })).data.loaded).toBe(
      false,
    );
  });

  it('never overwrites an edited year, and replaces a provisional one when the confirmed schedule ships', async () => {
    const edited = { days: [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦（已核）' }] };
    await t.admin.session.call(calendarApi.putYear, { params: { year: 2027 }, body: edited });
    const confirmed = SHIPPED_YEARS.map((y) => ({ ...y, provisional: false }));
    await withTransaction(t.database, (trx) => ensureShippedYears(trx, t.clock.now(), confirmed));
    const kept = (await t.admin.session.call(calendarApi.getYear, { params: { year: 2027 } })).data;
    expect(kept).toMatchObject({ source: 'edited', days: edited.days });

    // A year still as shipped and provisional takes the confirmed schedule of a later release.
    const provisional2030 = { year: 2030, provisional: true, source: 'test', days: [] };
    const confirmed2030 = {
      ...provisional2030,
      provisional: false,
      days: [{ date: '2030-01-01', kind: 'holiday' as const, name: '元旦' }],
    };
    expect(
      await withTransaction(t.database, (trx) => ensureShippedYears(trx, t.clock.now(), [provisional2030])),
    ).toEqual([2030]);
    expect(
      await withTransaction(t.database, (trx) => ensureShippedYears(trx, t.clock.now(), [provisional2030])),
    ).toEqual([]);
    expect(
      await withTransaction(t.database, (trx) => ensureShippedYears(trx, t.clock.now(), [confirmed2030])),
    ).toEqual([2030]);
    const year = (await t.admin.session.call(calendarApi.getYear, { params: { year: 2030 } })).data;
    expect(year).toMatchObject({ source: 'shipped', provisional: false, days: confirmed2030.days });
  });

  it('sees another server’s edit once its cache is rechecked', async () => {
    const db = t.database.db;
    expect(isWorkingDay(await workingCalendar(db), '2026-03-02')).toBe(true);
    // Another instance on the same database writes 2026 (a later instant, as its clock would).
    const days = (await loadHolidayCalendar(db, 2026, 2026)).days;
    await withTransaction(t.database, (trx) =>
      replaceYear(trx, {
        year: 2026,
        source: 'edited',
        provisional: false,
        updatedBy: null,
        updatedAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
        days: [...days.values(), { date: '2026-03-02', kind: 'holiday', name: '测试' }],
      }),
    );
    expect(isWorkingDay(await workingCalendar(db), '2026-03-02')).toBe(true); // still cached
    expect(isWorkingDay(await workingCalendar(db, { maxAgeMs: 0 }), '2026-03-02')).toBe(false);
  });
});
