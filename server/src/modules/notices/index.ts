// The face of the notices module: what other domains may use to make something public.
export { answerComment, objectionToAppeal, postPublicComment } from './comments.service';
export { isPeriodOpen, periodEnd } from './notice-period';
export { villageDemocracyGroup } from './notices.indicators';
export { noticesModule } from './notices.module';
export { countNoticesAwaitingClose } from './notices.repository';
export { closeNotice, type NoticeContext, publishNotice } from './notices.service';
