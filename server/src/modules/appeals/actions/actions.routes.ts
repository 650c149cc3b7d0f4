import { type AppealAction, appealActions, appealActionsApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf, withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import { actOnAppeal } from './actions.service';

/** Assigning and deciding on a deferral are the unit head's; every other action is the handler's. */
function permissionOf(action: AppealAction) {
  const assigning = action === 'assign' || action === 'approve_deferral' || action === 'reject_deferral';
  return assigning ? 'appeals.assign' : 'appeals.handle';
}

/** `POST /appeals/:id/<action>`: one transition each, answered with the whole appeal. */
export const appealActionsRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const action of appealActions) {
    route(app, appealActionsApi[action], { permission: permissionOf(action) }, async (request) => {
      const ctx = areaContextOf(request);
      return withTransaction(ctx, (trx) => actOnAppeal(trx, ctx, request.params.id, action, request.body));
    });
  }
};
