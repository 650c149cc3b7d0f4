import {
  chinaDayAfter,
  chinaDayStart,
  type Household,
  type HouseholdSummary,
  type HouseholdsCreateBody,
  type HouseholdsFilter,
  type HouseholdsListQuery,
  type HouseholdsPage,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
  perCapitaIncome,
  type Resident,
  type Tier,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { isUniqueViolation } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import { type AreaScope, scopeOf } from '../../platform/scope';
import { findArea } from '../areas';
import { latestRunVersion, retierHousehold } from '../tiering';
import { insertIndicators } from './household-indicators.repository';
import {
  type Cursor,
  countByTier,
  findHousehold,
  findHouseholdByNumber,
  type HouseholdRow,
  householdDetails,
  householdSearchText,
  insertHousehold,
  insertHouseholdTags,
  knownTags,
  type ListFilter,
  listHouseholds,
} from './households.repository';
import { residentRow } from './resident-rows';
import { insertResident, insertResidentTags, type ResidentRow } from './residents.repository';
import { assertIdNumberFree } from './residents.service';

// The bench's data generator writes residents as a household file does.
export { residentRow };

// Masked for every role: the full number comes only through a reveal, audited each time.
function maskedPhone(phone: string | null): string | null {
  return phone === null ? null : maskPhone(phone);
}

function toSummary(row: HouseholdRow & { area_name: string; head_name: string | null }): HouseholdSummary {
  return {
    id: row.id,
    number: row.number,
    areaCode: row.area_code,
    villageCode: row.village_code,
    areaName: row.area_name,
    headName: row.head_name,
    address: row.address,
    phone: maskedPhone(row.phone),
    memberCount: row.member_count,
    status: row.status,
    tier: row.tier,
    tierSource: row.tier_source,
  };
}

function toResident(row: ResidentRow, tags: string[]): Resident {
  return {
    id: row.id,
    householdId: row.household_id,
    name: row.name,
    // The list and page always show the masked form; the full number comes only through revealIdNumber.
    idNumber: row.id_number_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    relation: row.relation as Resident['relation'],
    phone: maskedPhone(row.phone),
    partyMember: Boolean(row.party_member),
    partyJoinYear: row.party_join_year,
    employment: row.employment as Resident['employment'],
    education: row.education as Resident['education'],
    disabled: Boolean(row.disabled),
    seriouslyIll: Boolean(row.seriously_ill),
    publicRoles: JSON.parse(row.public_roles) as Resident['publicRoles'],
    tags,
    status: row.status,
    version: row.version,
  };
}

/** The scope a filter narrows to: the area asked for, if it is inside the caller's; null if not. */
export async function filterScope(
  db: Db,
  ctx: Pick<AreaContext, 'scope'>,
  areaCode: string | undefined,
): Promise<AreaScope | null> {
  if (!areaCode) return ctx.scope;
  const area = await findArea(db, ctx.scope, areaCode);
  return area ? scopeOf(area) : null;
}

export function listFilter(ctx: Pick<AreaContext, 'secrets'>, query: HouseholdsFilter): ListFilter {
  const asId = query.q ? normalizeIdNumber(query.q) : '';
  const { areaCode: _, leftPriorityFrom, leftPriorityTo, paired, ...rest } = query;
  return {
    ...rest,
    ...(asId && parseIdNumber(asId).ok ? { idNumberHash: ctx.secrets.lookupHash(asId) } : {}),
    ...(leftPriorityFrom || leftPriorityTo
      ? {
          leftPriority: {
            since: leftPriorityFrom ? chinaDayStart(leftPriorityFrom).toISOString() : undefined,
            before: leftPriorityTo ? chinaDayAfter(leftPriorityTo).toISOString() : undefined,
          },
        }
      : {}),
    ...(paired ? { paired: paired === 'true' } : {}),
  };
}

/** Finds households in the caller's subtree; keyset pagination keeps deep pages as fast as the first. */
export async function listHouseholdsInScope(
  db: Db,
  ctx: AreaContext,
  query: HouseholdsListQuery,
): Promise<HouseholdsPage> {
  const scope = await filterScope(db, ctx, query.areaCode);
  if (!scope) {
    return {
      items: [],
      nextCursor: null,
      total: 0,
      tierCounts: { stable: 0, watch: 0, priority: 0, none: 0 },
    };
  }
  const filter = listFilter(ctx, query);
  const cursor = query.cursor
    ? (decodeCursor(query.cursor, query.sort === 'recent' ? 2 : 3) as Cursor)
    : null;
  const [rows, counts] = await Promise.all([
    listHouseholds(db, scope, filter, query.sort, cursor, query.limit),
    countByTier(db, scope, filter),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const tierCounts = { stable: 0, watch: 0, priority: 0, none: 0 };
  for (const c of counts) tierCounts[(c.tier ?? 'none') as Tier | 'none'] = Number(c.n);
  return {
    items: page.map((r) => toSummary(r)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(
            query.sort === 'recent' ? [last.updated_at, last.id] : [last.area_code, last.number, last.id],
          )
        : null,
    total: tierCounts.stable + tierCounts.watch + tierCounts.priority + tierCounts.none,
    tierCounts,
  };
}

export async function getHousehold(
  db: Db,
  ctx: Pick<AreaContext, 'caller' | 'scope'>,
  id: string,
): Promise<Household> {
  const row = await findHousehold(db, ctx.scope, id);
  if (!row) throw notFound();
  const [details, runVersion] = await Promise.all([householdDetails(db, id), latestRunVersion(db)]);
  const tagsOf = (residentId: string) =>
    details.memberTags.filter((t) => t.resident_id === residentId).map((t) => t.tag_code);
  const active = details.members.filter((m) => m.status === 'active').length;
  return {
    ...toSummary(row),
    latitude: row.latitude,
    longitude: row.longitude,
    tags: details.tags,
    // Unchanged by the latest district-wide re-tier, a household still stands confirmed by its rules.
    tierRuleVersion:
      row.status === 'active' && row.tier_source === 'rules' && runVersion !== null
        ? Math.max(runVersion, row.tier_rule_version ?? 0)
        : row.tier_rule_version,
    tierReasons: row.tier_reasons ? (JSON.parse(row.tier_reasons) as Record<string, unknown>[]) : [],
    members: details.members.map((m) => toResident(m, tagsOf(m.id))),
    indicators: details.indicators.map((i) => ({
      year: i.year,
      totalIncome: Number(i.total_income),
      debt: Number(i.debt),
      perCapitaIncome: perCapitaIncome(Number(i.total_income), active),
      mainIncomeSource: i.main_income_source,
      hardships: JSON.parse(i.hardships) as Household['indicators'][number]['hardships'],
    })),
    tierHistory: details.history.map((h) => ({
      at: h.at,
      fromTier: h.from_tier as Tier | null,
      toTier: h.to_tier as Tier,
      cause: h.cause,
      ruleVersion: h.rule_version,
      reasons: JSON.parse(h.reasons) as Record<string, unknown>[],
    })),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function assertTagsKnown(db: Db, tags: readonly string[]): Promise<void> {
  const wanted = [...new Set(tags)];
  const known = await knownTags(db, wanted);
  const unknown = wanted.find((tag) => !known.includes(tag));
  if (unknown) throw new AppError('TAG_UNKNOWN', { tag: unknown });
}

/** Opens a household file (一户一档) with its members, tags and indicators, and tiers it. */
export async function createHousehold(
  db: Db,
  ctx: AreaContext,
  body: HouseholdsCreateBody,
): Promise<Household> {
  const area = await findArea(db, ctx.scope, body.areaCode);
  if (!area) throw new AppError('AREA_UNKNOWN', { code: body.areaCode });
  if (area.kind !== 'village' && area.kind !== 'group') throw new AppError('AREA_LEVEL_INVALID');
  const villageCode = area.kind === 'group' ? (area.parent_code ?? area.code) : area.code;
  if (await findHouseholdByNumber(db, villageCode, body.number)) {
    throw new AppError('HOUSEHOLD_NUMBER_TAKEN', { number: body.number });
  }
  await assertTagsKnown(db, [...body.tags, ...body.members.flatMap((m) => m.tags)]);

  const now = ctx.clock.now().toISOString();
  const id = newId();
  const members = body.members.map((m) => ({
    ...m,
    id: newId(),
    hash: m.idNumber ? ctx.secrets.lookupHash(m.idNumber) : null,
  }));
  for (const m of members) if (m.hash) await assertIdNumberFree(db, ctx, m.hash);
  const head = members.find((m) => m.relation === 'head' && m.status === 'active');
  await insertHousehold(db, {
    id,
    area_code: area.code,
    village_code: villageCode,
    number: body.number,
    address: body.address,
    phone: body.phone,
    head_resident_id: head?.id ?? null,
    latitude: body.latitude,
    longitude: body.longitude,
    status: 'active',
    member_count: members.filter((m) => m.status === 'active').length,
    search_text: householdSearchText(
      body.number,
      body.address,
      members.map((m) => m.name),
    ),
    version: 1,
    created_at: now,
    updated_at: now,
  });
  try {
    for (const m of members) {
      await insertResident(
        db,
        residentRow(ctx.secrets, m, { id: m.id, householdId: id, areaCode: area.code, now }),
      );
      await insertResidentTags(db, m.id, m.tags);
    }
  } catch (err) {
    // Two submissions racing for the same ID number: the unique index decides.
    if (isUniqueViolation(err)) throw new AppError('ID_NUMBER_TAKEN', { where: '' });
    throw err;
  }
  await insertHouseholdTags(db, id, body.tags);
  if (body.indicators) {
    await insertIndicators(db, {
      household_id: id,
      year: body.indicators.year,
      total_income: body.indicators.totalIncome,
      debt: body.indicators.debt,
      main_income_source: body.indicators.mainIncomeSource,
      hardships: JSON.stringify(body.indicators.hardships),
      updated_at: now,
      updated_by: ctx.actor.id,
    });
  }
  await retierHousehold(db, ctx.clock, id, 'created', ctx.actor.id);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'household.create',
    objectType: 'household',
    objectId: id,
    areaCode: area.code,
    after: { number: body.number, members: members.length },
  });
  return getHousehold(db, ctx, id);
}
