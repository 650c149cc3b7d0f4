import type { areasZhCN } from './areas.zh-CN';

/** The console's strings in English: the area tree and the villages’ flags. */
export const areasEn: Record<keyof typeof areasZhCN, string> = {
  'areaKind.district': 'District',
  'areaKind.town': 'Town / subdistrict',
  'areaKind.village': 'Village / community',
  'areaKind.group': 'Group / grid',

  'flag.extremelyPoor': 'Extremely poor',
  'flag.remote': 'Remote',
  'flag.hardToAdvance': 'Hard to advance',
  'flag.disasterHit': 'Disaster-hit',
  'flag.disasterPeriod': 'Disaster period',
  'flag.mustGoHint':
    'Must-go villages: extremely poor, remote, hard-to-advance and disaster-hit villages must be visited by their contact leaders.',

  'areas.title': 'Areas',
  'areas.treeTitle': 'Area tree',
  'areas.searchPlaceholder': 'Search by name or code',
  'areas.selectHint': 'Select an area on the left',
  'areas.children': 'Sub-areas',
  'areas.noChildren': 'No sub-areas yet',
  'areas.code': 'Code',
  'areas.name': 'Name',
  'areas.kind': 'Level',
  'areas.parent': 'Parent',
  'areas.flags': 'Must-go flags',
  'areas.updatedAt': 'Updated',
  'areas.version': 'Version',
  'areas.createChild': 'New {kind}',
  'areas.createTitle': 'New {kind} under “{parent}”',
  'areas.editTitle': 'Edit area: {name}',
  'areas.codeHint': 'Statistical area code; the next free code is suggested.',
  'areas.codeRule': 'The code has {length} digits and starts with the parent’s {prefix}',
  'areas.nameRule': 'Enter a name of 1–60 characters',
  'areas.disasterRangeRule': 'The end date cannot be before the start date',
  'areas.created': 'Created area “{name}”',
  'areas.updated': 'Saved area “{name}”',
  'areas.count': '{count} areas',
};
