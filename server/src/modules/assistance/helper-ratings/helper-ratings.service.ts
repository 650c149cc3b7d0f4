import { createHash, randomBytes } from 'node:crypto';
import type { HelperRatings } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { AreaContext } from '../../../platform/request-context';
import { accountInScope } from '../cadres.repository';
import { pairingInScope } from '../pairings/pairings.service';
import {
  insertHelperRating,
  insertRatingLink,
  ratingCounts,
  ratingLink,
  useRatingLink,
} from './helper-ratings.repository';

// Residents rate their helper: at a callback, or once through a link the household opens.

const LINK_DAYS = 30;

type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A rating at callback, by someone other than the helper; stored without the name of who asked. */
export async function rateHelper(
  db: Db,
  ctx: AreaContext,
  pairingId: string,
  body: { rating: Rating; comment: string },
): Promise<void> {
  const pairing = await pairingInScope(db, ctx, pairingId);
  if (pairing.cadreId === ctx.caller.id) throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  await insertHelperRating(db, {
    id: newId(),
    pairing_id: pairing.id,
    cadre_id: pairing.cadreId,
    rating: body.rating,
    comment: body.comment,
    via: 'callback',
    created_at: ctx.clock.now().toISOString(),
  });
}

/** A one-time link the household opens to rate its helper (30 days). Only its hash is kept. */
export async function createRatingLink(db: Db, ctx: AreaContext, pairingId: string) {
  const pairing = await pairingInScope(db, ctx, pairingId);
  // The helper does not hand out the link that rates them.
  if (pairing.cadreId === ctx.caller.id) throw new AppError('APPEAL_CALLBACK_BY_HANDLER');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + LINK_DAYS * 86_400_000).toISOString();
  await insertRatingLink(db, {
    token_hash: tokenHash(token),
    pairing_id: pairing.id,
    expires_at: expiresAt,
    created_by: ctx.caller.id,
    created_at: ctx.clock.now().toISOString(),
  });
  return { token, url: `/public/rate/${token}`, expiresAt };
}

export async function ratingLinkView(db: Db, clock: AreaContext['clock'], token: string) {
  const link = await ratingLink(db, tokenHash(token));
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
  body: { rating: Rating; comment: string },
): Promise<void> {
  const link = await ratingLink(db, tokenHash(token));
  const now = clock.now().toISOString();
  if (!link || link.used_at !== null || link.expires_at < now) throw new AppError('RATING_LINK_INVALID');
  if (!(await useRatingLink(db, link.token_hash, now))) throw new AppError('RATING_LINK_INVALID');
  await insertHelperRating(db, {
    id: newId(),
    pairing_id: link.pairing_id,
    cadre_id: link.cadre_id,
    rating: body.rating,
    comment: body.comment,
    via: 'link',
    created_at: now,
  });
}

/** A cadre's ratings as counts, for the cadre and those over them: nobody sees who rated what. */
export async function helperRatings(db: Db, ctx: AreaContext, cadreId: string): Promise<HelperRatings> {
  if (cadreId !== ctx.caller.id && !(await accountInScope(db, cadreId, ctx.scope))) throw notFound();
  const counts = await ratingCounts(db, cadreId);
  const satisfied = counts.get('satisfied') ?? 0;
  const basicallySatisfied = counts.get('basically_satisfied') ?? 0;
  const unsatisfied = counts.get('unsatisfied') ?? 0;
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
