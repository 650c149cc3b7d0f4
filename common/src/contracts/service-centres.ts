import { z } from 'zod';
import { defineContract } from '../contract';
import {
  PublicServiceCentre,
  PublicServiceCentresQuery,
  PublicServiceCentresResponse,
  ServiceCentre,
  ServiceCentreGetQuery,
  ServiceCentresListQuery,
  ServiceCentresPage,
  ServiceCentresUpdateBody,
  ServiceRoster,
  ServiceRosterPutBody,
} from '../service-catalogue';

// The endpoints of the centres and stations (便民服务中心/站): the staff's under /service-centres,
// the residents' under /public/service-centres. A centre is a unit of kind service_station.

const tag = 'services';

export const ServiceCentreIdParams = z.strictObject({ id: z.uuid() });

/** `/service-centres`: profiles, the items handled there and the duty roster (今日值班). */
export const serviceCentresApi = {
  list: defineContract({
    method: 'GET',
    path: '/service-centres',
    tag,
    summary: "The town centres and village stations in the caller's reach",
    query: ServiceCentresListQuery,
    response: ServiceCentresPage,
  }),
  get: defineContract({
    method: 'GET',
    path: '/service-centres/:id',
    tag,
    summary: "A centre's profile, items, today's duty, a week's roster and its staff",
    params: ServiceCentreIdParams,
    query: ServiceCentreGetQuery,
    response: ServiceCentre,
  }),
  update: defineContract({
    method: 'PUT',
    path: '/service-centres/:id',
    tag,
    summary: 'The profile (intro, hours, holiday hours) and the items handled there',
    params: ServiceCentreIdParams,
    body: ServiceCentresUpdateBody,
    response: ServiceCentre,
  }),
  putRoster: defineContract({
    method: 'PUT',
    path: '/service-centres/:id/roster',
    tag,
    summary: "A week's duty roster (replaces that week's lines)",
    params: ServiceCentreIdParams,
    body: ServiceRosterPutBody,
    response: ServiceRoster,
  }),
};

/** `/public/service-centres`: hours, address, phone and today's duty names (no login). */
export const publicServiceCentresApi = {
  list: defineContract({
    method: 'GET',
    path: '/public/service-centres',
    tag,
    summary: 'Centres and stations by town or village',
    query: PublicServiceCentresQuery,
    response: PublicServiceCentresResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/public/service-centres/:id',
    tag,
    params: ServiceCentreIdParams,
    response: PublicServiceCentre,
  }),
};
