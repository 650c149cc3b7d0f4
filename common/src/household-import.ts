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
  'file.noHeader': {
    'zh-CN': '在前 {scan} 行中找不到表头（应含“户号”“姓名”“与户主关系”等列名）',
    en: 'No header row in the first {scan} rows (it should name columns such as 户号, 姓名, 与户主关系)',
  },
  'file.noVillage': {
    'zh-CN': '文件没有“村/社区”列：请选择这些户所属的村（社区）',
    en: 'The file has no village column: choose the village its households belong to',
  },
  'file.unknownVillage': {
    'zh-CN': '在您的管辖范围内找不到村（社区）{value}',
    en: 'No village {value} in your area',
  },
  'file.mappingColumn': {
    'zh-CN': '列映射中的列“{column}”不在文件的表头中',
    en: 'The mapping names a column “{column}” the header does not have',
  },
  'file.sharedField': {
    'zh-CN': '“{first}”和“{column}”两列都对应“{field}”，请只保留一列',
    en: 'Both “{first}” and “{column}” map to {field}; keep one',
  },
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
  'idNumber.numeric': {
    'zh-CN':
      '身份证号被 Excel 存成了数字，末几位已丢失（读到“{value}”）：请把该列设为文本格式，重新填写后再导入',
    en: 'Excel stored the ID number as a number and lost its last digits (read “{value}”): format the column as text, type the numbers again and re-import',
  },
  'idNumber.elsewhere': {
    'zh-CN': '已在其他地区登记，请联系镇（街道）核实',
    en: 'registered in another area; ask the town (subdistrict) office to verify',
  },
  'idNumber.verify': {
    'zh-CN': '需核实：请联系镇（街道）核实该身份证号',
    en: 'to be verified: ask the town (subdistrict) office to verify this ID number',
  },
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
  'area.unknownGroup': {
    'zh-CN': '该村没有组“{value}”（该村的组：{groups}）',
    en: 'The village has no group “{value}” (its groups: {groups})',
  },
  'row.heldBack': {
    'zh-CN': '同户第 {rows} 行有错误，整户暂不导入',
    en: 'held back with its household: row {rows} of the household has errors',
  },
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

/** Counts of the valid households only; the rows with errors and what a write of the valid ones holds back. */
export const ImportSummary = z.object({
  rows: z.number(),
  households: Counts,
  residents: Counts,
  rowsWithErrors: z.number(),
  heldBack: z.object({ households: z.number(), rows: z.number() }),
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

export const importFields = importColumns.map((c) => c.key) as [ImportColumnKey, ...ImportColumnKey[]];
export const ImportField = z.enum(importFields);

/** A column → field choice: the header as the file writes it, and the field (null: ignore the column). */
export const ImportMapping = z
  .record(z.string().trim().min(1).max(importLimits.cellChars), ImportField.nullable())
  .refine((m) => Object.keys(m).length <= 200, { message: 'too many columns' });
export type ImportMapping = z.infer<typeof ImportMapping>;

/** How the check read the file: which sheet, which row(s) the header, each column's field. */
export const RosterLayout = z.object({
  sheets: z.array(z.object({ index: z.number(), name: z.string(), recognised: z.boolean() })),
  sheet: z.number(),
  /** The header's row numbers as the sheet shows them (two for a two-row header). */
  headerRows: z.array(z.number()),
  columns: z.array(
    z.object({
      index: z.number(),
      header: z.string(),
      field: ImportField.nullable(),
      /** Whether the user's mapping (or the one remembered for the village) decided the field. */
      mapped: z.boolean(),
      samples: z.array(z.string()),
    }),
  ),
  /** Headers of the columns left out (unknown, or ignored by the mapping). */
  ignored: z.array(z.string()),
  /** Required fields without a column. */
  missing: z.array(z.string()),
  villageColumn: z.boolean(),
  /** The header cells' names, trimmed, in order: the key a mapping is remembered by. */
  signature: z.string(),
});
export type RosterLayout = z.infer<typeof RosterLayout>;

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
  layout: RosterLayout.nullable(),
  villageCode: z.string().nullable(),
  /** Whether the valid households only were (or are being) written. */
  validOnly: z.boolean(),
  /** Whether the held-back rows can be downloaded as a workbook. */
  heldBackFile: z.boolean(),
});
export type HouseholdImport = z.infer<typeof HouseholdImport>;

export const HouseholdImportIdParams = z.strictObject({ id: z.uuid() });

const VillageCode = z.string().regex(/^\d{12}$/);

export const HouseholdImportsUploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The village of a one-village roster (a file without a village column). */
  villageCode: VillageCode.optional(),
  /** The sheet to read (0-based), when several hold a roster. */
  sheet: z.coerce.number().int().min(0).max(100).optional(),
});

/** Checks the uploaded file again with another village, sheet or column mapping. */
export const HouseholdImportLayoutBody = z.strictObject({
  villageCode: VillageCode.nullable().optional(),
  sheet: z.number().int().min(0).max(100).optional(),
  mapping: ImportMapping.optional(),
});
export type HouseholdImportLayoutBody = z.infer<typeof HouseholdImportLayoutBody>;

export const HouseholdImportCommitQuery = z.strictObject({
  /** Write the valid households only; the others are held back for download. */
  validOnly: z.enum(['true', 'false']).optional(),
});

/** A verification case: an account passed its daily limit of look-ups of ID numbers registered elsewhere. */
export const IdNumberCheck = z.object({
  id: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  userName: z.string().nullable(),
  username: z.string().nullable(),
  /** What asked: a form (`request`) or a roster file (`import`). */
  source: z.enum(['request', 'import']),
  numbers: z.number(),
  createdAt: z.string(),
});
export type IdNumberCheck = z.infer<typeof IdNumberCheck>;
export const IdNumberChecksListResponse = z.object({ items: z.array(IdNumberCheck) });
export const IdNumberCheckIdParams = z.strictObject({ id: z.uuid() });
