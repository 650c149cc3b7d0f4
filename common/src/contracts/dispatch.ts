import { z } from 'zod';
import { defineContract } from '../contract';
import {
  DepartmentDispatchStats,
  Dispatch,
  DispatchAcceptBody,
  DispatchAppealActionBody,
  DispatchCreateBody,
  DispatchIdParams,
  DispatchListQuery,
  DispatchOverruleBody,
  DispatchPartBody,
  DispatchQueueItem,
  DispatchRedispatchBody,
  DispatchReturnBody,
  DispatchSettings,
  DispatchStatsQuery,
} from '../dispatch';

const tag = 'dispatch';

export const DispatchListResponse = z.object({ items: z.array(DispatchQueueItem) });
export const DispatchStatsResponse = z.object({ items: z.array(DepartmentDispatchStats) });
export const DispatchCreateResponse = z.object({ items: z.array(Dispatch) });

/**
 * `/dispatches`: 派单 — the dispatcher hands an appeal to a lead unit and co-units; the units accept,
 * return once, give their part, and the lead works the appeal to its resolution.
 */
export const dispatchApi = {
  list: defineContract({
    method: 'GET',
    path: '/dispatches',
    tag,
    summary: "A unit's queue, or the dispatches of the appeals in the caller's area",
    query: DispatchListQuery,
    response: DispatchListResponse,
  }),
  stats: defineContract({
    method: 'GET',
    path: '/dispatches/stats',
    tag,
    summary:
      "Each department's three rates, on-time rate, returns, supervision and whistle response in a period",
    query: DispatchStatsQuery,
    response: DispatchStatsResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/dispatches/:id',
    tag,
    params: DispatchIdParams,
    response: DispatchQueueItem,
  }),
  create: defineContract({
    method: 'POST',
    path: '/dispatches',
    tag,
    summary: 'Dispatch an appeal the caller holds to a lead unit and co-units',
    body: DispatchCreateBody,
    response: DispatchCreateResponse,
    status: 201,
  }),
  accept: defineContract({
    method: 'POST',
    path: '/dispatches/:id/accept',
    tag,
    params: DispatchIdParams,
    body: DispatchAcceptBody,
    response: Dispatch,
  }),
  return: defineContract({
    method: 'POST',
    path: '/dispatches/:id/return',
    tag,
    summary: 'Return the dispatch with a reason (退单), once and within the return window',
    params: DispatchIdParams,
    body: DispatchReturnBody,
    response: Dispatch,
  }),
  part: defineContract({
    method: 'POST',
    path: '/dispatches/:id/part',
    tag,
    summary: "A co-unit's part (an opinion or what it did) for the lead",
    params: DispatchIdParams,
    body: DispatchPartBody,
    response: Dispatch,
  }),
  redispatch: defineContract({
    method: 'POST',
    path: '/dispatches/:id/redispatch',
    tag,
    summary: 'Give a returned dispatch to another unit',
    params: DispatchIdParams,
    body: DispatchRedispatchBody,
    response: Dispatch,
    status: 201,
  }),
  overrule: defineContract({
    method: 'POST',
    path: '/dispatches/:id/overrule',
    tag,
    summary: 'Refuse the return: the unit keeps the dispatch and may not return it again',
    params: DispatchIdParams,
    body: DispatchOverruleBody,
    response: Dispatch,
  }),
  act: defineContract({
    method: 'POST',
    path: '/dispatches/:id/appeal-actions',
    tag,
    summary: "The lead unit's note, deferral or resolution on the appeal",
    params: DispatchIdParams,
    body: DispatchAppealActionBody,
    response: Dispatch,
  }),
};

/** `/dispatch-settings`: the return window and the co-units' time. */
export const dispatchSettingsApi = {
  get: defineContract({ method: 'GET', path: '/dispatch-settings', tag, response: DispatchSettings }),
  update: defineContract({
    method: 'PUT',
    path: '/dispatch-settings',
    tag,
    body: DispatchSettings,
    response: DispatchSettings,
  }),
};
