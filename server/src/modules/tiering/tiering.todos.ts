import type { TodoRegistry } from '../../platform/registries/todos';
import { countOverrides } from './tiering.repository';

/** Registers the bell's line for tier overrides awaiting the caller's approval. */
export function registerTieringTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'tiering.overridesPending',
    label: { 'zh-CN': '待审批的分类调整', en: 'Tier overrides awaiting approval' },
    permission: 'tiers.approve',
    link: '/tier-overrides?status=pending',
    count: async (ctx) => (ctx.scope.reach === 'area' ? countOverrides(ctx.db, ctx.scope, 'pending') : 0),
  });
}
