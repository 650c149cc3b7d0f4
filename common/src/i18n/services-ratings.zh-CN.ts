/** 好差评: the console's notification kinds and the bell's lines of 差评 follow-ups. */
export const servicesRatingsZhCN = {
  'notifications.kind.service.rating_link': '代办评价链接',
  'notifications.kind.service.follow_up_answer': '差评整改答复',
} as const;
