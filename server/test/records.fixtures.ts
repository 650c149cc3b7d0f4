import type { Tier } from '@lianxin/common';
import type { Insertable } from 'kysely';
import type { AppealsTable, PairingsTable, TierHistoryTable } from '../src/db/schema';
import { newId } from '../src/platform/ids';
import type { Session, TestContext } from './harness';

// Records written straight into their tables in a chosen state and at a chosen instant, for tests
// that count them (the dashboard's figures and the lists behind them).

let serial = 0;

const DAY = 86_400_000;

/** An appeal of a village, received at `receivedAt` (default now), accepted and held in the village. */
export async function insertAppeal(
  t: TestContext,
  villageCode: string,
  fields: Partial<Insertable<AppealsTable>> = {},
): Promise<string> {
  const id = newId();
  const receivedAt = new Date(String(fields.received_at ?? t.clock.now().toISOString()));
  const after = (days: number) => new Date(receivedAt.getTime() + days * DAY).toISOString();
  serial++;
  await t.database.db
    .insertInto('appeals')
    .values({
      id,
      tracking_code: `F${String(serial).padStart(9, '0')}`,
      title: `诉求${serial}`,
      description: '测试诉求',
      category_code: 'roads_water',
      channel: 'visit',
      urgency: 'normal',
      status: 'accepted',
      level: 'village',
      max_level: 'village',
      village_code: villageCode,
      holder_area_code: villageCode,
      handler_id: null,
      address: '',
      reporter_kind: 'anonymous',
      received_at: receivedAt.toISOString(),
      response_due_at: after(1),
      resolution_due_at: after(7),
      accepted_at: receivedAt.toISOString(),
      deferral_approved: false,
      reopen_count: 0,
      version: 1,
      updated_at: receivedAt.toISOString(),
      ...fields,
    })
    .execute();
  return id;
}

/**
 * One appeal in each state the dashboard tells apart, received at `receivedAt` with a week to
 * resolve: unanswered, returned, accepted, resolved on time and late at each level, rated each
 * way, escalated, reopened, merged.
 */
export function appealStates(receivedAt: string): Partial<Insertable<AppealsTable>>[] {
  const at = (days: number) => new Date(Date.parse(receivedAt) + days * DAY).toISOString();
  return [
    { status: 'received', accepted_at: null },
    { status: 'returned', accepted_at: null },
    { status: 'accepted' },
    { status: 'resolved', resolved_at: at(2), resolved_level: 'village' },
    {
      status: 'closed',
      level: 'town',
      max_level: 'town',
      resolved_at: at(10),
      resolved_level: 'town',
      rating: 'satisfied',
    },
    { status: 'closed', resolved_at: at(1), resolved_level: 'village', rating: 'basically_satisfied' },
    {
      status: 'closed',
      level: 'district',
      max_level: 'district',
      resolved_at: at(3),
      resolved_level: 'district',
      rating: 'unsatisfied',
    },
    { status: 'in_progress', level: 'district', max_level: 'district' },
    { status: 'reopened', level: 'town', max_level: 'town', rating: 'unsatisfied' },
    { status: 'merged', accepted_at: null },
  ];
}

/** A household of an area with a tier, created through the API as a district admin would. */
export async function createHousehold(
  t: TestContext,
  admin: Session,
  areaCode: string,
  tier: Tier,
  status: 'active' | 'moved_out' = 'active',
): Promise<string> {
  serial++;
  const response = await admin.request('POST', '/api/v1/households', {
    areaCode,
    number: `R${String(serial).padStart(5, '0')}`,
    members: [{ name: '户主', relation: 'head' }],
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  const { id } = response.json() as { id: string };
  await t.database.db.updateTable('households').set({ tier, status }).where('id', '=', id).execute();
  return id;
}

/** A tier change of a household at an instant. */
export async function insertTierChange(
  t: TestContext,
  householdId: string,
  fields: Pick<Insertable<TierHistoryTable>, 'at' | 'from_tier' | 'to_tier'>,
): Promise<void> {
  await t.database.db
    .insertInto('tier_history')
    .values({
      id: newId(),
      household_id: householdId,
      rule_version: null,
      reasons: '{}',
      cause: 'override',
      actor_id: null,
      ...fields,
    })
    .execute();
}

/** A pairing of a household (in `areaCode`) with a cadre, active unless told otherwise. */
export async function insertPairing(
  t: TestContext,
  household: { id: string; areaCode: string },
  cadreId: string,
  fields: Partial<Insertable<PairingsTable>> = {},
): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('pairings')
    .values({
      id,
      household_id: household.id,
      cadre_id: cadreId,
      village_code: household.areaCode.slice(0, 12),
      area_code: household.areaCode,
      start_date: '2026-01-01',
      reason: '',
      status: 'active',
      reviewed_tier: 'priority',
      created_at: now,
      version: 1,
      updated_at: now,
      ...fields,
    })
    .execute();
  return id;
}

/** A visit to a household on a China calendar day. */
export async function insertVisit(
  t: TestContext,
  household: { id: string; areaCode: string },
  cadreId: string,
  date: string,
): Promise<void> {
  await t.database.db
    .insertInto('visits')
    .values({
      id: newId(),
      household_id: household.id,
      village_code: household.areaCode.slice(0, 12),
      area_code: household.areaCode,
      date,
      kind: 'in_home',
      findings: '走访',
      needs: '[]',
      created_by: cadreId,
      created_at: t.clock.now().toISOString(),
    })
    .execute();
}
