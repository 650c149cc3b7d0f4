// The face of the notices module: what other domains may use to make something public.
export { isPeriodOpen, periodEnd } from './notice-period';
export { noticesModule } from './notices.module';
export { countNoticesAwaitingClose } from './notices.repository';
export { type NoticeContext, publishNotice } from './notices.service';
