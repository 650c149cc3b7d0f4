import { defaultSecuritySettings, SecuritySettings } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/request-context';
import { readSetting, writeSetting } from '../../platform/settings/settings.repository';

const KEY = 'security';

/** The stored settings over the defaults: the watermark is on until the district turns it off. */
export async function securitySettings(db: Db): Promise<SecuritySettings> {
  const stored = await readSetting<unknown>(db, KEY);
  if (stored === undefined || typeof stored !== 'object' || stored === null) return defaultSecuritySettings;
  const parsed = SecuritySettings.safeParse({ ...defaultSecuritySettings, ...stored });
  return parsed.success ? parsed.data : defaultSecuritySettings;
}

/** Replaces the security settings, audited with what they were. */
export async function updateSecuritySettings(
  db: Db,
  ctx: Pick<RequestContext, 'clock' | 'actor'>,
  body: SecuritySettings,
): Promise<SecuritySettings> {
  const before = await securitySettings(db);
  await writeSetting(db, KEY, body, ctx.clock.now().toISOString(), ctx.actor.id);
  await recordAudit(db, ctx.clock, ctx.actor, { action: 'security_settings.update', before, after: body });
  return body;
}
