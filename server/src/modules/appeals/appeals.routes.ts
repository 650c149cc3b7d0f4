import { createHash } from 'node:crypto';
import {
  Appeal,
  type AppealAction,
  AppealActionBodies,
  AppealAttachment,
  AppealCategory,
  AppealCategoryBody,
  AppealCreateBody,
  AppealIdParams,
  AppealSettings,
  AppealStats,
  AppealStatsQuery,
  AppealsListQuery,
  AppealsPage,
  ATTACHMENT_MAX_BYTES,
  AttachmentUploadQuery,
  appealLevels,
  attachmentTypes,
  CallbackBody,
  CallbackTask,
  hasPermission,
  Mediation,
  MediationCreateBody,
  MediationOutcomeBody,
  MediationSessionBody,
  Notification,
  notificationStatuses,
  roles,
  Screening,
  ScreeningBody,
  SimilarAppeal,
  SimilarAppealsQuery,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { actorOf } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { attachmentDisposition } from '../../platform/http';
import type { AttachmentContentType } from '../../platform/images';
import { listNotifications } from '../../platform/notifications/notifications.service';
import { areaContextOf } from '../../platform/request-context';
import { writeSetting } from '../../platform/settings/settings.repository';
import { findAppeal, holderOf } from './appeals.repository';
import {
  actOnAppeal,
  appealSettings,
  appealStats,
  callbackTasks,
  createAppeal,
  getAppeal,
  listAppealsInScope,
  recordCallback,
  similarAppeals,
} from './appeals.service';
import { addAttachment, readAttachment } from './attachments';
import { categories, createCategory, editCategory } from './categories';
import {
  addMediationSession,
  createMediation,
  getMediation,
  listMediations,
  listScreenings,
  recordMediationOutcome,
  recordScreening,
} from './mediation.service';

const CategoryParams = z.strictObject({ code: z.string().max(40) });
const IdParams = z.strictObject({ id: z.uuid() });
const Limit = z.coerce.number().int().min(1).max(200).default(50);
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });

/** The URL segment of each action. */
const actionPaths: Record<AppealAction, string> = {
  accept: 'accept',
  start: 'start',
  assign: 'assign',
  escalate: 'escalate',
  send_down: 'send-down',
  return: 'return',
  defer: 'defer',
  approve_deferral: 'approve-deferral',
  reject_deferral: 'reject-deferral',
  resolve: 'resolve',
  merge: 'merge',
  note: 'notes',
};

/** A stable appeal id for a client's Idempotency-Key: a retried POST finds the appeal it made. */
function idFromKey(callerId: string, key: string): string {
  const hex = createHash('sha256').update(`${callerId}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const Candidate = z.object({ id: z.string(), name: z.string(), role: z.string(), areaCode: z.string() });
const handlingRoles = roles.filter((role) => hasPermission(role, 'appeals.handle'));

export const appealsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  /** Active accounts bound to one of these units whose role works on appeals. */
  const candidates = async (units: string[]) => {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name', 'role', 'area_code'])
      .where('disabled_at', 'is', null)
      .where('role', 'in', handlingRoles)
      .where('area_code', 'in', units)
      .orderBy('area_code', 'desc')
      .orderBy('name')
      .limit(300)
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, areaCode: r.area_code }));
  };

  app.get(
    '/appeal-categories',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['appeals'], response: { 200: z.array(AppealCategory) } },
    },
    async () => categories(db),
  );

  app.post(
    '/appeal-categories',
    {
      config: { permission: 'appeals.configure' },
      schema: { tags: ['appeals'], body: AppealCategoryBody, response: { 201: AppealCategory } },
    },
    async (request, reply) => {
      const category = await db
        .transaction()
        .execute((trx) => createCategory(trx, clock, actorOf(request), request.body));
      return reply.status(201).send(category);
    },
  );

  app.put(
    '/appeal-categories/:code',
    {
      config: { permission: 'appeals.configure' },
      schema: {
        tags: ['appeals'],
        params: CategoryParams,
        body: AppealCategoryBody,
        response: { 200: AppealCategory },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => editCategory(trx, clock, actorOf(request), request.params.code, request.body)),
  );

  app.get(
    '/appeal-settings',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['appeals'], response: { 200: AppealSettings } },
    },
    async () => appealSettings(db),
  );

  app.put(
    '/appeal-settings',
    {
      config: { permission: 'appeals.configure' },
      schema: { tags: ['appeals'], body: AppealSettings, response: { 200: AppealSettings } },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const before = await appealSettings(trx);
        const actor = actorOf(request);
        await writeSetting(trx, 'appeals', request.body, clock.now().toISOString(), actor.id);
        await recordAudit(trx, clock, actor, {
          action: 'appeal_settings.update',
          before,
          after: request.body,
        });
        return request.body;
      }),
  );

  app.get(
    '/appeals',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['appeals'], querystring: AppealsListQuery, response: { 200: AppealsPage } },
    },
    async (request) => listAppealsInScope(db, areaContextOf(request), request.query),
  );

  app.post(
    '/appeals',
    {
      config: { permission: 'appeals.create' },
      schema: {
        tags: ['appeals'],
        summary:
          'Take in an appeal from any channel (Idempotency-Key or a client id makes retries count once)',
        headers: IdempotencyHeaders,
        body: AppealCreateBody,
        response: { 200: Appeal, 201: Appeal },
      },
    },
    async (request, reply) => {
      const ctx = areaContextOf(request);
      const key = request.headers['idempotency-key'];
      const body =
        key && !request.body.id ? { ...request.body, id: idFromKey(ctx.caller.id, key) } : request.body;
      const created = await db
        .transaction()
        .execute((trx) => createAppeal(trx, ctx, body, { createdBy: ctx.caller.id, ipHash: null }));
      return reply.status(created.created ? 201 : 200).send(await getAppeal(db, ctx, created.id));
    },
  );

  app.get(
    '/appeals/similar',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'Open appeals of the same village and category in the last 30 days that read alike',
        querystring: SimilarAppealsQuery,
        response: { 200: z.array(SimilarAppeal) },
      },
    },
    async (request) => similarAppeals(db, areaContextOf(request), request.query),
  );

  app.get(
    '/appeals/stats',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['appeals'], querystring: AppealStatsQuery, response: { 200: AppealStats } },
    },
    async (request) => appealStats(db, areaContextOf(request), request.query),
  );

  app.get(
    '/appeals/:id',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['appeals'], params: AppealIdParams, response: { 200: Appeal } },
    },
    async (request) => getAppeal(db, areaContextOf(request), request.params.id),
  );

  app.post(
    '/appeals/:id/reveal-phone',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['appeals'],
        summary: 'The reporter’s full phone number, to call back (each reveal is audited)',
        params: AppealIdParams,
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const ctx = areaContextOf(request);
        const appeal = await findAppeal(trx, ctx.scope, request.params.id);
        if (!appeal) throw notFound();
        const phone = appeal.reporter_phone_enc ? ctx.secrets.decrypt(appeal.reporter_phone_enc) : null;
        await recordAudit(trx, clock, ctx.actor, {
          action: 'appeal.reveal_phone',
          objectType: 'appeal',
          objectId: appeal.id,
          areaCode: appeal.village_code,
        });
        return { phone };
      }),
  );

  app.get(
    '/appeals/:id/mediators',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['mediation'],
        summary:
          'Who may mediate this dispute: active accounts of its village, town and district that handle appeals',
        params: AppealIdParams,
        response: { 200: z.array(Candidate) },
      },
    },
    async (request) => {
      const appeal = await findAppeal(db, areaContextOf(request).scope, request.params.id);
      if (!appeal) throw notFound();
      const units = appealLevels.map((level) => holderOf(appeal.village_code, level));
      return candidates(units);
    },
  );

  app.get(
    '/appeals/:id/handlers',
    {
      config: { permission: 'appeals.assign' },
      schema: {
        tags: ['appeals'],
        summary: 'Who may be assigned: active accounts of the unit that holds the appeal',
        params: AppealIdParams,
        response: { 200: z.array(Candidate) },
      },
    },
    async (request) => {
      const appeal = await findAppeal(db, areaContextOf(request).scope, request.params.id);
      if (!appeal) throw notFound();
      return candidates([appeal.holder_area_code]);
    },
  );

  // Photos and documents arrive as the request body, as they are: no multipart, no base64.
  app.addContentTypeParser(
    [...attachmentTypes],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/appeals/:id/attachments',
    {
      config: { permission: 'appeals.handle' },
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        tags: ['appeals'],
        summary: 'Add a photo (JPG, PNG) or a PDF, the raw file as the body; photos lose their location data',
        params: AppealIdParams,
        querystring: AttachmentUploadQuery,
        body: z.instanceof(Buffer),
        response: { 201: AppealAttachment },
      },
    },
    async (request, reply) => {
      const contentType = request.headers['content-type']?.split(';')[0]?.trim() as AttachmentContentType;
      const attachment = await db.transaction().execute((trx) =>
        addAttachment(trx, areaContextOf(request), request.params.id, {
          fileName: request.query.fileName,
          contentType,
          content: request.body,
        }),
      );
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/appeals/:id/attachments/:attachmentId',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        params: z.strictObject({ id: z.uuid(), attachmentId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await readAttachment(
        db,
        areaContextOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.content_type)
        .header('content-disposition', attachmentDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );

  for (const action of Object.keys(actionPaths) as AppealAction[]) {
    const assigning = action === 'assign' || action === 'approve_deferral' || action === 'reject_deferral';
    app.post(
      `/appeals/:id/${actionPaths[action]}`,
      {
        config: { permission: assigning ? 'appeals.assign' : 'appeals.handle' },
        schema: {
          tags: ['appeals'],
          params: AppealIdParams,
          body: AppealActionBodies[action],
          response: { 200: Appeal },
        },
      },
      async (request) =>
        db
          .transaction()
          .execute((trx) =>
            actOnAppeal(trx, areaContextOf(request), request.params.id, action, request.body as never),
          ),
    );
  }

  app.post(
    '/appeals/:id/callback',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['appeals'],
        summary: 'Record a callback (回访): by someone other than the handler',
        params: AppealIdParams,
        body: CallbackBody,
        response: { 200: Appeal },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => recordCallback(trx, areaContextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/callbacks',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['appeals'],
        summary: 'The callback worklist: resolved appeals in the caller’s area waiting for a callback',
        querystring: z.strictObject({ limit: Limit }),
        response: { 200: z.object({ items: z.array(CallbackTask) }) },
      },
    },
    async (request) => ({ items: await callbackTasks(db, areaContextOf(request), request.query.limit) }),
  );

  app.get(
    '/notifications',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'The notification outbox for the caller’s area (the log driver’s record)',
        querystring: z.strictObject({
          status: z.enum(notificationStatuses).optional(),
          appealId: z.uuid().optional(),
          limit: Limit,
        }),
        response: { 200: z.object({ items: z.array(Notification) }) },
      },
    },
    async (request) => {
      const { limit, status, appealId } = request.query;
      const filter = { ...(status ? { status } : {}), ...(appealId ? { appealId } : {}) };
      return { items: await listNotifications(db, areaContextOf(request).scope, filter, limit) };
    },
  );

  app.get(
    '/mediations',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['mediation'],
        querystring: z.strictObject({
          villageCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
          appealId: z.uuid().optional(),
          limit: Limit,
        }),
        response: { 200: z.object({ items: z.array(Mediation) }) },
      },
    },
    async (request) => ({
      items: await listMediations(
        db,
        areaContextOf(request),
        { villageCode: request.query.villageCode, appealId: request.query.appealId },
        request.query.limit,
      ),
    }),
  );

  app.post(
    '/mediations',
    {
      config: { permission: 'appeals.handle' },
      schema: { tags: ['mediation'], body: MediationCreateBody, response: { 201: Mediation } },
    },
    async (request, reply) => {
      const mediation = await db
        .transaction()
        .execute((trx) => createMediation(trx, areaContextOf(request), request.body));
      return reply.status(201).send(mediation);
    },
  );

  app.get(
    '/mediations/:id',
    {
      config: { permission: 'appeals.read' },
      schema: { tags: ['mediation'], params: IdParams, response: { 200: Mediation } },
    },
    async (request) => getMediation(db, areaContextOf(request), request.params.id),
  );

  app.post(
    '/mediations/:id/sessions',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['mediation'],
        params: IdParams,
        body: MediationSessionBody,
        response: { 201: Mediation },
      },
    },
    async (request, reply) => {
      const mediation = await db
        .transaction()
        .execute((trx) => addMediationSession(trx, areaContextOf(request), request.params.id, request.body));
      return reply.status(201).send(mediation);
    },
  );

  app.post(
    '/mediations/:id/outcome',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['mediation'],
        params: IdParams,
        body: MediationOutcomeBody,
        response: { 200: Mediation },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          recordMediationOutcome(trx, areaContextOf(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/screenings',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['mediation'],
        querystring: z.strictObject({ limit: Limit }),
        response: { 200: z.object({ items: z.array(Screening) }) },
      },
    },
    async (request) => ({ items: await listScreenings(db, areaContextOf(request), request.query.limit) }),
  );

  app.post(
    '/screenings',
    {
      config: { permission: 'appeals.handle' },
      schema: {
        tags: ['mediation'],
        summary: 'Record a screening sweep (大排查) of a village: each dispute found becomes an appeal',
        body: ScreeningBody,
        response: { 201: Screening },
      },
    },
    async (request, reply) => {
      const screening = await db
        .transaction()
        .execute((trx) => recordScreening(trx, areaContextOf(request), request.body));
      return reply.status(201).send(screening);
    },
  );
};
