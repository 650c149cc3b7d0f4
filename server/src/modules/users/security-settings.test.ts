import { auditApi, securitySettingsApi } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';

describe('security settings: the screen watermark', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is on by default, for every signed-in account to read', async () => {
    const cadre = await t.member('village_cadre', AREAS.villageA1);
    expect((await cadre.session.call(securitySettingsApi.get, {})).data).toEqual({ watermark: true });
    const auditor = await t.member('auditor', AREAS.district);
    expect((await auditor.session.call(securitySettingsApi.get, {})).data).toEqual({ watermark: true });
  });

  it('is turned off by the district administrator, audited with what it was, and read back off', async () => {
    const off = await t.admin.session.call(securitySettingsApi.update, { body: { watermark: false } });
    expect(off.data).toEqual({ watermark: false });
    const cadre = await t.member('village_cadre', AREAS.villageA1);
    expect((await cadre.session.call(securitySettingsApi.get, {})).data).toEqual({ watermark: false });
    const audit = await t.admin.session.call(auditApi.list, {
      query: { action: 'security_settings.update' },
    });
    expect(audit.data.items).toMatchObject([{ before: { watermark: true }, after: { watermark: false } }]);

    await t.admin.session.call(securitySettingsApi.update, { body: { watermark: true } });
    expect((await cadre.session.call(securitySettingsApi.get, {})).data).toEqual({ watermark: true });
  });

  it.each([
    ['a town head', 'town_head', AREAS.townA],
    ['the district staff', 'district_staff', AREAS.district],
    ['a village cadre', 'village_cadre', AREAS.villageA1],
    ['the auditor', 'auditor', AREAS.district],
  ] as const)(
    'refuses %s turning it off: the setting is the whole district’s',
    async (_label, role, area) => {
      const member = await t.member(role, area);
      const refused = await member.session.call(securitySettingsApi.update, { body: { watermark: false } });
      expect(refused.statusCode).toBe(403);
      expect((await member.session.call(securitySettingsApi.get, {})).data).toEqual({ watermark: true });
    },
  );

  it('refuses a body with an unknown field or a non-boolean', async () => {
    for (const body of [{ watermark: 'no' }, { watermark: false, opacity: 0 }, {}]) {
      const response = await t.admin.session.request('PUT', '/api/v1/security-settings', body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });
});
