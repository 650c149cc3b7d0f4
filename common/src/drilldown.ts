import type { AppealsListQuery } from './appeals';
import type { IndicatorKey, WorkIndicator } from './assessment';
import type { HouseholdsListQuery } from './households';
import type { PairingsQuery } from './pairings';
import type { Tier } from './tiering';

// Every number on the dashboard drills down to the records it counts: each figure is one of these
// sets, and each set is a list of the API with a filter that selects exactly what
// server/src/modules/assessment/dashboard.repository.ts counts.

/** Appeals received in the period (merged duplicates left out), and the subsets the rates count. */
export const appealSets = [
  'received',
  'responded',
  'resolved',
  'onTime',
  'rated',
  'satisfied',
  'resolvedInVillage',
  'resolvedInTown',
  'reachedTown',
  'reachedDistrict',
] as const;
/** Active households, by tier and pairing (as they are now), and those that left the priority tier. */
export const householdSets = [
  'households',
  'stable',
  'watch',
  'priority',
  'priorityPaired',
  'priorityUnpaired',
  'leftPriority',
] as const;
/** Active pairings, and those whose household was or was not visited in the period. */
export const pairingSets = ['paired', 'pairedVisited', 'pairedNotVisited'] as const;

export type AppealSet = (typeof appealSets)[number];
export type HouseholdSet = (typeof householdSets)[number];
export type PairingSet = (typeof pairingSets)[number];
export type RecordSet = AppealSet | HouseholdSet | PairingSet;

/** The sets a rate divides: its numerator's records and its denominator's. */
export const rateSets = {
  responseRate: { numerator: 'responded', denominator: 'received' },
  resolutionRate: { numerator: 'resolved', denominator: 'received' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'rated' },
  onTimeRate: { numerator: 'onTime', denominator: 'resolved' },
  villageShare: { numerator: 'resolvedInVillage', denominator: 'resolved' },
  townShare: { numerator: 'resolvedInTown', denominator: 'resolved' },
  districtShare: { numerator: 'reachedDistrict', denominator: 'received' },
  pairingFill: { numerator: 'priorityPaired', denominator: 'priority' },
  visitedPaired: { numerator: 'pairedVisited', denominator: 'paired' },
} as const satisfies Record<
  Exclude<IndicatorKey, 'leftPriority'>,
  { numerator: RecordSet; denominator: RecordSet }
>;

/** The sets behind a cadre's row of the dashboard's cadre table (干部工作情况): that cadre's records. */
export const cadreSets = [
  'received',
  'resolved',
  'onTime',
  'rated',
  'satisfied',
  'paired',
  'pairedVisited',
] as const satisfies readonly RecordSet[];
export type CadreSet = (typeof cadreSets)[number];

/** The sets the cadre table's rates divide (server/src/modules/assessment/work.service.ts). */
export const cadreRateSets = {
  resolutionRate: { numerator: 'resolved', denominator: 'received' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'rated' },
  onTimeRate: { numerator: 'onTime', denominator: 'resolved' },
  pairedVisited: { numerator: 'pairedVisited', denominator: 'paired' },
} as const satisfies Partial<Record<WorkIndicator, { numerator: CadreSet; denominator: CadreSet }>>;

/** Where a drill-down looks: an area's subtree, China calendar days from..to, perhaps one category. */
export interface DrillDownScope {
  areaCode: string;
  from: string;
  to: string;
  /** Only appeals of this category (the dashboard's category bars). */
  categoryCode?: string;
}

/** Where a cadre's figure looks: the cadre's own records (those the caller may see), days from..to. */
export interface CadreDrillDownScope {
  cadreId: string;
  from: string;
  to: string;
}

type Query<T> = Partial<Record<keyof T, string>>;

export type DrillDown =
  | { list: 'appeals'; query: Query<AppealsListQuery> }
  | { list: 'households'; query: Query<HouseholdsListQuery> }
  | { list: 'pairings'; query: Query<PairingsQuery> };

const appealFilters: Record<AppealSet, Query<AppealsListQuery>> = {
  received: {},
  responded: { responded: 'true' },
  resolved: { resolved: 'true' },
  onTime: { onTime: 'true' },
  rated: { rated: 'true' },
  satisfied: { satisfied: 'true' },
  resolvedInVillage: { resolvedLevel: 'village' },
  resolvedInTown: { resolvedLevel: 'town' },
  reachedTown: { reachedLevel: 'town' },
  reachedDistrict: { reachedLevel: 'district' },
};

const tierSets: Partial<Record<HouseholdSet, Tier>> = {
  stable: 'stable',
  watch: 'watch',
  priority: 'priority',
  priorityPaired: 'priority',
  priorityUnpaired: 'priority',
};

function isAppealSet(set: RecordSet): set is AppealSet {
  return (appealSets as readonly string[]).includes(set);
}

function isPairingSet(set: RecordSet): set is PairingSet {
  return (pairingSets as readonly string[]).includes(set);
}

/** Whose records a drill-down lists: an area's, or (the cadre table) one cadre's. */
type Owner = { areaCode: string } | { cadreId: string };

function recordsOf(set: RecordSet, owner: Owner, scope: Omit<DrillDownScope, 'areaCode'>): DrillDown {
  const { from, to } = scope;
  if (isAppealSet(set))
    return {
      list: 'appeals',
      query: {
        ...('areaCode' in owner ? { areaCode: owner.areaCode } : { handlerId: owner.cadreId }),
        receivedFrom: from,
        receivedTo: to,
        merged: 'false',
        ...(scope.categoryCode ? { categoryCode: scope.categoryCode } : {}),
        ...appealFilters[set],
      },
    };
  if (isPairingSet(set))
    return {
      list: 'pairings',
      query: {
        ...owner,
        status: 'active',
        ...(set === 'paired'
          ? {}
          : { visitedFrom: from, visitedTo: to, visited: set === 'pairedVisited' ? 'true' : 'false' }),
      },
    };
  const areaCode = 'areaCode' in owner ? owner.areaCode : undefined;
  // Tier changes count whatever the household's status now; the other figures, active ones.
  if (set === 'leftPriority')
    return {
      list: 'households',
      query: { ...(areaCode ? { areaCode } : {}), leftPriorityFrom: from, leftPriorityTo: to },
    };
  const tier = tierSets[set];
  return {
    list: 'households',
    query: {
      ...(areaCode ? { areaCode } : {}),
      status: 'active',
      ...(tier ? { tier } : {}),
      ...(set === 'priorityPaired'
        ? { paired: 'true' }
        : set === 'priorityUnpaired'
          ? { paired: 'false' }
          : {}),
    },
  };
}

/** The list, and its filter, that shows exactly the records a dashboard figure counts. */
export function drillDown(set: RecordSet, scope: DrillDownScope): DrillDown {
  return recordsOf(set, { areaCode: scope.areaCode }, scope);
}

/**
 * The list, and its filter, that shows exactly the records a figure of a cadre's row counts
 * (server/src/modules/assessment/work.repository.ts cadreCounts): the dashboard's set, of the
 * cadre rather than an area, since a cadre's appeals and pairings count wherever they lie.
 */
export function cadreDrillDown(set: CadreSet, scope: CadreDrillDownScope): DrillDown {
  return recordsOf(set, { cadreId: scope.cadreId }, scope);
}
