// The face of the areas module: what other domains may use.
export { areasModule } from './areas.module';
export { childAreas, countAreas, findArea, findAreasByCodes } from './areas.repository';
export { areaPath } from './areas.service';
export { importAreas, operatorAreaScope } from './import/area-imports.service';
