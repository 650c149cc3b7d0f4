import { z } from 'zod';
import { Area, AreaCodeParams, AreasCreateBody, AreasListQuery, AreasUpdateBody } from '../areas';
import { defineContract } from '../contract';

export const AreasListResponse = z.object({ items: z.array(Area) });

/** `/areas`: the district, its towns, villages and groups. */
export const areasApi = {
  list: defineContract({
    method: 'GET',
    path: '/areas',
    tag: 'areas',
    summary: 'Areas in the caller’s subtree',
    query: AreasListQuery,
    response: AreasListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/areas/:code',
    tag: 'areas',
    params: AreaCodeParams,
    response: Area,
  }),
  create: defineContract({
    method: 'POST',
    path: '/areas',
    tag: 'areas',
    body: AreasCreateBody,
    response: Area,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/areas/:code',
    tag: 'areas',
    params: AreaCodeParams,
    body: AreasUpdateBody,
    response: Area,
  }),
};
