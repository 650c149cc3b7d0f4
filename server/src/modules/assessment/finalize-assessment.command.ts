import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import type { RequestContext } from '../../platform/request-context';
import { findYear, lockYear } from './assessment.repository';
import { editable } from './assessment.service';

/**
 * Finalizes a year's assessment in the caller's transaction: the year's scores must have been
 * computed, the year is locked (from then on nothing about it changes) and the finalization is
 * audited, all committed together or not at all. A year not computed answers
 * `ASSESSMENT_NOT_COMPUTED`; one already finalized (also by a concurrent finalization)
 * `ASSESSMENT_FINALIZED`.
 */
export async function finalizeAssessment(
  ctx: Pick<RequestContext, 'clock' | 'actor'>,
  trx: Transaction<DB>,
  year: number,
): Promise<void> {
  const row = await findYear(trx, year);
  editable(row, year);
  if (!row?.computed_at) throw new AppError('ASSESSMENT_NOT_COMPUTED', { year });
  const locked = await lockYear(trx, year, ctx.actor.id, ctx.clock.now().toISOString());
  if (!locked) throw new AppError('ASSESSMENT_FINALIZED', { year });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'assessment.finalize',
    objectType: 'assessment',
    objectId: String(year),
  });
}
