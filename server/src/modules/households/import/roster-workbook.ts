import type { Writable } from 'node:stream';
import { exportOnlyColumns, importColumns } from '@lianxin/common';
import { type Column, type SheetWriter, SpreadsheetWriter } from '../../../platform/spreadsheet-writer';
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
export { XLSX } from '../../../platform/spreadsheet-writer';

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

/** The roster's columns; text, so that Excel keeps ID numbers, phones and leading zeros as typed. */
const rosterColumns = (columns: readonly { header: string; key: string }[]): Column[] =>
  columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'address' || c.key === 'tags' ? 24 : c.key === 'idNumber' ? 22 : 12,
    text: textColumns.has(c.key),
  }));

/** The import template: an empty roster sheet with the headers, and a sheet explaining each column. */
export async function writeTemplate(out: Writable): Promise<void> {
  const workbook = new SpreadsheetWriter(out);
  workbook.sheet('户籍名册', rosterColumns(importColumns), { frozenRows: 1 }).commit();
  const notes = workbook.sheet('填写说明', [
    { header: '列名', key: 'header', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 90 },
  ]);
  for (const c of importColumns) {
    notes.add({ header: c.header, required: c.required ? '是' : '', note: columnNotes[c.key] });
  }
  notes.add({});
  for (const line of [
    '一行填写一名成员；同一户的成员填写相同的村、户号，与户主关系区分户主与成员。',
    '户级信息（地址、收入、负债、困难情况）可只填在户主行，也可每行填写相同内容。',
    '表头上方可以有标题行、“填报单位”“填报日期”等行；表头可以是两行（如“家庭经济情况”下分收入、负债），单元格可以合并。',
    '“序号”“备注”等模板以外的列可以保留：导入时列为“未导入的列”，也可在导入页把它对应到某个字段。',
    '只有一个村的台账可以不要“村/社区”列：导入时选择所属村（村干部默认本村）。表格下方的合计、填表人、说明会被跳过。',
    '导入时先检查整个文件，列出每个错误的行号、列名和原因；可以改好后全部导入，也可以只导入无误的户，有错误的户整户留下，下载后修正再导入。',
    '同一文件重复导入不会重复建档：已有的户按户号、成员按身份证号（无身份证号时按姓名）更新。',
    '文件中没有的成员和没有的列保持原样，不会被删除或清空。',
    '导出的名册可直接修改后再导入；导出文件中的“分类”“人均收入”等列导入时忽略。',
  ]) {
    notes.add({ note: line });
  }
  notes.commit();
  await workbook.finish();
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

/** The households export: one row per resident, in the import's columns and then the export's own. */
export class RosterWriter {
  readonly #workbook: SpreadsheetWriter;
  readonly #sheet: SheetWriter;
  rows = 0;

  constructor(out: Writable) {
    this.#workbook = new SpreadsheetWriter(out);
    this.#sheet = this.#workbook.sheet('户籍名册', rosterColumns([...importColumns, ...exportOnlyColumns]), {
      frozenRows: 1,
    });
  }

  add(row: ExportRow): void {
    this.#sheet.add({ ...row });
    this.rows++;
  }

  async finish(): Promise<void> {
    this.#sheet.commit();
    await this.#workbook.finish();
  }
}
