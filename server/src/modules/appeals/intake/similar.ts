import type { SimilarAppeal } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError } from '../../../platform/errors';
import type { AreaContext } from '../../../platform/request-context';
import { codeInScope } from '../../../platform/scope';
import { HOUR } from '../lifecycle';
import { similarCandidates } from './intake.repository';
import { bigrams, dice } from './similarity';

/** Open appeals of the same village and category in the last 30 days that read alike. */
export async function similarAppeals(
  db: Db,
  ctx: Pick<AreaContext, 'clock' | 'scope'>,
  query: { villageCode: string; categoryCode: string; text: string; excludeId?: string | undefined },
): Promise<SimilarAppeal[]> {
  if (!codeInScope(query.villageCode, ctx.scope))
    throw new AppError('AREA_UNKNOWN', { code: query.villageCode });
  const since = new Date(ctx.clock.now().getTime() - 30 * 24 * HOUR).toISOString();
  const candidates = await similarCandidates(
    db,
    query.villageCode,
    query.categoryCode,
    since,
    query.excludeId,
  );
  const wanted = bigrams(query.text);
  return candidates
    .map((c) => ({
      id: c.id,
      trackingCode: c.tracking_code,
      title: c.title,
      status: c.status,
      receivedAt: c.received_at,
      similarity: Math.round(dice(wanted, bigrams(`${c.title}${c.description}`)) * 1000) / 1000,
    }))
    .filter((c) => c.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}
