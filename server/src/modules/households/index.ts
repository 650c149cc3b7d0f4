// The face of the households module (the registry): what other domains may use.
export { putIndicators } from './household-edits.service';
export { householdsModule } from './households.module';
export { findHousehold } from './households.repository';
export { createHousehold } from './households.service';
export { type CliContext, districtScope, exportRosterFile, importRosterFile } from './import/roster-cli';
export { findResident } from './residents.repository';
