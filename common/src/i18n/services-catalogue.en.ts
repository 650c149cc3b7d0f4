import type { servicesCatalogueZhCN } from './services-catalogue.zh-CN';

/** The service catalogue and the centres: the audit log's names of their actions, in English. */
export const servicesCatalogueEn: Record<keyof typeof servicesCatalogueZhCN, string> = {
  'audit.action.service_item.create': 'Service item added',
  'audit.action.service_item.update': 'Service guide revised',
  'audit.action.service_item.deactivate': 'Service item deactivated',
  'audit.action.service_item.activate': 'Service item activated',
  'audit.action.service_centre.update': 'Service centre profile changed',
  'audit.action.service_centre.roster': 'Duty roster set',
  'audit.objectType.service_item': 'Service item',
};
