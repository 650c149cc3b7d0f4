import type { TodoRegistry } from '../../platform/registries/todos';
import { countNoticesAwaitingClose } from './notices.repository';

/** The bell's line of notices whose period is over and that nobody has closed yet. */
export function registerNoticeTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'notices.awaitingClose',
    label: { 'zh-CN': '公示期满待结束', en: 'Notices to close' },
    permission: 'notices.manage',
    link: '/notices?awaitingClose=true',
    // Notices live in areas: a caller reaching a unit, a station or an office has none.
    count: (ctx) =>
      ctx.scope.reach === 'area'
        ? countNoticesAwaitingClose(ctx.db, ctx.scope, ctx.clock.now())
        : Promise.resolve(0),
  });
}
