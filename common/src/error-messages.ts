import { democracyErrorMessages } from './error-messages-democracy';
import { servicesErrorMessages } from './error-messages-services';
import { type ErrorCode, type ErrorParams, interpolate } from './errors';
import type { Locale } from './i18n/locale';

/** The message of each error code in every language: a new code does not compile without one. */
const messages: Record<ErrorCode, Record<Locale, string>> = {
  ...democracyErrorMessages,
  ...servicesErrorMessages,
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查后重试', en: 'The request has invalid fields' },
  INVALID_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; use application/json',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  NOT_FOUND: { 'zh-CN': '记录不存在或无权访问', en: 'The record does not exist or is outside your area' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  AUTH_REQUIRED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_THROTTLED: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  SESSION_EXPIRED: {
    'zh-CN': '登录已超时，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  ACCOUNT_DISABLED: {
    'zh-CN': '账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  TOKEN_INVALID: { 'zh-CN': '访问令牌无效或已过期', en: 'The API token is invalid or expired' },
  TOKEN_NOT_ALLOWED: {
    'zh-CN': 'API 令牌不能创建令牌、修改密码或其他登录凭据，请登录控制台操作',
    en: 'An API token cannot create tokens or change passwords or other credentials; sign in to the console',
  },
  TOKEN_SCOPE_DENIED: {
    'zh-CN': '此 API 令牌的权限范围不包括该操作',
    en: 'This API token’s scope does not cover this action',
  },
  TOKEN_SCOPE_INVALID: {
    'zh-CN': '令牌只能授予您账号本身具有的权限',
    en: 'A token can only be granted permissions your account has',
  },
  TOKEN_LIFETIME_TOO_LONG: {
    'zh-CN': '令牌有效期最长 {days} 天',
    en: 'A token may live at most {days} days',
  },
  CSRF_INVALID: {
    'zh-CN': '页面已过期，请刷新后重试',
    en: 'The page is out of date (CSRF check failed); reload and try again',
  },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  VERSION_CONFLICT: {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  AREA_UNKNOWN: { 'zh-CN': '区域代码 {code} 不存在', en: 'Unknown area code {code}' },
  AREA_CODE_TAKEN: { 'zh-CN': '区域代码 {code} 已存在', en: 'Area code {code} already exists' },
  AREA_CODE_INVALID: {
    'zh-CN': '区域代码 {code} 与上级区域或区域类型不符',
    en: 'Area code {code} does not fit its parent or kind',
  },
  AREA_PARENT_INVALID: {
    'zh-CN': '上级区域类型不正确：{kind} 的上级应为 {expected}',
    en: 'Wrong parent: a {kind} belongs under a {expected}',
  },
  USERNAME_TAKEN: { 'zh-CN': '用户名 {username} 已被使用', en: 'Username {username} is already taken' },
  PASSWORD_WEAK: {
    'zh-CN':
      '密码太容易被猜到：至少 10 个字符，不能是常见密码、重复或连续的字符，不能由用户名、姓名或手机号组成，也不能与当前密码相同',
    en: 'The password is too easy to guess: at least 10 characters, not a common password, not repeated or sequential characters, not made of the username, name or phone, and not the current password',
  },
  PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  ROLE_AREA_MISMATCH: {
    'zh-CN': '角色“{role}”不能绑定到该级别的区域',
    en: 'The role {role} cannot be bound to an area of this level',
  },
  ROLE_UNIT_MISMATCH: {
    'zh-CN': '角色“{role}”必须绑定到相应类型的承办单位，且账号区域与单位所在区域一致',
    en: 'The role {role} must be bound to a handling unit of its kind, in the unit’s area',
  },
  UNIT_UNKNOWN: {
    'zh-CN': '承办单位不存在或不在您的范围内',
    en: 'The handling unit does not exist or is out of your reach',
  },
  UNIT_AREA_MISMATCH: {
    'zh-CN': '该类型的承办单位不能设在这一级区域',
    en: 'A handling unit of this kind cannot sit at an area of this level',
  },
  UNIT_NAME_TAKEN: {
    'zh-CN': '该区域已有同名的承办单位“{name}”',
    en: 'This area already has a handling unit named {name}',
  },
  ROLE_NOT_ASSIGNABLE: { 'zh-CN': '您不能授予角色“{role}”', en: 'You cannot grant the role {role}' },
  SELF_LOCKOUT: { 'zh-CN': '不能停用或降级自己的账号', en: 'You cannot disable or demote your own account' },
  AREA_LEVEL_INVALID: {
    'zh-CN': '户籍所在区域必须是村（社区）或组（网格）',
    en: 'A household belongs to a village or a group',
  },
  HOUSEHOLD_NUMBER_TAKEN: {
    'zh-CN': '户号 {number} 在本村已存在',
    en: 'Household number {number} already exists in this village',
  },
  ID_NUMBER_TAKEN: {
    'zh-CN': '身份证号已登记{where}',
    en: 'This ID number is already registered{where}',
  },
  // Outside the caller's area: never which household or whose (a district-wide oracle otherwise).
  ID_NUMBER_ELSEWHERE: {
    'zh-CN': '已在其他地区登记，请联系镇（街道）核实',
    en: 'Registered in another area; ask the town (subdistrict) office to verify',
  },
  // Past the daily limit of such answers: nothing about registration at all.
  ID_NUMBER_UNVERIFIED: {
    'zh-CN': '需核实：请联系镇（街道）核实该身份证号',
    en: 'To be verified: ask the town (subdistrict) office to verify this ID number',
  },
  TAG_UNKNOWN: { 'zh-CN': '标签 {tag} 不存在', en: 'Unknown tag {tag}' },
  TAG_CODE_TAKEN: { 'zh-CN': '标签代码 {code} 已存在', en: 'Tag code {code} already exists' },
  HOUSEHOLD_HEAD_INVALID: {
    'zh-CN': '每户应有且只有一名在册户主；更换户主请使用“变更户主”',
    en: 'A household has exactly one active head; use “change head” to hand it over',
  },
  RESIDENT_NOT_IN_HOUSEHOLD: {
    'zh-CN': '该成员不属于本户或已不在册',
    en: 'The resident is not an active member of this household',
  },
  OVERRIDE_PENDING: {
    'zh-CN': '该户已有待审批的分类调整申请',
    en: 'This household already has a tier change awaiting a decision',
  },
  OVERRIDE_STATE_INVALID: {
    'zh-CN': '该调整申请当前为“{status}”，不能执行此操作',
    en: 'This tier change is {status}; the action does not apply',
  },
  OVERRIDE_OWN_PROPOSAL: {
    'zh-CN': '不能审批自己提出的分类调整',
    en: 'You cannot decide on a tier change you proposed',
  },
  RULES_EFFECTIVE_DATE_INVALID: {
    'zh-CN': '生效日期不能早于今天（{today}）',
    en: 'The effective date cannot be before today ({today})',
  },
  IMPORT_STATE_INVALID: {
    'zh-CN': '导入任务当前为“{status}”，不能执行此操作',
    en: 'The import is {status}; the action does not apply',
  },
  APPEAL_CATEGORY_UNKNOWN: {
    'zh-CN': '没有这个诉求类别，或已停用',
    en: 'There is no such appeal category, or it is no longer in use',
  },
  APPEAL_CATEGORY_CODE_TAKEN: {
    'zh-CN': '类别代码已存在',
    en: 'This category code is already taken',
  },
  APPEAL_STATE_INVALID: {
    'zh-CN': '诉求当前为“{status}”，不能执行此操作',
    en: 'This appeal is {status}; the action does not apply',
  },
  APPEAL_NOT_HELD: {
    'zh-CN': '该诉求现由其他层级或单位办理，您只能查看',
    en: 'Another level or unit holds this appeal now; you can only read it',
  },
  APPEAL_LEVEL_TOP: {
    'zh-CN': '诉求已在区级，不能再上报',
    en: 'The appeal is already at district level; it cannot go higher',
  },
  APPEAL_LEVEL_BOTTOM: {
    'zh-CN': '诉求已在村级，不能再下派',
    en: 'The appeal is already at village level; it cannot go lower',
  },
  APPEAL_HANDLER_INVALID: {
    'zh-CN': '承办人须为该层级单位的在岗人员',
    en: 'The handler must be an active account of the unit that holds the appeal',
  },
  APPEAL_DEFERRAL_DATE_INVALID: {
    'zh-CN': '缓办计划日期须晚于今天（{today}）',
    en: 'The planned date of a deferral must be after today ({today})',
  },
  APPEAL_MERGE_INVALID: {
    'zh-CN': '只能合并到同一村、仍在办理中的另一件诉求',
    en: 'An appeal can only be merged into another open appeal of the same village',
  },
  APPEAL_CALLBACK_BY_HANDLER: {
    'zh-CN': '回访须由承办人以外的人员进行',
    en: 'The callback must be made by someone other than the handler',
  },
  APPEAL_TRACKING_FAILED: {
    'zh-CN': '查询码或手机号后四位不正确',
    en: 'The tracking code or the phone digits are not right',
  },
  APPEAL_ALREADY_RATED: {
    'zh-CN': '该诉求已评价，或尚未办结',
    en: 'This appeal has already been rated, or is not resolved yet',
  },
  PUBLIC_SUBMISSION_REFUSED: {
    'zh-CN': '提交未被接受，请刷新页面后重试',
    en: 'The submission was not accepted; reload the page and try again',
  },
  MEDIATION_EXISTS: {
    'zh-CN': '该诉求已有调解记录',
    en: 'This appeal already has a mediation',
  },
  MEDIATION_STATE_INVALID: {
    'zh-CN': '调解已结束，不能再记录',
    en: 'The mediation is finished; nothing more can be recorded',
  },
  ATTACHMENT_TYPE_INVALID: {
    'zh-CN': '文件类型不支持或文件已损坏：请上传 JPG、PNG 图片或 PDF',
    en: 'The file is not a JPG or PNG image or a PDF, or it is damaged',
  },
  ATTACHMENT_LIMIT: {
    'zh-CN': '每件诉求最多 {max} 个附件',
    en: 'An appeal has at most {max} attachments',
  },
  NOTICE_STATE_INVALID: {
    'zh-CN': '公示当前状态不允许此操作',
    en: 'The notice is not in a state that allows this',
  },
  NOTICE_NOT_OPEN: {
    'zh-CN': '不在公示期内，不能提交意见或异议',
    en: 'The notice period is not open; comments and objections are not taken',
  },
  NOTICE_COMMENTS_CLOSED: {
    'zh-CN': '本公示不接受在线意见',
    en: 'This notice takes no comments online',
  },
  NOTICE_NAME_REQUIRED: {
    'zh-CN': '请填写姓名并验证手机号（异议和实名意见必须实名）',
    en: 'Give your name and verify your phone: objections and named comments must be signed',
  },
  NOTICE_PERIOD_RUNNING: {
    'zh-CN': '公示期尚未结束（至 {endsAt}），暂不能结束公示',
    en: 'The notice period runs until {endsAt}; it cannot be closed yet',
  },
  NOTICE_OBJECTIONS_PENDING: {
    'zh-CN': '还有 {count} 条异议未答复或未转为诉求',
    en: '{count} objections are neither answered nor turned into appeals',
  },
  NOTICE_OUTCOME_INVALID: {
    'zh-CN': '结论与异议情况不符：有异议时不能为“无异议”，无异议时不能为“异议已处理”',
    en: 'The outcome does not match the objections: “no objection” only without any, “handled” only with some',
  },
  NOTICE_COMMENT_HANDLED: {
    'zh-CN': '该意见已处理',
    en: 'This comment has already been handled',
  },
  NOTICE_ATTACHMENT_LIMIT: {
    'zh-CN': '每条公示最多 {max} 个附件',
    en: 'A notice has at most {max} attachments',
  },
  WARNING_STATE_INVALID: {
    'zh-CN': '预警当前状态为“{status}”，不能{action}',
    en: 'The warning is {status}; it cannot be {action}',
  },
  DISPATCH_LEAD_EXISTS: {
    'zh-CN': '该诉求已派给{unit}主办，请等待其签收或退单后再派',
    en: 'This appeal is already dispatched to {unit} as lead; wait for it to accept or return it',
  },
  DISPATCH_STATE_INVALID: {
    'zh-CN': '派单当前为“{status}”，不能执行此操作',
    en: 'This dispatch is {status}; the action does not apply',
  },
  DISPATCH_RETURN_CLOSED: {
    'zh-CN': '不能退单：每张派单只能退回一次，且须在退单时限（{until}）前',
    en: 'The dispatch cannot be returned: a dispatch is returned at most once, and before {until}',
  },
  DISPATCH_UNIT_INVALID: {
    'zh-CN': '“{unit}”不能承办此诉求：只能派给在用的职能部门，镇（街道）只能派给承办该类别的部门',
    en: '{unit} cannot take this appeal: dispatch goes to active departments, and a town dispatches only to departments answering for the category',
  },
  QUOTA_EXCEEDED: {
    'zh-CN': '{name} 的帮扶指标为 {max} 户，已结对 {paired} 户',
    en: '{name} may help {max} households and already helps {paired}',
  },
  PAIRING_OUTSIDE_AREA: {
    'zh-CN': '该干部不在此户所在区域，只有区级人员可以跨区域结对',
    en: 'The cadre works outside this household’s area; only district staff may pair across areas',
  },
  PAIRING_EXISTS: {
    'zh-CN': '该户已有结对帮扶干部',
    en: 'This household already has a helper',
  },
  PAIRING_STATE_INVALID: {
    'zh-CN': '该结对已结束',
    en: 'This pairing has ended',
  },
  VISIT_DATE_INVALID: {
    'zh-CN': '走访日期不能晚于今天（{today}），也不能早于该户建档日期',
    en: 'The visit date cannot be after today ({today}) or before the household was registered',
  },
  RATING_LINK_INVALID: {
    'zh-CN': '评价链接无效、已使用或已过期',
    en: 'The rating link is unknown, used or expired',
  },
  ASSESSMENT_WEIGHTS_INVALID: {
    'zh-CN': '“{cohort}”的权重合计为 {sum}%，应为 100%',
    en: 'The weights of {cohort} add up to {sum} %, not 100 %',
  },
  ASSESSMENT_INDICATOR_UNKNOWN: {
    'zh-CN': '没有名为“{indicator}”的考核指标',
    en: 'There is no assessment indicator called “{indicator}”',
  },
  ASSESSMENT_FINALIZED: {
    'zh-CN': '{year} 年度考核已定稿，不能再修改',
    en: 'The {year} assessment is finalized and cannot change',
  },
  ASSESSMENT_NOT_COMPUTED: {
    'zh-CN': '{year} 年度考核尚未计算',
    en: 'The {year} assessment has not been computed yet',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '幂等键已用于另一个请求',
    en: 'The Idempotency-Key was already used for a different request',
  },
  INTEGRATION_NAME_TAKEN: {
    'zh-CN': '已有名为“{name}”的对接系统',
    en: 'An integration called “{name}” already exists',
  },
  WEBHOOK_URL_NOT_ALLOWED: {
    'zh-CN': '推送地址须为 HTTPS（测试环境可用本机 http://127.0.0.1）',
    en: 'A webhook URL must use HTTPS (http://127.0.0.1 is allowed outside production)',
  },
  VERIFICATION_CODE_INVALID: {
    'zh-CN': '验证码不正确，请核对短信后重新输入',
    en: 'The verification code is wrong; check the text message and try again',
  },
  VERIFICATION_CODE_EXPIRED: {
    'zh-CN': '验证码已过期或已使用，请重新获取',
    en: 'The verification code has expired or was already used; ask for a new one',
  },
  VERIFICATION_TOO_MANY_ATTEMPTS: {
    'zh-CN': '验证码输错次数过多，已失效，请重新获取',
    en: 'Too many wrong tries: this code no longer works; ask for a new one',
  },
  VERIFICATION_RATE_LIMITED: {
    'zh-CN': '获取验证码过于频繁，请 {seconds} 秒后再试',
    en: 'Too many codes asked for; try again in {seconds} seconds',
  },
  PHONE_PROOF_INVALID: {
    'zh-CN': '手机号验证已失效，请重新验证',
    en: 'The phone verification is no longer valid; please verify your phone again',
  },
  SETUP_NOT_NEEDED: {
    'zh-CN': '系统已完成初始设置，请直接登录',
    en: 'The server is set up already; sign in instead',
  },
  SETUP_TOKEN_INVALID: {
    'zh-CN': '设置链接无效或已使用，请查看服务器启动时打印的最新链接',
    en: 'The set-up link is wrong or was used; use the latest link printed when the server started',
  },
  SETUP_DISTRICT_REQUIRED: {
    'zh-CN': '请填写区县的行政区划代码和名称',
    en: 'Give the district’s area code and name',
  },
  SETUP_THROTTLED: {
    'zh-CN': '尝试次数过多，请 {minutes} 分钟后再试',
    en: 'Too many tries; try again in {minutes} minutes',
  },
  WHISTLE_UNIT_INVALID: {
    'zh-CN': '只能向在用的区直部门吹哨',
    en: 'A whistle names active district departments only',
  },
  WHISTLE_ALREADY_REPORTED: { 'zh-CN': '本部门已报到', en: 'Your department has already reported' },
  WHISTLE_CLOSED: { 'zh-CN': '该吹哨事项已办结', en: 'This whistle is closed' },
  RECEPTION_DAY_AREA_INVALID: {
    'zh-CN': '接访活动只能由区或镇街组织',
    en: 'A reception day is held by the district or a town',
  },
  RECEPTION_APPEAL_OUTSIDE: {
    'zh-CN': '该诉求不在本次接访活动的区域内',
    en: 'The appeal is outside the reception day’s area',
  },
  TOPIC_UNIT_INVALID: {
    'zh-CN': '牵头单位须为在用的区直部门或镇街办公室，责任单位须为在用的承办单位',
    en: 'The lead is an active department or town office, a measure\u2019s unit an active handling unit',
  },
  TOPIC_APPEAL_INVALID: {
    'zh-CN': '关联的诉求须属于题目的类别和区域',
    en: 'A linked appeal is of the topic\u2019s category and inside its area',
  },
  TOPIC_DUPLICATE: {
    'zh-CN': '该月份、区域、类别已确定过题目',
    en: 'A topic of this month, area and category has already been picked',
  },
  TOPIC_DONE: { 'zh-CN': '该题目已完成，请先重新开启', en: 'This topic is closed; take it up again first' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂时不可用', en: 'The service is temporarily unavailable' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
};

export function errorMessage(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  return interpolate(messages[code][locale], params);
}
