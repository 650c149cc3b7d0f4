import type { TodoRegistry } from '../../platform/registries/todos';
import { countOpenIdNumberChecks } from './id-number-lookups.repository';

/** The registry's to-dos: ID numbers to verify, for the towns (and the district) concerned. */
export function registerHouseholdTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'households.idNumberChecks',
    label: { 'zh-CN': '待核实的身份证号查询', en: 'ID-number look-ups to verify' },
    permission: 'users.manage',
    link: '/households/id-number-checks',
    count: async (ctx) => (ctx.scope.reach === 'area' ? countOpenIdNumberChecks(ctx.db, ctx.scope) : 0),
  });
}
