import type {
  Warning,
  WarningCloseBody,
  WarningDetail,
  WarningHandleBody,
  WarningStatus,
  WarningsListQuery,
  WarningsPage,
  WarningsSummary,
  WarningsSummaryQuery,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import type { AreaContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import {
  accountNames,
  areasByCode,
  childAreas,
  findWarning,
  listWarningRows,
  updateWarningState,
  type WarningRow,
  warningEvidence,
  warningsRaisedIn,
} from './warnings.repository';

const DAY = 86_400_000;

const statusNames: Record<WarningStatus, string> = {
  open: '待签收',
  acknowledged: '已签收',
  handled: '已处置',
  closed: '已关闭',
};

async function toWarnings(db: Db, rows: WarningRow[]): Promise<Warning[]> {
  const areas = new Map(
    (
      await areasByCode(
        db,
        rows.map((r) => r.area_code),
      )
    ).map((a) => [a.code, a.name]),
  );
  const people = await accountNames(db, [
    ...new Set(
      rows
        .flatMap((r) => [r.acknowledged_by, r.handled_by, r.closed_by])
        .filter((x): x is string => x !== null),
    ),
  ]);
  const name = (id: string | null) => (id === null ? null : (people.get(id) ?? null));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    status: r.status,
    areaCode: r.area_code,
    areaName: areas.get(r.area_code) ?? r.area_code,
    townCode: r.town_code,
    categoryCode: r.category_code,
    summary: r.summary,
    words: JSON.parse(r.words) as string[],
    appealCount: r.appeal_count,
    householdCount: r.household_count,
    firstAt: r.first_at,
    lastAt: r.last_at,
    raisedAt: r.raised_at,
    updatedAt: r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: name(r.acknowledged_by),
    handledAt: r.handled_at,
    handledBy: name(r.handled_by),
    note: r.note,
    actions: JSON.parse(r.actions) as string[],
    closedAt: r.closed_at,
    closedBy: name(r.closed_by),
    version: r.version,
  }));
}

export async function listWarnings(
  db: Db,
  scope: AreaScope,
  query: WarningsListQuery,
): Promise<WarningsPage> {
  const { rows, total } = await listWarningRows(db, scope, query);
  return { items: await toWarnings(db, rows), total };
}

/** A warning of the caller's area with the appeals it stands on; outside the area it does not exist. */
export async function getWarning(db: Db, scope: AreaScope, id: string): Promise<WarningDetail> {
  const row = await findWarning(db, scope, id);
  if (!row) throw notFound();
  const [warning] = await toWarnings(db, [row]);
  const evidence = await warningEvidence(db, id);
  return {
    ...(warning as Warning),
    evidence: evidence.map((a) => ({
      id: a.id,
      trackingCode: a.tracking_code,
      title: a.title,
      villageCode: a.village_code,
      categoryCode: a.category_code,
      status: a.status,
      receivedAt: a.received_at,
    })),
  };
}

type Step = 'acknowledge' | 'handle' | 'close';

/** From which statuses each step may be taken: handling again adds to the record. */
const allowedFrom: Record<Step, readonly WarningStatus[]> = {
  acknowledge: ['open'],
  handle: ['open', 'acknowledged', 'handled'],
  close: ['handled'],
};
const stepNames: Record<Step, string> = { acknowledge: '签收', handle: '处置', close: '关闭' };

/** Acknowledges (签收), handles (处置: a note and the actions taken) or closes a warning. */
export async function moveWarning(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor' | 'caller' | 'scope'>,
  id: string,
  step: Step,
  body: { version: number } & Partial<Pick<WarningHandleBody, 'note' | 'actions'>> &
    Pick<WarningCloseBody, 'note'>,
): Promise<WarningDetail> {
  const row = await findWarning(trx, ctx.scope, id);
  if (!row) throw notFound();
  if (row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  if (!allowedFrom[step].includes(row.status))
    throw new AppError('WARNING_STATE_INVALID', { status: statusNames[row.status], action: stepNames[step] });
  const now = ctx.clock.now().toISOString();
  const by = ctx.caller.id;
  const change =
    step === 'acknowledge'
      ? { status: 'acknowledged' as const, acknowledged_at: now, acknowledged_by: by }
      : step === 'handle'
        ? {
            status: 'handled' as const,
            handled_at: now,
            handled_by: by,
            note: body.note ?? row.note,
            actions: JSON.stringify([...(JSON.parse(row.actions) as string[]), ...(body.actions ?? [])]),
            acknowledged_at: row.acknowledged_at ?? now,
            acknowledged_by: row.acknowledged_by ?? by,
          }
        : {
            status: 'closed' as const,
            closed_at: now,
            closed_by: by,
            note: body.note ? `${row.note ?? ''}\n${body.note}`.trim() : row.note,
          };
  if (!(await updateWarningState(trx, id, row.version, { ...change, updated_at: now })))
    throw new AppError('VERSION_CONFLICT');
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: `warning.${step}`,
    objectType: 'warning',
    objectId: id,
    areaCode: row.area_code,
    before: { status: row.status },
    after: { status: change.status },
  });
  return getWarning(trx, ctx.scope, id);
}

/** The area view (warnings per child area) and the trend (per China day and kind) of a period. */
export async function warningsSummary(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'scope'>,
  query: WarningsSummaryQuery,
): Promise<WarningsSummary> {
  // Up to now, inclusive: a warning raised this instant counts.
  const now = ctx.clock.now().getTime();
  const to = query.to ?? new Date(now + 1).toISOString();
  const from = query.from ?? new Date(now - 90 * DAY).toISOString();
  const rows = await warningsRaisedIn(db, ctx.scope, from, to);
  const children = await childAreas(db, ctx.scope.areaCode);
  // A district sees its towns, a town its villages; a village sees itself.
  const areas = children.length > 0 ? children : (await areasByCode(db, [ctx.scope.areaCode])).map((a) => a);
  const childOf = (row: { area_code: string; town_code: string }) =>
    areas.find((a) => a.code === row.area_code || a.code === row.town_code)?.code ?? null;
  const byArea = new Map(
    areas.map((a) => [a.code, { areaCode: a.code, name: a.name, total: 0, active: 0, high: 0 }]),
  );
  const trend = new Map<string, number>();
  for (const row of rows) {
    const entry = byArea.get(childOf(row) ?? '');
    if (entry) {
      entry.total++;
      if (row.status !== 'closed') entry.active++;
      if (row.severity === 'high') entry.high++;
    }
    // China days (UTC+8), as the rest of the console counts them.
    const day = new Date(Date.parse(row.raised_at) + 8 * 3_600_000).toISOString().slice(0, 10);
    trend.set(`${day}|${row.kind}`, (trend.get(`${day}|${row.kind}`) ?? 0) + 1);
  }
  return {
    areas: [...byArea.values()],
    trend: [...trend.entries()]
      .map(([key, count]) => {
        const [day, kind] = key.split('|') as [string, Warning['kind']];
        return { day, kind, count };
      })
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind < b.kind ? -1 : 1)),
  };
}
