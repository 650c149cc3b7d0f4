import type { servicesRatingsZhCN } from './services-ratings.zh-CN';

/** 好差评: the notification kinds in English. */
export const servicesRatingsEn: Record<keyof typeof servicesRatingsZhCN, string> = {
  'notifications.kind.service.rating_link': 'Rating link',
  'notifications.kind.service.follow_up_answer': 'Answer to a bad rating',
};
