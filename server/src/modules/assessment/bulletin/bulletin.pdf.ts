import type { Locale } from '@lianxin/common';
import PDFDocument from 'pdfkit';
import {
  asOfText,
  type BulletinLabels,
  bulletinLabels,
  chinaDateTime,
  groupNames,
  levelName,
  percentText,
} from './bulletin.labels';
import { BulletinPdf, INK, loadFonts } from './bulletin.pdf-layout';
import { type Bulletin, type BulletinRow, type Figure, MUST_VISIT } from './bulletin.service';

// The bulletin as an A4 PDF. Chinese needs a font of its own: Noto Sans Hans (SIL OFL), shipped
// as an npm package and embedded as a subset of the characters used, so a bulletin stays small.

/** Longer lists are cut in the PDF (a district's must-visit list can run to thousands); the workbook has all. */
export const PDF_LIST_LIMIT = 2000;

/** A ranked cell: the rate, what it counts and its rank. */
function rankedCell(f: Figure, l: BulletinLabels, locale: Locale, ranked: boolean): string {
  const lines = [percentText(f.value, locale), `${f.numerator}/${f.denominator}`];
  if (ranked) lines.push(f.rank === null ? '—' : l.rankOf(f.rank));
  return lines.join('\n');
}

function capped<T>(items: T[], l: BulletinLabels, pdf: BulletinPdf): T[] {
  if (items.length <= PDF_LIST_LIMIT) {
    pdf.note(l.total(items.length));
    return items;
  }
  pdf.note(l.truncated(PDF_LIST_LIMIT, items.length));
  return items.slice(0, PDF_LIST_LIMIT);
}

/** Writes a bulletin as an A4 PDF and gives its bytes. */
export async function writeBulletinPdf(data: Bulletin, locale: Locale): Promise<Buffer> {
  const l = bulletinLabels(locale);
  const { regular, bold } = await loadFonts();
  const title = `${data.area.name} ${l.month(data.month)} ${l.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 50, left: 48, right: 48 },
    bufferPages: true,
    lang: locale,
    info: { Title: title, Author: 'Lianxin', Creator: 'Lianxin', CreationDate: new Date(data.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const pdf = new BulletinPdf(doc, locale);
  const w = pdf.width;

  // ---- title and header
  doc.font('bold').fontSize(18).fillColor(INK).text(title, { align: 'center', width: w });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(9.5).fillColor(INK);
  for (const [label, value] of [
    [l.area, l.areaWithCode(data.area.name, data.area.code)],
    [l.period, l.periodText(data.from, data.to, data.current)],
    [l.generatedAt, chinaDateTime(data.generatedAt)],
  ] as const) {
    doc.text(pdf.tidy(l.field(label, value)), pdf.left, doc.y, { width: w, lineGap: 2 });
  }

  // ---- headline figures
  pdf.heading(l.sections.headline);
  pdf.note(l.headlineNote);
  const t = data.totals;
  const headlineRows: string[][] = [[l.received, '', '', String(t.received), l.receivedDefinition]];
  const m = data.mustVisit;
  for (const f of data.figures) {
    if (f.kind === 'count') {
      headlineRows.push([f.name, '', '', String(t.indicators[f.key]?.numerator ?? 0), f.definition]);
      continue;
    }
    const figure =
      f.key === MUST_VISIT
        ? { numerator: m.visited, denominator: m.total, value: m.rate }
        : (t.indicators[f.key] ?? { numerator: 0, denominator: 0, value: null });
    headlineRows.push([
      f.name,
      String(figure.numerator),
      String(figure.denominator),
      percentText(figure.value, locale),
      f.definition,
    ]);
  }
  pdf.table(
    [
      { header: l.indicator, width: 98 },
      { header: l.numerator, width: 58, align: 'right' },
      { header: l.denominator, width: 58, align: 'right' },
      { header: l.value, width: 46, align: 'right' },
      { header: l.definition, width: w - 260 },
    ],
    headlineRows,
    8.5,
  );

  // ---- rankings
  pdf.heading(l.sections.ranking);
  if (data.area.kind === 'village') {
    pdf.note(l.villageNoRanking, 9);
  } else {
    pdf.note(l.rankingNote);
    const none: Figure = { numerator: 0, denominator: 0, value: null, rank: null };
    // A table per ranking section, in the order the figures come; the appeals' section shows the
    // appeals received, the assistance's the priority households.
    const groups = new Map(data.figures.map((f) => [f.group.key, f.group.name]));
    for (const [group, groupName] of groups) {
      const rates = data.figures.filter((f) => f.group.key === group && f.kind === 'ratio');
      const counts = data.figures.filter((f) => f.group.key === group && f.kind === 'count');
      const lead: { header: string; width: number; cell: (r: BulletinRow) => string } | null =
        group === 'appeals'
          ? { header: l.receivedShort, width: 40, cell: (r) => String(r.received) }
          : group === 'assistance'
            ? { header: l.priority, width: 64, cell: (r) => String(r.priority) }
            : null;
      const nameWidth = group === 'appeals' ? 72 : 100;
      const rest = w - nameWidth - (lead?.width ?? 0);
      const rateWidth = rates.length === 0 ? 0 : Math.min(88, (rest - 60 * counts.length) / rates.length);
      const countWidth = counts.length === 0 ? 0 : (rest - rates.length * rateWidth) / counts.length;
      pdf.subheading(groupName);
      pdf.table(
        [
          { header: l.areaName, width: nameWidth },
          ...(lead ? [{ header: lead.header, width: lead.width, align: 'right' as const }] : []),
          ...rates.map((f) => ({
            header: `${f.name}${f.asOfNow ? l.pairingNow : ''}`,
            width: rateWidth,
            align: 'center' as const,
          })),
          ...counts.map((f) => ({ header: f.name, width: countWidth, align: 'right' as const })),
        ],
        data.ranking.map((r) => [
          r.areaName,
          ...(lead ? [lead.cell(r)] : []),
          ...rates.map((f) => rankedCell(r.figures[f.key] ?? none, l, locale, f.better !== null)),
          ...counts.map((f) => String(r.figures[f.key]?.numerator ?? 0)),
        ]),
      );
    }
  }

  // ---- overdue appeals
  pdf.heading(l.sections.overdue);
  pdf.note(l.overdueAt(asOfText(data), data.current), 9);
  pdf.note(l.overdueRule);
  if (data.overdue.length === 0) {
    pdf.note(l.overdueNone, 9);
  } else {
    const rows = capped(data.overdue, l, pdf);
    pdf.table(
      [
        { header: l.trackingCode, width: 66 },
        { header: l.village, width: 60 },
        { header: l.category, width: 62 },
        { header: l.level, width: 38, align: 'center' },
        { header: l.holder, width: 60 },
        { header: l.receivedOn, width: 52 },
        { header: l.dueAt, width: 74 },
        { header: l.lateKind, width: 46, align: 'center' },
        { header: l.daysOverdue, width: w - 458, align: 'right' },
      ],
      rows.map((a) => [
        a.trackingCode,
        a.villageName,
        a.categoryName,
        levelName(a.level, locale),
        a.holderName,
        chinaDateTime(a.receivedAt).slice(0, 10),
        chinaDateTime(a.dueAt),
        l.late[a.lateFor],
        String(a.daysOverdue),
      ]),
    );
  }

  // ---- must-visit households not visited
  pdf.heading(l.sections.missing);
  pdf.note(l.missingRule(m.from, m.to));
  if (data.missing.length === 0) {
    pdf.note(l.missingNone, 9);
  } else {
    const rows = capped(data.missing, l, pdf);
    pdf.table(
      [
        { header: l.serial, width: 34, align: 'right' },
        { header: l.village, width: 96 },
        { header: l.number, width: 84 },
        { header: l.head, width: 70 },
        { header: l.groups, width: w - 364 },
        { header: l.lastVisit, width: 80 },
      ],
      rows.map((h, i) => [
        String(i + 1),
        h.villageName,
        h.number,
        h.headName ?? '',
        groupNames(h.groups, locale),
        h.lastVisitDate ?? l.neverVisited,
      ]),
    );
  }

  // ---- the sections other modules contribute (每月一题), their widths shared out in proportion
  for (const section of data.sections) {
    pdf.heading(section.title);
    if (section.note) pdf.note(section.note);
    if (section.rows.length === 0) {
      pdf.note(section.empty, 9);
      continue;
    }
    const total = section.columns.reduce((sum, c) => sum + c.width, 0);
    pdf.table(
      section.columns.map((c) => ({
        header: c.header,
        width: (w * c.width) / total,
        align: c.align ?? 'left',
      })),
      section.rows,
    );
  }

  pdf.frame(title, l.page);
  doc.end();
  return done;
}
