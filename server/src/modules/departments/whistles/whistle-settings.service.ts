import { defaultWhistleSettings, WhistleSettings } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { AreaContext } from '../../../platform/request-context';
import { readSetting, writeSetting } from '../../../platform/settings/settings.repository';

const KEY = 'whistles';

/** The district's whistle settings; the defaults where none (or a stale shape) is stored. */
export async function whistleSettings(db: Db): Promise<WhistleSettings> {
  const parsed = WhistleSettings.safeParse(await readSetting<unknown>(db, KEY));
  return parsed.success ? parsed.data : defaultWhistleSettings;
}

export async function saveWhistleSettings(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor'>,
  settings: WhistleSettings,
): Promise<WhistleSettings> {
  const before = await whistleSettings(trx);
  await writeSetting(trx, KEY, settings, ctx.clock.now().toISOString(), ctx.actor.id);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'whistle.settings',
    objectType: 'settings',
    objectId: KEY,
    before,
    after: settings,
  });
  return settings;
}
