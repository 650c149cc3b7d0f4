import type { ErrorCode } from './errors';
import type { Locale } from './i18n/locale';

/**
 * The codes of resident services (便民服务): proxy requests (代办); the catalogue, the centres and
 * 好差评 add theirs here.
 */
type ServicesErrorCode = Extract<
  ErrorCode,
  `PROXY_${string}` | `SERVICE_RATING_${string}` | `FOLLOW_UP_${string}`
>;

/** Their messages in every language, spread into the one catalogue (error-messages.ts). */
export const servicesErrorMessages: Record<ServicesErrorCode, Record<Locale, string>> = {
  PROXY_ITEM_INVALID: {
    'zh-CN': '该事项不存在、已停用或不能代办',
    en: 'The service item does not exist, is inactive or cannot be done by proxy',
  },
  PROXY_STATION_MISSING: {
    'zh-CN': '该村及其所在镇均未设便民服务站（中心），无法受理代办',
    en: 'Neither the village nor its town has a service station to take the request',
  },
  PROXY_STATE_INVALID: {
    'zh-CN': '代办件当前所处环节不能进行此步骤',
    en: 'The request is not at a step that allows this',
  },
  PROXY_AGENT_INVALID: {
    'zh-CN': '代办员须为本站的代办员或该村的村干部',
    en: 'The agent must be a service agent of the station or a cadre of the village',
  },
  PROXY_RESIDENT_INVALID: {
    'zh-CN': '群众不在您的辖区或不属于该村',
    en: 'The resident is outside your area or not of that village',
  },
  PROXY_MATERIALS_INCOMPLETE: {
    'zh-CN': '还有 {count} 项材料未完成（未收齐或原件未退还）',
    en: '{count} materials are not done yet (not collected, or originals not returned)',
  },
  PROXY_FILE_INVALID: {
    'zh-CN': '文件不属于该代办件或类型不符',
    en: 'The file is not of this request or not of the right kind',
  },
  PROXY_TRACKING_FAILED: {
    'zh-CN': '查询码或手机号后四位不正确',
    en: 'The tracking code or the last four digits of the phone are wrong',
  },
  SERVICE_RATING_CLOSED: {
    'zh-CN': '该代办件尚未送达、已办结或已过评价期，不能评价',
    en: 'The request is not delivered, is closed or its rating period is over: it cannot be rated',
  },
  SERVICE_RATING_GIVEN: {
    'zh-CN': '该代办件已评价，每件只能评价一次',
    en: 'The request was rated already: a request is rated once',
  },
  FOLLOW_UP_STATE_INVALID: {
    'zh-CN': '该差评回访当前状态不允许此操作',
    en: 'The follow-up of this rating is not in a state that allows this',
  },
};
