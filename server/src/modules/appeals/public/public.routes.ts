import {
  type PublicAppeal,
  publicAppealsApi,
  publicCategoriesApi,
  publicVillagesApi,
  residentNoteKinds,
  type TrackBody,
} from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/dialect';
import type { Actor } from '../../../platform/audit/audit.service';
import { AppError } from '../../../platform/errors';
import { GroupCommit } from '../../../platform/group-commit';
import { withTransaction } from '../../../platform/request-context';
import { route } from '../../../platform/routes';
import type { AreaScope } from '../../../platform/scope';
import { type AppealRow, appealEvents, findAppealById, findByTrackingCode } from '../appeals.repository';
import { attachmentRow } from '../attachments/attachments.service';
import { rateByResident } from '../callbacks/callbacks.service';
import { categories } from '../categories/categories.service';
import { type PreparedAppeal, prepareAppeal, storeAppeals } from '../intake/intake.service';
import {
  countTrackFailures,
  districtScope,
  insertTrackFailure,
  publicVillages,
  releaseSubmission,
  reserveSubmission,
} from './public.repository';

const HOUR = 3_600_000;

/** An appeal that must be there: it was just found or stored. */
async function appealById(db: Db, id: string): Promise<AppealRow> {
  const row = await findAppealById(db, id);
  if (!row) throw new Error(`appeal ${id} not found`);
  return row;
}

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
  const wholeDistrict = async (): Promise<AreaScope> => {
    if (district) return district;
    const scope = await districtScope(db);
    if (!scope) throw new AppError('SERVICE_UNAVAILABLE');
    district = scope;
    return district;
  };
  const submissions = new GroupCommit<PreparedAppeal>((batch) =>
    withTransaction(app.ctx, (trx) => storeAppeals(trx, clock, batch)),
  );
  const ipHash = (request: FastifyRequest) => secrets.lookupHash(`ip:${request.ip}`);
  const resident = (request: FastifyRequest): Actor => ({ id: null, name: null, ip: request.ip });
  const submitted = (row: Pick<AppealRow, 'tracking_code' | 'resolution_due_at'>) => ({
    trackingCode: row.tracking_code,
    expectedBy: row.resolution_due_at,
  });

  route(app, publicVillagesApi.list, { public: true }, async (_request, reply) => {
    const villages = await publicVillages(db);
    reply.header('cache-control', 'public, max-age=300');
    return villages;
  });

  route(app, publicCategoriesApi.list, { public: true }, async () =>
    (await categories(db)).filter((c) => c.active),
  );

  // Room for one photo in base64.
  route(app, publicAppealsApi.create, { public: true, bodyLimit: 6 * 1024 * 1024 }, async (request) => {
    const body = request.body;
    if (body.website) throw new AppError('PUBLIC_SUBMISSION_REFUSED');
    const ip = ipHash(request);
    const phoneHash = secrets.lookupHash(body.phone);
    const now = clock.now().getTime();
    // A retry of a stored submission gets its tracking code back, whatever the limits say.
    const known = body.id ? await findAppealById(db, body.id) : undefined;
    if (known && known.reporter_phone_hash === phoneHash) return submitted(known);
    // Counted and taken in one locked step, so that concurrent submissions cannot all pass.
    const place = await withTransaction(app.ctx, (trx) =>
      reserveSubmission(
        trx,
        {
          ipHash: ip,
          ipSince: new Date(now - HOUR).toISOString(),
          perIp: limits.perIpPerHour,
          phoneHash,
          phoneSince: new Date(now - 24 * HOUR).toISOString(),
          perPhone: limits.perPhonePerDay,
        },
        new Date(now).toISOString(),
      ),
    );
    if (!place) throw new AppError('RATE_LIMITED');
    try {
      const prepared = await prepareAppeal(
        db,
        { clock, secrets, scope: await wholeDistrict(), actor: resident(request) },
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
      if ('existing' in prepared) {
        await releaseSubmission(db, place);
        return submitted(await appealById(db, prepared.existing.id));
      }
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
      return submitted(prepared.row);
    } catch (err) {
      // A submission refused or not stored does not count against the resident.
      await releaseSubmission(db, place).catch(() => undefined);
      throw err;
    }
  });

  /** The resident's own appeal, or one refusal that does not say whether the code or the phone was wrong. */
  async function tracked(request: FastifyRequest, body: TrackBody) {
    const ip = ipHash(request);
    const since = new Date(clock.now().getTime() - 15 * 60_000).toISOString();
    if ((await countTrackFailures(db, ip, since)) >= limits.trackFailuresPerIp) {
      throw new AppError('RATE_LIMITED');
    }
    const row = await findByTrackingCode(db, body.trackingCode);
    const phone = row?.reporter_phone_enc ? secrets.decrypt(row.reporter_phone_enc) : null;
    if (!row || !phone?.endsWith(body.phoneLast4)) {
      await insertTrackFailure(db, ip, clock.now().toISOString());
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

  route(app, publicAppealsApi.track, { public: true }, async (request) =>
    publicView(await tracked(request, request.body)),
  );

  route(app, publicAppealsApi.rate, { public: true }, async (request) => {
    const { rating, comment, ...track } = request.body;
    const row = await tracked(request, track);
    await withTransaction(app.ctx, async (trx) => {
      const fresh = await appealById(trx, row.id);
      await rateByResident(trx, { clock, actor: resident(request) }, fresh, rating, comment);
    });
    return publicView(await tracked(request, track));
  });
};
