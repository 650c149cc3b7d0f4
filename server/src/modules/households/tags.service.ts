import type { TagDefinition, TagsCreateBody } from '@lianxin/common';
import { type Db, isUniqueViolation } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import type { AreaContext } from '../../platform/request-context';
import { insertTagDefinition, listTagDefinitions } from './tags.repository';

/** The tags households and members may carry; they hold in every area. */
export async function tagDefinitions(db: Db): Promise<TagDefinition[]> {
  const rows = await listTagDefinitions(db);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    appliesTo: r.applies_to,
    builtin: Boolean(r.builtin),
  }));
}

/** A district's own tag (e.g. 光荣之家); the builtin ones cannot be redefined. */
export async function createTag(db: Db, ctx: AreaContext, body: TagsCreateBody): Promise<TagDefinition> {
  try {
    await insertTagDefinition(db, {
      code: body.code,
      name: body.name,
      applies_to: body.appliesTo,
      builtin: false,
      created_at: ctx.clock.now().toISOString(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('TAG_CODE_TAKEN', { code: body.code });
    throw err;
  }
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'tag.create',
    objectType: 'tag',
    objectId: body.code,
    after: body,
  });
  return { ...body, builtin: false };
}
