import { z } from 'zod';
import { fieldProblems } from './field-problems';
import type { Locale } from './i18n/locale';

/**
 * The roster format village offices already keep: one row per resident, the household number
 * and relation to the head tying rows into households. Household-level columns (address,
 * income, debt, hardships) may be filled on the head's row or on every row of the household.
 */
export const importColumns = [
  { key: 'village', header: '村/社区', aliases: ['村', '社区', '村（社区）', '村居'], required: true },
  { key: 'group', header: '组', aliases: ['组/网格', '村民小组', '网格', '小组'], required: false },
  { key: 'number', header: '户号', aliases: ['户编号'], required: true },
  { key: 'name', header: '姓名', aliases: [], required: true },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码'], required: false },
  { key: 'relation', header: '与户主关系', aliases: ['关系', '与户主的关系'], required: true },
  { key: 'phone', header: '联系电话', aliases: ['电话', '手机号', '手机'], required: false },
  { key: 'address', header: '地址', aliases: ['家庭住址', '住址'], required: false },
  { key: 'partyMember', header: '是否党员', aliases: ['政治面貌', '党员'], required: false },
  { key: 'partyJoinYear', header: '入党年份', aliases: [], required: false },
  { key: 'employment', header: '就业状况', aliases: ['就业情况', '职业'], required: false },
  { key: 'education', header: '文化程度', aliases: ['学历'], required: false },
  { key: 'disabled', header: '残疾', aliases: ['是否残疾'], required: false },
  { key: 'seriouslyIll', header: '重病', aliases: ['是否重病', '大病'], required: false },
  { key: 'publicRoles', header: '公共身份', aliases: ['两代一委', '身份'], required: false },
  { key: 'residentStatus', header: '人员状态', aliases: ['状态'], required: false },
  { key: 'tags', header: '标签', aliases: ['类别', '人员类别'], required: false },
  { key: 'year', header: '年度', aliases: ['年份', '统计年度'], required: false },
  { key: 'totalIncome', header: '家庭年收入', aliases: ['年收入', '家庭总收入'], required: false },
  { key: 'debt', header: '负债', aliases: ['负债金额', '债务'], required: false },
  { key: 'mainIncomeSource', header: '主要收入来源', aliases: ['收入来源'], required: false },
  { key: 'hardships', header: '困难情况', aliases: ['困难类型', '致困原因'], required: false },
] as const;

/** Columns an export adds for reading; importing an exported file skips them. */
export const exportOnlyColumns = [
  { key: 'tier', header: '分类' },
  { key: 'perCapita', header: '人均收入' },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
] as const;

export type ImportColumnKey = (typeof importColumns)[number]['key'];

/** Limits that keep a bad or hostile file from taking the server down. */
export const importLimits = {
  fileBytes: 20 * 1024 * 1024,
  /** Sum of the uncompressed sizes an .xlsx may declare (a zip bomb declares far more). */
  unzippedBytes: 400 * 1024 * 1024,
  rows: 200_000,
  cellChars: 200,
  /** Errors kept per import; the count says how many there were in all. */
  errorsKept: 1_000,
} as const;

/** What can be wrong with a roster row; the server words them per language. */
export const importProblems = {
  'file.notSpreadsheet': {
    'zh-CN': '文件不是有效的 Excel (.xlsx) 或 CSV 文件',
    en: 'The file is not a valid Excel (.xlsx) or CSV file',
  },
  'file.zipBomb': {
    'zh-CN': '文件解压后过大（超过 {limit} MB），拒绝处理',
    en: 'The file unpacks to more than {limit} MB; refused',
  },
  'file.tooManyRows': {
    'zh-CN': '文件超过 {limit} 行，请分批导入',
    en: 'The file has more than {limit} rows; import it in parts',
  },
  'file.empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'file.missingHeaders': {
    'zh-CN': '缺少必填列：{columns}',
    en: 'Required columns are missing: {columns}',
  },
  'file.unknownHeaders': {
    'zh-CN': '无法识别的列：{columns}（请使用模板中的列名）',
    en: 'Unknown columns: {columns} (use the template’s headers)',
  },
  'file.duplicateHeader': { 'zh-CN': '列“{column}”出现了两次', en: 'The column {column} appears twice' },
  'cell.required': { 'zh-CN': '必填', en: 'required' },
  'cell.tooLong': { 'zh-CN': '超过 {limit} 个字符', en: 'longer than {limit} characters' },
  'cell.notNumber': { 'zh-CN': '“{value}”不是数字', en: '“{value}” is not a number' },
  'cell.negative': { 'zh-CN': '不能为负数', en: 'must not be negative' },
  'cell.tooBig': { 'zh-CN': '数值过大', en: 'too large' },
  'cell.notYear': { 'zh-CN': '“{value}”不是有效年份', en: '“{value}” is not a valid year' },
  'cell.unknownValue': {
    'zh-CN': '无法识别“{value}”，可填：{allowed}',
    en: 'Unknown value “{value}”; allowed: {allowed}',
  },
  'cell.unknownTag': { 'zh-CN': '标签“{value}”不存在', en: 'No tag named “{value}”' },
  'cell.phone': { 'zh-CN': '“{value}”不是有效的电话号码', en: '“{value}” is not a valid phone number' },
  // The same words as the form's checks of an ID number.
  'idNumber.format': fieldProblems['idNumber.format'],
  'idNumber.birthDate': fieldProblems['idNumber.birthDate'],
  'idNumber.checksum': fieldProblems['idNumber.checksum'],
  'idNumber.duplicateInFile': {
    'zh-CN': '身份证号与第 {row} 行重复',
    en: 'the same ID number as row {row}',
  },
  'idNumber.taken': {
    'zh-CN': '身份证号已在其他户登记{where}',
    en: 'the ID number is registered in another household{where}',
  },
  'area.unknownVillage': {
    'zh-CN': '在您的管辖范围内找不到村（社区）“{value}”',
    en: 'No village “{value}” in your area',
  },
  'area.ambiguousVillage': {
    'zh-CN': '“{value}”对应多个村（社区），请填写 12 位区划代码',
    en: '“{value}” names several villages; use the 12-digit code',
  },
  'area.unknownGroup': { 'zh-CN': '该村没有组“{value}”', en: 'The village has no group “{value}”' },
  'household.noHead': { 'zh-CN': '户号 {number} 没有户主', en: 'Household {number} has no head' },
  'household.twoHeads': {
    'zh-CN': '户号 {number} 有多名户主（第 {rows} 行）',
    en: 'Household {number} has more than one head (rows {rows})',
  },
  'household.conflict': {
    'zh-CN': '与同户第 {row} 行填写的“{value}”不一致',
    en: 'differs from “{value}” on row {row} of the same household',
  },
  'household.splitGroup': {
    'zh-CN': '同一户号的成员填在了不同的村或组',
    en: 'members of one household are in different villages or groups',
  },
  'resident.duplicateName': {
    'zh-CN': '同户中已有同名成员（第 {row} 行），请填写身份证号以区分',
    en: 'another member of the household has this name (row {row}); give ID numbers to tell them apart',
  },
  'household.incomeWithoutYear': {
    'zh-CN': '填写了收入或负债，但年度无效',
    en: 'income or debt given without a valid year',
  },
} as const;
export type ImportProblem = keyof typeof importProblems;

export function importProblemMessage(
  problem: ImportProblem,
  params: Record<string, string | number>,
  locale: Locale,
): string {
  return importProblems[problem][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export const importStatuses = [
  'validating',
  'ready',
  'invalid',
  'committing',
  'committed',
  'failed',
] as const;
export type ImportStatus = (typeof importStatuses)[number];

const Counts = z.object({ create: z.number(), update: z.number(), unchanged: z.number() });

export const ImportSummary = z.object({
  rows: z.number(),
  households: Counts,
  residents: Counts,
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const ImportError = z.object({
  /** 1-based row number as the spreadsheet shows it (the header is row 1); 0 for the file itself. */
  row: z.number(),
  /** The column header as in the file, or null for a whole-row or whole-file problem. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const HouseholdImport = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  progress: z.object({ done: z.number(), total: z.number() }),
  summary: ImportSummary.nullable(),
  errors: z.array(ImportError),
  errorCount: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type HouseholdImport = z.infer<typeof HouseholdImport>;

export const HouseholdImportIdParams = z.strictObject({ id: z.uuid() });

export const HouseholdImportsUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
});
