import type { ErrorCode } from './errors';
import type { Locale } from './i18n/locale';

/** The codes of village democracy: matters, meetings and members; disclosures (村务公开) and projects. */
type DemocracyErrorCode = Extract<
  ErrorCode,
  | `MATTER_${string}`
  | `MEETING_${string}`
  | `DISCLOSURE_${string}`
  | `PROJECT_${string}`
  | 'DEMOCRACY_MEMBER_INVALID'
>;

/** Their messages in every language, spread into the one catalogue (error-messages.ts). */
export const democracyErrorMessages: Record<DemocracyErrorCode, Record<Locale, string>> = {
  MATTER_STATE_INVALID: {
    'zh-CN': '议题当前状态不允许此操作',
    en: 'The matter is not in a state that allows this',
  },
  MATTER_STEP_ORDER: {
    'zh-CN': '会议须按“四议”顺序召开：该议题当前应进行“{stepZh}”',
    en: 'Deliberations go in order: this matter is now at the step “{stepEn}”',
  },
  MATTER_STEP_REQUIRED: {
    'zh-CN': '《村民委员会组织法》第二十四条所列事项不能跳过任何议事环节',
    en: 'A matter listed in art. 24 of the Organic Law cannot skip a deliberation',
  },
  MATTER_AUTHORISATION_REQUIRED: {
    'zh-CN': '第二十四条事项由村民代表会议决定，须经村民会议授权并登记授权',
    en: 'An art. 24 matter decided by the representatives’ meeting needs a recorded authorisation of the villagers’ meeting',
  },
  MATTER_NOT_PUBLISHED: {
    'zh-CN': '决议和实施结果均公开后才能办结',
    en: 'A matter closes only after its resolution and its result are both published',
  },
  MATTER_ATTACHMENT_LIMIT: {
    'zh-CN': '每个议题最多 {max} 个附件',
    en: 'A matter has at most {max} attachments',
  },
  MEETING_STATE_INVALID: {
    'zh-CN': '会议当前状态不允许此操作',
    en: 'The meeting is not in a state that allows this',
  },
  MEETING_NO_QUORUM: {
    'zh-CN': '到会人数未达法定人数（实到 {present} 人，须 {needed} 人），不能作出决定',
    en: 'No quorum ({present} present, {needed} needed): the meeting cannot decide',
  },
  MEETING_NOTICE_TOO_SHORT: {
    'zh-CN': '村民会议须提前 {days} 天通知，本次仅提前 {given} 天，不能作出决定',
    en: 'A villagers’ meeting needs {days} days’ notice; this one had {given}: it cannot decide',
  },
  MEETING_ROLL_EMPTY: {
    'zh-CN': '该组织尚无应到会成员，请先维护成员名单',
    en: 'The body has no members to call: keep its members first',
  },
  MEETING_VOTES_INVALID: {
    'zh-CN': '表决票数有误：票数不能超过到会人数，逐人表决须与票数一致，表决人须到会且有表决权',
    en: 'The vote does not add up: no more votes than present, a per-member record matching the counts, voters present and entitled',
  },
  MEETING_DATES_INVALID: {
    'zh-CN': '通知日期不能晚于会议日期',
    en: 'The notice date cannot be after the meeting',
  },
  DEMOCRACY_MEMBER_INVALID: {
    'zh-CN': '成员信息有误：{reason}',
    en: 'The member’s details are wrong: {reason}',
  },
  DISCLOSURE_PERIOD_INVALID: {
    'zh-CN':
      '公开期间 {period} 与该类事项不符或尚未开始：村务按季度（如 2026-Q4），财务按月（如 2026-11）或经批准按季度，重大事项填事项日期',
    en: 'The period {period} does not fit the category or has not begun: general affairs by quarter (2026-Q4), finances by month (2026-11) or quarter where allowed, a major matter by its day',
  },
  DISCLOSURE_CADENCE_NOT_ALLOWED: {
    'zh-CN': '本区未允许财务按季度公开',
    en: 'The district does not allow finances to be published quarterly',
  },
  PROJECT_STAGE_DONE: {
    'zh-CN': '该阶段已完成',
    en: 'The stage is already done',
  },
  PROJECT_STAGE_NOT_LATE: {
    'zh-CN': '该阶段未逾期，不能以阶段逾期追责',
    en: 'The stage is not late: no accountability for a late stage',
  },
  PROJECT_OBJECTION_UNKNOWN: {
    'zh-CN': '该异议不是对本项目公示提出的',
    en: "The objection was not made to this project's notice",
  },
  PROJECT_NOTICE_EXISTS: {
    'zh-CN': '本项目已发布公示',
    en: 'The project has already been made public',
  },
};
