import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chinaDate, type DemocracyBody, type Matter, type Meeting } from '@lianxin/common';
import PDFDocument from 'pdfkit';

// A meeting's minutes (会议记录) and a matter's resolution (决议) as A4 PDFs in Chinese, for the
// village's files. Chinese needs its own font: Noto Sans Hans (SIL OFL), embedded as a subset.

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

export const bodyNames: Record<DemocracyBody, string> = {
  branch_committee: '党支部委员会会议',
  joint_committees: '村“两委”联席会议',
  party_members: '党员大会',
  representatives: '村民代表会议',
  villagers: '村民会议',
};

const outcomeNames = {
  adopted: '通过',
  rejected: '未通过',
  sent_back: '退回重议',
  adjourned: '流会（未达法定人数）',
};
const attendanceNames = { present: '到会', absent: '缺席', leave: '请假' };

/** China time, to the minute: 2026年11月22日 15:00. */
function chinaMinute(iso: string): string {
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

function section(doc: PDFKit.PDFDocument, label: string, text: string, width: number) {
  doc.moveDown(0.6).font('bold').fontSize(11.5).text(label, { width });
  doc
    .moveDown(0.2)
    .font('regular')
    .fontSize(10.5)
    .text(text.length > 0 ? text : '—', { width, lineGap: 4 });
}

/** A meeting's minutes: when, where, who was there, the quorum, the vote and the minutes as recorded. */
export function writeMinutesPdf(meeting: Meeting): Promise<Buffer> {
  const title = `${meeting.villageName}${bodyNames[meeting.body]}会议记录`;
  return writePdf(title, (doc, width) => {
    const q = meeting.quorum;
    field(doc, '议题', meeting.matterTitle, width);
    field(doc, '时间', chinaMinute(meeting.heldAt), width);
    field(doc, '地点', meeting.place, width);
    field(doc, '通知日期', `${meeting.noticeDate}（提前${meeting.noticeDays}天）`, width);
    const leave = meeting.roll.filter((r) => r.attendance === 'leave').length;
    field(doc, '应到', `${q.entitled}人；实到${q.present}人；请假${leave}人`, width);
    if (q.households !== null) field(doc, '到会户数', `${q.householdsPresent}/${q.households}户`, width);
    field(doc, '法定人数', `须${q.needed}人，${q.met ? '已达到' : '未达到'}`, width);
    // A villagers' meeting's roll runs to hundreds: the minutes give its counts, the committees' their names.
    if (meeting.body !== 'villagers') {
      for (const state of ['present', 'leave', 'absent'] as const) {
        const names = meeting.roll.filter((r) => r.attendance === state).map((r) => r.name);
        if (names.length > 0) field(doc, `${attendanceNames[state]}人员`, names.join('、'), width);
      }
    }
    section(doc, '议程', meeting.agenda, width);
    if (meeting.votes) {
      const v = meeting.votes;
      section(doc, '表决结果', `赞成${v.for}票，反对${v.against}票，弃权${v.abstain}票。`, width);
    }
    if (meeting.outcome) field(doc, '结果', outcomeNames[meeting.outcome], width);
    section(doc, '会议记录', meeting.minutes ?? '', width);
    doc.moveDown(2).font('regular').fontSize(10.5);
    doc.text('主持人（签字）：', { width });
    doc.moveDown(0.8).text('记录人（签字）：', { width });
  });
}

/** A matter's resolution: the matter, each deliberation that took it, and the deciding vote. */
export function writeResolutionPdf(matter: Matter, meetings: Meeting[]): Promise<Buffer> {
  const title = `${matter.villageName}关于“${matter.title}”的决议`;
  return writePdf(title, (doc, width) => {
    section(doc, '事项', matter.description, width);
    if (matter.estimatedAmount !== null)
      field(doc, '预算金额', `${matter.estimatedAmount.toFixed(2)}元`, width);
    section(doc, '议事过程', '', width);
    for (const step of matter.steps) {
      const meeting = meetings.find((m) => m.id === step.meetingId);
      if (!meeting) {
        const line = step.skipped ? `未经会议（${step.skipReason ?? ''}）` : '未进行';
        doc.font('regular').fontSize(10.5).text(`· ${line}`, { width });
        continue;
      }
      const v = meeting.votes;
      const votes = v ? `赞成${v.for}票，反对${v.against}票，弃权${v.abstain}票` : '';
      doc
        .font('regular')
        .fontSize(10.5)
        .text(
          `· ${chinaDate(new Date(meeting.heldAt))} ${bodyNames[meeting.body]}：应到${meeting.quorum.entitled}人，实到${meeting.quorum.present}人；${votes}，${meeting.outcome ? outcomeNames[meeting.outcome] : ''}。`,
          { width, lineGap: 3 },
        );
    }
    const d = matter.decision;
    if (d) {
      section(
        doc,
        '决议',
        `经${bodyNames[d.body]}表决（赞成${d.for}票，反对${d.against}票，弃权${d.abstain}票），同意“${matter.title}”。`,
        width,
      );
    }
    doc
      .moveDown(2)
      .font('regular')
      .fontSize(10.5)
      .text(`${matter.villageName}村民委员会`, { align: 'right', width });
  });
}
