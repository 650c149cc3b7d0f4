import { chinaDayAfter, chinaDayStart } from '@lianxin/common';
import type {
  AreaQuery,
  CadreQuery,
  Counted,
  IndicatorRegistry,
} from '../../../platform/registries/indicators';
import type { TodoRegistry } from '../../../platform/registries/todos';
import { scopeOf } from '../../../platform/scope';
import { countFollowUps } from './ratings.repository';
import { type Figures, figuresBy, goodCounts } from './ratings.stats';

// The services indicators on the dashboard, the bulletin and the annual assessment, and the bell's
// lines of 差评 waiting for an answer or a review decision.

const group = { key: 'services', name: { 'zh-CN': '便民服务', en: 'Resident services' } };

type Pick = (f: Figures) => Counted;

const definitions: [string, [string, string], [string, string], Pick][] = [
  [
    'proxyOnTime',
    ['代办按时办结率', '期内送达的代办件中，在承诺时限内送达的比例'],
    [
      'Proxy requests on time',
      'Of the proxy requests delivered in the period, the share delivered within the promised time',
    ],
    (f) => ({ numerator: f.onTime, denominator: f.delivered }),
  ],
  [
    'serviceGoodRate',
    ['好评率', '期内评价中，“满意”及以上的比例；代办员服务和办理单位结果各计一次，经复核撤销的差评不计'],
    [
      'Good ratings',
      "Of the judgements given in the period, the share satisfied or better; the agent's service and the unit's result count once each, 差评 overturned on review left out",
    ],
    (f) => goodCounts(f),
  ],
  [
    'serviceRectification',
    ['差评整改率', '期内产生且已到期（或已答复）的差评回访中，已整改或说明答复群众的比例；经复核撤销的不计'],
    [
      'Bad ratings answered',
      'Of the follow-ups of bad ratings made in the period and due (or answered), the share answered to the resident; overturned ones left out',
    ],
    (f) => ({ numerator: f.answered, denominator: f.due }),
  ],
];

/** The figures per child area of a dashboard or bulletin query, counted once for the three indicators. */
function figuresOfArea(q: AreaQuery) {
  return q.once(`services.figures.${q.digits}`, () =>
    figuresBy(
      q.db,
      {
        scope: q.scope,
        from: chinaDayStart(q.from).toISOString(),
        to: chinaDayAfter(q.to).toISOString(),
        now: q.clock.now().toISOString(),
      },
      { by: 'area', digits: q.digits },
    ),
  );
}

/** Per village over the districts of the assessment's cadres: each cadre answers for the villages of their area. */
function figuresOfVillages(q: CadreQuery) {
  return q.once('services.villageFigures', async () => {
    const districts = [...new Set(q.cadres.map((c) => c.areaCode.slice(0, 6)))];
    const all = new Map<string, Figures>();
    for (const district of districts) {
      const byVillage = await figuresBy(
        q.db,
        {
          scope: scopeOf({ code: `${district}000000`, kind: 'district' }),
          from: chinaDayStart(q.from).toISOString(),
          to: chinaDayAfter(q.to).toISOString(),
          now: q.clock.now().toISOString(),
        },
        { by: 'area', digits: 12 },
      );
      for (const [k, v] of byVillage) all.set(k, v);
    }
    return all;
  });
}

export function registerServiceIndicators(registry: IndicatorRegistry): void {
  for (const [key, zh, en, pick] of definitions)
    registry.register({
      key,
      name: { 'zh-CN': zh[0], en: en[0] },
      definition: { 'zh-CN': zh[1], en: en[1] },
      kind: 'ratio',
      surfaces: ['dashboard', 'bulletin', 'assessment'],
      cohorts: ['village_cadres', 'town_staff', 'town_heads'],
      group,
      byArea: async (q) => [...(await figuresOfArea(q))].map(([child, f]) => ({ child, ...pick(f) })),
      byCadre: async (q) => {
        const villages = await figuresOfVillages(q);
        return new Map(
          q.cadres.map((c) => {
            const code = c.areaCode.slice(0, 12);
            const prefix = code.slice(9) === '000' ? code.slice(0, 9) : code;
            const total = { numerator: 0, denominator: 0 };
            for (const [village, f] of villages) {
              if (!village.startsWith(prefix)) continue;
              const counted = pick(f);
              total.numerator += counted.numerator;
              total.denominator += counted.denominator;
            }
            return [c.id, total] as const;
          }),
        );
      },
    });
}

/** The bell's lines: 差评 to answer (and those overdue), reviews to decide. */
export function registerServiceTodos(todos: TodoRegistry): void {
  todos.register({
    key: 'services.followUps',
    label: { 'zh-CN': '差评待回访答复', en: 'Bad ratings to answer' },
    permission: 'services.follow_up',
    link: '/services/board',
    count: (ctx) => countFollowUps(ctx.db, ctx.scope, { status: 'open' }),
  });
  todos.register({
    key: 'services.followUpsOverdue',
    label: { 'zh-CN': '差评整改逾期', en: 'Bad ratings overdue' },
    permission: 'services.follow_up',
    link: '/services/board',
    count: (ctx) => countFollowUps(ctx.db, ctx.scope, { overdueAt: ctx.clock.now().toISOString() }),
  });
  todos.register({
    key: 'services.reviews',
    label: { 'zh-CN': '差评复核待决定', en: 'Rating reviews to decide' },
    permission: 'services.supervise',
    link: '/services/board',
    count: (ctx) => countFollowUps(ctx.db, ctx.scope, { status: 'review_requested' }),
  });
}
