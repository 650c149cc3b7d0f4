import type { TodoRegistry } from '../../../platform/registries/todos';
import { countAwaitingReport } from './whistles.repository';

/** The bell's line of whistles naming the caller's department that it has still to report on. */
export function registerWhistleTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'whistles.awaitingReport',
    label: { 'zh-CN': '吹哨待报到', en: 'Whistles to report on' },
    permission: 'dispatch.work',
    link: '/whistles?status=open',
    // Only a department's staff report; their reach is their unit.
    count: (ctx) =>
      ctx.scope.reach === 'unit' ? countAwaitingReport(ctx.db, ctx.scope.unitId) : Promise.resolve(0),
  });
}
