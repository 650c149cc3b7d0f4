import type { TodoRegistry } from '../../platform/registries/todos';
import { worklist } from './worklist/worklist.service';

/** Registers the bell's line for the caller's paired households overdue for a visit (their worklist's count). */
export function registerAssistanceTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'assistance.visitsOverdue',
    label: { 'zh-CN': '逾期未走访的结对户', en: 'Paired households overdue for a visit' },
    permission: 'assistance.visit',
    link: '/worklist',
    count: async (ctx) =>
      ctx.scope.reach === 'area'
        ? (await worklist(ctx.db, { ...ctx, scope: ctx.scope }, ctx.caller.id)).overdue
        : 0,
  });
}
