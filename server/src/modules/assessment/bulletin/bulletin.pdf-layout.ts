import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locale } from '@lianxin/common';

// The bulletin's page layout on A4: its fonts (Noto Sans Hans, embedded as a subset), colours,
// headings, notes, tables whose header repeats on every page, and the running title and page
// numbers. What the bulletin says is in bulletin.pdf.ts.

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

/** The two faces, read once and kept (about 17 MB). */
export function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  fonts ??= Promise.all([
    readFile(path.join(fontDir, 'NotoSansHans-Regular.otf')),
    readFile(path.join(fontDir, 'NotoSansHans-Bold.otf')),
  ]).then(
    ([regular, bold]) => ({ regular, bold }),
    (err: unknown) => {
      fonts = undefined;
      throw err;
    },
  );
  return fonts;
}

export const INK = '#1f2329';
const MUTED = '#646a73';
const RULE = '#c9cdd4';
const HEADER_FILL = '#e8eef7';
const STRIPE_FILL = '#f7f8fa';

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export class BulletinPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;

  /** Text as drawn: the CJK font draws ‘ ’ full-width, so English uses the ASCII apostrophe. */
  readonly tidy: (text: string) => string;

  constructor(doc: PDFKit.PDFDocument, locale: Locale) {
    this.doc = doc;
    this.tidy = locale === 'en' ? (text) => text.replace(/[‘’]/g, "'") : (text) => text;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensure(60);
    this.doc.moveDown(0.6).font('bold').fontSize(13).fillColor(INK);
    this.doc.text(this.tidy(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  subheading(text: string): void {
    this.ensure(50);
    this.doc.font('bold').fontSize(10).fillColor(INK);
    this.doc.text(this.tidy(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25);
  }

  note(text: string, size = 8.5): void {
    this.doc.font('regular').fontSize(size).fillColor(MUTED);
    this.doc.text(this.tidy(text), this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.moveDown(0.4).fillColor(INK);
  }

  /** A table whose header is drawn again at the top of every page it runs onto. */
  table(given: Column[], cellsGiven: string[][], size = 8): void {
    const doc = this.doc;
    const columns = given.map((c) => ({ ...c, header: this.tidy(c.header) }));
    const rows = cellsGiven.map((cells) => cells.map(this.tidy));
    const pad = 3;
    const height = (cells: string[], font: 'regular' | 'bold') => {
      doc.font(font).fontSize(size);
      let h = 0;
      cells.forEach((text, i) => {
        const width = (columns[i]?.width ?? 40) - 2 * pad;
        h = Math.max(h, doc.heightOfString(text || ' ', { width, lineGap: 1 }));
      });
      return h + 2 * pad;
    };
    const drawRow = (
      cells: string[],
      y: number,
      h: number,
      font: 'regular' | 'bold',
      fill: string | null,
    ) => {
      if (fill) doc.rect(this.left, y, this.width, h).fill(fill);
      doc.font(font).fontSize(size).fillColor(INK);
      let x = this.left;
      cells.forEach((text, i) => {
        const column = columns[i];
        if (!column) return;
        doc.text(text, x + pad, y + pad, {
          width: column.width - 2 * pad,
          align: column.align ?? 'left',
          lineGap: 1,
        });
        x += column.width;
      });
      doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = height(headers, 'bold');
    const drawHeader = () => {
      const y = doc.y;
      drawRow(headers, y, headerHeight, 'bold', HEADER_FILL);
      doc.y = y + headerHeight;
    };
    this.ensure(headerHeight + height(rows[0] ?? headers, 'regular'));
    drawHeader();
    rows.forEach((cells, i) => {
      const h = height(cells, 'regular');
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      drawRow(cells, y, h, 'regular', i % 2 === 1 ? STRIPE_FILL : null);
      doc.y = y + h;
    });
    doc.x = this.left;
    doc.moveDown(0.6);
  }

  /** The running title at the top of every page but the first, and "page n of m" at the foot. */
  frame(title: string, page: (n: number, of: number) => string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const { top, bottom } = doc.page.margins;
      // Writing in the margins must not start a new page.
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8).fillColor(MUTED);
      if (i > range.start) {
        doc.text(title, this.left, top - 24, { width: this.width, lineBreak: false });
        doc
          .moveTo(this.left, top - 10)
          .lineTo(this.left + this.width, top - 10)
          .lineWidth(0.5)
          .strokeColor(RULE)
          .stroke();
      }
      doc.text(page(i - range.start + 1, range.count), this.left, doc.page.height - bottom + 18, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.top = top;
      doc.page.margins.bottom = bottom;
    }
  }
}
