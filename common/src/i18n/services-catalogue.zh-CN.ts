/** 便民服务事项清单 and the centres: how the audit log names their actions, in Simplified Chinese. */
export const servicesCatalogueZhCN = {
  'audit.action.service_item.create': '新增服务事项',
  'audit.action.service_item.update': '修订办事指南',
  'audit.action.service_item.deactivate': '停用服务事项',
  'audit.action.service_item.activate': '启用服务事项',
  'audit.action.service_centre.update': '修改服务中心（站）信息',
  'audit.action.service_centre.roster': '排定值班表',
  'audit.objectType.service_item': '服务事项',
} as const;
