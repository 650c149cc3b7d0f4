import { z } from 'zod';
import { defineContract } from '../contract';
import {
  Whistle,
  WhistleCloseBody,
  WhistleIdParams,
  WhistleReportBody,
  WhistleSettings,
  WhistlesCreateBody,
  WhistlesListQuery,
} from '../whistles';

const tag = 'whistles';

export const WhistlesListResponse = z.object({ items: z.array(Whistle) });

/**
 * `/whistles`: 吹哨报到 — a town (or the district) blows the whistle on an appeal or a place, the
 * named departments report within the set time; a department sees only the whistles naming it.
 */
export const whistlesApi = {
  list: defineContract({
    method: 'GET',
    path: '/whistles',
    tag,
    summary: "Whistles of the caller's area, or those naming the caller's department",
    query: WhistlesListQuery,
    response: WhistlesListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/whistles/:id',
    tag,
    params: WhistleIdParams,
    response: Whistle,
  }),
  create: defineContract({
    method: 'POST',
    path: '/whistles',
    tag,
    summary: 'Blow the whistle on an appeal or a place, naming the departments that must report',
    body: WhistlesCreateBody,
    response: Whistle,
    status: 201,
  }),
  report: defineContract({
    method: 'POST',
    path: '/whistles/:id/report',
    tag,
    summary: "The caller's department reports (报到) and records what it did",
    params: WhistleIdParams,
    body: WhistleReportBody,
    response: Whistle,
  }),
  close: defineContract({
    method: 'POST',
    path: '/whistles/:id/close',
    tag,
    params: WhistleIdParams,
    body: WhistleCloseBody,
    response: Whistle,
  }),
  getSettings: defineContract({
    method: 'GET',
    path: '/whistle-settings',
    tag,
    summary: 'How long a department has to report',
    response: WhistleSettings,
  }),
  putSettings: defineContract({
    method: 'PUT',
    path: '/whistle-settings',
    tag,
    body: WhistleSettings,
    response: WhistleSettings,
  }),
};
