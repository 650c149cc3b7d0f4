// The face of the assistance module: what other domains may use.
export { assistanceModule } from './assistance.module';
export {
  type CoverageArea,
  coverageArea,
  missingDetails,
  mustVisitFacts,
  summarizeMustVisit,
  unvisited,
} from './coverage';
export { assistanceSettings, quotaGroupOf } from './pairings.service';
