import { z } from 'zod';
import { areaKinds } from './areas';
import type { Locale } from './i18n/locale';

/**
 * The area list an operator copies from the national statistical division codes
 * (统计用区划代码和城乡划分代码): a 12-digit code and a name per row, with groups (组/网格) as
 * 15-digit codes below their village. 级别 is optional: the code says the level.
 */
export const areaImportColumns = [
  { key: 'code', header: '代码', aliases: ['统计用区划代码', '区划代码', '编码', 'code'], required: true },
  { key: 'name', header: '名称', aliases: ['单位名称', '区划名称', 'name'], required: true },
  { key: 'level', header: '级别', aliases: ['层级', '类型', 'level', 'kind'], required: false },
  // Kept by the official list; the area model has no place for it, so it is read and ignored.
  {
    key: 'urbanRural',
    header: '城乡分类代码',
    aliases: ['城乡分类', 'urbanRural', 'urban_rural'],
    required: false,
  },
] as const;
export type AreaImportColumnKey = (typeof areaImportColumns)[number]['key'];

/** Words a 级别 column may hold, per level. */
export const areaLevelWords: Record<(typeof areaKinds)[number], readonly string[]> = {
  district: ['区', '县', '区县', '县区', '市辖区', 'district'],
  town: ['街道', '镇', '乡', '乡镇', '街道办事处', 'town', 'street', 'township', 'subdistrict'],
  village: ['社区', '居委会', '村', '村委会', '行政村', '居民委员会', '村民委员会', 'village', 'community'],
  group: ['组', '村民小组', '网格', '小组', 'group', 'grid'],
};

export const areaImportLimits = { rows: 20_000, problemsKept: 1_000 } as const;

export const areaImportProblems = {
  'file.notSpreadsheet': {
    'zh-CN': '文件不是有效的 Excel (.xlsx) 或 CSV 文件',
    en: 'The file is not a valid Excel (.xlsx) or CSV file',
  },
  'file.empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'file.tooManyRows': {
    'zh-CN': '文件超过 {limit} 行，请分批导入',
    en: 'The file has more than {limit} rows; import it in parts',
  },
  'file.missingHeaders': {
    'zh-CN': '找不到表头：需要“代码”和“名称”两列（或 code、name）',
    en: 'No header row found: the columns 代码 and 名称 (or code, name) are needed',
  },
  'row.codeMalformed': {
    'zh-CN': '代码“{code}”不是 12 位统计用区划代码（或组的 15 位代码）',
    en: 'The code “{code}” is not a 12-digit statistical code (or a 15-digit group code)',
  },
  'row.nameMissing': {
    'zh-CN': '名称必填，且不超过 60 个字',
    en: 'A name of at most 60 characters is needed',
  },
  'row.levelUnknown': { 'zh-CN': '无法识别的级别“{level}”', en: 'Unknown level “{level}”' },
  'row.levelMismatch': {
    'zh-CN': '级别“{level}”与代码不符（代码表示{kind}）',
    en: 'The level “{level}” does not match the code (the code is a {kind})',
  },
  'row.duplicateCode': {
    'zh-CN': '代码 {code} 与第 {first} 行重复',
    en: 'The code {code} repeats row {first}',
  },
  'row.parentMissing': {
    'zh-CN': '上级区划 {parent} 既不在文件中，也不在系统中',
    en: 'The parent area {parent} is neither in the file nor in the system',
  },
  'row.outsideScope': {
    'zh-CN': '代码 {code} 不在您管理的区划范围内',
    en: 'The code {code} is outside the areas you manage',
  },
  'row.kindChanged': {
    'zh-CN': '代码 {code} 在系统中是另一级别的区划',
    en: 'The code {code} is an area of another level in the system',
  },
} as const satisfies Record<string, Record<Locale, string>>;
export type AreaImportProblem = keyof typeof areaImportProblems;

export function areaImportProblemMessage(
  problem: AreaImportProblem,
  params: Record<string, string | number>,
  locale: Locale,
): string {
  return areaImportProblems[problem][locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

export const AreaImportQuery = z.strictObject({
  // Checking is the default: writing takes an explicit dryRun=false.
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  fileName: z.string().trim().min(1).max(200).optional(),
});

export const AreaImportRow = z.object({
  /** The sheet, from 1 (a CSV is sheet 1); `row` as that sheet numbers it. */
  sheet: z.number().int(),
  row: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(areaKinds),
  parentCode: z.string().nullable(),
  action: z.enum(['create', 'rename', 'unchanged']),
  /** The name the system had, for a rename. */
  previousName: z.string().nullable(),
});
export type AreaImportRow = z.infer<typeof AreaImportRow>;

export const AreaImportRowProblem = z.object({
  sheet: z.number().int(),
  /** As the spreadsheet numbers rows; 0 for the file as a whole. */
  row: z.number().int(),
  problem: z.enum(Object.keys(areaImportProblems) as [AreaImportProblem, ...AreaImportProblem[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type AreaImportRowProblem = z.infer<typeof AreaImportRowProblem>;

export const AreaImportPlan = z.object({
  dryRun: z.boolean(),
  /** Whether the plan was written (never when it has problems or is a dry run). */
  applied: z.boolean(),
  rows: z.number().int(),
  summary: z.object({ create: z.number().int(), rename: z.number().int(), unchanged: z.number().int() }),
  items: z.array(AreaImportRow),
  problems: z.array(AreaImportRowProblem),
  problemCount: z.number().int(),
});
export type AreaImportPlan = z.infer<typeof AreaImportPlan>;
