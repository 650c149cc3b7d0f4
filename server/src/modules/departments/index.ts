// The face of the departments module: handling units, what other domains may use.
export { departmentsModule } from './departments.module';
export { findUnitById, unitsAt } from './units/units.repository';
export { getUnit, listUnitsInReach } from './units/units.service';
