import type { DepartmentDispatchStats } from '@lianxin/common';
import type { CadreQuery, Counted, IndicatorRegistry } from '../../../platform/registries/indicators';
import { scopeOf } from '../../../platform/scope';
import { unitsOfAccounts } from './dispatch.repository';
import { departmentStats } from './dispatch-stats';

// The departments' cohort of the annual assessment: each department, through its head's account,
// scored on the dispatches it was given in the year — the three rates of 接诉即办, the on-time rate
// — and on answering the whistles that named it.

const group = { key: 'departments', name: { 'zh-CN': '部门接诉即办', en: 'Departments' } };

type Pick = (s: DepartmentDispatchStats) => Counted;

const definitions: [string, [string, string], [string, string], Pick][] = [
  [
    'dispatchResponse',
    ['派单响应率', '本部门年内收到的派单中，在退回时限内签收、退回或答复的比例'],
    [
      'Dispatches answered',
      'Of the dispatches given to the department in the year, the share answered within the return window',
    ],
    (s) => ({ numerator: s.responded, denominator: s.dispatched }),
  ],
  [
    'dispatchResolution',
    ['派单解决率', '本部门牵头的派单中，已办结的比例'],
    ['Dispatches resolved', 'Of the dispatches the department led, the share resolved'],
    (s) => ({ numerator: s.resolved, denominator: s.leads }),
  ],
  [
    'dispatchSatisfaction',
    ['派单满意率', '本部门牵头或有决定性答复且群众已评价的诉求中，满意与基本满意的比例'],
    [
      'Dispatch satisfaction',
      'Of the rated appeals the department led or answered decisively, the share satisfied or basically satisfied',
    ],
    (s) => ({ numerator: s.satisfied, denominator: s.rated }),
  ],
  [
    'dispatchOnTime',
    ['派单按期办结率', '本部门办结的牵头派单中，按期办结的比例'],
    [
      'Dispatches on time',
      'Of the lead dispatches the department resolved, the share resolved by the deadline',
    ],
    (s) => ({ numerator: s.resolvedOnTime, denominator: s.resolved }),
  ],
  [
    'whistleReported',
    ['吹哨按时报到率', '本部门被吹哨点名的次数中，未超时报到的比例（尚未到期的计为按时）'],
    [
      'Whistles answered in time',
      'Of the whistles naming the department, the share not reported late (those not yet due count as in time)',
    ],
    (s) => ({ numerator: s.whistles.named - s.whistles.late, denominator: s.whistles.named }),
  ],
];

/** Each department head's unit's figures over the assessment's year, counted once per assessment. */
function statsOfDepartments(q: CadreQuery): Promise<Map<string, DepartmentDispatchStats>> {
  return q.once('departments.dispatchStats', async () => {
    const heads = q.cadres.filter((c) => c.cohort === 'departments');
    const units = await unitsOfAccounts(
      q.db,
      heads.map((h) => h.id),
    );
    const byCadre = new Map<string, DepartmentDispatchStats>();
    for (const head of heads) {
      const unitId = units.get(head.id);
      if (!unitId) continue;
      const area = scopeOf({ code: head.areaCode, kind: 'district' });
      const [stats] = await departmentStats(
        q.db,
        { scope: { reach: 'unit', unitId, area }, clock: q.clock },
        { from: q.from, to: q.to },
      );
      if (stats) byCadre.set(head.id, stats);
    }
    return byCadre;
  });
}

export function registerDepartmentIndicators(registry: IndicatorRegistry): void {
  for (const [key, zh, en, pick] of definitions)
    registry.register({
      key,
      name: { 'zh-CN': zh[0], en: en[0] },
      definition: { 'zh-CN': zh[1], en: en[1] },
      kind: 'ratio',
      surfaces: ['assessment'],
      cohorts: ['departments'],
      group,
      byCadre: async (q) =>
        new Map([...(await statsOfDepartments(q))].map(([cadreId, stats]) => [cadreId, pick(stats)])),
    });
}
