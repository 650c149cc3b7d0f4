// The stored form of a resident: what the form, the household file and the roster import write.
import { maskIdNumber, parseIdNumber, type ResidentInput } from '@lianxin/common';
import type { Insertable, Updateable } from 'kysely';
import type { ResidentsTable } from '../../db/schema';
import type { Secrets } from '../../platform/secrets';

/** What is stored of an ID number: encrypted, hashed for lookup, masked, and what it says. */
function idNumberColumns(secrets: Secrets, idNumber: string | null, hash?: string | null) {
  const info = idNumber ? parseIdNumber(idNumber) : null;
  return {
    id_number_cipher: idNumber ? secrets.encrypt(idNumber) : null,
    id_number_hash: idNumber ? (hash ?? secrets.lookupHash(idNumber)) : null,
    id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
    gender: info?.ok ? info.info.gender : null,
    birth_date: info?.ok ? info.info.birthDate : null,
  };
}

/** The resident fields a change gives, minus the tags. */
export type ResidentFields = Partial<Omit<ResidentInput, 'tags'>>;

/**
 * The stored columns for the fields given (absent ones stay as they are). An ID number is
 * re-encrypted only when it is not the one stored (`currentHash`).
 */
export function residentColumns(
  secrets: Secrets,
  f: ResidentFields,
  currentHash: string | null,
  knownHash?: string | null,
): Updateable<ResidentsTable> {
  const changes: Updateable<ResidentsTable> = {};
  if (f.idNumber !== undefined) {
    const hash = f.idNumber ? (knownHash ?? secrets.lookupHash(f.idNumber)) : null;
    if (hash !== currentHash) Object.assign(changes, idNumberColumns(secrets, f.idNumber, hash));
  }
  if (f.name !== undefined) changes.name = f.name;
  if (f.relation !== undefined) changes.relation = f.relation;
  if (f.phone !== undefined) changes.phone = f.phone;
  if (f.partyMember !== undefined) changes.party_member = f.partyMember;
  if (f.partyJoinYear !== undefined) changes.party_join_year = f.partyJoinYear;
  if (f.employment !== undefined) changes.employment = f.employment;
  if (f.education !== undefined) changes.education = f.education;
  if (f.disabled !== undefined) changes.disabled = f.disabled;
  if (f.seriouslyIll !== undefined) changes.seriously_ill = f.seriouslyIll;
  if (f.publicRoles !== undefined) changes.public_roles = JSON.stringify(f.publicRoles);
  if (f.status !== undefined) changes.status = f.status;
  return changes;
}

/** The stored form of a new member. */
export function residentRow(
  secrets: Secrets,
  m: ResidentInput,
  at: { id: string; householdId: string; areaCode: string; now: string; idNumberHash?: string | null },
): Insertable<ResidentsTable> {
  return {
    id: at.id,
    household_id: at.householdId,
    area_code: at.areaCode,
    name: m.name,
    ...idNumberColumns(secrets, m.idNumber, at.idNumberHash),
    relation: m.relation,
    phone: m.phone,
    party_member: m.partyMember,
    party_join_year: m.partyJoinYear,
    employment: m.employment,
    education: m.education,
    disabled: m.disabled,
    seriously_ill: m.seriouslyIll,
    public_roles: JSON.stringify(m.publicRoles),
    status: m.status,
    version: 1,
    created_at: at.now,
    updated_at: at.now,
  };
}
