// The face of the open311 module: Open311 GeoReport v2 and the 12345 hotline's work orders.
export { open311Module } from './open311.module';
export { open311Routes } from './open311.routes';
