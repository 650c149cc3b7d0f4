import { z } from 'zod';
import { defineContract } from '../contract';
import {
  HotlineWorkOrder,
  HotlineWorkOrderBody,
  Open311Discovery,
  Open311RequestCreateBody,
  Open311RequestCreateResponse,
  Open311RequestQuery,
  Open311RequestsQuery,
  Open311RequestsResponse,
  Open311ServiceDefinition,
} from '../open311';

/** The Open311 GeoReport v2 paths, outside /api/v1 as the spec places them; the JSON format's. */
export const OPEN311_PREFIX = '/open311/v2';

const ServiceCodeParams = z.strictObject({ service_code: z.string().trim().min(1).max(40) });
const RequestIdParams = z.strictObject({ service_request_id: z.string().trim().min(1).max(40) });

export const open311Api = {
  discovery: defineContract({
    method: 'GET',
    path: `${OPEN311_PREFIX}/discovery.json`,
    tag: 'open311',
    response: Open311Discovery,
  }),
  listServices: defineContract({
    method: 'GET',
    path: `${OPEN311_PREFIX}/services.json`,
    tag: 'open311',
    response: z.array(z.record(z.string(), z.unknown())),
  }),
  getService: defineContract({
    method: 'GET',
    path: `${OPEN311_PREFIX}/services/:service_code.json`,
    tag: 'open311',
    params: ServiceCodeParams,
    response: Open311ServiceDefinition,
  }),
  createRequest: defineContract({
    method: 'POST',
    path: `${OPEN311_PREFIX}/requests.json`,
    tag: 'open311',
    summary: 'A service request, form-encoded with api_key (an integration key); becomes an appeal',
    body: Open311RequestCreateBody,
    response: Open311RequestCreateResponse,
    status: 201,
  }),
  listRequests: defineContract({
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests.json`,
    tag: 'open311',
    query: Open311RequestsQuery,
    response: Open311RequestsResponse,
  }),
  getRequest: defineContract({
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests/:service_request_id.json`,
    tag: 'open311',
    params: RequestIdParams,
    query: Open311RequestQuery,
    response: Open311RequestsResponse,
  }),
};

export const hotlineWorkOrdersApi = {
  submit: defineContract({
    method: 'POST',
    path: '/hotline/work-orders',
    tag: 'hotline',
    summary:
      'A 12345 hotline work order, taken in once per hotline id; its status changes go back by webhook',
    body: HotlineWorkOrderBody,
    response: HotlineWorkOrder,
    status: 201,
  }),
};
