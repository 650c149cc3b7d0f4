import { verificationCodesApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { withTransaction } from '../request-context';
import { route } from '../routes';
import { forgetCodes } from './verification.repository';
import { KEEP_CODES_MS } from './verification.rules';
import { checkCode, ipHashOf, issueCode, phoneHashOf, sendWait } from './verification.service';

/**
 * `/public/verification-codes` (no login): a resident asks for a code by text message, then
 * trades it for a proof of the phone that the domains' public forms accept.
 */
export const verificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, secrets, config, jobs } = app.ctx;

  jobs
    .handle('verification.forget', async ({ trx, clock: jobClock }) => {
      await forgetCodes(trx, new Date(jobClock.now().getTime() - KEEP_CODES_MS).toISOString());
    })
    .every('verification.forget', 3_600_000);

  route(app, verificationCodesApi.send, { public: true }, async (request, reply) => {
    const { phone, purpose } = request.body;
    const ipHash = ipHashOf(secrets, request.ip);
    const wait = await sendWait(db, { clock }, { phoneHash: phoneHashOf(secrets, phone), ipHash });
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new AppError('VERIFICATION_RATE_LIMITED', { seconds: wait });
    }
    return withTransaction(app.ctx, (trx) =>
      issueCode(trx, { clock, secrets, config }, { phone, purpose, ipHash, locale: request.locale }),
    );
  });

  route(app, verificationCodesApi.verify, { public: true }, async (request) =>
    checkCode(db, { clock, secrets }, request.body),
  );
};
