import { z } from 'zod';
import { defineContract } from '../contract';
import {
  PublicServiceItem,
  PublicServiceItemsPage,
  PublicServiceItemsQuery,
  ServiceItem,
  ServiceItemSummary,
  ServiceItemsCreateBody,
  ServiceItemsDeactivateBody,
  ServiceItemsListQuery,
  ServiceItemsPage,
  ServiceItemsUpdateBody,
  ServiceItemVersion,
} from '../service-catalogue';

// The endpoints of the service catalogue (便民服务事项清单): the staff's under /service-items, the
// residents' under /public/service-items.

const tag = 'services';

export const ServiceItemIdParams = z.strictObject({ id: z.uuid() });
export const ServiceItemVersionParams = z.strictObject({
  id: z.uuid(),
  no: z.coerce.number().int().min(1).max(100_000),
});

/** `/service-items`: the district's list and the towns' local items, each guide versioned. */
export const serviceItemsApi = {
  list: defineContract({
    method: 'GET',
    path: '/service-items',
    tag,
    summary: 'Search the catalogue (name, keywords, pinyin initials) by category, area, unit and proxy',
    query: ServiceItemsListQuery,
    response: ServiceItemsPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/service-items',
    tag,
    summary: "An item of the district's list, or a town's local item (its guide's first version)",
    body: ServiceItemsCreateBody,
    response: ServiceItem,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/service-items/:id',
    tag,
    summary: 'The current guide, its version number and the list of earlier versions',
    params: ServiceItemIdParams,
    response: ServiceItem,
  }),
  update: defineContract({
    method: 'PUT',
    path: '/service-items/:id',
    tag,
    summary: 'A new version of the guide; the old ones stay readable for requests made on them',
    params: ServiceItemIdParams,
    body: ServiceItemsUpdateBody,
    response: ServiceItem,
  }),
  version: defineContract({
    method: 'GET',
    path: '/service-items/:id/versions/:no',
    tag,
    params: ServiceItemVersionParams,
    response: ServiceItemVersion,
  }),
  deactivate: defineContract({
    method: 'POST',
    path: '/service-items/:id/deactivate',
    tag,
    summary: 'Take an item off the catalogue (or put it back with active: true)',
    params: ServiceItemIdParams,
    body: ServiceItemsDeactivateBody,
    response: ServiceItemSummary,
  }),
};

/** `/public/service-items`: the catalogue as residents read it (no login). */
export const publicServiceItemsApi = {
  list: defineContract({
    method: 'GET',
    path: '/public/service-items',
    tag,
    summary: 'Active items by search and category',
    query: PublicServiceItemsQuery,
    response: PublicServiceItemsPage,
  }),
  get: defineContract({
    method: 'GET',
    path: '/public/service-items/:id',
    tag,
    summary: "An active item's printable guide",
    params: ServiceItemIdParams,
    response: PublicServiceItem,
  }),
};
