export * from './areas';
export * from './audit';
export * from './errors';
export * from './i18n/locale';
export * from './i18n/ui';
export * from './id-number';
export * from './roles';
export * from './users';
