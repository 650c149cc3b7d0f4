import { z } from 'zod';
import { defineContract } from '../contract';
import {
  AccountabilityCreateBody,
  Project,
  ProjectCreateBody,
  ProjectNoticeBody,
  ProjectsListQuery,
  ProjectsPage,
  SpendingCreateBody,
  StageCompleteBody,
} from '../projects';

// The endpoints of major investment projects (重大投资项目), under /projects.

const tag = 'projects';

export const ProjectIdParams = z.strictObject({ id: z.uuid() });
export const ProjectStageParams = z.strictObject({ id: z.uuid(), stageId: z.uuid() });

/** `/projects`: the projects of the caller's area, their stages, spending, notice and accountability. */
export const projectsApi = {
  list: defineContract({
    method: 'GET',
    path: '/projects',
    tag,
    query: ProjectsListQuery,
    response: ProjectsPage,
  }),
  create: defineContract({
    method: 'POST',
    path: '/projects',
    tag,
    summary: 'A project with its responsible person and unit, budget and stages',
    body: ProjectCreateBody,
    response: Project,
    status: 201,
  }),
  get: defineContract({
    method: 'GET',
    path: '/projects/:id',
    tag,
    params: ProjectIdParams,
    response: Project,
  }),
  completeStage: defineContract({
    method: 'POST',
    path: '/projects/:id/stages/:stageId/complete',
    tag,
    params: ProjectStageParams,
    body: StageCompleteBody,
    response: Project,
  }),
  addSpending: defineContract({
    method: 'POST',
    path: '/projects/:id/spendings',
    tag,
    params: ProjectIdParams,
    body: SpendingCreateBody,
    response: Project,
    status: 201,
  }),
  addAccountability: defineContract({
    method: 'POST',
    path: '/projects/:id/accountabilities',
    tag,
    summary: 'Hold someone to account for a late stage or an upheld objection to the notice',
    params: ProjectIdParams,
    body: AccountabilityCreateBody,
    response: Project,
    status: 201,
  }),
  publishNotice: defineContract({
    method: 'POST',
    path: '/projects/:id/notice',
    tag,
    summary: "Publish the project's notice (项目公示) through the notices module",
    params: ProjectIdParams,
    body: ProjectNoticeBody,
    response: Project,
    status: 201,
  }),
};
