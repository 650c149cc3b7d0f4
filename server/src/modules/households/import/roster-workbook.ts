import type { Writable } from 'node:stream';
import { exportOnlyColumns, importColumns } from '@lianxin/common';
import ExcelJS from 'exceljs';
import { neutralize } from '../../../platform/spreadsheet';
import {
  allowedWords,
  educationWords,
  employmentWords,
  hardshipWords,
  publicRoleWords,
  relationWords,
  residentStatusWords,
} from './roster-vocabulary';

/** The content type of a roster workbook, the template's and an export's. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What each column of the roster takes, for the template's instructions sheet. */
const columnNotes: Record<(typeof importColumns)[number]['key'], string> = {
  village: '村（社区）名称，或 12 位区划代码；须在您的管辖范围内',
  group: '组名（如“一组”“3组”）或组号；可空',
  number: '户号，同一村内唯一；同户成员填写相同户号',
  name: '姓名',
  idNumber: '18 位公民身份号码（请将该列设为文本格式）；可空',
  relation: `可填：${allowedWords(relationWords)}；每户有且只有一名户主`,
  phone: '手机号或座机号；户主行的电话作为家庭电话',
  address: '家庭住址（户级，填在户主行或每行相同）',
  partyMember: '是 / 否（或“中共党员”“群众”）',
  partyJoinYear: '入党年份，如 1985',
  employment: `可填：${allowedWords(employmentWords)}`,
  education: `可填：${allowedWords(educationWords)}`,
  disabled: '是 / 否',
  seriouslyIll: '是 / 否',
  publicRoles: `可填多个，用顿号分隔：${allowedWords(publicRoleWords)}`,
  residentStatus: `可填：${allowedWords(residentStatusWords)}；空为在册`,
  tags: '可填多个，用顿号分隔：低保、五保、特困供养、残疾、重病、独居老人、留守儿童、失地农民、失业、脱贫户、监测对象及本区自定义标签',
  year: '收入所属年度，空为今年（户级）',
  totalIncome: '家庭年收入，单位元，可写“3.5万”（户级）',
  debt: '负债，单位元（户级）',
  mainIncomeSource: '主要收入来源（户级）',
  hardships: `可填多个（户级）：${allowedWords(hardshipWords)}`,
};

const textColumns = new Set(['number', 'idNumber', 'phone', 'group']);

/** The import template: an empty roster sheet with the headers, and a sheet explaining each column. */
export async function writeTemplate(out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const roster = workbook.addWorksheet('户籍名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  roster.columns = importColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'address' || c.key === 'tags' ? 24 : c.key === 'idNumber' ? 22 : 12,
    // Text, so that Excel keeps ID numbers, phones and leading zeros as typed.
    style: textColumns.has(c.key) ? { numFmt: '@' } : {},
  }));
  roster.getRow(1).font = { bold: true };
  roster.getRow(1).commit();
  roster.commit();

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of importColumns) {
    notes.addRow({ header: c.header, required: c.required ? '是' : '', note: columnNotes[c.key] }).commit();
  }
  notes.addRow({}).commit();
  for (const line of [
    '一行填写一名成员；同一户的成员填写相同的村、户号，与户主关系区分户主与成员。',
    '户级信息（地址、收入、负债、困难情况）可只填在户主行，也可每行填写相同内容。',
    '导入时先检查整个文件：有任何错误则全部不导入，并列出每个错误的行号、列名和原因。',
    '同一文件重复导入不会重复建档：已有的户按户号、成员按身份证号（无身份证号时按姓名）更新。',
    '文件中没有的成员和没有的列保持原样，不会被删除或清空。',
    '导出的名册可直接修改后再导入；导出文件中的“分类”“人均收入”等列导入时忽略。',
  ]) {
    notes.addRow({ note: line }).commit();
  }
  notes.commit();
  await workbook.commit();
}

export interface ExportRow {
  village: string;
  group: string;
  number: string;
  name: string;
  idNumber: string;
  relation: string;
  phone: string;
  address: string;
  partyMember: string;
  partyJoinYear: number | null;
  employment: string;
  education: string;
  disabled: string;
  seriouslyIll: string;
  publicRoles: string;
  residentStatus: string;
  tags: string;
  year: number | null;
  totalIncome: number | null;
  debt: number | null;
  mainIncomeSource: string;
  hardships: string;
  tier: string;
  perCapita: number | null;
  gender: string;
  birthDate: string;
}

export class RosterWriter {
  readonly #workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #sheet: ExcelJS.Worksheet;
  rows = 0;

  constructor(out: Writable) {
    this.#workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    this.#sheet = this.#workbook.addWorksheet('户籍名册', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.#sheet.columns = [...importColumns, ...exportOnlyColumns].map((c) => ({
      header: c.header,
      key: c.key,
      width: c.key === 'address' || c.key === 'tags' ? 24 : c.key === 'idNumber' ? 22 : 12,
      style: textColumns.has(c.key) ? { numFmt: '@' } : {},
    }));
    this.#sheet.getRow(1).font = { bold: true };
    this.#sheet.getRow(1).commit();
  }

  add(row: ExportRow): void {
    const safe = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? neutralize(v) : v]),
    );
    this.#sheet.addRow(safe).commit();
    this.rows++;
  }

  async finish(): Promise<void> {
    this.#sheet.commit();
    await this.#workbook.commit();
  }
}
