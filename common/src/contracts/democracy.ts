import { z } from 'zod';
import { defineContract } from '../contract';
import {
  DemocracyAuthorisation,
  DemocracyAuthorisationCreateBody,
  DemocracyAuthorisationsResponse,
  DemocracyMember,
  DemocracyMemberCreateBody,
  DemocracyMemberRemoveBody,
  DemocracyMembersQuery,
  DemocracyMembersResponse,
  DemocracyMemberUpdateBody,
  VillageBodies,
  VillageBodiesParams,
} from '../democracy';
import {
  DemocracyStatsQuery,
  DemocracyStatsResponse,
  Matter,
  MatterAttachment,
  MatterAttachmentQuery,
  MatterCreateBody,
  MatterPublishBody,
  MatterSkipBody,
  MatterSpendingCreateBody,
  MattersListQuery,
  MattersPage,
  MatterTaskCreateBody,
  MatterTaskUpdateBody,
  MatterUpdateBody,
  MatterVersionBody,
  MatterWithdrawBody,
  Meeting,
  MeetingAttendanceBody,
  MeetingCancelBody,
  MeetingCreateBody,
  MeetingDecisionBody,
  MeetingsListQuery,
  MeetingsPage,
} from '../democracy-matters';
import { DemocracySettings } from '../democracy-rules';

// The endpoints of village democracy (四议两公开): bodies and members, matters, meetings.

const tag = 'democracy';

export const DemocracyIdParams = z.strictObject({ id: z.uuid() });
export const MatterTaskParams = z.strictObject({ id: z.uuid(), taskId: z.uuid() });
export const MatterAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

/** `/democracy-bodies/:villageCode`: a village's five bodies, their members and composition. */
export const bodiesApi = {
  get: defineContract({
    method: 'GET',
    path: '/democracy-bodies/:villageCode',
    tag,
    summary: "A village's bodies, members, the representatives' meeting's composition and the adults today",
    params: VillageBodiesParams,
    response: VillageBodies,
  }),
};

/** `/democracy-members`: the people sitting in a village's bodies. */
export const democracyMembersApi = {
  list: defineContract({
    method: 'GET',
    path: '/democracy-members',
    tag,
    query: DemocracyMembersQuery,
    response: DemocracyMembersResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/democracy-members',
    tag,
    body: DemocracyMemberCreateBody,
    response: DemocracyMember,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/democracy-members/:id',
    tag,
    params: DemocracyIdParams,
    body: DemocracyMemberUpdateBody,
    response: DemocracyMember,
  }),
  remove: defineContract({
    method: 'POST',
    path: '/democracy-members/:id/remove',
    tag,
    summary: 'The member leaves every body; meetings already noticed keep them on their roll',
    params: DemocracyIdParams,
    body: DemocracyMemberRemoveBody,
    status: 204,
  }),
};

/** `/democracy-authorisations`: the villagers' meeting authorising the representatives' meeting (art. 24). */
export const democracyAuthorisationsApi = {
  list: defineContract({
    method: 'GET',
    path: '/democracy-authorisations',
    tag,
    query: DemocracyMembersQuery,
    response: DemocracyAuthorisationsResponse,
  }),
  create: defineContract({
    method: 'POST',
    path: '/democracy-authorisations',
    tag,
    body: DemocracyAuthorisationCreateBody,
    response: DemocracyAuthorisation,
    status: 201,
  }),
};

/** `/democracy-settings`: the Party bodies' and the two committees' rules (the law fixes the others). */
export const democracySettingsApi = {
  get: defineContract({ method: 'GET', path: '/democracy-settings', tag, response: DemocracySettings }),
  update: defineContract({
    method: 'PUT',
    path: '/democracy-settings',
    tag,
    body: DemocracySettings,
    response: DemocracySettings,
  }),
};

/** `/matters`: matters (议题) through the four deliberations and the two publicities. */
export const mattersApi = {
  list: defineContract({
    method: 'GET',
    path: '/matters',
    tag,
    query: MattersListQuery,
    response: MattersPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/matters',
    tag,
    summary: 'Propose a matter; its first step is the Party branch committee',
    body: MatterCreateBody,
    response: Matter,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/matters/:id',
    tag,
    params: DemocracyIdParams,
    response: Matter,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/matters/:id',
    tag,
    summary: 'Change a matter before its first meeting decides',
    params: DemocracyIdParams,
    body: MatterUpdateBody,
    response: Matter,
  }),
  skip: defineContract({
    method: 'POST',
    path: '/matters/:id/skip',
    tag,
    summary: 'Skip the current deliberation, with a reason; refused for an art. 24 matter',
    params: DemocracyIdParams,
    body: MatterSkipBody,
    response: Matter,
  }),
  withdraw: defineContract({
    method: 'POST',
    path: '/matters/:id/withdraw',
    tag,
    params: DemocracyIdParams,
    body: MatterWithdrawBody,
    response: Matter,
  }),
  publishResolution: defineContract({
    method: 'POST',
    path: '/matters/:id/resolution',
    tag,
    summary: "Publish the adopted resolution with the vote counts on the village's board (决议公开)",
    params: DemocracyIdParams,
    body: MatterPublishBody,
    response: Matter,
  }),
  publishResult: defineContract({
    method: 'POST',
    path: '/matters/:id/result',
    tag,
    summary: 'Publish the result of carrying it out, spending against the amount (实施结果公开)',
    params: DemocracyIdParams,
    body: MatterPublishBody,
    response: Matter,
  }),
  resolutionPdf: defineContract({
    method: 'GET',
    path: '/matters/:id/resolution.pdf',
    tag,
    summary: 'The resolution of an adopted matter with each deliberation and the vote, as an A4 PDF',
    params: DemocracyIdParams,
    responseKind: 'file',
  }),
  close: defineContract({
    method: 'POST',
    path: '/matters/:id/close',
    tag,
    summary: 'Close a matter whose resolution and result are both published',
    params: DemocracyIdParams,
    body: MatterVersionBody,
    response: Matter,
  }),
};

/** `/matters/:id/tasks`, `/spendings`, `/attachments`: carrying a resolution out. */
export const matterWorkApi = {
  addTask: defineContract({
    method: 'POST',
    path: '/matters/:id/tasks',
    tag,
    params: DemocracyIdParams,
    body: MatterTaskCreateBody,
    response: Matter,
    status: 201,
  }),
  updateTask: defineContract({
    method: 'PATCH',
    path: '/matters/:id/tasks/:taskId',
    tag,
    params: MatterTaskParams,
    body: MatterTaskUpdateBody,
    response: Matter,
  }),
  addSpending: defineContract({
    method: 'POST',
    path: '/matters/:id/spendings',
    tag,
    params: DemocracyIdParams,
    body: MatterSpendingCreateBody,
    response: Matter,
    status: 201,
  }),
  addAttachment: defineContract({
    method: 'POST',
    path: '/matters/:id/attachments',
    tag,
    summary: 'A document of the proposal or a photo of the work (JPG, PNG, PDF), the raw file as the body',
    params: DemocracyIdParams,
    query: MatterAttachmentQuery,
    response: MatterAttachment,
    status: 201,
    bodyKind: 'binary',
  }),
  attachment: defineContract({
    method: 'GET',
    path: '/matters/:id/attachments/:attachmentId',
    tag,
    params: MatterAttachmentParams,
    responseKind: 'file',
  }),
};

/** `/meetings`: each deliberation's meeting — roll, attendance, quorum, vote, minutes, outcome. */
export const meetingsApi = {
  list: defineContract({
    method: 'GET',
    path: '/meetings',
    tag,
    query: MeetingsListQuery,
    response: MeetingsPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/meetings',
    tag,
    summary: "Notice a meeting on a matter's current step; its roll is fixed as of the notice date",
    body: MeetingCreateBody,
    response: Meeting,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/meetings/:id',
    tag,
    summary: 'A meeting with its roll, attendance and the quorum computed by its body’s rule',
    params: DemocracyIdParams,
    response: Meeting,
  }),
  attendance: defineContract({
    method: 'PUT',
    path: '/meetings/:id/attendance',
    tag,
    summary: 'Mark members present, absent or on leave; answers the meeting with the quorum',
    params: DemocracyIdParams,
    body: MeetingAttendanceBody,
    response: Meeting,
  }),
  decide: defineContract({
    method: 'POST',
    path: '/meetings/:id/decision',
    tag,
    summary:
      'The vote (outcome counted by the body’s rule), a sending back, or an adjournment for want of quorum',
    params: DemocracyIdParams,
    body: MeetingDecisionBody,
    response: Meeting,
  }),
  minutesPdf: defineContract({
    method: 'GET',
    path: '/meetings/:id/minutes.pdf',
    tag,
    summary: 'The minutes of a meeting: time, place, attendance, quorum, vote and minutes, as an A4 PDF',
    params: DemocracyIdParams,
    responseKind: 'file',
  }),
  cancel: defineContract({
    method: 'POST',
    path: '/meetings/:id/cancel',
    tag,
    params: DemocracyIdParams,
    body: MeetingCancelBody,
    response: Meeting,
  }),
};

/** `/democracy-stats`: matters through the full 4+2, open and stuck matters, adjourned meetings per area. */
export const democracyStatsApi = {
  get: defineContract({
    method: 'GET',
    path: '/democracy-stats',
    tag,
    query: DemocracyStatsQuery,
    response: DemocracyStatsResponse,
  }),
};
