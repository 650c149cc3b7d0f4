import { createHash, randomBytes } from 'node:crypto';
import {
  chinaDate,
  type HelperRatings,
  type HelpMeasure,
  hasPermission,
  type Visit,
  type VisitCreateBody,
  type Worklist,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../platform/images';
import type { AreaContext } from '../../platform/request-context';
import { codeInScope, inScope, scopeOf } from '../../platform/scope';
import { createAppeal } from '../appeals';
import { findArea } from '../areas';
import { findHousehold, putIndicators } from '../households';
import { helperRoles, lastVisit, measureRows, visitRows } from './assistance.repository';
import { assistanceSettings, dueState, pairingInScope } from './pairings.service';

const PHOTOS_PER_VISIT = 5;

async function toVisits(
  db: Db,
  rows: Awaited<ReturnType<ReturnType<typeof visitRows>['execute']>>,
): Promise<Visit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [cadres, photos, appeals] = await Promise.all([
    db
      .selectFrom('visit_cadres')
      .innerJoin('users', 'users.id', 'visit_cadres.cadre_id')
      .select(['visit_cadres.visit_id', 'users.id', 'users.name'])
      .where('visit_cadres.visit_id', 'in', ids)
      .execute(),
    db
      .selectFrom('visit_photos')
      .select(['visit_id', 'id', 'size', 'content_type'])
      .where('visit_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('visit_appeals').select(['visit_id', 'appeal_id']).where('visit_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdNumber: r.household_number,
    villageCode: r.village_code,
    villageName: r.village_name,
    date: r.date,
    kind: r.kind,
    findings: r.findings,
    needs: JSON.parse(r.needs) as Visit['needs'],
    cadres: cadres.filter((c) => c.visit_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    latitude: r.latitude,
    longitude: r.longitude,
    photos: photos
      .filter((p) => p.visit_id === r.id)
      .map((p) => ({ id: p.id, size: p.size, contentType: p.content_type })),
    appealIds: appeals.filter((a) => a.visit_id === r.id).map((a) => a.appeal_id),
    createdAt: r.created_at,
  }));
}

export async function getVisit(db: Db, ctx: Pick<AreaContext, 'scope'>, id: string): Promise<Visit> {
  const [visit] = await toVisits(db, await visitRows(db, ctx.scope).where('visits.id', '=', id).execute());
  if (!visit) throw notFound();
  return visit;
}

export async function listVisits(
  db: Db,
  ctx: AreaContext,
  query: {
    householdId?: string | undefined;
    villageCode?: string | undefined;
    cadreId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
): Promise<Visit[]> {
  const rows = await visitRows(db, ctx.scope)
    .$if(query.householdId !== undefined, (qb) =>
      qb.where('visits.household_id', '=', query.householdId ?? ''),
    )
    .$if(query.villageCode !== undefined, (qb) =>
      qb.where('visits.village_code', '=', query.villageCode ?? ''),
    )
    .$if(query.cadreId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('visit_cadres')
            .select('visit_cadres.visit_id')
            .whereRef('visit_cadres.visit_id', '=', 'visits.id')
            .where('visit_cadres.cadre_id', '=', query.cadreId ?? ''),
        ),
      ),
    )
    .$if(query.from !== undefined, (qb) => qb.where('visits.date', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (qb) => qb.where('visits.date', '<=', query.to ?? ''))
    .orderBy('visits.date', 'desc')
    .orderBy('visits.created_at', 'desc')
    .limit(query.limit)
    .execute();
  return toVisits(db, rows);
}

/** Other cadres on a visit: active helpers whose area covers the village. */
async function checkCompanions(db: Db, villageCode: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const users = await db
    .selectFrom('users')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .select(['users.id', 'users.area_code', 'areas.kind', 'users.disabled_at'])
    .where('users.id', 'in', ids)
    .where('users.role', 'in', helperRoles)
    .execute();
  const ok =
    users.length === new Set(ids).size &&
    users.every(
      (u) => u.disabled_at === null && codeInScope(villageCode, scopeOf({ code: u.area_code, kind: u.kind })),
    );
  if (!ok) throw new AppError('PAIRING_OUTSIDE_AREA');
}

/**
 * Records a visit (走访) with everything it brings: the cadres on it, the household's new figures
 * (which may re-tier it), help given on the spot, and matters handed to the appeals module as
 * appeals. The client's UUID makes a retried or re-synced visit count once.
 */
export async function createVisit(
  db: Db,
  ctx: AreaContext,
  body: VisitCreateBody,
): Promise<{ visit: Visit; created: boolean }> {
  const existing = await db
    .selectFrom('visits')
    .select(['id', 'created_by', 'household_id', 'date', 'findings'])
    .where('id', '=', body.id)
    .executeTakeFirst();
  if (existing) {
    const same =
      existing.created_by === ctx.caller.id &&
      existing.household_id === body.householdId &&
      existing.date === body.date &&
      existing.findings === body.findings;
    if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { visit: await getVisit(db, ctx, body.id), created: false };
  }
  const today = chinaDate(ctx.clock.now());
  let villageCode: string;
  let areaCode: string;
  let registered: string | null = null;
  if (body.householdId) {
    const household = await findHousehold(db, ctx.scope, body.householdId);
    if (!household) throw notFound();
    villageCode = household.village_code;
    areaCode = household.area_code;
    registered = chinaDate(new Date(household.created_at));
  } else {
    const village = await findArea(db, ctx.scope, body.villageCode ?? '');
    if (village?.kind !== 'village') throw new AppError('AREA_UNKNOWN', { code: body.villageCode ?? '' });
    villageCode = village.code;
    areaCode = village.code;
  }
  if (body.date > today || (registered !== null && body.date < registered)) {
    throw new AppError('VISIT_DATE_INVALID', { today });
  }
  const companions = [...new Set(body.companionIds)].filter((id) => id !== ctx.caller.id);
  await checkCompanions(db, villageCode, companions);
  const now = ctx.clock.now().toISOString();
  await db
    .insertInto('visits')
    .values({
      id: body.id,
      household_id: body.householdId,
      village_code: villageCode,
      area_code: areaCode,
      date: body.date,
      kind: body.kind,
      findings: body.findings,
      needs: JSON.stringify([...new Set(body.needs)]),
      latitude: body.latitude,
      longitude: body.longitude,
      created_by: ctx.caller.id,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('visit_cadres')
    .values(
      [ctx.caller.id, ...companions].map((cadre_id) => ({
        visit_id: body.id,
        cadre_id,
        date: body.date,
        village_code: villageCode,
      })),
    )
    .execute();
  if (body.householdId) {
    if (body.indicators) {
      const { year, ...figures } = body.indicators;
      await putIndicators(db, ctx, body.householdId, year, figures);
    }
    for (const measure of body.measuresDone) {
      await db
        .insertInto('help_measures')
        .values({
          id: newId(),
          household_id: body.householdId,
          cadre_id: ctx.caller.id,
          area_code: areaCode,
          kind: measure.kind,
          status: 'done',
          description: '',
          outcome: measure.outcome,
          start_date: body.date,
          finished_at: now,
          visit_id: body.id,
          created_at: now,
          version: 1,
          updated_at: now,
        })
        .execute();
    }
  }
  if (body.appeals.length > 0 && hasPermission(ctx.caller.role, 'appeals.create')) {
    const head = body.householdId
      ? await db
          .selectFrom('households')
          .select('head_resident_id')
          .where('id', '=', body.householdId)
          .executeTakeFirst()
      : undefined;
    for (const appeal of body.appeals) {
      const created = await createAppeal(
        db,
        ctx,
        {
          channel: 'visit',
          categoryCode: appeal.categoryCode,
          villageCode,
          address: '',
          latitude: body.latitude,
          longitude: body.longitude,
          title: appeal.title,
          description: appeal.description,
          reporterKind: head?.head_resident_id ? 'resident' : 'anonymous',
          reporterResidentId: head?.head_resident_id ?? null,
          householdId: body.householdId,
          reporterName: null,
          reporterPhone: null,
        },
        { createdBy: ctx.caller.id, ipHash: null },
      );
      await db.insertInto('visit_appeals').values({ visit_id: body.id, appeal_id: created.id }).execute();
    }
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'visit.create',
    objectType: body.householdId ? 'household' : 'area',
    objectId: body.householdId ?? villageCode,
    areaCode,
    after: { visit: body.id, date: body.date, kind: body.kind, cadres: 1 + companions.length },
  });
  return { visit: await getVisit(db, ctx, body.id), created: true };
}

export async function addVisitPhoto(
  db: Db,
  ctx: AreaContext,
  visitId: string,
  contentType: AttachmentContentType,
  content: Buffer,
) {
  const visit = await getVisit(db, ctx, visitId);
  if (contentType === 'application/pdf') throw new AppError('ATTACHMENT_TYPE_INVALID');
  if (visit.photos.length >= PHOTOS_PER_VISIT)
    throw new AppError('ATTACHMENT_LIMIT', { max: PHOTOS_PER_VISIT });
  const clean = cleanAttachment(content, contentType);
  const id = newId();
  await db
    .insertInto('visit_photos')
    .values({
      id,
      visit_id: visitId,
      content_type: contentType,
      size: clean.length,
      content: clean,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return getVisit(db, ctx, visitId);
}

export async function readVisitPhoto(db: Db, ctx: AreaContext, visitId: string, photoId: string) {
  await getVisit(db, ctx, visitId);
  const photo = await db
    .selectFrom('visit_photos')
    .select(['content_type', 'content'])
    .where('visit_id', '=', visitId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  if (!photo) throw notFound();
  return photo;
}

/** A cadre's households, who is due and who is overdue, and their village days this month. */
export async function worklist(db: Db, ctx: AreaContext, cadreId: string): Promise<Worklist> {
  const settings = await assistanceSettings(db);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const [rows, days] = await Promise.all([
    db
      .selectFrom('pairings')
      .innerJoin('households', 'households.id', 'pairings.household_id')
      .innerJoin('areas as village', 'village.code', 'pairings.village_code')
      .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
      .select([
        'pairings.id',
        'pairings.household_id',
        'pairings.start_date',
        'households.number',
        'households.address',
        'households.phone',
        'households.tier',
        'head.name as head_name',
        'village.name as village_name',
        lastVisit,
      ])
      .where('pairings.cadre_id', '=', cadreId)
      .where('pairings.status', '=', 'active')
      .execute(),
    db
      .selectFrom('visit_cadres')
      .select((eb) => eb.fn.count<number>('visit_cadres.date').distinct().as('n'))
      .where('cadre_id', '=', cadreId)
      .where('date', '>=', monthStart)
      .where('date', '<=', today)
      .executeTakeFirstOrThrow(),
  ]);
  const order = { overdue: 0, due: 1, ok: 2 } as const;
  const items = rows
    .map((r) => {
      const lastVisitDate = (r.last_visit as string | null) ?? null;
      const { dueDate, state } = dueState(r.tier, lastVisitDate, r.start_date, today, settings);
      return {
        pairingId: r.id,
        householdId: r.household_id,
        householdNumber: r.number,
        headName: r.head_name,
        address: r.address,
        phone: r.phone,
        villageName: r.village_name,
        tier: r.tier,
        lastVisitDate,
        dueDate,
        state,
      };
    })
    .sort((a, b) => order[a.state] - order[b.state] || a.dueDate.localeCompare(b.dueDate));
  return {
    items,
    overdue: items.filter((i) => i.state === 'overdue').length,
    due: items.filter((i) => i.state === 'due').length,
    villageDaysThisMonth: Number(days.n),
    villageDaysRequired: settings.villageDaysPerMonth,
  };
}

/** Whose worklist the caller may read: their own, or, with the pairing permission, a cadre in scope. */
export async function worklistFor(db: Db, ctx: AreaContext, cadreId: string | undefined): Promise<Worklist> {
  if (!cadreId || cadreId === ctx.caller.id) return worklist(db, ctx, ctx.caller.id);
  if (!hasPermission(ctx.caller.role, 'assistance.pair')) throw new AppError('FORBIDDEN');
  const cadre = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', cadreId)
    .where((eb) => inScope(eb, 'area_code', ctx.scope))
    .executeTakeFirst();
  if (!cadre) throw notFound();
  return worklist(db, ctx, cadreId);
}

// ---- help measures ---------------------------------------------------------------------------

function toMeasure(r: Awaited<ReturnType<ReturnType<typeof measureRows>['execute']>>[number]): HelpMeasure {
  return {
    id: r.id,
    householdId: r.household_id,
    householdNumber: r.household_number,
    cadreId: r.cadre_id,
    cadreName: r.cadre_name,
    kind: r.kind as HelpMeasure['kind'],
    status: r.status,
    description: r.description,
    outcome: r.outcome,
    startDate: r.start_date,
    finishedAt: r.finished_at,
    visitId: r.visit_id,
    version: r.version,
  };
}

export async function listMeasures(
  db: Db,
  ctx: AreaContext,
  query: { householdId?: string | undefined; cadreId?: string | undefined; limit: number },
): Promise<HelpMeasure[]> {
  const rows = await measureRows(db, ctx.scope)
    .$if(query.householdId !== undefined, (qb) =>
      qb.where('help_measures.household_id', '=', query.householdId ?? ''),
    )
    .$if(query.cadreId !== undefined, (qb) => qb.where('help_measures.cadre_id', '=', query.cadreId ?? ''))
    .orderBy('help_measures.created_at', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toMeasure);
}

async function measureInScope(db: Db, ctx: AreaContext, id: string): Promise<HelpMeasure> {
  const row = await measureRows(db, ctx.scope).where('help_measures.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toMeasure(row);
}

export async function createMeasure(
  db: Db,
  ctx: AreaContext,
  body: {
    householdId: string;
    kind: string;
    status: HelpMeasure['status'];
    description: string;
    startDate: string | null;
  },
): Promise<HelpMeasure> {
  const household = await findHousehold(db, ctx.scope, body.householdId);
  if (!household) throw notFound();
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const finished = body.status === 'done' || body.status === 'failed';
  await db
    .insertInto('help_measures')
    .values({
      id,
      household_id: household.id,
      cadre_id: ctx.caller.id,
      area_code: household.area_code,
      kind: body.kind,
      status: body.status,
      description: body.description,
      outcome: '',
      start_date: body.startDate,
      finished_at: finished ? now : null,
      visit_id: null,
      created_at: now,
      version: 1,
      updated_at: now,
    })
    .execute();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'help_measure.create',
    objectType: 'household',
    objectId: household.id,
    areaCode: household.area_code,
    after: { kind: body.kind, status: body.status },
  });
  return measureInScope(db, ctx, id);
}

/** Moves a measure on; a completed one may bring the household's new figures (and so its tier). */
export async function updateMeasure(
  db: Db,
  ctx: AreaContext,
  id: string,
  body: {
    version: number;
    status: HelpMeasure['status'];
    outcome: string;
    indicators: ({ year: number } & Parameters<typeof putIndicators>[4]) | null;
  },
): Promise<HelpMeasure> {
  const measure = await measureInScope(db, ctx, id);
  const now = ctx.clock.now().toISOString();
  const finished = body.status === 'done' || body.status === 'failed';
  const result = await db
    .updateTable('help_measures')
    .set({
      status: body.status,
      outcome: body.outcome,
      finished_at: finished ? (measure.finishedAt ?? now) : null,
      version: body.version + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', body.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  if (body.indicators && body.status === 'done') {
    const { year, ...figures } = body.indicators;
    await putIndicators(db, ctx, measure.householdId, year, figures);
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'help_measure.update',
    objectType: 'household',
    objectId: measure.householdId,
    after: { measure: id, status: body.status },
  });
  return measureInScope(db, ctx, id);
}

// ---- residents rate their helper ----------------------------------------------------------------

const LINK_DAYS = 30;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A rating at callback, by someone other than the helper; stored without the name of who asked. */
export async function rateHelper(
  db: Db,
  ctx: AreaContext,
  pairingId: string,
  body: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment: string },
): Promise<void> {
  const pairing = await pairingInScope(db, ctx, pairingId);
  if (pairing.cadreId === ctx.caller.id) throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  await db
    .insertInto('helper_ratings')
    .values({
      id: newId(),
      pairing_id: pairing.id,
      cadre_id: pairing.cadreId,
      rating: body.rating,
      comment: body.comment,
      via: 'callback',
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** A one-time link the household opens to rate its helper (30 days). Only its hash is kept. */
export async function createRatingLink(db: Db, ctx: AreaContext, pairingId: string) {
  const pairing = await pairingInScope(db, ctx, pairingId);
  // The helper does not hand out the link that rates them.
  if (pairing.cadreId === ctx.caller.id) throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + LINK_DAYS * 86_400_000).toISOString();
  await db
    .insertInto('rating_links')
    .values({
      token_hash: tokenHash(token),
      pairing_id: pairing.id,
      expires_at: expiresAt,
      created_by: ctx.caller.id,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return { token, url: `/public/rate/${token}`, expiresAt };
}

async function linkOf(db: Db, token: string) {
  return db
    .selectFrom('rating_links')
    .innerJoin('pairings', 'pairings.id', 'rating_links.pairing_id')
    .innerJoin('users', 'users.id', 'pairings.cadre_id')
    .innerJoin('areas', 'areas.code', 'pairings.village_code')
    .select([
      'rating_links.token_hash',
      'rating_links.expires_at',
      'rating_links.used_at',
      'pairings.id as pairing_id',
      'pairings.cadre_id',
      'users.name as cadre_name',
      'areas.name as village_name',
    ])
    .where('rating_links.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
}

export async function ratingLinkView(db: Db, clock: AreaContext['clock'], token: string) {
  const link = await linkOf(db, token);
  if (!link) throw new AppError('RATING_LINK_INVALID');
  return {
    cadreName: link.cadre_name,
    villageName: link.village_name,
    used: link.used_at !== null,
    expired: link.expires_at < clock.now().toISOString(),
  };
}

/** The household rates through its link, once. */
export async function rateByLink(
  db: Db,
  clock: AreaContext['clock'],
  token: string,
  body: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; comment: string },
): Promise<void> {
  const link = await linkOf(db, token);
  const now = clock.now().toISOString();
  if (!link || link.used_at !== null || link.expires_at < now) throw new AppError('RATING_LINK_INVALID');
  const used = await db
    .updateTable('rating_links')
    .set({ used_at: now })
    .where('token_hash', '=', link.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('RATING_LINK_INVALID');
  await db
    .insertInto('helper_ratings')
    .values({
      id: newId(),
      pairing_id: link.pairing_id,
      cadre_id: link.cadre_id,
      rating: body.rating,
      comment: body.comment,
      via: 'link',
      created_at: now,
    })
    .execute();
}

/** A cadre's ratings as counts, for the cadre and those over them: nobody sees who rated what. */
export async function helperRatings(db: Db, ctx: AreaContext, cadreId: string): Promise<HelperRatings> {
  if (cadreId !== ctx.caller.id) {
    const cadre = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', cadreId)
      .where((eb) => inScope(eb, 'area_code', ctx.scope))
      .executeTakeFirst();
    if (!cadre) throw notFound();
  }
  const rows = await db
    .selectFrom('helper_ratings')
    .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cadre_id', '=', cadreId)
    .groupBy('rating')
    .execute();
  const count = (rating: string) => Number(rows.find((r) => r.rating === rating)?.n ?? 0);
  const satisfied = count('satisfied');
  const basicallySatisfied = count('basically_satisfied');
  const unsatisfied = count('unsatisfied');
  const rated = satisfied + basicallySatisfied + unsatisfied;
  return {
    cadreId,
    satisfied,
    basicallySatisfied,
    unsatisfied,
    rated,
    rate: rated === 0 ? null : (satisfied + basicallySatisfied) / rated,
  };
}
