import type { TodoRegistry } from '../../platform/registries/todos';
import { countResolutionsToPublish } from './matters.repository';
import { countMeetingsToRecord } from './meetings.repository';

/** The bell's lines of village democracy: meetings held and not recorded, resolutions not yet published. */
export function registerDemocracyTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'democracy.meetingsToRecord',
    label: { 'zh-CN': '已开会待记录的会议', en: 'Meetings held, not yet recorded' },
    permission: 'democracy.manage',
    link: '/democracy/matters',
    // Matters and meetings live in villages: a caller reaching a unit, a station or an office has none.
    count: (ctx) =>
      ctx.scope.reach === 'area'
        ? countMeetingsToRecord(ctx.db, ctx.scope, ctx.clock.now().toISOString())
        : Promise.resolve(0),
  });
  todos.register({
    key: 'democracy.resolutionsToPublish',
    label: { 'zh-CN': '已通过待公开的决议', en: 'Resolutions to publish' },
    permission: 'democracy.manage',
    link: '/democracy/matters',
    count: (ctx) =>
      ctx.scope.reach === 'area' ? countResolutionsToPublish(ctx.db, ctx.scope) : Promise.resolve(0),
  });
}
