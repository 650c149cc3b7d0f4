// The endpoints of the households domain (the registry, 一户一档): one contract each (see ../contract.ts).
import { z } from 'zod';
import { defineContract } from '../contract';
import {
  HouseholdImport,
  HouseholdImportCommitQuery,
  HouseholdImportIdParams,
  HouseholdImportLayoutBody,
  HouseholdImportsUploadQuery,
  IdNumberCheckIdParams,
  IdNumberChecksListResponse,
} from '../household-import';
import {
  Household,
  HouseholdIdParams,
  HouseholdsChangeHeadBody,
  HouseholdsCreateBody,
  HouseholdsFilter,
  HouseholdsListQuery,
  HouseholdsPage,
  HouseholdsUpdateBody,
  IndicatorsInput,
  IndicatorYearParams,
  ResidentIdParams,
  ResidentInput,
  ResidentsUpdateBody,
  TagDefinition,
  TagsCreateBody,
} from '../households';

/** `/households`: the household files, their members and yearly indicators, and the roster export. */
export const householdsApi = {
  list: defineContract({
    method: 'GET',
    path: '/households',
    tag: 'households',
    query: HouseholdsListQuery,
    response: HouseholdsPage,
  }),
  get: defineContract({
    method: 'GET',
    path: '/households/:id',
    tag: 'households',
    params: HouseholdIdParams,
    response: Household,
  }),
  create: defineContract({
    method: 'POST',
    path: '/households',
    tag: 'households',
    body: HouseholdsCreateBody,
    response: Household,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/households/:id',
    tag: 'households',
    params: HouseholdIdParams,
    body: HouseholdsUpdateBody,
    response: Household,
  }),
  addMember: defineContract({
    method: 'POST',
    path: '/households/:id/members',
    tag: 'households',
    params: HouseholdIdParams,
    body: ResidentInput,
    response: Household,
    status: 201,
  }),
  changeHead: defineContract({
    method: 'POST',
    path: '/households/:id/change-head',
    tag: 'households',
    params: HouseholdIdParams,
    body: HouseholdsChangeHeadBody,
    response: Household,
  }),
  saveIndicators: defineContract({
    method: 'PUT',
    path: '/households/:id/indicators/:year',
    tag: 'households',
    summary: 'Record a year’s income, debt and hardships (re-tiers the household)',
    params: IndicatorYearParams,
    body: IndicatorsInput,
    response: Household,
  }),
  export: defineContract({
    method: 'GET',
    path: '/households/export',
    tag: 'households',
    summary: 'The filtered households as an .xlsx roster (audited; ID numbers masked unless permitted)',
    query: HouseholdsFilter,
    responseKind: 'file',
  }),
};

export const ResidentsRevealResponse = z.object({ idNumber: z.string().nullable() });

/** `/residents`: one member of a household file. */
export const residentsApi = {
  update: defineContract({
    method: 'PATCH',
    path: '/residents/:id',
    tag: 'households',
    params: ResidentIdParams,
    body: ResidentsUpdateBody,
    response: Household,
  }),
  reveal: defineContract({
    method: 'POST',
    path: '/residents/:id/reveal-id',
    tag: 'households',
    summary: 'Show a resident’s full ID number (audited)',
    params: ResidentIdParams,
    response: ResidentsRevealResponse,
  }),
};

export const TagsListResponse = z.array(TagDefinition);

/** `/tags`: the built-in tags and the district's own. */
export const tagsApi = {
  list: defineContract({
    method: 'GET',
    path: '/tags',
    tag: 'households',
    response: TagsListResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/tags',
    tag: 'households',
    body: TagsCreateBody,
    response: TagDefinition,
    status: 201,
  }),
};

export const HouseholdImportsListResponse = z.object({ items: z.array(HouseholdImport) });

/** `/household-imports`: roster upload, its check in the background, and its commit. */
export const householdImportsApi = {
  template: defineContract({
    method: 'GET',
    path: '/household-imports/template',
    tag: 'imports',
    summary: 'The roster template (.xlsx) with an instructions sheet',
    responseKind: 'file',
  }),
  upload: defineContract({
    method: 'POST',
    path: '/household-imports',
    tag: 'imports',
    summary: 'Upload a roster (.xlsx or .csv, the raw file as the body); it is checked, not yet written',
    query: HouseholdImportsUploadQuery,
    bodyKind: 'binary',
    response: HouseholdImport,
    status: 202,
  }),
  list: defineContract({
    method: 'GET',
    path: '/household-imports',
    tag: 'imports',
    response: HouseholdImportsListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/household-imports/:id',
    tag: 'imports',
    params: HouseholdImportIdParams,
    response: HouseholdImport,
  }),
  layout: defineContract({
    method: 'POST',
    path: '/household-imports/:id/layout',
    tag: 'imports',
    summary:
      'Check the uploaded roster again with another village, sheet or column mapping (the mapping is remembered for the village and the header)',
    params: HouseholdImportIdParams,
    body: HouseholdImportLayoutBody,
    response: HouseholdImport,
    status: 202,
  }),
  commit: defineContract({
    method: 'POST',
    path: '/household-imports/:id/commit',
    tag: 'imports',
    summary:
      'Write a checked roster: all of it or, if anything changed meanwhile, none of it; with validOnly=true, the valid households only',
    params: HouseholdImportIdParams,
    query: HouseholdImportCommitQuery,
    response: HouseholdImport,
    status: 202,
  }),
  heldBack: defineContract({
    method: 'GET',
    path: '/household-imports/:id/held-back',
    tag: 'imports',
    summary: 'The rows held back (a household with any bad row), in the file’s layout with a 错误原因 column',
    params: HouseholdImportIdParams,
    responseKind: 'file',
  }),
};

/** `/id-number-checks`: verification cases raised when an account passed its daily look-up limit. */
export const idNumberChecksApi = {
  list: defineContract({
    method: 'GET',
    path: '/id-number-checks',
    tag: 'households',
    response: IdNumberChecksListResponse,
  }),
  close: defineContract({
    method: 'POST',
    path: '/id-number-checks/:id/close',
    tag: 'households',
    params: IdNumberCheckIdParams,
    status: 204,
  }),
};
