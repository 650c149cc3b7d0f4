// The face of the tiering module: what other domains may use.
export { tieringModule } from './tiering.module';
export { ensureRegistryDefaults, latestRunVersion, type RuleSet, ruleSetInForce } from './tiering.repository';
export { retierHousehold, retierHouseholds } from './tiering.service';
