import type { AreaKind, Locale, Permission, Role } from '@lianxin/common';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { Clock } from './clock';
import type { JobWorker } from './jobs/jobs.worker';
import type { BulletinSectionRegistry } from './registries/bulletin-sections';
import type { IndicatorRegistry } from './registries/indicators';
import type { TodoRegistry } from './registries/todos';
import type { Secrets } from './secrets';
import type { VillageSectionRegistry } from './village-page/village-sections';

/** What every route and command can reach: the database, the clock, the settings, the job queue. */
export interface AppContext {
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  config: Config;
  jobs: JobWorker;
  /** Every route with the permission it declares: the source of the access-matrix tests. */
  routes: RouteEntry[];
  /** Keys for personal data at rest (ID numbers). */
  secrets: Secrets;
  /** Successful writes this instance has answered: a cache of computed figures keys on it. */
  writes: { count: number };
  /** The village page's sections, registered by the modules' plugins (`platform/village-page`). */
  villageSections: VillageSectionRegistry;
  /** The indicators the modules registered: the dashboard, the assessment and the bulletin read them. */
  indicators: IndicatorRegistry;
  /** The to-dos of the console's bell, registered by the modules. */
  todos: TodoRegistry;
  /** Sections of the monthly bulletin contributed by the modules (每月一题). */
  bulletinSections: BulletinSectionRegistry;
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | 'authenticated' | undefined;
  public: boolean;
}

export interface Caller {
  id: string;
  username: string;
  name: string;
  role: Role;
  areaCode: string;
  areaKind: AreaKind;
  /** The handling unit the caller works for, if any (a department's staff, a station's agents). */
  unitId: string | null;
  locale: Locale | null;
}

/** How the caller signed in; what they may reach is in the request's context (`requestContextOf`). */
export interface AuthContext {
  caller: Caller;
  via: 'session' | 'token' | 'integration';
  sessionId: string | null;
  csrfToken: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    locale: Locale;
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Required on every route behind authentication: what the caller's role must allow. */
    permission?: Permission | 'authenticated';
    /** Open to anyone (sign-in, the residents' pages); every other API route needs a caller. */
    public?: true;
  }
}

/** The authenticated caller; routes behind the secured scope always have one. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new Error('authOf() used on a route outside the secured scope');
  return request.auth;
}
