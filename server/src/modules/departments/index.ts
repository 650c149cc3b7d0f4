// The face of the departments module: handling units, what other domains may use.
export { departmentsModule } from './departments.module';
export { dispatchAppeal } from './dispatch/dispatch.service';
export { acceptDispatch, actAsLead, givePart, returnDispatch } from './dispatch/dispatch-work.service';
export { createTopic, getTopic, updateMeasureOf, updateTopicOf } from './topics/topics.service';
export { findUnitById, unitsAt } from './units/units.repository';
export { getUnit, listUnitsInReach } from './units/units.service';
export { whistleResponseStats } from './whistles/whistle-stats';
