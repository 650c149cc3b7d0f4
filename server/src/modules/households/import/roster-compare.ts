import { hasPermission } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { chunks, groupBy, sameSet } from '../../../platform/collections';
import { codeInScope } from '../../../platform/scope';
import {
  existingHouseholds,
  existingIndicators,
  existingResidents,
  idNumberOwners,
} from './roster.repository';
import type { ImportContext, PlannedHousehold } from './roster-plan';
import type { HeaderMap, ParsedRow, RowProblem } from './roster-rows';

/** Registered households compared with the file's at a time. */
const REGISTERED_CHUNK = 1_000;

type ExistingResident = Awaited<ReturnType<typeof existingResidents>>[number];

const residentColumns: Record<keyof Omit<ParsedRow['resident'], 'idNumber'>, keyof ExistingResident> = {
  name: 'name',
  relation: 'relation',
  phone: 'phone',
  partyMember: 'party_member',
  partyJoinYear: 'party_join_year',
  employment: 'employment',
  education: 'education',
  disabled: 'disabled',
  seriouslyIll: 'seriously_ill',
  publicRoles: 'public_roles',
  status: 'status',
};

function residentChanged(
  fields: ParsedRow['resident'],
  hash: string | null,
  existing: ExistingResident,
): boolean {
  for (const [field, column] of Object.entries(residentColumns) as [
    keyof typeof residentColumns,
    keyof ExistingResident,
  ][]) {
    const value = fields[field];
    if (value === undefined) continue;
    const current = existing[column];
    if (field === 'publicRoles') {
      if (!sameSet(value as string[], JSON.parse(current as string) as string[])) return true;
    } else if (typeof value === 'boolean') {
      if (value !== Boolean(current)) return true;
    } else if ((value ?? null) !== (current ?? null)) return true;
  }
  return fields.idNumber !== undefined && hash !== existing.id_number_hash;
}

/**
 * Compares the planned households with what is registered, a few thousand at a time (what is read
 * of them is let go once they are compared): finds each household and member already registered,
 * decides whether each is created, updated or left unchanged, and reports an ID number registered
 * in another household of the caller's area or a registered head the file leaves out. Returns the
 * rows whose ID number is registered outside the caller's area: they are answered without where.
 */
export async function compareWithRegistry(
  db: Db,
  ctx: ImportContext,
  planned: PlannedHousehold[],
  report: (problem: RowProblem) => void,
  column: (key: keyof HeaderMap['header']) => string | null,
): Promise<{ row: number; hash: string }[]> {
  const mayKnowWhere = ctx.caller === null || hasPermission(ctx.caller.role, 'idnumber.reveal');
  const elsewhere: { row: number; hash: string }[] = [];
  for (const part of chunks(planned, REGISTERED_CHUNK)) {
    const existing = await existingHouseholds(db, ctx.scope, part);
    const byKey = new Map(existing.map((h) => [`${h.village_code}|${h.number}`, h]));
    const ids = existing.map((h) => h.id);
    const residentsOf = groupBy(
      await existingResidents(db, ids),
      (r) => r.household_id,
      (r) => r,
    );
    const hashes: string[] = [];
    for (const household of part) for (const m of household.members) if (m.hash) hashes.push(m.hash);
    const owners = await idNumberOwners(db, hashes);
    const indicatorRows = await existingIndicators(db, ids);

    for (const household of part) {
      const found = byKey.get(`${household.villageCode}|${household.number}`) ?? null;
      household.existing = found && { id: found.id, version: found.version, area_code: found.area_code };
      household.areaCode = household.groupCode ?? found?.area_code ?? household.villageCode;
      const pool = found ? [...(residentsOf.get(found.id) ?? [])] : [];
      let memberChanged = false;
      for (const member of household.members) {
        const owner = member.hash ? owners.get(member.hash) : undefined;
        if (owner && owner.household_id !== found?.id && member.hash) {
          if (!codeInScope(owner.area_code, ctx.scope)) {
            elsewhere.push({ row: member.row, hash: member.hash });
            continue;
          }
          report({
            row: member.row,
            column: column('idNumber'),
            problem: 'idNumber.taken',
            params: { where: mayKnowWhere ? `（${owner.area_name} ${owner.number} 户，${owner.name}）` : '' },
          });
          continue;
        }
        const match =
          (member.hash && pool.find((r) => r.id_number_hash === member.hash)) ||
          pool.find(
            (r) =>
              r.name === member.fields.name &&
              (r.id_number_hash === null || member.fields.idNumber === undefined),
          ) ||
          null;
        if (match) pool.splice(pool.indexOf(match), 1);
        member.existing = match && {
          id: match.id,
          version: match.version,
          id_number_hash: match.id_number_hash,
        };
        member.action = !match
          ? 'create'
          : residentChanged(member.fields, member.hash, match) ||
              (member.tags !== null && !sameSet(member.tags, match.tags))
            ? 'update'
            : 'unchanged';
        if (member.action !== 'unchanged') memberChanged = true;
      }
      if (found) {
        const fileHead = household.members.find((m) => m.fields.relation === 'head');
        const formerHead = pool.find((r) => r.relation === 'head' && r.status === 'active');
        if (fileHead && formerHead) {
          // The registered head is not in the file while someone else is named head.
          report({
            row: fileHead.row,
            column: column('relation'),
            problem: 'household.twoHeads',
            params: { number: household.number, rows: String(fileHead.row) },
          });
        }
        const indicators = indicatorRows.get(`${found.id}|${household.indicators?.year}`);
        const changed =
          memberChanged ||
          household.areaCode !== found.area_code ||
          (household.address !== null && household.address !== found.address) ||
          (household.phone !== null && household.phone !== found.phone) ||
          (household.tags !== null && !sameSet(household.tags, found.tags)) ||
          (household.indicators !== null &&
            (!indicators ||
              Number(indicators.total_income) !== household.indicators.totalIncome ||
              Number(indicators.debt) !== household.indicators.debt ||
              (indicators.main_income_source ?? null) !== household.indicators.mainIncomeSource ||
              !sameSet(JSON.parse(indicators.hardships) as string[], household.indicators.hardships)));
        household.action = changed ? 'update' : 'unchanged';
      }
    }
  }
  return elsewhere;
}
