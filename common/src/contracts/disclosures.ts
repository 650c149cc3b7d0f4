import { z } from 'zod';
import { defineContract } from '../contract';
import {
  Disclosure,
  DisclosurePublishBody,
  DisclosureSchedule,
  DisclosureScheduleParams,
  DisclosureScheduleQuery,
  DisclosureScheduleUpdateBody,
  DisclosureSettings,
  DisclosuresListQuery,
  DisclosuresPage,
  LateDisclosuresResponse,
} from '../disclosures';

// The endpoints of village affairs disclosure (村务公开), under /disclosures.

const tag = 'disclosures';

export const DisclosureIdParams = z.strictObject({ id: z.uuid() });
export const DisclosureSettingsBody = DisclosureSettings;

/** `/disclosures`: what the villages of the caller's area published, their schedules and what is late. */
export const disclosuresApi = {
  list: defineContract({
    method: 'GET',
    path: '/disclosures',
    tag,
    query: DisclosuresListQuery,
    response: DisclosuresPage,
  }),
  publish: defineContract({
    method: 'POST',
    path: '/disclosures',
    tag,
    summary: "Publish a village's disclosure for a period (a month, a quarter, or a major matter's day)",
    body: DisclosurePublishBody,
    response: Disclosure,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/disclosures/:id',
    tag,
    params: DisclosureIdParams,
    response: Disclosure,
  }),
  schedule: defineContract({
    method: 'GET',
    path: '/disclosures/schedule',
    tag,
    summary:
      "A village's schedule for a year: each period, its due date, and whether it was published on time",
    query: DisclosureScheduleQuery,
    response: DisclosureSchedule,
  }),
  updateSchedule: defineContract({
    method: 'PUT',
    path: '/disclosures/schedules/:villageCode',
    tag,
    summary: 'How often the village publishes its finances, and from when its schedule counts',
    params: DisclosureScheduleParams,
    body: DisclosureScheduleUpdateBody,
    response: DisclosureSchedule,
  }),
  late: defineContract({
    method: 'GET',
    path: '/disclosures/late',
    tag,
    summary: "The villages' disclosures past their due date and not published, in the caller's area",
    response: LateDisclosuresResponse,
  }),
  settings: defineContract({
    method: 'GET',
    path: '/disclosures/settings',
    tag,
    response: DisclosureSettings,
  }),
  updateSettings: defineContract({
    method: 'PUT',
    path: '/disclosures/settings',
    tag,
    summary: "The district's rules: quarterly finances allowed, the due day, major matters' days",
    body: DisclosureSettingsBody,
    response: DisclosureSettings,
  }),
};
