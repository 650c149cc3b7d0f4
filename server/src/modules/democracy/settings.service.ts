import { DemocracySettings, defaultDemocracySettings } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import type { AreaContext } from '../../platform/request-context';
import { readSetting, writeSetting } from '../../platform/settings/settings.repository';

const KEY = 'democracy';

/** The district's rules for the Party bodies and the two committees, or the defaults (docs/democracy.md). */
export async function democracySettings(db: Db): Promise<DemocracySettings> {
  const parsed = DemocracySettings.safeParse(await readSetting<unknown>(db, KEY));
  return parsed.success ? parsed.data : defaultDemocracySettings;
}

export async function updateDemocracySettings(
  trx: Db,
  ctx: Pick<AreaContext, 'clock' | 'actor' | 'caller'>,
  settings: DemocracySettings,
): Promise<DemocracySettings> {
  const before = await democracySettings(trx);
  await writeSetting(trx, KEY, settings, ctx.clock.now().toISOString(), ctx.caller.id);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'democracy_settings.update',
    objectType: 'settings',
    objectId: KEY,
    before,
    after: settings,
  });
  return settings;
}
