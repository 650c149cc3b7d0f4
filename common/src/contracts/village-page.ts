import { defineContract } from '../contract';
import { VillagePageParams, VillagePageResponse } from '../village-page';

/** `/public/villages/:code`: the village page — sections contributed by modules (no login). */
export const villagePageApi = {
  get: defineContract({
    method: 'GET',
    path: '/public/villages/:code',
    tag: 'public',
    summary: 'The village page: its sections (contacts, appeals, notices…) in order',
    params: VillagePageParams,
    response: VillagePageResponse,
  }),
};
