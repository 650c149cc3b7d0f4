import { ATTACHMENT_MAX_BYTES, attachmentTypes } from '@lianxin/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { attachmentDisposition } from './http';
import type { AttachmentContentType } from './images';

/**
 * Lets a plugin's routes take a file as the request body, as it is: no multipart, no base64.
 * The limit is the attachments' (a route may declare its own `bodyLimit` too).
 */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    [...attachmentTypes],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
}

/** The uploaded file of a request and its declared type; a JSON body or another type is refused. */
export function uploadedFile(request: FastifyRequest): {
  contentType: AttachmentContentType;
  content: Buffer;
} {
  const type = request.headers['content-type']?.split(';')[0]?.trim();
  const contentType = attachmentTypes.find((t) => t === type);
  const content: unknown = request.body;
  // Only the parser above gives a file; a JSON body is not one.
  if (!contentType || !Buffer.isBuffer(content)) throw new AppError('VALIDATION_FAILED');
  return { contentType, content };
}

/**
 * Answers with a stored file as what it is, never sniffed into something else; private files are
 * not kept by caches, public ones (a published notice's) for a few minutes.
 */
export function sendFile(
  reply: FastifyReply,
  file: { content_type: string; content: Buffer | Uint8Array; file_name?: string | null },
  visibility: 'private' | 'public' = 'private',
) {
  if (file.file_name) reply.header('content-disposition', attachmentDisposition(file.file_name));
  return reply
    .type(file.content_type)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', visibility === 'private' ? 'private, no-store' : 'public, max-age=300')
    .send(file.content);
}
