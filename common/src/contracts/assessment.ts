import {
  Assessment,
  AssessmentConfig,
  AssessmentScore,
  AssessmentsCommentBody,
  AssessmentsCommentParams,
  AssessmentsComputeResponse,
  AssessmentsGetQuery,
  BulletinsGetParams,
  BulletinsGetQuery,
  Dashboard,
  DashboardQuery,
  Work,
  YearParams,
} from '../assessment';
import { defineContract } from '../contract';

/** `/dashboard`: the figures of the caller’s area, or of one inside it, for a period. */
export const dashboardApi = {
  get: defineContract({
    method: 'GET',
    path: '/dashboard',
    tag: 'assessment',
    summary: 'The figures of the caller’s area (or one inside it) for a period, with a row per child area',
    query: DashboardQuery,
    response: Dashboard,
  }),
};

/** `/dashboard/work`: the work of an area’s cadres in a period. */
export const workApi = {
  get: defineContract({
    method: 'GET',
    path: '/dashboard/work',
    tag: 'assessment',
    summary:
      'The work of the area’s cadres in a period, one row per cadre, and households visited as often as their tier asks',
    query: DashboardQuery,
    response: Work,
  }),
};

/** `/assessments/:year`: the annual assessment (年度考核) of cadres. */
export const assessmentsApi = {
  get: defineContract({
    method: 'GET',
    path: '/assessments/:year',
    tag: 'assessment',
    summary: 'A year’s configuration, state and the scores of cadres in the caller’s area, ranked per cohort',
    params: YearParams,
    query: AssessmentsGetQuery,
    response: Assessment,
  }),
  /** The caller’s own score of the year; 404 when they were not assessed. */
  getOwn: defineContract({
    method: 'GET',
    path: '/assessments/:year/me',
    tag: 'assessment',
    params: YearParams,
    response: AssessmentScore,
  }),
  configure: defineContract({
    method: 'PUT',
    path: '/assessments/:year/config',
    tag: 'assessment',
    params: YearParams,
    body: AssessmentConfig,
    response: AssessmentConfig,
  }),
  compute: defineContract({
    method: 'POST',
    path: '/assessments/:year/compute',
    tag: 'assessment',
    summary: 'Compute every cadre’s score for the year (a finalized year cannot be computed again)',
    params: YearParams,
    response: AssessmentsComputeResponse,
  }),
  comment: defineContract({
    method: 'PATCH',
    path: '/assessments/:year/scores/:cadreId',
    tag: 'assessment',
    params: AssessmentsCommentParams,
    body: AssessmentsCommentBody,
    response: AssessmentScore,
  }),
  finalize: defineContract({
    method: 'POST',
    path: '/assessments/:year/finalize',
    tag: 'assessment',
    params: YearParams,
  }),
  export: defineContract({
    method: 'GET',
    path: '/assessments/:year/export',
    tag: 'assessment',
    summary: 'The year’s scores as an .xlsx (audited)',
    params: YearParams,
    responseKind: 'file',
  }),
};

/** `/bulletins/:month`: the monthly bulletin (月度通报) of an area, as a download. */
export const bulletinsApi = {
  get: defineContract({
    method: 'GET',
    path: '/bulletins/:month',
    tag: 'assessment',
    summary:
      'The monthly bulletin of the caller’s area (or one inside it): headline figures, child areas ranked, overdue appeals, must-visit households not visited; .xlsx or PDF (audited)',
    params: BulletinsGetParams,
    query: BulletinsGetQuery,
    responseKind: 'file',
  }),
};
