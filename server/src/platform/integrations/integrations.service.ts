import {
  INTEGRATION_KEY_PREFIX,
  type Integration,
  type IntegrationDetail,
  type IntegrationKey,
  type IntegrationKeyIssued,
  type IntegrationKeysCreateBody,
  type IntegrationKeysRotateBody,
  type IntegrationScope,
  type IntegrationsCreateBody,
  type IntegrationsUpdateBody,
  roleAreaKinds,
} from '@lianxin/common';
import { type Db, isUniqueViolation } from '../../db/dialect';
import type { IntegrationKeyRow } from '../../db/schema';
import { recordAudit } from '../audit/audit.service';
import { AppError, notFound } from '../errors';
import { newId, newSecret, sha256 } from '../ids';
import type { AreaContext } from '../request-context';
import {
  findAreaInScope,
  findIntegration,
  findKey,
  type IntegrationWithArea,
  insertIntegration,
  insertKey,
  insertSystemUser,
  integrationNameTaken,
  listIntegrations,
  listKeys,
  updateIntegration,
  updateKey,
  updateSystemUser,
} from './integrations.repository';

export type ManageContext = Pick<AreaContext, 'clock' | 'actor' | 'caller' | 'scope'>;

/** Only the hash of a key is kept; the key itself is shown once. */
export function keyHashOf(key: string): string {
  return sha256(`integration-key:${key}`);
}

// Enough of the key to recognise it in a list, far too little to guess the rest (256 random bits).
const VISIBLE_CHARS = INTEGRATION_KEY_PREFIX.length + 8;

export function parseScopes(json: string): IntegrationScope[] {
  return JSON.parse(json) as IntegrationScope[];
}

function toIntegration(row: IntegrationWithArea): Integration {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    areaCode: row.area_code,
    area: { code: row.area_code, name: row.area_name, kind: row.area_kind },
    scopes: parseScopes(row.scopes),
    rateLimitPerMinute: row.rate_limit_per_minute,
    active: Boolean(row.active),
    userId: row.user_id,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function toKey(row: IntegrationKeyRow, now: Date): IntegrationKey {
  return {
    id: row.id,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    active: row.revoked_at === null && (row.expires_at === null || row.expires_at > now.toISOString()),
  };
}

export async function listIntegrationsInScope(
  db: Db,
  ctx: Pick<ManageContext, 'scope'>,
): Promise<Integration[]> {
  return (await listIntegrations(db, ctx.scope)).map(toIntegration);
}

/** An integration inside the caller's subtree; 404 otherwise, so its existence does not leak. */
export async function integrationInScope(db: Db, ctx: Pick<ManageContext, 'scope'>, id: string) {
  const row = await findIntegration(db, ctx.scope, id);
  if (!row) throw notFound();
  return row;
}

export async function getIntegration(
  db: Db,
  ctx: Pick<ManageContext, 'scope' | 'clock'>,
  id: string,
): Promise<IntegrationDetail> {
  const row = await integrationInScope(db, ctx, id);
  const now = ctx.clock.now();
  return { ...toIntegration(row), keys: (await listKeys(db, id)).map((k) => toKey(k, now)) };
}

function audited(i: Pick<Integration, 'name' | 'description' | 'scopes' | 'rateLimitPerMinute' | 'active'>) {
  return {
    name: i.name,
    description: i.description,
    scopes: i.scopes,
    rateLimitPerMinute: i.rateLimitPerMinute,
    active: i.active,
  };
}

async function assertNameFree(db: Db, name: string, exceptId: string | null): Promise<void> {
  if (await integrationNameTaken(db, name, exceptId)) throw new AppError('INTEGRATION_NAME_TAKEN', { name });
}

/**
 * Creates an integration and the system account it acts as (role `integration`, bound to its area):
 * the audit log, created-by columns and the request context work for it as for a person. The
 * account has no usable password: it never signs in.
 */
export async function createIntegration(
  db: Db,
  ctx: ManageContext,
  body: IntegrationsCreateBody,
): Promise<IntegrationDetail> {
  const area = await findAreaInScope(db, ctx.scope, body.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
  if (!roleAreaKinds.integration.includes(area.kind))
    throw new AppError('ROLE_AREA_MISMATCH', { role: 'integration' });
  await assertNameFree(db, body.name, null);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const userId = newId();
  try {
    await insertSystemUser(db, {
      id: userId,
      username: `integration-${id.slice(-12)}`,
      name: body.name,
      phone: null,
      role: 'integration',
      area_code: area.code,
      unit_id: null,
      rank: null,
      locale: null,
      // Not an argon2 hash: no password ever verifies against it.
      password_hash: `!integration:${newSecret()}`,
      disabled_at: null,
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await insertIntegration(db, {
      id,
      user_id: userId,
      name: body.name,
      description: body.description,
      area_code: area.code,
      scopes: JSON.stringify([...new Set(body.scopes)]),
      rate_limit_per_minute: body.rateLimitPerMinute,
      active: true,
      created_at: now,
      created_by: ctx.caller.id,
      updated_at: now,
      updated_by: ctx.caller.id,
      version: 1,
    });
  } catch (err) {
    if (isUniqueViolation(err)) await assertNameFree(db, body.name, null);
    throw err;
  }
  const created = await getIntegration(db, ctx, id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.create',
    objectType: 'integration',
    objectId: id,
    areaCode: area.code,
    after: audited(created),
  });
  return created;
}

export async function updateIntegrationInScope(
  db: Db,
  ctx: ManageContext,
  id: string,
  body: IntegrationsUpdateBody,
): Promise<IntegrationDetail> {
  const before = toIntegration(await integrationInScope(db, ctx, id));
  if (body.name !== undefined && body.name !== before.name) await assertNameFree(db, body.name, id);
  const now = ctx.clock.now().toISOString();
  const ok = await updateIntegration(db, id, body.version, {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(body.scopes === undefined ? {} : { scopes: JSON.stringify([...new Set(body.scopes)]) }),
    ...(body.rateLimitPerMinute === undefined ? {} : { rate_limit_per_minute: body.rateLimitPerMinute }),
    ...(body.active === undefined ? {} : { active: body.active }),
    updated_at: now,
    updated_by: ctx.caller.id,
  });
  if (!ok) throw new AppError('VERSION_CONFLICT');
  const after = await getIntegration(db, ctx, id);
  // The system account follows: its name in the audit log, and disabled while the integration is.
  await updateSystemUser(db, after.userId, {
    name: after.name,
    disabled_at: after.active ? null : now,
    updated_at: now,
  });
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.update',
    objectType: 'integration',
    objectId: id,
    areaCode: after.areaCode,
    before: audited(before),
    after: audited(after),
  });
  return after;
}

async function issueKey(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  expiresAt: string | null,
): Promise<IntegrationKeyIssued> {
  const secret = `${INTEGRATION_KEY_PREFIX}${newSecret()}`;
  const now = ctx.clock.now();
  const row: IntegrationKeyRow = {
    id: newId(),
    integration_id: integrationId,
    key_hash: keyHashOf(secret),
    prefix: secret.slice(0, VISIBLE_CHARS),
    created_at: now.toISOString(),
    created_by: ctx.caller.id,
    expires_at: expiresAt,
    revoked_at: null,
    last_used_at: null,
  };
  await insertKey(db, row);
  return { key: toKey(row, now), secret };
}

export async function createKey(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  body: IntegrationKeysCreateBody,
): Promise<IntegrationKeyIssued> {
  const integration = await integrationInScope(db, ctx, integrationId);
  const now = ctx.clock.now().getTime();
  const expiresAt =
    body.expiresInDays === null ? null : new Date(now + body.expiresInDays * 86_400_000).toISOString();
  const issued = await issueKey(db, ctx, integrationId, expiresAt);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.key_create',
    objectType: 'integration',
    objectId: integrationId,
    areaCode: integration.area_code,
    after: { keyId: issued.key.id, prefix: issued.key.prefix, expiresAt },
  });
  return issued;
}

async function usableKey(db: Db, integrationId: string, keyId: string) {
  const key = await findKey(db, integrationId, keyId);
  if (!key) throw notFound();
  return key;
}

/**
 * Issues a new key and lets the old one work for the grace period only, so the partner can
 * switch over without an outage. A key already revoked or expired cannot be rotated (issue a new one).
 */
export async function rotateKey(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  keyId: string,
  body: IntegrationKeysRotateBody,
): Promise<IntegrationKeyIssued> {
  const integration = await integrationInScope(db, ctx, integrationId);
  const old = await usableKey(db, integrationId, keyId);
  const now = ctx.clock.now();
  if (!toKey(old, now).active) throw notFound();
  const graceEnd = new Date(now.getTime() + body.graceDays * 86_400_000).toISOString();
  const oldExpiresAt = old.expires_at !== null && old.expires_at < graceEnd ? old.expires_at : graceEnd;
  await updateKey(db, old.id, { expires_at: oldExpiresAt });
  const issued = await issueKey(db, ctx, integrationId, null);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'integration.key_rotate',
    objectType: 'integration',
    objectId: integrationId,
    areaCode: integration.area_code,
    before: { keyId: old.id, prefix: old.prefix, expiresAt: old.expires_at },
    after: { oldKeyExpiresAt: oldExpiresAt, keyId: issued.key.id, prefix: issued.key.prefix },
  });
  return issued;
}

export async function revokeKey(
  db: Db,
  ctx: ManageContext,
  integrationId: string,
  keyId: string,
): Promise<IntegrationKey> {
  const integration = await integrationInScope(db, ctx, integrationId);
  const key = await usableKey(db, integrationId, keyId);
  const now = ctx.clock.now();
  if (key.revoked_at === null) {
    await updateKey(db, key.id, { revoked_at: now.toISOString() });
    await recordAudit(db, ctx.clock, ctx.actor, {
      action: 'integration.key_revoke',
      objectType: 'integration',
      objectId: integrationId,
      areaCode: integration.area_code,
      before: { keyId: key.id, prefix: key.prefix },
    });
  }
  const after = await findKey(db, integrationId, keyId);
  if (!after) throw notFound();
  return toKey(after, now);
}
