import {
  type Appeal,
  type AppealAction,
  appealActions,
  hasPermission,
  nextAppealStatus,
} from '@lianxin/common';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { codeInScope } from '../../../platform/scope';
import type { AppealRow } from '../appeals.repository';

/** Whether the action's own rule lets this role take it on this appeal now (the lifecycle aside). */
export function actionAllowed(
  row: AppealRow,
  action: AppealAction,
  role: RequestContext['caller']['role'],
): boolean {
  const pending = row.deferral_reason !== null && !row.deferral_approved;
  switch (action) {
    case 'assign':
      return hasPermission(role, 'appeals.assign');
    case 'approve_deferral':
    case 'reject_deferral':
      return pending && hasPermission(role, 'appeals.assign');
    case 'defer':
      return !pending;
    case 'escalate':
      return row.level !== 'district';
    case 'send_down':
      return row.level !== 'village';
    default:
      return true;
  }
}

/** What the caller may do with this appeal now; the server checks the same rules on every action. */
export function availableActions(
  row: AppealRow,
  ctx: Pick<AreaContext, 'caller' | 'scope'>,
  callbackOpen: boolean,
): Appeal['actions'] {
  const { role } = ctx.caller;
  if (!hasPermission(role, 'appeals.handle')) return [];
  const held = codeInScope(row.holder_area_code, ctx.scope);
  const actions: Appeal['actions'] = [];
  if (held) {
    for (const action of appealActions) {
      if (nextAppealStatus(action, row.status) === undefined) continue;
      if (!actionAllowed(row, action, role)) continue;
      actions.push(action);
    }
  }
  const handledIt = row.handler_id === ctx.caller.id || row.resolved_by === ctx.caller.id;
  if (row.status === 'resolved' && callbackOpen && !handledIt) actions.push('callback');
  return actions;
}
