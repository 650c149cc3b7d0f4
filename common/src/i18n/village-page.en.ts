import type { villagePageZhCN } from './village-page.zh-CN';

/** The residents' village page (`/public/villages/:code`) and the choice of one's village on the public home. */
export const villagePageEn: Record<keyof typeof villagePageZhCN, string> = {
  'village.home.pickTitle': 'Choose your village (community)',
  'village.home.pickLead':
    'Choose it once; this phone remembers it. Then you see your village’s contacts, services and notices.',
  'village.home.open': 'Open my village’s page',
  'village.home.yourVillage': 'My village (community)',
  'village.home.change': 'Change',
  'village.home.openHint': 'Whom to find, how appeals are handled, public notices',
  'village.page.notFound': 'This village (community) was not found. Please choose again.',
  'village.page.loadFailed': 'The page did not load. Please check your connection and try again.',
  'village.page.retry': 'Try again',
  'village.page.change': 'Change village',
  'village.page.empty': 'Nothing to show for this village yet.',
  'village.page.submit': 'Report a problem',
  'village.page.track': 'Track my appeal',
  'village.contacts.title': 'Whom to find',
  'village.contacts.cadres': 'Village cadres',
  'village.contacts.noCadres': 'No cadres registered yet; ask at the village service station.',
  'village.contacts.group': 'Looks after {group}',
  'village.contacts.leaders': 'Leaders in charge of this village',
  'village.contacts.since': 'In charge since {date}',
  'village.contacts.lastReception': 'Last reception day: {date}',
  'village.contacts.phoneNote':
    'Personal phone numbers are not shown here; find them at the village committee or the service station.',
  'village.appeals.title': 'Report a problem',
  'village.appeals.lead':
    'Tell your village about a difficulty or a problem: it is handled within set deadlines and you can follow it at any time.',
  'village.appeals.submit': 'Report to this village',
  'village.appeals.figures': 'Appeals in this village, {year}',
  'village.appeals.received': 'Received',
  'village.appeals.resolved': 'Resolved',
  'village.appeals.satisfaction': 'Satisfied',
  'village.appeals.noRating': 'Not rated yet',
  'village.appeals.rated': 'Satisfaction over {count} rated appeals',
} as const;
