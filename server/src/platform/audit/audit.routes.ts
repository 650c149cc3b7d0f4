import { AuditEntry, AuditListQuery, pageOf } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { areaContextOf } from '../request-context';
import { searchEntries } from './audit.repository';
import { toAuditEntry } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: pageOf(AuditEntry) } },
    },
    async (request) => {
      const { rows, total } = await searchEntries(db, areaContextOf(request).scope, request.query);
      return { items: rows.map(toAuditEntry), total };
    },
  );
};
