import {
  DemocracyAuthorisationCreateBody as AuthorisationSchema,
  DemocracyMemberCreateBody as CreateSchema,
  chinaDate,
  type DemocracyAuthorisation,
  type DemocracyAuthorisationCreateBody,
  type DemocracyBody,
  type DemocracyMember,
  type DemocracyMemberCreateBody,
  type DemocracyMemberUpdateBody,
  democracyBodies,
  isArticle24,
  type MatterKind,
  matterKinds,
  REPRESENTED_HOUSEHOLDS_MAX,
  REPRESENTED_HOUSEHOLDS_MIN,
  reachesThreshold,
  representativesShare,
  type VillageBodies,
  womenShare,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { AreaContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import {
  activeMembers,
  adultResidents,
  countVillageHouseholds,
  findGroup,
  findMember,
  findVillage,
  findVillageResident,
  findVillagersMeeting,
  insertAuthorisation,
  insertMember,
  listAuthorisations,
  type MemberRow,
  replaceRepresentedHouseholds,
  representedHouseholds,
  updateMember,
} from './members.repository';

// A village's bodies (党支部、两委、党员大会、村民代表会议、村民会议) and the people in them.

type Ctx = Pick<AreaContext, 'clock' | 'actor' | 'scope' | 'caller'>;

/** The village of the caller's reach, or AREA_UNKNOWN. */
export async function villageOf(db: Db, scope: AreaScope, code: string) {
  const village = await findVillage(db, scope, code);
  if (!village) throw new AppError('AREA_UNKNOWN', { code });
  return village;
}

function toMember(row: MemberRow, households: string[]): DemocracyMember {
  const basis = row.representative_basis;
  return {
    id: row.id,
    villageCode: row.village_code,
    name: row.name,
    gender: row.gender,
    residentId: row.resident_id,
    title: row.title,
    branchCommittee: Boolean(row.branch_committee),
    villagersCommittee: Boolean(row.villagers_committee),
    partyMember: Boolean(row.party_member),
    partyVoting: Boolean(row.party_voting),
    representative: Boolean(row.representative),
    representativeBasis: basis,
    representativeGroupCode: row.representative_group_code,
    representativeGroupName: row.group_name ?? null,
    representedHouseholdIds: households,
    // Art. 25: one representative per 5–15 households; warned, not refused (a village's houses vary).
    householdsWarning:
      Boolean(row.representative) &&
      basis === 'households' &&
      (households.length < REPRESENTED_HOUSEHOLDS_MIN || households.length > REPRESENTED_HOUSEHOLDS_MAX),
    version: row.version,
  };
}

export async function listMembers(db: Db, scope: AreaScope, villageCode: string): Promise<DemocracyMember[]> {
  await villageOf(db, scope, villageCode);
  const rows = await activeMembers(db, villageCode);
  const households = await representedHouseholds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toMember(row, households.get(row.id) ?? []));
}

/** Whether a member sits in a body, and whether they vote there. */
export function seatIn(
  member: Pick<
    DemocracyMember,
    'branchCommittee' | 'villagersCommittee' | 'partyMember' | 'partyVoting' | 'representative'
  >,
  body: DemocracyBody,
): { sits: boolean; votes: boolean } {
  switch (body) {
    case 'branch_committee':
      return { sits: member.branchCommittee, votes: member.branchCommittee };
    case 'joint_committees': {
      const sits = member.branchCommittee || member.villagersCommittee;
      return { sits, votes: sits };
    }
    case 'party_members':
      return { sits: member.partyMember, votes: member.partyMember && member.partyVoting };
    case 'representatives': {
      // Art. 26: the representatives and the members of the villagers' committee.
      const sits = member.representative || member.villagersCommittee;
      return { sits, votes: sits };
    }
    case 'villagers':
      return { sits: false, votes: false };
  }
}

/** The day 18 years before a China date: residents born on or before it are adults that day. */
export function adultBornBy(onDate: string): string {
  const year = Number(onDate.slice(0, 4)) - 18;
  return `${String(year).padStart(4, '0')}${onDate.slice(4)}`;
}

export async function villageBodies(db: Db, ctx: Ctx, villageCode: string): Promise<VillageBodies> {
  const village = await villageOf(db, ctx.scope, villageCode);
  const members = await listMembers(db, ctx.scope, villageCode);
  const adults = await adultResidents(db, villageCode, adultBornBy(chinaDate(ctx.clock.now())));
  const bodies = democracyBodies
    .filter((body) => body !== 'villagers')
    .map((body) => {
      const seats = members.map((m) => ({ id: m.id, ...seatIn(m, body) })).filter((s) => s.sits);
      return { body, memberIds: seats.map((s) => s.id), entitled: seats.filter((s) => s.votes).length };
    });
  const meetingSize = members.filter((m) => m.representative || m.villagersCommittee).length;
  const representatives = members.filter((m) => m.representative);
  const women = representatives.filter((m) => m.gender === 'female').length;
  return {
    villageCode: village.code,
    villageName: village.name,
    bodies: [...bodies, { body: 'villagers', memberIds: [], entitled: adults.length }],
    members,
    composition: {
      representativesShare: {
        count: representatives.length,
        of: meetingSize,
        floor: representativesShare,
        met: reachesThreshold(representatives.length, meetingSize, representativesShare),
      },
      womenShare: {
        count: women,
        of: representatives.length,
        floor: womenShare,
        met: reachesThreshold(women, representatives.length, womenShare),
      },
    },
    adults: adults.length,
    adultHouseholds: new Set(adults.map((a) => a.household_id)).size,
  };
}

type MemberFields = ReturnType<typeof CreateSchema.parse>;

/** Checks what the zod schema cannot: the links to the registry and the representative's basis. */
async function checkMember(db: Db, villageCode: string, m: Omit<MemberFields, 'villageCode'>) {
  const invalid = (reason: string) => new AppError('DEMOCRACY_MEMBER_INVALID', { reason });
  if (m.partyVoting && !m.partyMember) throw invalid('partyVoting');
  if (m.residentId && !(await findVillageResident(db, villageCode, m.residentId)))
    throw invalid('residentId');
  if (!m.representative) {
    if (m.representativeBasis || m.representativeGroupCode || m.representedHouseholdIds.length > 0) {
      throw invalid('representativeBasis');
    }
    return;
  }
  if (m.representativeBasis === 'group') {
    if (!m.representativeGroupCode || m.representedHouseholdIds.length > 0)
      throw invalid('representativeGroupCode');
    if (!(await findGroup(db, villageCode, m.representativeGroupCode)))
      throw invalid('representativeGroupCode');
  } else if (m.representativeBasis === 'households') {
    if (m.representativeGroupCode) throw invalid('representativeGroupCode');
    const unique = [...new Set(m.representedHouseholdIds)];
    if ((await countVillageHouseholds(db, villageCode, unique)) !== unique.length) {
      throw invalid('representedHouseholdIds');
    }
  } else {
    throw invalid('representativeBasis');
  }
}

export async function createMember(
  db: Db,
  ctx: Ctx,
  input: DemocracyMemberCreateBody,
): Promise<DemocracyMember> {
  const body = CreateSchema.parse(input);
  await villageOf(db, ctx.scope, body.villageCode);
  await checkMember(db, body.villageCode, body);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await insertMember(db, {
    id,
    village_code: body.villageCode,
    name: body.name,
    gender: body.gender,
    resident_id: body.residentId,
    title: body.title,
    branch_committee: body.branchCommittee,
    villagers_committee: body.villagersCommittee,
    party_member: body.partyMember,
    party_voting: body.partyVoting,
    representative: body.representative,
    representative_basis: body.representativeBasis,
    representative_group_code: body.representativeGroupCode,
    active: true,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await replaceRepresentedHouseholds(db, id, [...new Set(body.representedHouseholdIds)]);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'democracy_member.create',
    objectType: 'democracy_member',
    objectId: id,
    areaCode: body.villageCode,
    after: { name: body.name, title: body.title },
  });
  return memberOf(db, ctx.scope, id);
}

async function memberOf(db: Db, scope: AreaScope, id: string): Promise<DemocracyMember> {
  const row = await findMember(db, scope, id);
  if (!row) throw notFound();
  const households = await representedHouseholds(db, [id]);
  return toMember(row, households.get(id) ?? []);
}

export async function updateMemberDetails(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: DemocracyMemberUpdateBody,
): Promise<DemocracyMember> {
  const before = await memberOf(db, ctx.scope, id);
  const { version, ...changes } = patch;
  const merged = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  await checkMember(db, before.villageCode, merged as DemocracyMember);
  const updated = await updateMember(db, id, version, {
    name: merged.name,
    gender: merged.gender,
    resident_id: merged.residentId,
    title: merged.title,
    branch_committee: merged.branchCommittee,
    villagers_committee: merged.villagersCommittee,
    party_member: merged.partyMember,
    party_voting: merged.partyVoting,
    representative: merged.representative,
    representative_basis: merged.representativeBasis,
    representative_group_code: merged.representativeGroupCode,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await replaceRepresentedHouseholds(db, id, [...new Set(merged.representedHouseholdIds)]);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'democracy_member.update',
    objectType: 'democracy_member',
    objectId: id,
    areaCode: before.villageCode,
    before,
    after: changes,
  });
  return memberOf(db, ctx.scope, id);
}

/** The member leaves every body; the rolls of meetings already noticed keep them. */
export async function removeMember(db: Db, ctx: Ctx, id: string, version: number): Promise<void> {
  const before = await memberOf(db, ctx.scope, id);
  const updated = await updateMember(db, id, version, {
    active: false,
    updated_at: ctx.clock.now().toISOString(),
  });
  if (!updated) throw new AppError('VERSION_CONFLICT');
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'democracy_member.remove',
    objectType: 'democracy_member',
    objectId: id,
    areaCode: before.villageCode,
    before: { name: before.name, title: before.title },
  });
}

function toAuthorisation(
  row: Awaited<ReturnType<typeof listAuthorisations>>[number],
): DemocracyAuthorisation {
  return {
    id: row.id,
    villageCode: row.village_code,
    grantedOn: row.granted_on,
    grantedByMeetingId: row.granted_by_meeting_id,
    validUntil: row.valid_until,
    kinds: JSON.parse(row.kinds) as string[],
    reference: row.reference,
    createdAt: row.created_at,
  };
}

export async function authorisationsOf(db: Db, scope: AreaScope, villageCode: string) {
  await villageOf(db, scope, villageCode);
  return (await listAuthorisations(db, villageCode)).map(toAuthorisation);
}

/** Records the villagers' meeting's authorisation of the representatives' meeting for art. 24 matters. */
export async function createAuthorisation(
  db: Db,
  ctx: Ctx,
  input: DemocracyAuthorisationCreateBody,
): Promise<DemocracyAuthorisation> {
  const body = AuthorisationSchema.parse(input);
  await villageOf(db, ctx.scope, body.villageCode);
  const kinds = [...new Set(body.kinds)];
  if (kinds.some((k) => !matterKinds.includes(k as MatterKind) || !isArticle24(k as MatterKind))) {
    throw new AppError('VALIDATION_FAILED');
  }
  if (body.validUntil && body.validUntil < body.grantedOn) throw new AppError('VALIDATION_FAILED');
  if (
    body.grantedByMeetingId &&
    !(await findVillagersMeeting(db, body.villageCode, body.grantedByMeetingId))
  ) {
    throw notFound();
  }
  const row = {
    id: newId(),
    village_code: body.villageCode,
    granted_on: body.grantedOn,
    granted_by_meeting_id: body.grantedByMeetingId,
    valid_until: body.validUntil,
    kinds: JSON.stringify(kinds),
    reference: body.reference,
    created_by: ctx.caller.id,
    created_at: ctx.clock.now().toISOString(),
  };
  await insertAuthorisation(db, row);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'democracy_authorisation.create',
    objectType: 'democracy_authorisation',
    objectId: row.id,
    areaCode: body.villageCode,
    after: { grantedOn: row.granted_on, validUntil: row.valid_until, kinds, reference: row.reference },
  });
  return toAuthorisation(row);
}

/** The authorisation covering `kind` on `date`, if any. */
export async function authorisationFor(db: Db, villageCode: string, kind: MatterKind, date: string) {
  const rows = await listAuthorisations(db, villageCode);
  return rows.find((row) => {
    const kinds = JSON.parse(row.kinds) as string[];
    return (
      row.granted_on <= date &&
      (row.valid_until === null || row.valid_until >= date) &&
      (kinds.length === 0 || kinds.includes(kind))
    );
  });
}
