import {
  AppealCategory,
  PublicAppeal,
  PublicAppealBody,
  PublicRateBody,
  PublicVillage,
  residentNoteKinds,
  TrackBody,
} from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/audit/audit.service';
import { AppError } from '../../platform/errors';
import { GroupCommit } from '../../platform/group-commit';
import { newId } from '../../platform/ids';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { appealEvents, findByTrackingCode } from './appeals.repository';
import { type PreparedAppeal, prepareAppeal, rateByResident, storeAppeals } from './appeals.service';
import { attachmentRow } from './attachments';
import { categories } from './categories';

const HOUR = 3_600_000;

/**
 * The residents' pages (no login): submit an appeal, follow it with the tracking code and the
 * last four digits of the phone, rate it when resolved. Limited per address and per phone; never
 * shows anything but the resident's own appeal, and no handler's name.
 */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets, config } = app.ctx;
  const limits = config.publicLimits;
  // The whole district: residents may report from any village of it. Read once; districts do not move.
  let district: AreaScope | null = null;
  const districtScope = async (): Promise<AreaScope> => {
    if (district) return district;
    const row = await db
      .selectFrom('areas')
      .select(['code', 'kind'])
      .where('kind', '=', 'district')
      .orderBy('code')
      .executeTakeFirst();
    if (!row) throw new AppError('SERVICE_UNAVAILABLE');
    district = scopeOf(row);
    return district;
  };
  const submissions = new GroupCommit<PreparedAppeal>((batch) =>
    db.transaction().execute((trx) => storeAppeals(trx, clock, batch)),
  );
  const ipHash = (request: FastifyRequest) => secrets.lookupHash(`ip:${request.ip}`);
  const resident = (request: FastifyRequest): Actor => ({ id: null, name: null, ip: request.ip });

  app.get(
    '/villages',
    { config: { public: true }, schema: { tags: ['public'], response: { 200: z.array(PublicVillage) } } },
    async (_request, reply) => {
      const rows = await db
        .selectFrom('areas as village')
        .innerJoin('areas as town', 'town.code', 'village.parent_code')
        .select(['village.code', 'village.name', 'town.name as town_name'])
        .where('village.kind', '=', 'village')
        .orderBy('village.code')
        .execute();
      reply.header('cache-control', 'public, max-age=300');
      return rows.map((r) => ({ code: r.code, name: r.name, townName: r.town_name }));
    },
  );

  app.get(
    '/categories',
    { config: { public: true }, schema: { tags: ['public'], response: { 200: z.array(AppealCategory) } } },
    async () => (await categories(db)).filter((c) => c.active),
  );

  app.post(
    '/appeals',
    {
      // Room for one photo in base64.
      bodyLimit: 6 * 1024 * 1024,
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'A resident submits an appeal; the answer carries the tracking code',
        body: PublicAppealBody,
        response: { 201: z.object({ trackingCode: z.string(), expectedBy: z.string() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.website) throw new AppError('PUBLIC_SUBMISSION_REFUSED');
      const ip = ipHash(request);
      const phoneHash = secrets.lookupHash(body.phone);
      const now = clock.now().getTime();
      // A retry of a stored submission gets its tracking code back, whatever the limits say.
      const known = body.id
        ? await db
            .selectFrom('appeals')
            .select(['tracking_code', 'resolution_due_at', 'reporter_phone_hash'])
            .where('id', '=', body.id)
            .executeTakeFirst()
        : undefined;
      if (known && known.reporter_phone_hash === phoneHash) {
        return reply
          .status(201)
          .send({ trackingCode: known.tracking_code, expectedBy: known.resolution_due_at });
      }
      const [byIp, byPhone] = await Promise.all([
        db
          .selectFrom('appeals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('submitter_ip_hash', '=', ip)
          .where('received_at', '>=', new Date(now - HOUR).toISOString())
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('appeals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('reporter_phone_hash', '=', phoneHash)
          .where('received_at', '>=', new Date(now - 24 * HOUR).toISOString())
          .executeTakeFirstOrThrow(),
      ]);
      if (Number(byIp.n) >= limits.perIpPerHour || Number(byPhone.n) >= limits.perPhonePerDay) {
        throw new AppError('RATE_LIMITED');
      }
      const prepared = await prepareAppeal(
        db,
        { clock, secrets, scope: await districtScope(), actor: resident(request) },
        {
          ...(body.id ? { id: body.id } : {}),
          channel: 'public_page',
          categoryCode: body.categoryCode,
          villageCode: body.villageCode,
          address: body.address,
          latitude: null,
          longitude: null,
          title: body.title,
          description: body.description,
          reporterKind: 'person',
          reporterResidentId: null,
          householdId: null,
          reporterName: body.name,
          reporterPhone: body.phone,
        },
        { createdBy: null, ipHash: ip },
      );
      let result: { tracking_code: string; resolution_due_at: string };
      if ('existing' in prepared) {
        result = await db
          .selectFrom('appeals')
          .select(['tracking_code', 'resolution_due_at'])
          .where('id', '=', prepared.existing.id)
          .executeTakeFirstOrThrow();
      } else {
        if (body.photo) {
          prepared.attachment = attachmentRow(
            prepared.row.id,
            body.photo.contentType === 'image/png' ? '照片.png' : '照片.jpg',
            body.photo.contentType,
            Buffer.from(body.photo.data, 'base64'),
            null,
            prepared.row.received_at ?? clock.now().toISOString(),
          );
        }
        // Answered only once committed; submissions under load share commits.
        await submissions.submit(prepared);
        result = prepared.row;
      }
      return reply
        .status(201)
        .send({ trackingCode: result.tracking_code, expectedBy: result.resolution_due_at });
    },
  );

  /** The resident's own appeal, or one refusal that does not say whether the code or the phone was wrong. */
  async function tracked(request: FastifyRequest, body: TrackBody) {
    const ip = ipHash(request);
    const since = new Date(clock.now().getTime() - 15 * 60_000).toISOString();
    const failures = await db
      .selectFrom('public_failures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip_hash', '=', ip)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    if (Number(failures.n) >= limits.trackFailuresPerIp) throw new AppError('RATE_LIMITED');
    const row = await findByTrackingCode(db, body.trackingCode);
    const phone = row?.reporter_phone_enc ? secrets.decrypt(row.reporter_phone_enc) : null;
    if (!row || !phone?.endsWith(body.phoneLast4)) {
      await db
        .insertInto('public_failures')
        .values({ id: newId(), ip_hash: ip, at: clock.now().toISOString() })
        .execute();
      throw new AppError('APPEAL_TRACKING_FAILED');
    }
    return row;
  }

  async function publicView(row: Awaited<ReturnType<typeof tracked>>): Promise<PublicAppeal> {
    const events = await appealEvents(db, row.id);
    return {
      trackingCode: row.tracking_code,
      title: row.title,
      categoryCode: row.category_code,
      villageName: row.village_name,
      status: row.status,
      level: row.level,
      receivedAt: row.received_at,
      expectedBy: row.resolution_due_at,
      resolution: row.resolution,
      resolvedAt: row.resolved_at,
      canRate: row.status === 'resolved',
      rating: row.rating,
      timeline: events
        .filter((e) => Boolean(e.public))
        .map((e) => ({
          at: e.at,
          kind: e.kind,
          toLevel: e.to_level,
          note: residentNoteKinds.includes(e.kind) ? e.note : null,
        })),
    };
  }

  app.post(
    '/appeals/track',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Follow an appeal with its tracking code and the last four digits of the phone',
        body: TrackBody,
        response: { 200: PublicAppeal },
      },
    },
    async (request) => publicView(await tracked(request, request.body)),
  );

  app.post(
    '/appeals/rate',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Rate a resolved appeal: satisfied / basically satisfied / unsatisfied (reopens it)',
        body: PublicRateBody,
        response: { 200: PublicAppeal },
      },
    },
    async (request) => {
      const { rating, comment, ...track } = request.body;
      const row = await tracked(request, track);
      await db.transaction().execute(async (trx) => {
        const fresh = await trx
          .selectFrom('appeals')
          .selectAll()
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        await rateByResident(trx, { clock, actor: resident(request) }, fresh, rating, comment);
      });
      return publicView(await tracked(request, track));
    },
  );
};
