import type { Writable } from 'node:stream';
import type { Locale } from '@lianxin/common';
import { type Cell, SpreadsheetWriter } from '../../../platform/spreadsheet-writer';
import { asOfText, bulletinLabels, chinaDateTime, groupNames, levelName } from './bulletin.labels';
import { type Bulletin, type BulletinFigure, MUST_VISIT } from './bulletin.service';

const PERCENT = '0.0%';

/** A rate as a number formatted as a percentage, or the words for no data (never 0 %). */
const rate = (value: number | null, noData: string): Cell => value ?? noData;

/**
 * Writes a bulletin as a workbook: a sheet per section (headline figures, rankings, overdue
 * appeals, must-visit households not visited), each with its caption, a frozen header and
 * percentages as numbers.
 */
export async function writeBulletinWorkbook(data: Bulletin, locale: Locale, out: Writable): Promise<void> {
  const l = bulletinLabels(locale);
  // Text from the records goes through the one writer, which keeps it from reading as a formula.
  const workbook = new SpreadsheetWriter(out, { created: new Date(data.generatedAt) });

  /** A sheet whose first `captionRows` rows say what it is, then a bold header row, frozen. */
  const sheet = (
    name: string,
    columns: { header: string; width: number; numFmt?: string }[],
    caption: string[],
  ) => {
    const ws = workbook.sheet(
      name,
      columns.map((c) => ({ width: c.width, ...(c.numFmt ? { numFmt: c.numFmt } : {}) })),
      { frozenRows: caption.length + 1 },
    );
    caption.forEach((line, i) => {
      ws.add([line], i === 0 ? 'title' : undefined);
    });
    ws.add(
      columns.map((c) => c.header),
      'header',
    );
    return ws;
  };

  const title = `${data.area.name} ${l.month(data.month)} ${l.title}`;
  const period = l.periodText(data.from, data.to, data.current);
  const asOf = l.overdueAt(asOfText(data), data.current);

  // ---- headline figures
  const headline = sheet(
    l.sheets.headline,
    [
      { header: l.indicator, width: 26 },
      { header: l.numerator, width: 10 },
      { header: l.denominator, width: 10 },
      { header: l.value, width: 10, numFmt: PERCENT },
      { header: l.definition, width: 70 },
    ],
    [
      title,
      l.field(l.area, l.areaWithCode(data.area.name, data.area.code)),
      l.field(l.period, period),
      l.field(l.generatedAt, chinaDateTime(data.generatedAt)),
      l.headlineNote,
    ],
  );
  const t = data.totals;
  const rates = data.figures.filter((f) => f.kind === 'ratio');
  const counts = data.figures.filter((f) => f.kind === 'count');
  headline.add([l.received, null, null, t.received, l.receivedDefinition]);
  for (const f of rates) {
    const m = data.mustVisit;
    const figure =
      f.key === MUST_VISIT
        ? { numerator: m.visited, denominator: m.total, value: m.rate }
        : (t.indicators[f.key] ?? { numerator: 0, denominator: 0, value: null });
    headline.add([f.name, figure.numerator, figure.denominator, rate(figure.value, l.noData), f.definition]);
  }
  for (const f of counts)
    headline.add([f.name, null, null, t.indicators[f.key]?.numerator ?? 0, f.definition]);
  headline.commit();

  // ---- rankings
  const ranked = (f: BulletinFigure) => f.better !== null;
  const figureColumns = rates.flatMap((f) => [
    { header: f.name, width: 12, numFmt: PERCENT },
    { header: `${f.name}${l.count}`, width: 10 },
    ...(ranked(f) ? [{ header: `${f.name}${l.rank}`, width: 8 }] : []),
  ]);
  const ranking = sheet(
    l.sheets.ranking,
    [
      { header: l.areaName, width: 16 },
      { header: l.areaCode, width: 15, numFmt: '@' },
      { header: l.received, width: 10 },
      ...figureColumns,
      { header: l.priority, width: 10 },
      ...counts.map((f) => ({ header: f.name, width: 10 })),
    ],
    [`${title} · ${l.sections.ranking}`, l.field(l.period, period), l.rankingNote],
  );
  const none = { numerator: 0, denominator: 0, value: null, rank: null };
  for (const row of data.ranking) {
    ranking.add([
      row.areaName,
      row.areaCode,
      row.received,
      ...rates.flatMap((f) => {
        const figure = row.figures[f.key] ?? none;
        const cells: Cell[] = [rate(figure.value, l.noData), `${figure.numerator}/${figure.denominator}`];
        return ranked(f) ? [...cells, figure.rank ?? '—'] : cells;
      }),
      row.priority,
      ...counts.map((f) => row.figures[f.key]?.numerator ?? 0),
    ]);
  }
  if (data.area.kind === 'village') ranking.add([l.villageNoRanking]);
  ranking.commit();

  // ---- overdue appeals
  const overdue = sheet(
    l.sheets.overdue,
    [
      { header: l.trackingCode, width: 14, numFmt: '@' },
      { header: l.village, width: 16 },
      { header: l.category, width: 18 },
      { header: l.level, width: 10 },
      { header: l.holder, width: 16 },
      { header: l.receivedAt, width: 17 },
      { header: l.dueAt, width: 17 },
      { header: l.lateKind, width: 12 },
      { header: l.daysOverdue, width: 10 },
    ],
    [`${title} · ${l.sections.overdue}`, asOf, l.overdueRule],
  );
  for (const a of data.overdue) {
    overdue.add([
      a.trackingCode,
      a.villageName,
      a.categoryName,
      levelName(a.level, locale),
      a.holderName,
      chinaDateTime(a.receivedAt),
      chinaDateTime(a.dueAt),
      l.late[a.lateFor],
      a.daysOverdue,
    ]);
  }
  if (data.overdue.length === 0) overdue.add([l.overdueNone]);
  overdue.commit();

  // ---- must-visit households not visited
  const missing = sheet(
    l.sheets.missing,
    [
      { header: l.village, width: 16 },
      { header: l.number, width: 14, numFmt: '@' },
      { header: l.head, width: 12 },
      { header: l.groups, width: 30 },
      { header: l.lastVisit, width: 14 },
    ],
    [`${title} · ${l.sections.missing}`, l.missingRule(data.mustVisit.from, data.mustVisit.to)],
  );
  for (const m of data.missing) {
    missing.add([
      m.villageName,
      m.number,
      m.headName ?? '',
      groupNames(m.groups, locale),
      m.lastVisitDate ?? l.neverVisited,
    ]);
  }
  if (data.missing.length === 0) missing.add([l.missingNone]);
  missing.commit();

  // ---- the sections other modules contribute (每月一题)
  for (const section of data.sections) {
    const ws = sheet(
      section.title.slice(0, 31),
      section.columns.map((c) => ({ header: c.header, width: c.width })),
      [`${title} · ${section.title}`, ...(section.note ? [section.note] : [])],
    );
    for (const row of section.rows) ws.add(row);
    if (section.rows.length === 0) ws.add([section.empty]);
    ws.commit();
  }
  await workbook.finish();
}
