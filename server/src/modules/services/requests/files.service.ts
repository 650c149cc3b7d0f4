import type { ProxyFile, ProxyFileUploadQuery } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { recordAudit } from '../../../platform/audit/audit.service';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { type AttachmentContentType, cleanAttachment } from '../../../platform/images';
import type { RequestContext } from '../../../platform/request-context';
import { insertEvent, insertFile } from './request-writes.repository';
import { findFile, findRequest, requestMaterials } from './requests.repository';

type Ctx = Pick<RequestContext, 'scope' | 'clock' | 'actor' | 'secrets'>;

/**
 * Stores the signed authorisation, a paper's photo or the result, sealed (copies of ID cards are
 * sensitive personal data): photos lose their location data first. Not on a request that is
 * closed, cancelled or whose papers were deleted.
 */
export async function addFile(
  trx: Db,
  ctx: Ctx,
  id: string,
  query: ProxyFileUploadQuery,
  file: { contentType: AttachmentContentType; content: Buffer },
): Promise<ProxyFile> {
  const row = await findRequest(trx, ctx.scope, id);
  if (!row) throw notFound();
  if (row.status === 'closed' || row.status === 'cancelled' || row.papers_purged_at !== null) {
    throw new AppError('PROXY_STATE_INVALID');
  }
  if (query.materialId !== undefined) {
    const materials = await requestMaterials(trx, row.id);
    if (query.kind !== 'paper' || !materials.some((m) => m.id === query.materialId)) {
      throw new AppError('PROXY_FILE_INVALID');
    }
  }
  const clean = cleanAttachment(file.content, file.contentType);
  const at = ctx.clock.now().toISOString();
  const fileId = newId();
  await insertFile(trx, {
    id: fileId,
    request_id: row.id,
    kind: query.kind,
    material_id: query.materialId ?? null,
    file_name: query.fileName,
    content_type: file.contentType,
    size: clean.length,
    content: ctx.secrets.sealBytes(clean),
    uploaded_by: ctx.actor.id,
    created_at: at,
  });
  await insertEvent(trx, {
    requestId: row.id,
    kind: 'file_added',
    note: query.fileName,
    data: { fileId, kind: query.kind },
    at,
    by: ctx.actor.id,
  });
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'proxy_request.file_add',
    objectType: 'proxy_request',
    objectId: row.id,
    areaCode: row.area_code,
    after: { fileId, kind: query.kind, size: clean.length },
  });
  return {
    id: fileId,
    kind: query.kind,
    materialId: query.materialId ?? null,
    fileName: query.fileName,
    contentType: file.contentType,
    size: clean.length,
    createdAt: at,
  };
}

/** A stored file of a request in reach, opened (each download of a paper audited). */
export async function readFile(trx: Db, ctx: Ctx, id: string, fileId: string) {
  const row = await findRequest(trx, ctx.scope, id);
  if (!row) throw notFound();
  const file = await findFile(trx, row.id, fileId);
  if (!file) throw notFound();
  await recordAudit(trx, ctx.clock, ctx.actor, {
    action: 'proxy_request.file_read',
    objectType: 'proxy_request',
    objectId: row.id,
    areaCode: row.area_code,
    after: { fileId, kind: file.kind },
  });
  return {
    file_name: file.file_name,
    content_type: file.content_type,
    content: ctx.secrets.openBytes(Buffer.from(file.content)),
  };
}
