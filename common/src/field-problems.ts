/** Messages of field checks that zod cannot word by itself; the server words them per language. */
export const fieldProblems = {
  'idNumber.format': {
    'zh-CN': '身份证号应为 18 位，最后一位可以是 X',
    en: 'an ID number has 18 characters, the last may be X',
  },
  'idNumber.birthDate': {
    'zh-CN': '身份证号中的出生日期不存在',
    en: 'the birth date in the ID number does not exist',
  },
  'idNumber.checksum': { 'zh-CN': '身份证号校验位错误', en: 'the check character of the ID number is wrong' },
  'household.head': { 'zh-CN': '每户应有且只有一名户主', en: 'a household has exactly one head' },
  'area.disasterRange': {
    'zh-CN': '受灾结束日期早于开始日期',
    en: 'the disaster period ends before it starts',
  },
  'household.duplicateId': {
    'zh-CN': '同一户中身份证号重复',
    en: 'the same ID number appears twice in the household',
  },
  'appeal.reporterResident': {
    'zh-CN': '请选择反映人（户籍中的居民）',
    en: 'choose the reporting resident from the registry',
  },
  period: {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'the end is before the start',
  },
  'visit.target': {
    'zh-CN': '请选择走访的农户或村（社区）',
    en: 'choose the household or the village visited',
  },
  'quota.range': {
    'zh-CN': '最少户数不能大于最多户数',
    en: 'the minimum cannot exceed the maximum',
  },
  'appeal.rating': {
    'zh-CN': '请选择群众的评价',
    en: 'choose the resident’s rating',
  },
  'appeal.reporterPerson': {
    'zh-CN': '请填写反映人姓名和联系电话',
    en: 'give the reporter’s name and phone',
  },
  'month.future': {
    'zh-CN': '月份不能晚于本月',
    en: 'the month is later than the current one',
  },
  date: { 'zh-CN': '日期不存在', en: 'no such date' },
  'workingHours.order': {
    'zh-CN': '工作时段应按时间先后排列，开始早于结束且互不重叠',
    en: 'working periods go in order, each starting before it ends, none overlapping',
  },
  'calendar.outsideYear': { 'zh-CN': '日期不在该年度内', en: 'the date is not in this year' },
  'calendar.workdayOnWeekday': {
    'zh-CN': '调休上班日只能是周六或周日',
    en: 'a make-up working day can only be a Saturday or Sunday',
  },
  'calendar.duplicate': { 'zh-CN': '同一天出现了两次', en: 'the same day appears twice' },
} as const;
export type FieldProblem = keyof typeof fieldProblems;
