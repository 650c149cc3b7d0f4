import {
  cadreIndicatorDefinitions,
  chinaDayStart,
  indicatorDefinitions,
  type LocalizedText,
} from '@lianxin/common';
import type {
  AreaQuery,
  CadreQuery,
  Counted,
  IndicatorRegistration,
  IndicatorRegistry,
} from '../../platform/registries/indicators';
import { assistanceSettings } from '../assistance';
import { leftPriorityByChild, pairedVisitedByChild } from './dashboard/dashboard.repository';
import { appealRows, householdRows } from './dashboard/dashboard.service';
import { cadreCounts, noCounts, quotaMinimums } from './work/work.repository';
import { cadreRates, minimumQuota } from './work/work.service';

// The indicators whose records the dashboards count (appeals received and handled, households
// paired and visited) and those cadres are assessed on: registered by this module through the
// same registry as any other module's, in the order the dashboard and the bulletin list them.

const DAY = 86_400_000;

const appealsGroup = { key: 'appeals', name: { 'zh-CN': '诉求办理', en: 'Appeals' } };
const assistanceGroup = {
  key: 'assistance',
  name: { 'zh-CN': '结对帮扶与走访', en: 'Pairing and visits' },
};

type Texts = Record<'zh-CN' | 'en', readonly [string, string]>;

function texts(t: Texts): { name: LocalizedText; definition: LocalizedText } {
  return {
    name: { 'zh-CN': t['zh-CN'][0], en: t.en[0] },
    definition: { 'zh-CN': t['zh-CN'][1], en: t.en[1] },
  };
}

/** An appeal rate per child area, from the appeal counts every appeal indicator shares. */
function appealRate(numerator: (r: AppealRow) => number, denominator: (r: AppealRow) => number) {
  return async (q: AreaQuery) =>
    (await appealRows(q)).rows.map((r) => ({
      child: r.child,
      numerator: numerator(r),
      denominator: denominator(r),
    }));
}
type AppealRow = Awaited<ReturnType<typeof appealRows>>['rows'][number];

const appealIndicators: [keyof typeof indicatorDefinitions, Partial<IndicatorRegistration>][] = [
  [
    'responseRate',
    {
      byArea: appealRate(
        (r) => r.responded,
        (r) => r.received,
      ),
    },
  ],
  [
    'resolutionRate',
    {
      byArea: appealRate(
        (r) => r.resolved,
        (r) => r.received,
      ),
    },
  ],
  [
    'satisfactionRate',
    {
      byArea: appealRate(
        (r) => r.satisfied,
        (r) => r.rated,
      ),
    },
  ],
  [
    'onTimeRate',
    {
      byArea: appealRate(
        (r) => r.onTime,
        (r) => r.resolved,
      ),
    },
  ],
  [
    'villageShare',
    {
      byArea: appealRate(
        (r) => r.atVillage,
        (r) => r.resolved,
      ),
    },
  ],
  // A higher share solved in the town is neither better nor worse in itself.
  [
    'townShare',
    {
      byArea: appealRate(
        (r) => r.atTown,
        (r) => r.resolved,
      ),
      better: null,
    },
  ],
  [
    'districtShare',
    {
      byArea: appealRate(
        (r) => r.toDistrict,
        (r) => r.received,
      ),
      better: 'lower',
    },
  ],
];

/** The rates every cadre is judged on, counted once per assessment. */
function ratesOfCadres(q: CadreQuery) {
  return q.once('assessment.cadreRates', async () => {
    const [settings, overrides, counts] = await Promise.all([
      assistanceSettings(q.db),
      quotaMinimums(q.db),
      cadreCounts(q.db, { from: q.from, to: q.to }, null),
    ]);
    return new Map(
      q.cadres.map((cadre) => [
        cadre.id,
        cadreRates(counts.get(cadre.id) ?? noCounts(), minimumQuota(cadre, settings, overrides)),
      ]),
    );
  });
}

type CadreRates = ReturnType<typeof cadreRates>;

function perCadre(pick: (r: CadreRates) => Counted) {
  return async (q: CadreQuery) =>
    new Map([...(await ratesOfCadres(q))].map(([id, rates]) => [id, pick(rates)] as const));
}

const cadreIndicators: [keyof typeof cadreIndicatorDefinitions, typeof appealsGroup, keyof CadreRates][] = [
  ['appealResolution', appealsGroup, 'resolutionRate'],
  ['appealSatisfaction', appealsGroup, 'satisfactionRate'],
  ['appealOnTime', appealsGroup, 'onTimeRate'],
  ['pairedVisited', assistanceGroup, 'pairedVisited'],
  ['helperSatisfaction', assistanceGroup, 'helperSatisfaction'],
  ['quotaFill', assistanceGroup, 'quotaFill'],
];

/** Registers the dashboard's, the bulletin's and the assessment's own indicators. */
export function registerAssessmentIndicators(registry: IndicatorRegistry): void {
  for (const [key, parts] of appealIndicators)
    registry.register({
      key,
      ...texts(indicatorDefinitions[key]),
      kind: 'ratio',
      surfaces: ['dashboard', 'bulletin'],
      group: appealsGroup,
      ...parts,
    });
  registry.register({
    key: 'pairingFill',
    ...texts(indicatorDefinitions.pairingFill),
    kind: 'ratio',
    surfaces: ['dashboard', 'bulletin'],
    group: assistanceGroup,
    asOfNow: true,
    byArea: async (q) =>
      (await householdRows(q)).map((r) => ({
        child: r.child,
        numerator: r.priorityPaired,
        denominator: r.priority,
      })),
  });
  registry.register({
    key: 'visitedPaired',
    ...texts(indicatorDefinitions.visitedPaired),
    kind: 'ratio',
    surfaces: ['dashboard', 'bulletin'],
    group: assistanceGroup,
    byArea: async (q) =>
      (await pairedVisitedByChild(q.db, q.scope, q.digits, q.from, q.to, q.children)).map((r) => ({
        child: r.child,
        numerator: r.visited,
        denominator: r.paired,
      })),
  });
  registry.register({
    key: 'leftPriority',
    ...texts(indicatorDefinitions.leftPriority),
    kind: 'count',
    surfaces: ['dashboard', 'bulletin'],
    group: assistanceGroup,
    byArea: async (q) => {
      const from = chinaDayStart(q.from).toISOString();
      const to = new Date(chinaDayStart(q.to).getTime() + DAY).toISOString();
      return (await leftPriorityByChild(q.db, q.scope, q.digits, from, to)).map((r) => ({
        child: r.child,
        numerator: r.count,
        denominator: 0,
      }));
    },
  });
  for (const [key, group, rate] of cadreIndicators)
    registry.register({
      key,
      ...texts(cadreIndicatorDefinitions[key]),
      kind: 'ratio',
      surfaces: ['assessment'],
      // A person's own work: departments are assessed on their dispatches instead.
      cohorts: ['village_cadres', 'town_staff', 'town_heads', 'leaders'],
      group,
      byCadre: perCadre((r) => r[rate]),
    });
}
