import { chinaDayStart } from '@lianxin/common';
import type { Counted, IndicatorRegistry } from '../../platform/registries/indicators';
import { scopeOf } from '../../platform/scope';
import { objectionsRaised } from './notices.repository';

const DAY = 86_400_000;
/** An objection is answered on time when answered, or taken up as an appeal, within this many days. */
export const OBJECTION_ANSWER_DAYS = 7;

/** The group of the village democracy indicators (公示, 村务公开, 四议两公开) on every surface. */
export const villageDemocracyGroup = {
  key: 'democracy',
  name: { 'zh-CN': '村级民主', en: 'Village democracy' },
};

type Row = Awaited<ReturnType<typeof objectionsRaised>>[number];

/**
 * On time over counted: an objection counts once handled, or once its days have run out
 * unhandled (late); one still within its days does not count yet.
 */
function tally(rows: readonly Row[], now: number): Counted {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    const due = Date.parse(row.created_at) + OBJECTION_ANSWER_DAYS * DAY;
    const handled = [row.answered_at, row.appealed_at]
      .filter((t): t is string => t !== null)
      .map(Date.parse)
      .sort((a, b) => a - b)[0];
    if (handled === undefined && due > now) continue;
    denominator += 1;
    if (handled !== undefined && handled <= due) numerator += 1;
  }
  return { numerator, denominator };
}

const periodOf = (from: string, to: string) => ({
  start: chinaDayStart(from).toISOString(),
  end: new Date(chinaDayStart(to).getTime() + DAY).toISOString(),
});

/** 异议按期答复率: objections to public notices answered, or taken up as appeals, within seven days. */
export function registerNoticeIndicators(indicators: IndicatorRegistry): void {
  indicators.register({
    key: 'objectionsAnsweredOnTime',
    name: { 'zh-CN': '公示异议按期答复率', en: 'Objections answered on time' },
    definition: {
      'zh-CN': `期内公示收到的异议中，${OBJECTION_ANSWER_DAYS} 日内公开答复或转为诉求办理的比例（未满 ${OBJECTION_ANSWER_DAYS} 日且未答复的不计）`,
      en: `Of the objections to public notices raised in the period, the share answered in public or taken up as an appeal within ${OBJECTION_ANSWER_DAYS} days (those younger than that and unanswered are not counted yet)`,
    },
    kind: 'ratio',
    surfaces: ['dashboard', 'bulletin', 'assessment'],
    cohorts: ['village_cadres', 'town_staff', 'town_heads'],
    group: villageDemocracyGroup,
    byArea: async (q) => {
      const { start, end } = periodOf(q.from, q.to);
      const rows = await objectionsRaised(q.db, q.scope, start, end);
      const now = q.clock.now().getTime();
      const byChild = new Map<string, Row[]>();
      for (const row of rows) {
        const child = row.area_code.slice(0, q.digits);
        byChild.set(child, [...(byChild.get(child) ?? []), row]);
      }
      return [...byChild].map(([child, childRows]) => ({ child, ...tally(childRows, now) }));
    },
    // A cadre answers for the notices of their area: their village's, or their town's and its villages'.
    byCadre: async (q) => {
      const result = new Map<string, Counted>();
      const first = q.cadres[0];
      if (!first) return result;
      const { start, end } = periodOf(q.from, q.to);
      const district = scopeOf({ code: `${first.areaCode.slice(0, 6)}000000`, kind: 'district' });
      const rows = await objectionsRaised(q.db, district, start, end);
      const now = q.clock.now().getTime();
      for (const cadre of q.cadres) {
        const code = cadre.areaCode.slice(0, 12);
        const prefix = code.endsWith('000') ? code.slice(0, 9) : code;
        result.set(
          cadre.id,
          tally(
            rows.filter((r) => r.area_code.startsWith(prefix)),
            now,
          ),
        );
      }
      return result;
    },
  });
}
