import { defaultWarningSettings, type WarningSettings } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import type { AreaContext } from '../../platform/request-context';
import { readSetting, writeSetting } from '../../platform/settings/settings.repository';

const KEY = 'warnings';

/** The district's safety and risk words and thresholds, or the defaults before anyone edited them. */
export async function warningSettings(db: Db): Promise<WarningSettings> {
  const stored = await readSetting<Partial<WarningSettings>>(db, KEY);
  return { ...defaultWarningSettings, ...stored };
}

export async function updateWarningSettings(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor' | 'caller'>,
  settings: WarningSettings,
): Promise<WarningSettings> {
  const before = await warningSettings(trx);
  await writeSetting(trx, KEY, settings, ctx.clock.now().toISOString(), ctx.caller.id);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'warning_settings.update',
    objectType: 'settings',
    objectId: KEY,
    before,
    after: settings,
  });
  return settings;
}
