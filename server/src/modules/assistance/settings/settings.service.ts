import { AssistanceSettings, defaultAssistanceSettings, type Quota, type QuotaGroup } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import type { AreaContext, RequestContext } from '../../../platform/request-context';
import { readSetting, writeSetting } from '../../../platform/settings/settings.repository';
import { type CadreRow, findCadre } from '../cadres.repository';
import { putCadreQuota } from './settings.repository';

/** The stored settings over the defaults (a setting added later has its default until saved). */
export async function assistanceSettings(db: Db): Promise<AssistanceSettings> {
  const stored = await readSetting<unknown>(db, 'assistance');
  if (stored === undefined || typeof stored !== 'object' || stored === null) return defaultAssistanceSettings;
  const parsed = AssistanceSettings.safeParse({ ...defaultAssistanceSettings, ...stored });
  return parsed.success ? parsed.data : defaultAssistanceSettings;
}

/** Replaces the assistance settings, audited with what they were. */
export async function updateAssistanceSettings(
  db: Db,
  ctx: Pick<RequestContext, 'clock' | 'actor'>,
  body: AssistanceSettings,
): Promise<AssistanceSettings> {
  const before = await assistanceSettings(db);
  await writeSetting(db, 'assistance', body, ctx.clock.now().toISOString(), ctx.actor.id);
  await recordAudit(db, ctx.clock, ctx.actor, { action: 'assistance_settings.update', before, after: body });
  return body;
}

export function quotaGroupOf(role: string, rank: string | null): QuotaGroup | null {
  switch (role) {
    case 'district_admin':
    case 'district_staff':
      return rank === 'leader' ? 'district_leader' : 'district_staff';
    case 'town_head':
    case 'town_staff':
    case 'village_cadre':
      return role;
    default:
      return null;
  }
}

/** A cadre's quota: their own when set, else their group's. */
export function quotaOf(
  cadre: CadreRow,
  settings: AssistanceSettings,
): { quota: Quota; overridden: boolean } {
  if (cadre.quota_min !== null && cadre.quota_max !== null) {
    return { quota: { min: cadre.quota_min, max: cadre.quota_max }, overridden: true };
  }
  const group = quotaGroupOf(cadre.role, cadre.rank);
  return { quota: group ? settings.quotas[group] : { min: 0, max: 0 }, overridden: false };
}

/** Sets (or with null, removes) a cadre's own quota. */
export async function setQuota(db: Db, ctx: AreaContext, cadreId: string, quota: Quota | null) {
  const cadre = await findCadre(db, cadreId, ctx.scope);
  if (!cadre) throw notFound();
  if (quota && quota.min > quota.max) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.min', message: 'quota.range' }]);
  }
  await putCadreQuota(db, cadreId, quota, ctx.caller.id, ctx.clock.now().toISOString());
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'cadre.quota',
    objectType: 'user',
    objectId: cadreId,
    areaCode: cadre.area_code,
    after: quota,
  });
}
