import { chinaDate, type Visit, type VisitCreateBody } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../../platform/images';
import type { AreaContext } from '../../../platform/request-context';
import { codeInScope, scopeOf } from '../../../platform/scope';
import { cadresByIds } from '../cadres.repository';
import {
  insertVisit,
  insertVisitPhoto,
  latestVisits,
  type VisitFilter,
  type VisitRow,
  visitKey,
  visitParts,
  visitPhoto,
  visitRow,
} from './visits.repository';

const PHOTOS_PER_VISIT = 5;

async function toVisits(db: Db, rows: VisitRow[]): Promise<Visit[]> {
  if (rows.length === 0) return [];
  const { cadres, photos, appeals } = await visitParts(
    db,
    rows.map((r) => r.id),
  );
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
  const row = await visitRow(db, ctx.scope, id);
  const [visit] = await toVisits(db, row ? [row] : []);
  if (!visit) throw notFound();
  return visit;
}

export async function listVisits(db: Db, ctx: AreaContext, query: VisitFilter): Promise<Visit[]> {
  return toVisits(db, await latestVisits(db, ctx.scope, query));
}

/**
 * The visit already stored under the client's UUID, when this is a retry or a re-sync of it; a
 * UUID reused for a different visit is refused.
 */
export async function visitStoredAs(
  db: Db,
  ctx: Pick<AreaContext, 'scope' | 'caller'>,
  body: VisitCreateBody,
): Promise<Visit | null> {
  const existing = await visitKey(db, body.id);
  if (!existing) return null;
  const same =
    existing.created_by === ctx.caller.id &&
    existing.household_id === body.householdId &&
    existing.date === body.date &&
    existing.findings === body.findings;
  if (!same) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return getVisit(db, ctx, body.id);
}

/** Other cadres on a visit: active helpers whose area covers the village. */
async function checkCompanions(db: Db, villageCode: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const users = await cadresByIds(db, ids);
  const ok =
    users.length === new Set(ids).size &&
    users.every(
      (u) =>
        u.disabled_at === null && codeInScope(villageCode, scopeOf({ code: u.area_code, kind: u.area_kind })),
    );
  if (!ok) throw new AppError('PAIRING_OUTSIDE_AREA');
}

/** Where a visit took place: the household's village and area, or a village itself. */
export interface VisitPlace {
  villageCode: string;
  areaCode: string;
  /** The China calendar day the household was registered: no visit to it before then. */
  registered: string | null;
}

/**
 * Stores a new visit with the cadres on it (the caller and companions from the village's area),
 * on a day between the household's registration and today. Returns how many cadres were on it.
 */
export async function storeVisit(
  db: Db,
  ctx: Pick<AreaContext, 'caller' | 'clock'>,
  body: VisitCreateBody,
  place: VisitPlace,
): Promise<number> {
  const today = chinaDate(ctx.clock.now());
  if (body.date > today || (place.registered !== null && body.date < place.registered)) {
    throw new AppError('VISIT_DATE_INVALID', { today });
  }
  const companions = [...new Set(body.companionIds)].filter((id) => id !== ctx.caller.id);
  await checkCompanions(db, place.villageCode, companions);
  await insertVisit(
    db,
    {
      id: body.id,
      household_id: body.householdId,
      village_code: place.villageCode,
      area_code: place.areaCode,
      date: body.date,
      kind: body.kind,
      findings: body.findings,
      needs: JSON.stringify([...new Set(body.needs)]),
      latitude: body.latitude,
      longitude: body.longitude,
      created_by: ctx.caller.id,
      created_at: ctx.clock.now().toISOString(),
    },
    [ctx.caller.id, ...companions],
  );
  return 1 + companions.length;
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
  await insertVisitPhoto(db, {
    id: newId(),
    visit_id: visitId,
    content_type: contentType,
    size: clean.length,
    content: clean,
    created_at: ctx.clock.now().toISOString(),
  });
  return getVisit(db, ctx, visitId);
}

export async function readVisitPhoto(db: Db, ctx: AreaContext, visitId: string, photoId: string) {
  await getVisit(db, ctx, visitId);
  const photo = await visitPhoto(db, visitId, photoId);
  if (!photo) throw notFound();
  return photo;
}
