// The face of the appeals module: what other domains may use.
export { actOnAppeal, actOnAppealForUnit, type UnitAppealAction } from './actions/actions.service';
export { appealsModule } from './appeals.module';
export { holderOf, isOpenAppeal } from './appeals.repository';
export { recordCallback } from './callbacks/callbacks.service';
export { findCategory, listCategories } from './categories/categories.repository';
export { ensureAppealDefaults } from './categories/categories.service';
export { appealSettings, countsWorkingDays, deadlines } from './intake/deadlines';
export { createAppeal } from './intake/intake.service';
export {
  type AppealIntakeHook,
  type IntakeAppeal,
  registerAppealIntakeHook,
} from './intake/intake-hooks';
export { bigrams, dice } from './intake/similarity';
export { type AppealSource, submitAppeal } from './intake/submit-appeal.command';
export { appendToTimeline, loadAppeal, touchAppeal } from './lifecycle';
export { releaseSubmission, reserveSubmission, type SubmissionLimits } from './public/public.repository';
