import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProxyRequest } from '@lianxin/common';
import PDFDocument from 'pdfkit';

// The printable papers of a proxy request: the authorisation form (代办委托书) the resident signs,
// and the receipt (回执) of the originals taken and returned. A4, in Chinese (Noto Sans Hans).

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
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

/** China time to the minute: 2026年11月22日 15:00. */
function chinaMinute(iso: string | null): string {
  if (iso === null) return '—';
  const at = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${Number(at.slice(0, 4))}年${Number(at.slice(5, 7))}月${Number(at.slice(8, 10))}日 ${at.slice(11, 16)}`;
}

async function writePdf(
  title: string,
  draw: (doc: PDFKit.PDFDocument, width: number) => void,
): Promise<Buffer> {
  const { regular, bold } = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    lang: 'zh-CN',
    info: { Title: title, Author: 'Lianxin', Creator: 'Lianxin' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = doc.page.width - 128;
  doc.font('bold').fontSize(17).text(title, { align: 'center', width });
  doc.moveDown(1);
  draw(doc, width);
  doc.end();
  return done;
}

function field(doc: PDFKit.PDFDocument, label: string, value: string, width: number) {
  doc.font('bold').fontSize(10.5).text(`${label}：`, { continued: true, width });
  doc.font('regular').text(value, { width, lineGap: 3 });
}

const formNames = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' } as const;

/** 代办委托书: the resident authorises the station's agent to handle the item on their behalf. */
export function authorisationPdf(request: ProxyRequest): Promise<Buffer> {
  return writePdf('便民服务代办委托书', (doc, width) => {
    field(doc, '查询码', request.trackingCode, width);
    field(doc, '委托人', `${request.applicantName}（联系电话 ${request.phoneMasked}）`, width);
    field(doc, '所在村（社区）', request.villageName, width);
    field(doc, '受托服务站', request.stationName, width);
    field(doc, '代办员', request.agentName ?? '（由服务站指派）', width);
    field(doc, '委托事项', request.itemName, width);
    field(doc, '办理单位', request.unitName, width);
    field(doc, '承诺办结', chinaMinute(request.dueAt), width);
    doc.moveDown(0.8);
    doc
      .font('regular')
      .fontSize(10.5)
      .text(
        `本人自愿委托${request.stationName}代办员代为办理上述事项，同意代办员收取、递交办理所需材料。` +
          '代办员收取原件时出具回执，办结后原件全部退还；材料照片加密保存，办结后按规定期限删除。' +
          '代办服务全程免费。',
        { width, lineGap: 4 },
      );
    doc.moveDown(0.8);
    doc.font('bold').text('所需材料：', { width });
    for (const m of request.materials) {
      doc.font('regular').text(`□ ${m.name}（${formNames[m.form]} ${m.count} 份）`, { width, lineGap: 3 });
    }
    doc.moveDown(2);
    doc
      .font('regular')
      .text('委托人（签字/按手印）：____________________      日期：______年____月____日', { width });
    doc.moveDown(1.2);
    doc.text('代办员（签字）：____________________      日期：______年____月____日', { width });
  });
}

/** 回执: every original taken (its receipt number and when) and when it was returned. */
export function receiptPdf(request: ProxyRequest): Promise<Buffer> {
  return writePdf('便民服务代办材料回执', (doc, width) => {
    field(doc, '查询码', request.trackingCode, width);
    field(doc, '申请人', `${request.applicantName}（${request.phoneMasked}）`, width);
    field(doc, '代办事项', request.itemName, width);
    field(doc, '服务站', request.stationName, width);
    field(doc, '代办员', request.agentName ?? '—', width);
    doc.moveDown(0.8);
    const taken = request.materials.filter((m) => m.receiptNo !== null);
    if (taken.length === 0) doc.font('regular').text('尚未收取原件。', { width });
    for (const m of taken) {
      doc.font('bold').fontSize(10.5).text(`${m.receiptNo}  ${m.name}（${m.count} 份）`, { width });
      doc
        .font('regular')
        .text(
          `收取：${chinaMinute(m.collectedAt)}    退还：${m.returnedAt ? chinaMinute(m.returnedAt) : '未退还'}`,
          {
            width,
            lineGap: 3,
          },
        );
    }
    doc.moveDown(2);
    doc
      .font('regular')
      .text('申请人（签字）：____________________      代办员（签字）：____________________', { width });
  });
}
