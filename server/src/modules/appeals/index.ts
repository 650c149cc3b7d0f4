// The face of the appeals module: what other domains may use.
export { appealsModule } from './appeals.module';
export { holderOf, isOpenAppeal, listCategories } from './appeals.repository';
export { actOnAppeal, appealSettings, createAppeal, deadlines, recordCallback } from './appeals.service';
export { ensureAppealDefaults } from './categories';
