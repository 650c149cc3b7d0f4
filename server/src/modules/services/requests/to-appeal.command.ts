import type { ProxyAppealBody, ProxyAppealResponse } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import type { RequestContext } from '../../../platform/request-context';
import { submitAppeal } from '../../appeals';
import { insertEvent, updateRequest } from './request-writes.repository';
import { allows } from './requests.model';
import { findRequest } from './requests.repository';

/**
 * A request that reveals a problem becomes an appeal in one step: through the appeals face's
 * `submitAppeal` (source proxy_request, made once per request), the resident as its reporter, the
 * request linked to it and its timeline saying so. Runs in the caller's transaction.
 */
export async function requestToAppeal(
  trx: Db,
  ctx: Pick<RequestContext, 'scope' | 'clock' | 'actor' | 'secrets'>,
  id: string,
  body: ProxyAppealBody,
): Promise<ProxyAppealResponse> {
  const row = await findRequest(trx, ctx.scope, id);
  if (!row) throw notFound();
  if (!allows('appeal', row.status)) throw new AppError('PROXY_STATE_INVALID');
  if (row.appeal_id !== null && row.version !== body.version) throw new AppError('VERSION_CONFLICT');
  const appeal = await submitAppeal(trx, ctx, {
    appeal: {
      channel: 'visit',
      categoryCode: body.categoryCode,
      villageCode: row.area_code.slice(0, 12),
      address: '',
      latitude: null,
      longitude: null,
      title: body.title,
      description: body.description,
      reporterKind: 'person',
      reporterResidentId: null,
      householdId: null,
      reporterName: row.applicant_name,
      reporterPhone: ctx.secrets.decrypt(row.phone_enc),
    },
    source: { kind: 'proxy_request', id: row.id },
    createdBy: ctx.actor.id,
  });
  if (appeal.created) {
    const at = ctx.clock.now().toISOString();
    const ok = await updateRequest(trx, row.id, body.version, { appeal_id: appeal.id, updated_at: at });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    await insertEvent(trx, {
      requestId: row.id,
      kind: 'appealed',
      note: appeal.trackingCode,
      data: { appealId: appeal.id },
      at,
      by: ctx.actor.id,
    });
    await recordAudit(trx, ctx.clock, ctx.actor, {
      action: 'proxy_request.appeal',
      objectType: 'proxy_request',
      objectId: row.id,
      areaCode: row.area_code,
      after: { appealId: appeal.id },
    });
  }
  return { appealId: appeal.id, trackingCode: appeal.trackingCode };
}
