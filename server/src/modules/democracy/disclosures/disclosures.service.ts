import {
  chinaDate,
  chinaYear,
  type Disclosure,
  DisclosurePublishBody,
  type DisclosureSchedule,
  type DisclosureScheduleUpdateBody,
  type DisclosureSettings,
  type DisclosureSummary,
  type DisclosuresListQuery,
  defaultDisclosureSettings,
  disclosureDueAt,
  expectedShape,
  type FinanceCadence,
  type LateDisclosure,
  periodShape,
  periodStart,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { readSetting, writeSetting } from '../../../platform/settings/settings.repository';
import { daysLate, scheduleItems } from './disclosure-schedule';
import {
  type DisclosureRow,
  findDisclosure,
  insertDisclosure,
  listDisclosureRows,
  publishedInYears,
  saveSchedule,
  type VillageScheduleRow,
  villageInScope,
  villagesWithSchedules,
} from './disclosures.repository';

const SETTINGS_KEY = 'disclosures';

/** The district's schedule rules, or the defaults before anyone set them. */
export async function disclosureSettings(db: Db): Promise<DisclosureSettings> {
  const stored = await readSetting<Partial<DisclosureSettings>>(db, SETTINGS_KEY);
  return { ...defaultDisclosureSettings, ...stored };
}

export async function updateDisclosureSettings(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor' | 'caller'>,
  settings: DisclosureSettings,
): Promise<DisclosureSettings> {
  const before = await disclosureSettings(trx);
  await writeSetting(trx, SETTINGS_KEY, settings, ctx.clock.now().toISOString(), ctx.caller.id);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'disclosure_settings.update',
    objectType: 'settings',
    objectId: SETTINGS_KEY,
    before,
    after: settings,
  });
  return settings;
}

function toSummary(r: DisclosureRow): DisclosureSummary {
  return {
    id: r.id,
    villageCode: r.village_code,
    villageName: r.village_name,
    category: r.category,
    period: r.period,
    title: r.title,
    publishedAt: r.published_at,
    dueAt: r.due_at,
    onTime: Boolean(r.on_time),
    publishedByName: r.published_by_name,
  };
}

const toDisclosure = (r: DisclosureRow): Disclosure => ({ ...toSummary(r), content: r.content });

export async function listDisclosures(db: Db, scope: AreaScope, query: DisclosuresListQuery) {
  const { rows, total } = await listDisclosureRows(
    db,
    scope,
    { villageCode: query.villageCode, category: query.category, year: query.year },
    { limit: query.limit, offset: query.offset },
  );
  return { items: rows.map(toSummary), total };
}

export async function getDisclosure(db: Db, scope: AreaScope, id: string): Promise<Disclosure> {
  const row = await findDisclosure(db, scope, id);
  if (!row) throw notFound();
  return toDisclosure(row);
}

const cadenceOf = (row: { finance_cadence: FinanceCadence | null } | undefined): FinanceCadence =>
  row?.finance_cadence ?? 'monthly';

/**
 * Publishes a village's disclosure for a period: the period must have the shape its category
 * takes in the village (a quarter for general affairs, a month or a quarter for finances, a day
 * for a major matter) and have begun. Its due date is fixed now, and whether it came on time.
 */
export async function publishDisclosure(db: Db, ctx: AreaContext, input: DisclosurePublishBody) {
  const body = DisclosurePublishBody.parse(input);
  if (body.id) {
    const existing = await findDisclosure(db, ctx.scope, body.id);
    if (existing) return toDisclosure(existing);
  }
  const village = await villageInScope(db, ctx.scope, body.villageCode);
  if (!village) throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  const schedules = await villagesWithSchedules(db, scopeOf({ code: village.code, kind: 'village' }));
  const settings = await disclosureSettings(db);
  const cadence = cadenceOf(schedules[0]);
  const shape = periodShape(body.period);
  const now = ctx.clock.now();
  if (shape !== expectedShape(body.category, cadence) || periodStart(body.period) > chinaDate(now)) {
    throw new AppError('DISCLOSURE_PERIOD_INVALID', { period: body.period });
  }
  const due = disclosureDueAt(body.period, settings);
  const id = body.id ?? newId();
  await insertDisclosure(db, {
    id,
    village_code: village.code,
    category: body.category,
    period: body.period,
    title: body.title,
    content: body.content,
    published_at: now.toISOString(),
    due_at: due.toISOString(),
    on_time: now.getTime() < due.getTime(),
    published_by: ctx.caller.id,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'disclosure.publish',
    objectType: 'disclosure',
    objectId: id,
    areaCode: village.code,
    after: { category: body.category, period: body.period, title: body.title },
  });
  return getDisclosure(db, ctx.scope, id);
}

/** A village's schedule for a year (the current China year unless asked), with its major matters. */
export async function villageSchedule(
  db: Db,
  ctx: Pick<AreaContext, 'scope' | 'clock'>,
  villageCode: string,
  year?: number,
): Promise<DisclosureSchedule> {
  const village = await villageInScope(db, ctx.scope, villageCode);
  if (!village) throw new AppError('AREA_UNKNOWN', { code: villageCode });
  const villageScope = scopeOf({ code: village.code, kind: 'village' });
  const now = ctx.clock.now();
  const y = year ?? chinaYear(now);
  const [schedules, settings, published, majors] = await Promise.all([
    villagesWithSchedules(db, villageScope),
    disclosureSettings(db),
    publishedInYears(db, villageScope, y, y),
    listDisclosureRows(db, villageScope, { category: 'major', year: y }, { limit: 200, offset: 0 }),
  ]);
  const row = schedules[0];
  const schedule = { cadence: cadenceOf(row), startsOn: row?.starts_on ?? null };
  return {
    villageCode: village.code,
    villageName: village.name,
    year: y,
    financeCadence: schedule.cadence,
    startsOn: schedule.startsOn,
    items: scheduleItems(y, schedule, settings, published, now),
    major: majors.rows.map(toSummary),
    version: row?.version ?? 0,
  };
}

/** Sets how often a village publishes its finances (quarterly only where the district allows it). */
export async function updateVillageSchedule(
  db: Db,
  ctx: AreaContext,
  villageCode: string,
  body: DisclosureScheduleUpdateBody,
): Promise<DisclosureSchedule> {
  const village = await villageInScope(db, ctx.scope, villageCode);
  if (!village) throw notFound();
  const settings = await disclosureSettings(db);
  if (body.financeCadence === 'quarterly' && !settings.financeQuarterlyAllowed) {
    throw new AppError('DISCLOSURE_CADENCE_NOT_ALLOWED');
  }
  const before = (await villagesWithSchedules(db, scopeOf({ code: village.code, kind: 'village' })))[0];
  const saved = await saveSchedule(
    db,
    { village_code: village.code, finance_cadence: body.financeCadence, starts_on: body.startsOn },
    body.version,
    ctx.caller.id,
    ctx.clock.now().toISOString(),
  );
  if (!saved) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'disclosure_schedule.update',
    objectType: 'area',
    objectId: village.code,
    areaCode: village.code,
    before: { financeCadence: cadenceOf(before), startsOn: before?.starts_on ?? null },
    after: { financeCadence: body.financeCadence, startsOn: body.startsOn },
  });
  return villageSchedule(db, ctx, village.code);
}

/** The villages of `scope` on the schedule, with their scheduled items of the years `from`–`to`, at `now`. */
export async function schedulesInScope(db: Db, scope: AreaScope, from: number, to: number, now: Date) {
  const [villages, settings, published] = await Promise.all([
    villagesWithSchedules(db, scope),
    disclosureSettings(db),
    publishedInYears(db, scope, from, to),
  ]);
  const byVillage = new Map<string, typeof published>();
  for (const p of published) byVillage.set(p.village_code, [...(byVillage.get(p.village_code) ?? []), p]);
  // A village counts in the town's figures once its schedule is set or it has published here: a
  // village not using the platform yet is not reported late for every period since the law began.
  const onSchedule = villages.filter((v) => v.version !== null || byVillage.has(v.code));
  return onSchedule.map((v: VillageScheduleRow) => {
    const schedule = { cadence: cadenceOf(v), startsOn: v.starts_on };
    const mine = byVillage.get(v.code) ?? [];
    const items = [];
    for (let year = from; year <= to; year++)
      items.push(...scheduleItems(year, schedule, settings, mine, now));
    return { code: v.code, name: v.name, items, published: mine };
  });
}

/** The scheduled disclosures of this year and the last that are past due and unpublished, in `scope`. */
export async function lateDisclosures(db: Db, scope: AreaScope, now: Date): Promise<LateDisclosure[]> {
  const year = chinaYear(now);
  const villages = await schedulesInScope(db, scope, year - 1, year, now);
  return villages
    .flatMap((v) =>
      v.items
        .filter((i) => i.state === 'overdue')
        .map((i) => ({
          villageCode: v.code,
          villageName: v.name,
          category: i.category,
          period: i.period,
          dueAt: i.dueAt,
          daysLate: daysLate(i.dueAt, now),
        })),
    )
    .sort((a, b) => b.daysLate - a.daysLate || a.villageCode.localeCompare(b.villageCode));
}
