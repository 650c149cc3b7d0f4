import { defineContract } from '../contract';
import { SetupCompleteBody, SetupCompleteResponse, SetupStatusQuery, SetupStatusResponse } from '../setup';

/** `/public/setup`: the first run — the district and its first administrator, with the printed token. */
export const setupApi = {
  status: defineContract({
    method: 'GET',
    path: '/public/setup/status',
    tag: 'setup',
    summary: 'Whether the server still waits for its first administrator',
    query: SetupStatusQuery,
    response: SetupStatusResponse,
  }),
  complete: defineContract({
    method: 'POST',
    path: '/public/setup',
    tag: 'setup',
    summary: 'Create the district and its first administrator with the one-time token printed at start',
    body: SetupCompleteBody,
    response: SetupCompleteResponse,
    status: 201,
  }),
};
