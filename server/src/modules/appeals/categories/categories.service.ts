import type { AppealCategory, AppealCategoryBody, AppealLevel, AppealUrgency } from '@lianxin/common';
import type { Kysely } from 'kysely';
import { type Db, isUniqueViolation } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../platform/audit/audit.service';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { AppError, notFound } from '../../../platform/errors';
import {
  type CategoryRow,
  findCategory,
  hasCategories,
  insertCategory,
  insertMissingCategories,
  listCategories,
  updateCategory,
} from './categories.repository';

type Default = [
  code: string,
  zh: string,
  en: string,
  level: AppealLevel,
  urgency: AppealUrgency,
  dispute?: boolean,
];

/** The default category tree; district admins edit it in the console. */
const defaults: Default[] = [
  ['employment', '就业创业', 'Employment', 'town', 'normal'],
  ['social_security', '社会保障', 'Social security', 'town', 'normal'],
  ['medical', '医疗卫生', 'Medical care', 'town', 'normal'],
  ['land', '土地征迁', 'Land and relocation', 'town', 'complex', true],
  ['housing', '住房安全', 'Housing', 'village', 'normal'],
  ['roads_water', '道路水利', 'Roads and water', 'village', 'normal'],
  ['environment', '环境卫生', 'Environment and sanitation', 'village', 'normal'],
  ['neighbour_dispute', '邻里纠纷', 'Neighbour dispute', 'village', 'normal', true],
  ['wage_dispute', '劳资纠纷', 'Labour and wage dispute', 'town', 'normal', true],
  ['public_security', '社会治安', 'Public security', 'town', 'urgent'],
  ['policy', '政策咨询', 'Policy consultation', 'village', 'normal'],
  ['other', '其他', 'Other', 'village', 'normal'],
];

export async function ensureAppealDefaults(db: Kysely<DB>, now: string): Promise<void> {
  if (await hasCategories(db)) return;
  await insertMissingCategories(
    db,
    defaults.map(([code, zh, en, level, urgency, dispute], index) => ({
      code,
      parent_code: null,
      name_zh: zh,
      name_en: en,
      default_level: level,
      default_urgency: urgency,
      resolution_days: null,
      dispute: dispute ?? false,
      active: true,
      sort: (index + 1) * 10,
      updated_at: now,
    })),
  );
}

export function toCategory(row: CategoryRow): AppealCategory {
  return {
    code: row.code,
    parentCode: row.parent_code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    defaultLevel: row.default_level,
    defaultUrgency: row.default_urgency,
    resolutionDays: row.resolution_days,
    deadlineUnit: row.deadline_unit,
    dispute: Boolean(row.dispute),
    active: Boolean(row.active),
    sort: row.sort,
  };
}

export async function categories(db: Db): Promise<AppealCategory[]> {
  return (await listCategories(db)).map(toCategory);
}

function columns(body: AppealCategoryBody, now: string) {
  return {
    parent_code: body.parentCode,
    name_zh: body.nameZh,
    name_en: body.nameEn,
    default_level: body.defaultLevel,
    default_urgency: body.defaultUrgency,
    resolution_days: body.resolutionDays,
    deadline_unit: body.deadlineUnit,
    dispute: body.dispute,
    active: body.active,
    sort: body.sort,
    updated_at: now,
  };
}

async function checkParent(db: Db, body: AppealCategoryBody): Promise<void> {
  if (body.parentCode === null) return;
  const parent = await findCategory(db, body.parentCode);
  if (!parent || parent.code === body.code || parent.parent_code !== null) {
    throw new AppError('APPEAL_CATEGORY_UNKNOWN', { code: body.parentCode });
  }
}

/** Adds a category (codes are never reused: appeals keep pointing at them). */
export async function createCategory(db: Db, clock: Clock, actor: Actor, body: AppealCategoryBody) {
  await checkParent(db, body);
  const now = clock.now().toISOString();
  try {
    await insertCategory(db, { code: body.code, ...columns(body, now) });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('APPEAL_CATEGORY_CODE_TAKEN', { code: body.code });
    throw err;
  }
  await recordAudit(db, clock, actor, {
    action: 'appeal_category.create',
    objectType: 'appeal_category',
    objectId: body.code,
    after: body,
  });
  return toCategory((await findCategory(db, body.code)) as CategoryRow);
}

/** Edits a category; deactivating hides it from intake, appeals already filed keep it. */
export async function editCategory(
  db: Db,
  clock: Clock,
  actor: Actor,
  code: string,
  body: AppealCategoryBody,
) {
  const before = await findCategory(db, code);
  if (!before || body.code !== code) throw notFound();
  await checkParent(db, body);
  await updateCategory(db, code, columns(body, clock.now().toISOString()));
  await recordAudit(db, clock, actor, {
    action: 'appeal_category.update',
    objectType: 'appeal_category',
    objectId: code,
    before: toCategory(before),
    after: body,
  });
  return toCategory((await findCategory(db, code)) as CategoryRow);
}
