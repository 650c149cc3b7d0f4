import type { FastifyInstance } from 'fastify';
import { appealsProbes } from '../src/modules/appeals/appeals.probes';
import { areasProbes } from '../src/modules/areas/areas.probes';
import { assessmentProbes } from '../src/modules/assessment/assessment.probes';
import { assistanceProbes } from '../src/modules/assistance/assistance.probes';
import { democracyProbes } from '../src/modules/democracy/democracy.probes';
import { disclosuresProbes } from '../src/modules/democracy/disclosures/disclosures.probes';
import { projectsProbes } from '../src/modules/democracy/projects/projects.probes';
import { departmentsProbes } from '../src/modules/departments/departments.probes';
import { householdsProbes } from '../src/modules/households/households.probes';
import { noticesProbes } from '../src/modules/notices/notices.probes';
import { open311Probes } from '../src/modules/open311/open311.probes';
import { receptionProbes } from '../src/modules/reception/reception.probes';
import { catalogueProbes } from '../src/modules/services/catalogue/catalogue.probes';
import { ratingsProbes } from '../src/modules/services/ratings/ratings.probes';
import { requestsProbes } from '../src/modules/services/requests/requests.probes';
import { tieringProbes } from '../src/modules/tiering/tiering.probes';
import { usersProbes } from '../src/modules/users/users.probes';
import { warningsProbes } from '../src/modules/warnings/warnings.probes';
import { auditProbes } from '../src/platform/audit/audit.probes';
import { authProbes } from '../src/platform/auth/auth.probes';
import { calendarProbes } from '../src/platform/calendar/calendar.probes';
import type { RouteEntry } from '../src/platform/context';
import { integrationsProbes } from '../src/platform/integrations/integrations.probes';
import { registriesProbes } from '../src/platform/registries/registries.probes';
import { setupProbes } from '../src/platform/setup/setup.probes';
import { verificationProbes } from '../src/platform/verification/verification.probes';
import { villagePageProbes } from '../src/platform/village-page/village-page.probes';
import { type RouteCase, routeKey } from './probes';

export * from './probes';

/**
 * Every route's probe, collected from the modules' `<domain>.probes.ts`, keyed `METHOD /url` as in
 * the route table. The access matrices (unit and reliability suites) and the reliability fuzz read
 * this one table, so a new route is probed everywhere once its module has an entry for it.
 */
export const ROUTE_PROBES: Record<string, RouteCase> = {
  ...authProbes,
  ...areasProbes,
  ...departmentsProbes,
  ...usersProbes,
  ...auditProbes,
  ...integrationsProbes,
  ...calendarProbes,
  ...verificationProbes,
  ...setupProbes,
  ...registriesProbes,
  ...householdsProbes,
  ...tieringProbes,
  ...appealsProbes,
  ...assistanceProbes,
  ...assessmentProbes,
  ...villagePageProbes,
  ...noticesProbes,
  ...democracyProbes,
  ...disclosuresProbes,
  ...projectsProbes,
  ...open311Probes,
  ...warningsProbes,
  ...receptionProbes,
  ...catalogueProbes,
  ...requestsProbes,
  ...ratingsProbes,
};

/**
 * Routes being written that have no probe yet: the matrices and the fuzz skip them, and say so.
 * Whoever lands a route here adds its probe above and deletes its line; an entry left here after
 * its probe exists, or for a route that is gone, fails the coverage check.
 */
export const NOT_YET_PROBED: readonly string[] = [];

/** What the coverage checks say about a route the table cannot probe. */
export function missingProbeMessage(key: string): string {
  return (
    `${key} has no probe: add an entry to its module's <domain>.probes.ts saying how to ` +
    'call it on an object in a given area (URL, a valid body, and the answer outside the area when not 404)'
  );
}

/** Problems of the probe table against the app's route table; empty when every route is covered. */
export function probeCoverageProblems(app: FastifyInstance, needsProbe: (route: RouteEntry) => boolean) {
  const keys = new Set(app.ctx.routes.map(routeKey));
  const problems: string[] = [];
  for (const route of app.ctx.routes) {
    const key = routeKey(route);
    if (needsProbe(route) && !ROUTE_PROBES[key] && !NOT_YET_PROBED.includes(key))
      problems.push(missingProbeMessage(key));
  }
  for (const key of NOT_YET_PROBED) {
    if (ROUTE_PROBES[key]) problems.push(`${key} has a probe now: delete it from NOT_YET_PROBED`);
    else if (!keys.has(key)) problems.push(`${key} is not a route: delete it from NOT_YET_PROBED`);
  }
  for (const key of Object.keys(ROUTE_PROBES)) {
    if (!keys.has(key)) problems.push(`${key} is not a route any more: delete its probe`);
  }
  return problems;
}
