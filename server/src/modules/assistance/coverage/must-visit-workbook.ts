import type { Writable } from 'node:stream';
import type { MustVisitCoverage } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { chunks } from '../../../platform/collections';
import { SpreadsheetWriter } from '../../../platform/spreadsheet-writer';
import {
  type CoverageArea,
  type CoveragePeriod,
  type MustVisitFact,
  type MustVisitGroup,
  missingDetails,
  rate,
  unvisited,
} from './coverage.service';

const groupWords: Record<MustVisitGroup, string> = {
  poor: '困难群众',
  wubao: '五保户',
  veteran_party: '老党员',
  deputies: '两代一委',
  cadres: '村组干部',
};

const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`);

/**
 * Writes a must-visit report as a workbook: the figures by area and by group, then every
 * must-visit household not visited in the period (not only the first 500 the page shows).
 */
export async function writeMustVisitWorkbook(
  db: Db,
  report: { area: CoverageArea; period: CoveragePeriod; summary: Omit<MustVisitCoverage, 'missing'> },
  facts: MustVisitFact[],
  out: Writable,
): Promise<void> {
  const { area, period, summary } = report;
  // Area and head names are typed by people: the one writer keeps a leading "=" as text.
  const workbook = new SpreadsheetWriter(out);
  const sheet = workbook.sheet(
    '覆盖情况',
    [
      { header: '区域', key: 'name', width: 20 },
      { header: '区划代码', key: 'code', width: 18, text: true },
      { header: '应访户数', key: 'total', width: 12 },
      { header: '已访户数', key: 'visited', width: 12 },
      { header: '走访率', key: 'rate', width: 10 },
    ],
    { frozenRows: 1 },
  );
  for (const row of summary.byArea) {
    sheet.add({
      name: row.areaName,
      code: row.areaCode,
      total: row.total,
      visited: row.visited,
      rate: percent(row.rate),
    });
  }
  sheet.add(
    {
      name: `${area.name}合计`,
      code: area.scope.areaCode,
      total: summary.total,
      visited: summary.visited,
      rate: percent(summary.rate),
    },
    'bold',
  );
  sheet.add({});
  for (const g of summary.byGroup) {
    sheet.add({
      name: groupWords[g.group],
      total: g.total,
      visited: g.visited,
      rate: percent(rate(g.visited, g.total)),
    });
  }
  sheet.add({});
  sheet.add({
    name: `统计期间 ${period.from} 至 ${period.to}${period.cadreId ? '（仅计指定干部的走访）' : ''}`,
  });
  sheet.commit();

  const missing = workbook.sheet(
    '未走访户',
    [
      { header: '村（社区）', key: 'village', width: 16 },
      { header: '户号', key: 'number', width: 14, text: true },
      { header: '户主', key: 'head', width: 12 },
      { header: '五必访类别', key: 'groups', width: 30 },
    ],
    { frozenRows: 1 },
  );
  for (const part of chunks(unvisited(facts), 500)) {
    for (const m of await missingDetails(db, part)) {
      missing.add({
        village: m.villageName,
        number: m.number,
        head: m.headName ?? '',
        groups: m.groups.map((g) => groupWords[g]).join('、'),
      });
    }
  }
  missing.commit();
  await workbook.finish();
}
