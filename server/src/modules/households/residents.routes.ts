import { residentsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../platform/request-context';
import { route } from '../../platform/routes';
import { updateResident } from './household-edits.service';
import { answeringLookups } from './id-number-lookups.service';
import { revealIdNumber } from './residents.service';

/** `/residents`: one member of a household file. */
export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, residentsApi.update, { permission: 'households.manage' }, async (request) => {
    const ctx = areaContextOf(request);
    return answeringLookups(ctx, () =>
      withTransaction(ctx, (trx) => updateResident(trx, ctx, request.params.id, request.body)),
    );
  });

  // A write, not a read: every reveal leaves its line in the audit trail.
  route(app, residentsApi.reveal, { permission: 'idnumber.reveal' }, async (request) => {
    const ctx = areaContextOf(request);
    const idNumber = await withTransaction(ctx, (trx) => revealIdNumber(trx, ctx, request.params.id));
    return { idNumber };
  });
};
