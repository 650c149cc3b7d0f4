import { defaultServiceSettings, type ServiceSettings, ServiceSettingsSchema } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { RequestContext } from '../../../platform/request-context';
import { readSetting, writeSetting } from '../../../platform/settings/settings.repository';

const KEY = 'services.settings';

/** The services settings (follow-up and rating periods, papers kept, warning), or the defaults. */
export async function serviceSettings(db: Db): Promise<ServiceSettings> {
  const parsed = ServiceSettingsSchema.safeParse(await readSetting<unknown>(db, KEY));
  return parsed.success ? parsed.data : defaultServiceSettings;
}

export async function updateServiceSettings(
  trx: Db,
  ctx: Pick<RequestContext, 'clock' | 'actor' | 'caller'>,
  settings: ServiceSettings,
): Promise<ServiceSettings> {
  const before = await serviceSettings(trx);
  await writeSetting(trx, KEY, settings, ctx.clock.now().toISOString(), ctx.caller.id);
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'service_settings.update',
    objectType: 'settings',
    objectId: KEY,
    before,
    after: settings,
  });
  return settings;
}
