import { auditApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../request-context';
import { route } from '../routes';
import { searchEntries } from './audit.repository';
import { toAuditEntry } from './audit.service';

/** `/audit`: the audit log, searched by actor, action, object and day. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  route(app, auditApi.list, { permission: 'audit.read' }, async (request) => {
    const ctx = areaContextOf(request);
    const { rows, total } = await searchEntries(ctx.db, ctx.scope, request.query);
    return { items: rows.map(toAuditEntry), total };
  });
};
