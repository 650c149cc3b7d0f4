import { setupApi } from '@lianxin/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { route } from '../routes';
import { completeSetup, setupStatus } from './setup.service';

/**
 * `/public/setup` (no login): the first run of a production server. The token printed at start
 * proves the caller can read the server's console; once an account exists both routes refuse.
 */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.ctx;

  route(app, setupApi.status, { public: true }, async (request) =>
    setupStatus({ db, clock, config }, request.query.token, request.ip),
  );

  route(app, setupApi.complete, { public: true }, async (request) =>
    completeSetup({ db, clock, config }, request.body, request.ip),
  );
};
