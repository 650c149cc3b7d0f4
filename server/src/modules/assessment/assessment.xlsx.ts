import type { Writable } from 'node:stream';
import { type Assessment, cohorts } from '@lianxin/common';
import type { IndicatorRegistry } from '../../platform/registries/indicators';
import { SpreadsheetWriter } from '../../platform/spreadsheet-writer';

export { XLSX } from '../../platform/spreadsheet-writer';

const cohortNames = {
  village_cadres: '村干部',
  town_staff: '镇干部',
  town_heads: '镇主要负责人',
  leaders: '联系点领导',
  departments: '区直部门',
};

/** The year's scores as a workbook: one sheet per cohort, in rank order, with every indicator. */
export async function writeAssessmentWorkbook(
  data: Assessment,
  registry: IndicatorRegistry,
  out: Writable,
): Promise<void> {
  const workbook = new SpreadsheetWriter(out);
  for (const cohort of cohorts) {
    const indicators = Object.keys(data.config[cohort].weights);
    const sheet = workbook.sheet(cohortNames[cohort], [
      { header: '排名', width: 8 },
      { header: '姓名', width: 12 },
      { header: '单位', width: 16 },
      { header: '得分', width: 10 },
      ...indicators.map((i) => ({
        header: `${registry.get(i)?.name['zh-CN'] ?? i}（${data.config[cohort].weights[i]}%）`,
        width: 18,
      })),
      { header: '点评', width: 30 },
    ]);
    for (const s of data.scores.filter((x) => x.cohort === cohort)) {
      const value = (i: string) => s.breakdown.find((b) => b.indicator === i)?.value;
      // Names and comments are typed by people: the writer keeps a leading "=" as text.
      sheet.add([
        s.rank ?? '—',
        s.cadreName,
        s.areaName,
        s.score ?? '暂无数据',
        ...indicators.map((i) => {
          const v = value(i);
          return v === null || v === undefined ? '暂无数据' : `${(v * 100).toFixed(1)}%`;
        }),
        s.comment ?? '',
      ]);
    }
    sheet.commit();
  }
  await workbook.finish();
}
