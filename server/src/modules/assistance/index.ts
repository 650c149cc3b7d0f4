// The face of the assistance module: what other domains may use.
export { assistanceModule } from './assistance.module';
export {
  type CoverageArea,
  coverageArea,
  missingDetails,
  mustVisitFacts,
  summarizeMustVisit,
  unvisited,
} from './coverage/coverage.service';
export { assistanceSettings, quotaGroupOf } from './settings/settings.service';
export { recordVisit } from './visits/record-visit.command';
