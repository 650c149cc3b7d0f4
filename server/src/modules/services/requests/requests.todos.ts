import { addWorkingDays } from '@lianxin/common';
import { calendarOf } from '../../../platform/calendar';
import type { TodoRegistry } from '../../../platform/registries/todos';
import { serviceSettings } from './requests.model';
import { countAgentDue } from './requests.repository';

/** The bell's line of the caller's own 代办 requests due within the warning days or overdue. */
export function registerProxyRequestTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'services.proxyDue',
    label: { 'zh-CN': '代办件临期或超期', en: 'Proxy requests due or overdue' },
    permission: 'services.proxy',
    link: '/services/queue?mine=true',
    count: async (ctx) => {
      if (ctx.actor.id === null) return 0;
      const settings = await serviceSettings(ctx.db);
      const soon = addWorkingDays(await calendarOf(ctx), ctx.clock.now(), settings.warnWorkingDaysBefore);
      return countAgentDue(ctx.db, ctx.actor.id, soon.toISOString());
    },
  });
}
