import { chinaDayAfter, chinaDayStart, type DisclosureScheduleItem } from '@lianxin/common';
import type { Counted, IndicatorRegistry } from '../../../platform/registries/indicators';
import type { TodoRegistry } from '../../../platform/registries/todos';
import { type AreaScope, scopeOf } from '../../../platform/scope';
import { villageDemocracyGroup } from '../../notices';
import { lateDisclosures, schedulesInScope } from './disclosures.service';

// 村务公开 on time: of the disclosures due in a period (each scheduled quarter and month, and each
// major matter published), the share published by its due date — per village, town and cadre.

type VillageItems = Awaited<ReturnType<typeof schedulesInScope>>[number];

/** On time over due, for the disclosures of a village due within `[from, to]` (China days). */
function countedIn(village: VillageItems, from: string, to: string): Counted {
  const start = chinaDayStart(from).getTime();
  const end = chinaDayAfter(to).getTime();
  const within = (dueAt: string) => Date.parse(dueAt) > start && Date.parse(dueAt) <= end;
  const scheduled = village.items.filter((i: DisclosureScheduleItem) => within(i.dueAt));
  const majors = village.published.filter((p) => p.category === 'major' && within(p.due_at));
  return {
    numerator:
      scheduled.filter((i) => i.state === 'on_time').length + majors.filter((m) => Boolean(m.on_time)).length,
    denominator: scheduled.length + majors.length,
  };
}

/** Each village of `scope` with its disclosures due within the days `from`–`to`, as they stood at the end of `to`. */
async function villagesOver(
  db: Parameters<typeof schedulesInScope>[0],
  scope: AreaScope,
  from: string,
  to: string,
) {
  // Due dates fall in the month after a period: a year's last periods are due in the next one.
  const villages = await schedulesInScope(
    db,
    scope,
    Number(from.slice(0, 4)) - 1,
    Number(to.slice(0, 4)),
    chinaDayAfter(to),
  );
  return villages.map((v) => ({ code: v.code, counted: countedIn(v, from, to) }));
}

export function registerDisclosureIndicators(indicators: IndicatorRegistry): void {
  indicators.register({
    key: 'disclosuresOnTime',
    name: { 'zh-CN': '村务公开及时率', en: 'Village disclosures on time' },
    definition: {
      'zh-CN': '期内到期的村务、财务和重大事项公开中，按期公开的比例（村民委员会组织法第三十条）',
      en: 'Of village affairs, finance and major-matter disclosures due in the period, the share published by the due date (Organic Law art. 30)',
    },
    kind: 'ratio',
    surfaces: ['dashboard', 'assessment', 'bulletin'],
    cohorts: ['village_cadres', 'town_staff', 'town_heads'],
    group: villageDemocracyGroup,
    byArea: async (q) => {
      const villages = await villagesOver(q.db, q.scope, q.from, q.to);
      return villages.map((v) => ({ child: v.code.slice(0, q.digits), ...v.counted }));
    },
    byCadre: async (q) => {
      // Each cadre answers for the villages of their area: a village's cadres for it, a town's for all of its villages.
      const towns = [...new Set(q.cadres.map((c) => `${c.areaCode.slice(0, 9)}000`))];
      const villages = (
        await Promise.all(
          towns.map((code) => villagesOver(q.db, scopeOf({ code, kind: 'town' }), q.from, q.to)),
        )
      ).flat();
      return new Map(
        q.cadres.map((c) => {
          const code = c.areaCode.slice(0, 12);
          const prefix = code.slice(9) === '000' ? code.slice(0, 9) : code;
          const mine = villages.filter((v) => v.code.startsWith(prefix));
          return [
            c.id,
            {
              numerator: mine.reduce((n, v) => n + v.counted.numerator, 0),
              denominator: mine.reduce((n, v) => n + v.counted.denominator, 0),
            },
          ] as const;
        }),
      );
    },
  });
}

/** The bell's line of disclosures past due and unpublished in the caller's villages. */
export function registerDisclosureTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'disclosures.overdue',
    label: { 'zh-CN': '村务公开逾期未公开', en: 'Village disclosures overdue' },
    permission: 'notices.manage',
    link: '/disclosures/late',
    count: async (ctx) =>
      ctx.scope.reach === 'area' ? (await lateDisclosures(ctx.db, ctx.scope, ctx.clock.now())).length : 0,
  });
}
