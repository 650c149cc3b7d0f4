import { z } from 'zod';
import { defineContract } from '../contract';
import {
  PublicReceptionDay,
  PublicReceptionDaysQuery,
  ReceptionDay,
  ReceptionDayDetail,
  ReceptionDayIdParams,
  ReceptionDayLinkBody,
  ReceptionDaysCreateBody,
  ReceptionDaysListQuery,
  ReceptionDaysUpdateBody,
} from '../reception-days';

const tag = 'reception-days';

export const ReceptionDaysListResponse = z.object({ items: z.array(ReceptionDay) });
export const PublicReceptionDaysResponse = z.object({ items: z.array(PublicReceptionDay) });

/** `/reception-days`: 大接访 / 大下访 — leaders' reception events, the appeals received there, the report. */
export const receptionDaysApi = {
  list: defineContract({
    method: 'GET',
    path: '/reception-days',
    tag,
    summary: "Reception days of the caller's area, newest first",
    query: ReceptionDaysListQuery,
    response: ReceptionDaysListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/reception-days/:id',
    tag,
    summary: 'A reception day with its report and the appeals received there',
    params: ReceptionDayIdParams,
    response: ReceptionDayDetail,
  }),
  create: defineContract({
    method: 'POST',
    path: '/reception-days',
    tag,
    body: ReceptionDaysCreateBody,
    response: ReceptionDay,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/reception-days/:id',
    tag,
    params: ReceptionDayIdParams,
    body: ReceptionDaysUpdateBody,
    response: ReceptionDay,
  }),
  linkAppeal: defineContract({
    method: 'POST',
    path: '/reception-days/:id/appeals',
    tag,
    summary: 'Link an appeal received at the event to it',
    params: ReceptionDayIdParams,
    body: ReceptionDayLinkBody,
    response: ReceptionDayDetail,
  }),
  publicList: defineContract({
    method: 'GET',
    path: '/public/reception-days',
    tag,
    summary: "Residents' page: the coming and recent reception days of a town and the district",
    query: PublicReceptionDaysQuery,
    response: PublicReceptionDaysResponse,
  }),
};
