import type { AppealsListQuery } from './appeals';
import type { IndicatorKey } from './assessment';
import type { PairingsQuery } from './assistance';
import type { HouseholdsListQuery } from './households';
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

/** Where a drill-down looks: an area's subtree, China calendar days from..to, perhaps one category. */
export interface DrillDownScope {
  areaCode: string;
  from: string;
  to: string;
  /** Only appeals of this category (the dashboard's category bars). */
  categoryCode?: string;
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

/** The list, and its filter, that shows exactly the records a dashboard figure counts. */
export function drillDown(set: RecordSet, scope: DrillDownScope): DrillDown {
  const { areaCode, from, to } = scope;
  if (isAppealSet(set))
    return {
      list: 'appeals',
      query: {
        areaCode,
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
        areaCode,
        status: 'active',
        ...(set === 'paired'
          ? {}
          : { visitedFrom: from, visitedTo: to, visited: set === 'pairedVisited' ? 'true' : 'false' }),
      },
    };
  // Tier changes count whatever the household's status now; the other figures, active ones.
  if (set === 'leftPriority')
    return { list: 'households', query: { areaCode, leftPriorityFrom: from, leftPriorityTo: to } };
  const tier = tierSets[set];
  return {
    list: 'households',
    query: {
      areaCode,
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
