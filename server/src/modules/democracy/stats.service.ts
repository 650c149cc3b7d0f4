import { chinaDayStart, type DemocracyStatsRow, MATTER_STUCK_DAYS } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { AppError } from '../../platform/errors';
import type { IndicatorRegistry } from '../../platform/registries/indicators';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { villageDemocracyGroup } from '../notices';
import { areaInScope } from './members.repository';
import { childAreas, closedMattersByChild, meetingsByChild, openMattersByChild } from './stats.repository';

// Village democracy counted per village and town: for the town's view in the console, and as an
// indicator the dashboard, the bulletin and the assessment's weights can use.

const DAY_MS = 86_400_000;

/** China days `from`–`to` (both included) as the instants [start, end). */
export function periodOf(from: string, to: string) {
  return {
    start: chinaDayStart(from).toISOString(),
    end: new Date(chinaDayStart(to).getTime() + DAY_MS).toISOString(),
  };
}

/**
 * Per child of the area (the towns of the district, the villages of a town; a village answers its
 * own row): matters closed in the period and how many went through the full 4+2, matters open and
 * stuck now, meetings held and adjourned in the period.
 */
export async function democracyStats(
  db: Db,
  scope: AreaScope,
  query: { areaCode?: string | undefined; from: string; to: string },
  now: Date,
): Promise<{ rows: DemocracyStatsRow[] }> {
  const code = query.areaCode ?? scope.areaCode;
  const area = await areaInScope(db, scope, code);
  if (!area || area.kind === 'group') throw new AppError('AREA_UNKNOWN', { code });
  const within = scopeOf(area);
  const digits = area.kind === 'district' ? 9 : 12;
  const children =
    area.kind === 'village' ? [{ code: area.code, name: area.name }] : await childAreas(db, area.code);
  const { start, end } = periodOf(query.from, query.to);
  const stuckBefore = new Date(now.getTime() - MATTER_STUCK_DAYS * DAY_MS).toISOString();
  const [closed, open, meetings] = await Promise.all([
    closedMattersByChild(db, within, digits, start, end),
    openMattersByChild(db, within, digits, stuckBefore),
    meetingsByChild(db, within, digits, start, end),
  ]);
  const prefix = (child: { code: string }) => child.code.slice(0, digits);
  return {
    rows: children.map((child) => {
      const c = closed.find((r) => r.child === prefix(child));
      const o = open.find((r) => r.child === prefix(child));
      const m = meetings.find((r) => r.child === prefix(child));
      return {
        areaCode: child.code,
        areaName: child.name,
        closed: c?.closed ?? 0,
        fullProcess: c?.full ?? 0,
        open: o?.open ?? 0,
        stuck: o?.stuck ?? 0,
        meetings: m?.held ?? 0,
        adjourned: m?.adjourned ?? 0,
      };
    }),
  };
}

/** The digits every code under an area starts with (a village 12, a town 9, the district 6). */
function subtreePrefix(code: string): string {
  if (code.length > 12) return code.slice(0, 12);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** The share of matters closed in the period that went through the full 4+2 (四议两公开). */
export function registerDemocracyIndicators(indicators: IndicatorRegistry): void {
  indicators.register({
    key: 'democracyFullProcess',
    name: { 'zh-CN': '“四议两公开”完整办结率', en: 'Matters through the full 4+2' },
    definition: {
      'zh-CN': '期内办结的村级议题中，经过全部四个议事环节、决议和实施结果均公开的比例',
      en: 'Of the village matters closed in the period, the share that went through all four deliberations with the resolution and the result published',
    },
    kind: 'ratio',
    surfaces: ['dashboard', 'bulletin', 'assessment'],
    cohorts: ['village_cadres', 'town_staff', 'town_heads'],
    group: villageDemocracyGroup,
    byArea: async (q) => {
      const { start, end } = periodOf(q.from, q.to);
      const rows = await q.once(`democracy.closed.${q.digits}.${q.from}.${q.to}`, () =>
        closedMattersByChild(q.db, q.scope, q.digits, start, end),
      );
      return rows.map((r) => ({ child: r.child, numerator: r.full, denominator: r.closed }));
    },
    // A cadre is counted on the matters of their area: their village, or their town's villages.
    byCadre: async (q) => {
      const result = new Map<string, { numerator: number; denominator: number }>();
      const first = q.cadres[0];
      if (!first) return result;
      const district = scopeOf({ code: `${first.areaCode.slice(0, 6)}000000`, kind: 'district' });
      const { start, end } = periodOf(q.from, q.to);
      const rows = await closedMattersByChild(q.db, district, 12, start, end);
      for (const cadre of q.cadres) {
        const prefix = subtreePrefix(cadre.areaCode);
        const mine = rows.filter((r) => r.child.startsWith(prefix));
        result.set(cadre.id, {
          numerator: mine.reduce((n, r) => n + r.full, 0),
          denominator: mine.reduce((n, r) => n + r.closed, 0),
        });
      }
      return result;
    },
  });
}
