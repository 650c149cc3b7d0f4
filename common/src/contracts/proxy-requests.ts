import type { z } from 'zod';
import { defineContract } from '../contract';
import {
  ProxyAppealBody,
  ProxyAppealResponse,
  ProxyAssignBody,
  ProxyAuthoriseBody,
  ProxyBoard,
  ProxyBoardQuery,
  ProxyCancelBody,
  ProxyCloseBody,
  ProxyCollectBody,
  ProxyDeliverBody,
  ProxyFile,
  ProxyFileUploadQuery,
  ProxyLodgeBody,
  ProxyRequest,
  ProxyRequestCreateBody,
  ProxyRequestFileParams,
  ProxyRequestIdParams,
  ProxyRequestsListQuery,
  ProxyRequestsPage,
  ProxyResultBody,
  ProxyTrackBody,
  PublicProxyRequest,
  PublicProxyRequestBody,
  PublicProxyRequestCreated,
} from '../proxy-requests';

const tag = 'services';

function step<Body extends z.ZodType>(name: string, summary: string, body: Body) {
  return defineContract({
    method: 'POST',
    path: `/proxy-requests/:id/${name}`,
    tag,
    summary,
    params: ProxyRequestIdParams,
    body,
    response: ProxyRequest,
  });
}

/**
 * `/proxy-requests`: 代办 — a request for a service item on behalf of a resident, assigned to an
 * agent who takes it through the steps (authorise, collect, lodge, result, deliver, close), each
 * timed. Agents see requests assigned to them or their station; area roles those of their area;
 * department staff those their unit handles.
 */
export const proxyRequestsApi = {
  list: defineContract({
    method: 'GET',
    path: '/proxy-requests',
    tag,
    summary: "The agent's queue (mine=true) or the requests in the caller's reach, due first",
    query: ProxyRequestsListQuery,
    response: ProxyRequestsPage,
  }),
  board: defineContract({
    method: 'GET',
    path: '/proxy-requests/board',
    tag,
    summary: "The station head's board: requests by step, overdue, due soon, per agent",
    query: ProxyBoardQuery,
    response: ProxyBoard,
  }),
  export: defineContract({
    method: 'GET',
    path: '/proxy-requests/export',
    tag,
    summary: 'The list (same filters) as an .xlsx (audited)',
    query: ProxyRequestsListQuery,
    responseKind: 'file',
  }),
  get: defineContract({
    method: 'GET',
    path: '/proxy-requests/:id',
    tag,
    summary: 'A request with its materials, files and timeline',
    params: ProxyRequestIdParams,
    response: ProxyRequest,
  }),
  create: defineContract({
    method: 'POST',
    path: '/proxy-requests',
    tag,
    summary: 'A cadre records a request on a visit or at the station, for an item that allows proxy',
    body: ProxyRequestCreateBody,
    response: ProxyRequest,
    status: 201,
  }),
  assign: step('assign', 'Assign to a service agent of the station or a village cadre', ProxyAssignBody),
  authorise: step(
    'authorise',
    'The signed authorisation (代办委托书) received: its uploaded photo named',
    ProxyAuthoriseBody,
  ),
  collect: step(
    'collect',
    'Materials of the checklist collected; a receipt (回执) number for each original',
    ProxyCollectBody,
  ),
  lodge: step('lodge', "Lodged with the handling unit: the unit's receipt number", ProxyLodgeBody),
  result: step('result', "The unit's result obtained", ProxyResultBody),
  deliver: step('deliver', 'Delivered to the resident, the originals returned', ProxyDeliverBody),
  close: step('close', 'Close a delivered request', ProxyCloseBody),
  cancel: step('cancel', 'Cancel a request before delivery, with a reason', ProxyCancelBody),
  appeal: defineContract({
    method: 'POST',
    path: '/proxy-requests/:id/appeal',
    tag,
    summary: 'A request that reveals a problem becomes an appeal (linked)',
    params: ProxyRequestIdParams,
    body: ProxyAppealBody,
    response: ProxyAppealResponse,
    status: 201,
  }),
  authorisationPdf: defineContract({
    method: 'GET',
    path: '/proxy-requests/:id/authorisation.pdf',
    tag,
    summary: 'The printable authorisation form (代办委托书) for the resident to sign',
    params: ProxyRequestIdParams,
    responseKind: 'file',
  }),
  receiptPdf: defineContract({
    method: 'GET',
    path: '/proxy-requests/:id/receipt.pdf',
    tag,
    summary: 'The printable receipt (回执) of the originals taken and returned',
    params: ProxyRequestIdParams,
    responseKind: 'file',
  }),
  uploadFile: defineContract({
    method: 'POST',
    path: '/proxy-requests/:id/files',
    tag,
    summary:
      'Add the signed authorisation, a paper or the result (JPG, PNG, PDF; the raw file as the body; stored sealed)',
    params: ProxyRequestIdParams,
    query: ProxyFileUploadQuery,
    response: ProxyFile,
    status: 201,
    bodyKind: 'binary',
  }),
  getFile: defineContract({
    method: 'GET',
    path: '/proxy-requests/:id/files/:fileId',
    tag,
    params: ProxyRequestFileParams,
    responseKind: 'file',
  }),
};

/** `/public/proxy-requests`: a resident asks for 代办 and follows it. */
export const publicProxyRequestsApi = {
  create: defineContract({
    method: 'POST',
    path: '/public/proxy-requests',
    tag: 'public',
    summary:
      'A resident asks for proxy service, the phone proved by a code; the answer carries the tracking code',
    body: PublicProxyRequestBody,
    response: PublicProxyRequestCreated,
    status: 201,
  }),
  track: defineContract({
    method: 'POST',
    path: '/public/proxy-requests/track',
    tag: 'public',
    summary: 'Follow a request with its tracking code and the last four digits of the phone',
    body: ProxyTrackBody,
    response: PublicProxyRequest,
  }),
};
