import type { Writable } from 'node:stream';
import { type Assessment, cohorts } from '@lianxin/common';
import ExcelJS from 'exceljs';
import type { IndicatorRegistry } from '../../platform/registries/indicators';
import { neutralize } from '../../platform/spreadsheet';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const cohortNames = {
  village_cadres: '村干部',
  town_staff: '镇干部',
  town_heads: '镇主要负责人',
  leaders: '联系点领导',
};

/** The year's scores as a workbook: one sheet per cohort, in rank order, with every indicator. */
export async function writeAssessmentWorkbook(
  data: Assessment,
  registry: IndicatorRegistry,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  for (const cohort of cohorts) {
    const indicators = Object.keys(data.config[cohort].weights);
    const sheet = workbook.addWorksheet(cohortNames[cohort]);
    sheet.columns = [
      { header: '排名', width: 8 },
      { header: '姓名', width: 12 },
      { header: '单位', width: 16 },
      { header: '得分', width: 10 },
      ...indicators.map((i) => ({
        header: `${registry.get(i)?.name['zh-CN'] ?? i}（${data.config[cohort].weights[i]}%）`,
        width: 18,
      })),
      { header: '点评', width: 30 },
    ];
    for (const s of data.scores.filter((x) => x.cohort === cohort)) {
      const value = (i: string) => s.breakdown.find((b) => b.indicator === i)?.value;
      sheet
        .addRow([
          s.rank ?? '—',
          // Names and comments are typed by people: a leading "=" must stay text.
          neutralize(s.cadreName),
          neutralize(s.areaName),
          s.score ?? '暂无数据',
          ...indicators.map((i) => {
            const v = value(i);
            return v === null || v === undefined ? '暂无数据' : `${(v * 100).toFixed(1)}%`;
          }),
          neutralize(s.comment ?? ''),
        ])
        .commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}
