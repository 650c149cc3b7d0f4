import { z } from 'zod';
import { defineContract } from '../contract';
import {
  WarningCloseBody,
  WarningDetail,
  WarningHandleBody,
  WarningSettings,
  WarningsListQuery,
  WarningsPage,
  WarningsScanResult,
  WarningsSummary,
  WarningsSummaryQuery,
  WarningVersionBody,
} from '../warnings';

// The endpoints of early warning (预警): the warnings of the caller's area under /warnings, the
// district's settings (safety and risk words, cluster thresholds) under /warning-settings.

const tag = 'warnings';

export const WarningIdParams = z.strictObject({ id: z.uuid() });

/** `/warnings`: warnings of the caller's area, from raised to closed. */
export const warningsApi = {
  list: defineContract({
    method: 'GET',
    path: '/warnings',
    tag,
    summary: 'Warnings of the caller’s area, newest first',
    query: WarningsListQuery,
    response: WarningsPage,
  }),
  summary: defineContract({
    method: 'GET',
    path: '/warnings/summary',
    tag,
    summary: 'Warnings per child area (the area view) and per day and kind (the trend)',
    query: WarningsSummaryQuery,
    response: WarningsSummary,
  }),
  scan: defineContract({
    method: 'POST',
    path: '/warnings/scan',
    tag,
    summary: 'Run the early-warning scan now (it also runs every ten minutes)',
    response: WarningsScanResult,
  }),
  get: defineContract({
    method: 'GET',
    path: '/warnings/:id',
    tag,
    summary: 'A warning with its evidence: the appeals that raised it',
    params: WarningIdParams,
    response: WarningDetail,
  }),
  acknowledge: defineContract({
    method: 'POST',
    path: '/warnings/:id/acknowledge',
    tag,
    params: WarningIdParams,
    body: WarningVersionBody,
    response: WarningDetail,
  }),
  handle: defineContract({
    method: 'POST',
    path: '/warnings/:id/handle',
    tag,
    summary: 'Record what was done (a note and the actions taken)',
    params: WarningIdParams,
    body: WarningHandleBody,
    response: WarningDetail,
  }),
  close: defineContract({
    method: 'POST',
    path: '/warnings/:id/close',
    tag,
    summary: 'Close a handled warning',
    params: WarningIdParams,
    body: WarningCloseBody,
    response: WarningDetail,
  }),
};

/** `/warning-settings`: the district's safety and risk words and the scan's thresholds. */
export const warningSettingsApi = {
  get: defineContract({ method: 'GET', path: '/warning-settings', tag, response: WarningSettings }),
  update: defineContract({
    method: 'PUT',
    path: '/warning-settings',
    tag,
    body: WarningSettings,
    response: WarningSettings,
  }),
};
