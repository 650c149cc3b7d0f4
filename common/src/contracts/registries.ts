import { defineContract } from '../contract';
import { IndicatorsListResponse, TodosListResponse } from '../registries';

/** `/indicators`: every indicator the modules registered, with its names and definition. */
export const indicatorsApi = {
  list: defineContract({
    method: 'GET',
    path: '/indicators',
    tag: 'registries',
    summary: 'The indicators of the dashboard, the assessment and the bulletin, in both languages',
    response: IndicatorsListResponse,
  }),
};

/** `/todos`: what waits for the caller, counted in their reach, in their language. */
export const todosApi = {
  list: defineContract({
    method: 'GET',
    path: '/todos',
    tag: 'registries',
    summary:
      'The caller’s to-dos: a count per kind of work waiting in their reach, with the link to its list',
    response: TodosListResponse,
  }),
};
