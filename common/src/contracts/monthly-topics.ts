import { z } from 'zod';
import { defineContract } from '../contract';
import {
  MonthlyTopic,
  MonthlyTopicIdParams,
  MonthlyTopicSummary,
  MonthlyTopicsCreateBody,
  MonthlyTopicsListQuery,
  MonthlyTopicUpdateBody,
  TopicMeasureBody,
  TopicMeasureDoneBody,
  TopicMeasureParams,
  TopicMeasureUpdateBody,
  TopicProposal,
  TopicProposalsQuery,
} from '../monthly-topics';

const tag = 'monthly-topics';

export const MonthlyTopicsListResponse = z.object({ items: z.array(MonthlyTopicSummary) });

export const TopicProposalsResponse = z.object({
  month: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  /** The months counted, oldest first. */
  months: z.array(z.string()),
  items: z.array(TopicProposal),
});
export type TopicProposalsResponse = z.infer<typeof TopicProposalsResponse>;

/**
 * `/monthly-topics` (每月一题): the district picks the month's topics from the proposals, names a
 * lead unit, a goal, the appeals and the measures; the outcome is counted from the appeals. A
 * department reads the topics it leads; an area caller those of its area.
 */
export const monthlyTopicsApi = {
  list: defineContract({
    method: 'GET',
    path: '/monthly-topics',
    tag,
    summary: "Topics of the caller's area, or those the caller's unit leads",
    query: MonthlyTopicsListQuery,
    response: MonthlyTopicsListResponse,
  }),
  proposals: defineContract({
    method: 'GET',
    path: '/monthly-topics/proposals',
    tag,
    summary:
      'Candidate topics: the frequent categories and clusters of the past months, with counts and trend',
    query: TopicProposalsQuery,
    response: TopicProposalsResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/monthly-topics/:id',
    tag,
    summary: 'A topic with its appeals, measures and outcome (appeals before and after)',
    params: MonthlyTopicIdParams,
    response: MonthlyTopic,
  }),
  create: defineContract({
    method: 'POST',
    path: '/monthly-topics',
    tag,
    summary: 'Pick a topic for the month: its area and category, lead unit, goal, appeals and measures',
    body: MonthlyTopicsCreateBody,
    response: MonthlyTopic,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/monthly-topics/:id',
    tag,
    summary: 'Edit a topic, link its appeals, close it with its outcome or take it up again',
    params: MonthlyTopicIdParams,
    body: MonthlyTopicUpdateBody,
    response: MonthlyTopic,
  }),
  addMeasure: defineContract({
    method: 'POST',
    path: '/monthly-topics/:id/measures',
    tag,
    summary: 'Add a measure (措施): what, the responsible unit, by when',
    params: MonthlyTopicIdParams,
    body: TopicMeasureBody,
    response: MonthlyTopic,
    status: 201,
  }),
  updateMeasure: defineContract({
    method: 'PATCH',
    path: '/monthly-topics/:id/measures/:measureId',
    tag,
    summary: 'Edit a measure or mark it done',
    params: TopicMeasureParams,
    body: TopicMeasureUpdateBody,
    response: MonthlyTopic,
  }),
  reportMeasure: defineContract({
    method: 'POST',
    path: '/monthly-topics/:id/measures/:measureId/done',
    tag,
    summary: "The lead unit's staff report a measure of their topic done, or not done after all",
    params: TopicMeasureParams,
    body: TopicMeasureDoneBody,
    response: MonthlyTopic,
  }),
};
