// The face of the appeals module: what other domains may use.
export { actOnAppeal } from './actions/actions.service';
export { appealsModule } from './appeals.module';
export { holderOf, isOpenAppeal, listCategories } from './appeals.repository';
export { recordCallback } from './callbacks/callbacks.service';
export { ensureAppealDefaults } from './categories';
export { appealSettings, deadlines } from './intake/deadlines';
export { createAppeal } from './intake/intake.service';
