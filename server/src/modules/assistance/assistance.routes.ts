import {
  AssistanceSettings,
  ATTACHMENT_MAX_BYTES,
  ContactPoint,
  ContactPointBody,
  HelperRatingBody,
  HelperRatings,
  HelpMeasure,
  HelpMeasureCreateBody,
  HelpMeasureUpdateBody,
  Pairing,
  PairingBoard,
  PairingCreateBody,
  PairingEndBody,
  PairingKeepBody,
  PairingsPage,
  PairingsQuery,
  Proposal,
  ProposalAcceptBody,
  ProposalBody,
  PublicRatingView,
  QuotaOverrideBody,
  RatingLink,
  Visit,
  VisitCreateBody,
  VisitsQuery,
  Worklist,
} from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service';
import { actorOf } from '../../platform/context';
import type { AttachmentContentType } from '../../platform/images';
import { areaContextOf } from '../../platform/request-context';
import { writeSetting } from '../../platform/settings/settings.repository';
import {
  acceptProposal,
  assistanceSettings,
  createContactPoint,
  createPairing,
  endContactPoint,
  endPairing,
  keepPairing,
  listContactPoints,
  listPairings,
  pairingBoard,
  pairingInScope,
  proposePairings,
  setQuota,
} from './pairings.service';
import {
  addVisitPhoto,
  createMeasure,
  createRatingLink,
  createVisit,
  getVisit,
  helperRatings,
  listMeasures,
  listVisits,
  rateByLink,
  rateHelper,
  ratingLinkView,
  readVisitPhoto,
  updateMeasure,
  worklistFor,
} from './visits.service';

const IdParams = z.strictObject({ id: z.uuid() });
const Limit = z.coerce.number().int().min(1).max(200).default(50);

export const assistanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;

  app.get(
    '/assistance-settings',
    {
      config: { permission: 'assistance.read' },
      schema: { tags: ['assistance'], response: { 200: AssistanceSettings } },
    },
    async () => assistanceSettings(db),
  );

  app.put(
    '/assistance-settings',
    {
      config: { permission: 'assistance.configure' },
      schema: { tags: ['assistance'], body: AssistanceSettings, response: { 200: AssistanceSettings } },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const before = await assistanceSettings(trx);
        const actor = actorOf(request);
        await writeSetting(trx, 'assistance', request.body, clock.now().toISOString(), actor.id);
        await recordAudit(trx, clock, actor, {
          action: 'assistance_settings.update',
          before,
          after: request.body,
        });
        return request.body;
      }),
  );

  app.put(
    '/cadres/:id/quota',
    {
      config: { permission: 'assistance.pair' },
      schema: {
        tags: ['assistance'],
        summary: 'Set a cadre’s own quota (null: back to the group’s)',
        params: IdParams,
        body: QuotaOverrideBody,
      },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) => setQuota(trx, areaContextOf(request), request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  app.get(
    '/pairings',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        querystring: PairingsQuery,
        response: { 200: PairingsPage },
      },
    },
    async (request) => listPairings(db, areaContextOf(request), request.query),
  );

  app.get(
    '/pairings/board',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        summary: 'Quota fill per cadre, unpaired priority households, pairings to review, overdue visits',
        querystring: z.strictObject({
          areaCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: PairingBoard },
      },
    },
    async (request) => pairingBoard(db, areaContextOf(request), request.query.areaCode),
  );

  app.post(
    '/pairings',
    {
      config: { permission: 'assistance.pair' },
      schema: { tags: ['assistance'], body: PairingCreateBody, response: { 201: Pairing } },
    },
    async (request, reply) => {
      const ctx = areaContextOf(request);
      const pairing = await db.transaction().execute(async (trx) => {
        const id = await createPairing(trx, ctx, request.body);
        return pairingInScope(trx, ctx, id);
      });
      return reply.status(201).send(pairing);
    },
  );

  app.post(
    '/pairings/proposal',
    {
      config: { permission: 'assistance.pair' },
      schema: {
        tags: ['assistance'],
        summary: 'A balanced pairing proposal for a town’s unpaired priority households (nothing saved)',
        body: ProposalBody,
        response: { 200: Proposal },
      },
    },
    async (request) => proposePairings(db, areaContextOf(request), request.body.areaCode),
  );

  app.post(
    '/pairings/accept',
    {
      config: { permission: 'assistance.pair' },
      schema: {
        tags: ['assistance'],
        summary: 'Accept a reviewed proposal: every pairing checked, all or nothing',
        body: ProposalAcceptBody,
        response: { 201: z.object({ created: z.number() }) },
      },
    },
    async (request, reply) => {
      const created = await db
        .transaction()
        .execute((trx) => acceptProposal(trx, areaContextOf(request), request.body));
      return reply.status(201).send({ created });
    },
  );

  app.post(
    '/pairings/:id/end',
    {
      config: { permission: 'assistance.pair' },
      schema: { tags: ['assistance'], params: IdParams, body: PairingEndBody, response: { 200: Pairing } },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => endPairing(trx, areaContextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/pairings/:id/keep',
    {
      config: { permission: 'assistance.pair' },
      schema: {
        tags: ['assistance'],
        summary: 'Keep a pairing whose household left the priority tier',
        params: IdParams,
        body: PairingKeepBody,
        response: { 200: Pairing },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) =>
          keepPairing(
            trx,
            areaContextOf(request),
            request.params.id,
            request.body.version,
            request.body.note,
          ),
        ),
  );

  app.post(
    '/pairings/:id/ratings',
    {
      config: { permission: 'assistance.visit' },
      schema: {
        tags: ['assistance'],
        summary: 'Record the household’s rating of its helper, asked at a callback (not by the helper)',
        params: IdParams,
        body: HelperRatingBody,
      },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) => rateHelper(trx, areaContextOf(request), request.params.id, request.body));
      return reply.status(201).send();
    },
  );

  app.post(
    '/pairings/:id/rating-links',
    {
      config: { permission: 'assistance.visit' },
      schema: {
        tags: ['assistance'],
        summary: 'A one-time link for the household to rate its helper',
        params: IdParams,
        response: { 201: RatingLink },
      },
    },
    async (request, reply) => {
      const link = await db
        .transaction()
        .execute((trx) => createRatingLink(trx, areaContextOf(request), request.params.id));
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/cadres/:id/ratings',
    {
      config: { permission: 'assistance.read' },
      schema: { tags: ['assistance'], params: IdParams, response: { 200: HelperRatings } },
    },
    async (request) => helperRatings(db, areaContextOf(request), request.params.id),
  );

  app.get(
    '/contact-points',
    {
      config: { permission: 'assistance.read' },
      schema: { tags: ['assistance'], response: { 200: z.object({ items: z.array(ContactPoint) }) } },
    },
    async (request) => ({ items: await listContactPoints(db, areaContextOf(request)) }),
  );

  app.post(
    '/contact-points',
    {
      config: { permission: 'assistance.pair' },
      schema: { tags: ['assistance'], body: ContactPointBody, response: { 201: ContactPoint } },
    },
    async (request, reply) => {
      const point = await db
        .transaction()
        .execute((trx) => createContactPoint(trx, areaContextOf(request), request.body));
      return reply.status(201).send(point);
    },
  );

  app.post(
    '/contact-points/:id/end',
    {
      config: { permission: 'assistance.pair' },
      schema: { tags: ['assistance'], params: IdParams, body: z.strictObject({ endDate: z.iso.date() }) },
    },
    async (request, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          endContactPoint(trx, areaContextOf(request), request.params.id, request.body.endDate),
        );
      return reply.status(204).send();
    },
  );

  app.get(
    '/worklist',
    {
      config: { permission: 'assistance.visit' },
      schema: {
        tags: ['assistance'],
        summary: 'My households: who is due and who is overdue for a visit; my village days this month',
        querystring: z.strictObject({ cadreId: z.uuid().optional() }),
        response: { 200: Worklist },
      },
    },
    async (request) => worklistFor(db, areaContextOf(request), request.query.cadreId),
  );

  app.get(
    '/visits',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        querystring: VisitsQuery,
        response: { 200: z.object({ items: z.array(Visit) }) },
      },
    },
    async (request) => ({ items: await listVisits(db, areaContextOf(request), request.query) }),
  );

  app.post(
    '/visits',
    {
      config: { permission: 'assistance.visit' },
      schema: {
        tags: ['assistance'],
        summary: 'Record a visit; its client UUID makes a re-synced visit count once',
        body: VisitCreateBody,
        response: { 200: Visit, 201: Visit },
      },
    },
    async (request, reply) => {
      const { visit, created } = await db
        .transaction()
        .execute((trx) => createVisit(trx, areaContextOf(request), request.body));
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  app.get(
    '/visits/:id',
    {
      config: { permission: 'assistance.read' },
      schema: { tags: ['assistance'], params: IdParams, response: { 200: Visit } },
    },
    async (request) => getVisit(db, areaContextOf(request), request.params.id),
  );

  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/visits/:id/photos',
    {
      config: { permission: 'assistance.visit' },
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        tags: ['assistance'],
        summary: 'Add a photo (JPG or PNG, the raw file as the body); its location data is removed',
        params: IdParams,
        body: z.instanceof(Buffer),
        response: { 201: Visit },
      },
    },
    async (request, reply) => {
      const contentType = request.headers['content-type']?.split(';')[0]?.trim() as AttachmentContentType;
      const visit = await db
        .transaction()
        .execute((trx) =>
          addVisitPhoto(trx, areaContextOf(request), request.params.id, contentType, request.body),
        );
      return reply.status(201).send(visit);
    },
  );

  app.get(
    '/visits/:id/photos/:photoId',
    {
      config: { permission: 'assistance.read' },
      schema: { tags: ['assistance'], params: z.strictObject({ id: z.uuid(), photoId: z.uuid() }) },
    },
    async (request, reply) => {
      const photo = await readVisitPhoto(
        db,
        areaContextOf(request),
        request.params.id,
        request.params.photoId,
      );
      return reply
        .type(photo.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(photo.content);
    },
  );

  app.get(
    '/help-measures',
    {
      config: { permission: 'assistance.read' },
      schema: {
        tags: ['assistance'],
        querystring: z.strictObject({
          householdId: z.uuid().optional(),
          cadreId: z.uuid().optional(),
          limit: Limit,
        }),
        response: { 200: z.object({ items: z.array(HelpMeasure) }) },
      },
    },
    async (request) => ({ items: await listMeasures(db, areaContextOf(request), request.query) }),
  );

  app.post(
    '/help-measures',
    {
      config: { permission: 'assistance.visit' },
      schema: { tags: ['assistance'], body: HelpMeasureCreateBody, response: { 201: HelpMeasure } },
    },
    async (request, reply) => {
      const measure = await db
        .transaction()
        .execute((trx) => createMeasure(trx, areaContextOf(request), request.body));
      return reply.status(201).send(measure);
    },
  );

  app.patch(
    '/help-measures/:id',
    {
      config: { permission: 'assistance.visit' },
      schema: {
        tags: ['assistance'],
        params: IdParams,
        body: HelpMeasureUpdateBody,
        response: { 200: HelpMeasure },
      },
    },
    async (request) =>
      db
        .transaction()
        .execute((trx) => updateMeasure(trx, areaContextOf(request), request.params.id, request.body)),
  );
};

/** The household's one-time link to rate its helper (no login). */
export const helperRatingPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.ctx;
  const TokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

  app.get(
    '/helper-ratings/:token',
    {
      config: { public: true },
      schema: { tags: ['public'], params: TokenParams, response: { 200: PublicRatingView } },
    },
    async (request) => ratingLinkView(db, clock, request.params.token),
  );

  app.post(
    '/helper-ratings/:token',
    { config: { public: true }, schema: { tags: ['public'], params: TokenParams, body: HelperRatingBody } },
    async (request, reply) => {
      await db.transaction().execute((trx) => rateByLink(trx, clock, request.params.token, request.body));
      return reply.status(201).send();
    },
  );
};
