import { areasApi, auditApi } from '@lianxin/common';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tamper } from '../../../test/audit.fixtures';
import { AREAS, buildUser, login } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { sealAudit } from './audit.sealer';
import { verifyAudit } from './audit.verify';

describe('audit log', () => {
  let t: World;
  beforeAll(async () => {
    t = await buildWorld();
    const admin = await login(
      t.app,
      (await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district })).username,
    );
    for (const code of ['610902002002', '610902002003', '610902002004']) {
      await admin.call(areasApi.create, {
        body: { code, name: `村${code.slice(-1)}`, kind: 'village', parentCode: AREAS.townB },
      });
    }
  });
  afterAll(() => t.close());

  it('verifies an intact chain once sealed', async () => {
    const waiting = await verifyAudit(t.database.db, t.app.ctx.secrets);
    expect(waiting).toMatchObject({ ok: true, problems: [], sealed: 0 });
    expect(waiting.unsealed).toBeGreaterThanOrEqual(3);
    expect(await sealAudit(t.database.db, t.app.ctx.secrets)).toBe(waiting.unsealed);
    const result = await verifyAudit(t.database.db, t.app.ctx.secrets);
    expect(result).toMatchObject({ ok: true, problems: [], unsealed: 0 });
    expect(result.checked).toBeGreaterThanOrEqual(3);
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('lets district admins and auditors search it, and no one else', async () => {
    const auditor = await login(
      t.app,
      (await buildUser(t.database, { role: 'auditor', areaCode: AREAS.district })).username,
    );
    const found = await auditor.call(auditApi.list, {
      query: { action: 'area.create', from: '2026-11-22', to: '2026-11-22' },
    });
    expect(found.data).toMatchObject({ total: 3 });
    const head = await login(
      t.app,
      (await buildUser(t.database, { role: 'town_head', areaCode: AREAS.townB })).username,
    );
    expect((await head.call(auditApi.list, {})).statusCode).toBe(403);
  });

  it('detects an altered row and a deleted one', async () => {
    await tamper(
      t.database.db,
      sql`update audit_log set after_json = '{"name":"假村"}' where action = 'area.create' and object_id = '610902002003'`,
    );
    const altered = await verifyAudit(t.database.db, t.app.ctx.secrets);
    expect(altered.ok).toBe(false);
    expect(altered.problems.map((p) => p.problem)).toContain('altered');

    await tamper(
      t.database.db,
      sql`delete from audit_log where object_id = '610902002002' and action = 'area.create'`,
    );
    const deleted = await verifyAudit(t.database.db, t.app.ctx.secrets);
    expect(deleted.problems.map((p) => p.problem)).toEqual(
      expect.arrayContaining(['missing', 'broken_link']),
    );
  });
});
