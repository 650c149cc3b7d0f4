import type { calendarZhCN } from './calendar.zh-CN';

/** The console's strings in English: the working-day calendar. */
export const calendarEn: Record<keyof typeof calendarZhCN, string> = {
  'nav.calendar': 'Working calendar',
  'calendar.title': 'Working-day calendar',
  'calendar.intro':
    "Public holidays and make-up working days decide every time limit in working days (departments, errands, follow-ups, proposals, notices). Each year, enter next year's schedule from the State Council's notice.",
  'calendar.year': 'Year',
  'calendar.yearOption': '{year}',
  'calendar.source.shipped': 'Shipped with the system',
  'calendar.source.edited': 'Edited by an administrator',
  'calendar.notLoaded': 'Not entered',
  'calendar.provisional': 'Provisional',
  'calendar.provisionalHint':
    "Provisional: worked out from the statutory holidays only; confirm against the State Council's notice",
  'calendar.stillProvisional': 'Still provisional (not checked against the notice)',
  'calendar.warning.missing':
    'The working calendar of {year} has not been entered: time limits in that year count Monday to Friday only and may be off.',
  'calendar.warning.provisional':
    "The working calendar of {year} is provisional: confirm it against the State Council's holiday notice and save.",
  'calendar.openYear': 'Open {year}',
  'calendar.holiday': 'Day off',
  'calendar.workday': 'Make-up working day',
  'calendar.workdayMark': 'W',
  'calendar.holidayMark': 'Off',
  'calendar.none': 'By weekday (Monday to Friday worked)',
  'calendar.holidays': '{n} days off',
  'calendar.workdays': '{n} make-up working days',
  'calendar.updated': 'Updated by {by} at {at}',
  'calendar.system': 'the system',
  'calendar.editDay': '{date}',
  'calendar.dates': 'Dates (a run of days may be chosen)',
  'calendar.name': 'Holiday',
  'calendar.namePlaceholder': 'e.g. Spring Festival',
  'calendar.nameRequired': 'Name the holiday',
  'calendar.workdayWeekendOnly': 'A make-up working day can only be a Saturday or Sunday',
  'calendar.saved': 'The working calendar of {year} is saved',
  'calendar.unsaved': 'Unsaved changes',
  'calendar.list': "This year's holidays and make-up days",
  'calendar.empty': 'No holidays entered for this year',
  'calendar.weekday.short': 'Mo,Tu,We,Th,Fr,Sa,Su',
  'calendar.month': 'Month {month}',
  'calendar.readOnly': 'Only the district administrator may change the working calendar',
  'audit.action.calendar.update': 'Change the working calendar',
  'audit.objectType.calendar_year': 'Working calendar year',
};
