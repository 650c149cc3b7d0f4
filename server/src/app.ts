import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { defaultLocale, OPEN311_PREFIX } from '@lianxin/common';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Config, installRoot } from './config';
import type { Database } from './db/database';
import { appealsModule } from './modules/appeals';
import { areasModule } from './modules/areas';
import { assessmentModule } from './modules/assessment';
import { assistanceModule } from './modules/assistance';
import { democracyModule } from './modules/democracy';
import { departmentsModule } from './modules/departments';
import { householdsModule } from './modules/households';
import { noticesModule } from './modules/notices';
import { open311Module, open311Routes } from './modules/open311';
import { receptionModule } from './modules/reception';
import { servicesModule } from './modules/services';
import { tieringModule } from './modules/tiering';
import { usersModule } from './modules/users';
import { warningsModule } from './modules/warnings';
import { auditRoutes } from './platform/audit/audit.routes';
import { AuditSealer } from './platform/audit/audit.sealer';
import { authenticate, languageHook } from './platform/auth/auth.hooks';
import { accountRoutes, loginRoutes } from './platform/auth/auth.routes';
import { calendarPlugin } from './platform/calendar';
import { type Clock, systemClock } from './platform/clock';
import type { AppContext, RouteEntry } from './platform/context';
import { registerErrorHandler, sendError } from './platform/error-handler';
import { pingDatabase } from './platform/health.repository';
import { registerHousekeeping } from './platform/housekeeping';
import { integrationsRoutes, registerWebhookJobs } from './platform/integrations';
import { JobWorker } from './platform/jobs/jobs.worker';
import { registerNotificationJobs } from './platform/notifications/notifications.service';
import { BulletinSectionRegistry } from './platform/registries/bulletin-sections';
import { IndicatorRegistry } from './platform/registries/indicators';
import { indicatorsRoutes, todosRoutes } from './platform/registries/registries.routes';
import { TodoRegistry } from './platform/registries/todos';
import { loadSecrets, type Secrets } from './platform/secrets';
import { setupRoutes } from './platform/setup';
import { verificationRoutes } from './platform/verification';
import { VillageSectionRegistry, villagePageRoutes } from './platform/village-page';
import { VERSION } from './version';

export interface BuildOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  /** Where the built console is; served at / when present. */
  webDist?: string;
  logger?: boolean;
  secrets?: Secrets;
}

/** The domains, each one plugin with its routes, jobs and defaults (`<domain>.module.ts`). */
const MODULES = [
  areasModule,
  departmentsModule,
  usersModule,
  tieringModule,
  householdsModule,
  appealsModule,
  assistanceModule,
  assessmentModule,
  noticesModule,
  democracyModule,
  open311Module,
  warningsModule,
  receptionModule,
  servicesModule,
];

// The built console, found from the install's root: the same for the sources and every build chunk.
export const defaultWebDist = path.join(installRoot(), 'web', 'dist');

/** Builds the whole HTTP application over an open, migrated database. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A resource's list answers with or without a trailing slash (`/api/v1/users/` as `/users`).
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const jobs = new JobWorker(database.db, clock, { pollMs: config.jobs.pollMs, logger: app.log });
  registerHousekeeping(jobs, config);
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        routes.push({
          method,
          url: route.url,
          permission: route.config?.permission,
          public: route.config?.public === true,
        });
      }
    }
  });
  const secrets = options.secrets ?? loadSecrets(config);
  registerNotificationJobs(jobs, config, secrets, app.log);
  registerWebhookJobs(jobs, secrets, app.log);
  const ctx: AppContext = {
    database,
    db: database.db,
    clock,
    config,
    jobs,
    routes,
    secrets,
    writes: { count: 0 },
    villageSections: new VillageSectionRegistry(),
    indicators: new IndicatorRegistry(),
    todos: new TodoRegistry(),
    bulletinSections: new BulletinSectionRegistry(),
  };
  app.decorate('ctx', ctx);
  app.decorateRequest('auth', null);
  app.decorateRequest('context', null);
  app.decorateRequest('locale', defaultLocale);
  app.addHook('onRequest', async (request) => languageHook(request));
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) ctx.writes.count++;
  });
  // Audited writes only insert their entry; the sealer chains them where the jobs run (docs/audit.md).
  const sealer = new AuditSealer({
    db: database.db,
    secrets,
    clock,
    sealMs: config.audit.sealMs,
    checkpointMs: config.audit.checkpointSeconds * 1000,
    anchorDir: config.audit.anchorDir,
    logger: app.log,
  });
  if (config.jobs.enabled) {
    app.addHook('onReady', async () => jobs.start());
    app.addHook('onClose', async () => jobs.stop());
    app.addHook('onReady', async () => sealer.start());
    app.addHook('onClose', async () => sealer.stop());
  }

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Served over plain HTTP on an office network as often as behind HTTPS.
        upgradeInsecureRequests: null,
        imgSrc: ["'self'", 'data:', 'blob:'],
      },
    },
    strictTransportSecurity: config.cookieSecure === true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Lianxin API', description: '连心 群众工作平台 API', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lx_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would call an outside service from the operator's browser.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, engine: database.engine, version: VERSION }),
  );
  app.get('/readyz', { schema: { tags: ['health'] } }, async (request, reply) => {
    try {
      await pingDatabase(database.db);
      return { status: 'ready' };
    } catch (err) {
      request.log.error({ err }, 'database not reachable');
      return sendError(reply, request.locale, 'SERVICE_UNAVAILABLE');
    }
  });

  await app.register(
    async (api) => {
      // One hook over the whole API: every route needs a caller unless it is declared public,
      // so no route can forget it.
      api.addHook('onRequest', authenticate({ db: database.db, clock, config, secrets }));
      await api.register(loginRoutes, { prefix: '/auth' });
      await api.register(accountRoutes, { prefix: '/auth' });
      await api.register(auditRoutes, { prefix: '/audit' });
      await api.register(integrationsRoutes, { prefix: '/integrations' });
      await api.register(calendarPlugin, { prefix: '/calendar' });
      await api.register(verificationRoutes, { prefix: '/public/verification-codes' });
      await api.register(setupRoutes, { prefix: '/public/setup' });
      await api.register(indicatorsRoutes, { prefix: '/indicators' });
      await api.register(todosRoutes, { prefix: '/todos' });
      for (const module of MODULES) await api.register(module);
      // The village page: sections contributed by the modules above through `ctx.villageSections`.
      await api.register(villagePageRoutes, { prefix: '/public' });
    },
    { prefix: '/api/v1' },
  );
  // Open311 GeoReport v2 where the spec places it, with its own error format (modules/open311).
  await app.register(open311Routes, { prefix: OPEN311_PREFIX });

  const webDist = options.webDist ?? defaultWebDist;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // Files are looked up per request, so a rebuilt console is served without a restart;
    // anything that is not a file falls through to the page fallback below.
    await app.register(fastifyStatic, {
      root: webDist,
      index: 'index.html',
      setHeaders: (res, filePath) => {
        // Hashed bundles never change; the page itself must always be fetched anew.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && hasWeb;
    if (wantsPage) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return sendError(reply, request.locale, 'ROUTE_NOT_FOUND');
  });

  return app;
}
