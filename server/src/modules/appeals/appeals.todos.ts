import type { TodoRegistry } from '../../platform/registries/todos';
import { countDueCallbacks } from './callbacks/callbacks.repository';
import { countAppeals } from './queries/queries.repository';

// The appeals' lines of the console's bell: each the count of a queue the caller already has,
// so the number and the list it links to agree.

/** Registers the appeals waiting for acceptance, the overdue ones and the callbacks due. */
export function registerAppealTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'appeals.awaitingAcceptance',
    label: { 'zh-CN': '待受理诉求', en: 'Appeals awaiting acceptance' },
    permission: 'appeals.handle',
    link: '/appeals?level=all&queue=unassigned&status=received',
    count: (ctx) =>
      countAppeals(
        ctx.db,
        { scope: ctx.scope, within: null },
        { queue: 'unassigned', status: 'received' },
        { callerId: ctx.caller.id, now: ctx.clock.now().toISOString() },
      ),
  });
  todos.register({
    key: 'appeals.overdue',
    label: { 'zh-CN': '逾期诉求', en: 'Overdue appeals' },
    permission: 'appeals.handle',
    link: '/appeals?level=all&queue=overdue',
    count: (ctx) =>
      countAppeals(
        ctx.db,
        { scope: ctx.scope, within: null },
        { queue: 'overdue' },
        { callerId: ctx.caller.id, now: ctx.clock.now().toISOString() },
      ),
  });
  todos.register({
    key: 'appeals.callbacksDue',
    label: { 'zh-CN': '待回访', en: 'Callbacks due' },
    permission: 'appeals.handle',
    link: '/callbacks',
    count: async (ctx) =>
      ctx.scope.reach === 'area'
        ? countDueCallbacks(ctx.db, ctx.scope, ctx.caller.id, ctx.clock.now().toISOString())
        : 0,
  });
}
