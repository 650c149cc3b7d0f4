import type { Writable } from 'node:stream';
import { type HouseholdsFilter, hasPermission, maskPhone } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { type Actor, recordAudit } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import { groupBy } from '../../../platform/collections';
import type { Caller } from '../../../platform/context';
import type { AreaScope } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { countByTier, listHouseholds } from '../households.repository';
import { filterScope, listFilter } from '../households.service';
import { areaNames, exportDetails, tagNames } from './roster.repository';
import {
  educationWords,
  employmentWords,
  hardshipWords,
  publicRoleWords,
  relationWords,
  residentStatusWords,
  tierWords,
} from './roster-vocabulary';
import { RosterWriter } from './roster-workbook';

export interface ExportContext {
  clock: Clock;
  secrets: Secrets;
  scope: AreaScope;
  /** Null for the operator's command line. */
  caller: Caller | null;
  actor: Actor;
}

const word = (vocabulary: Record<string, readonly string[]>, code: string | null) =>
  code ? (vocabulary[code]?.[0] ?? code) : '';

/**
 * Records the export in the audit trail (in the caller's transaction) and says how many
 * households it will hold; null when the filter names an area outside the caller's.
 */
export async function auditExport(
  db: Db,
  ctx: ExportContext,
  filter: HouseholdsFilter,
): Promise<number | null> {
  const scope = await filterScope(db, ctx, filter.areaCode);
  if (!scope) return null;
  const counts = await countByTier(db, scope, listFilter(ctx, filter));
  const households = counts.reduce((n, c) => n + Number(c.n), 0);
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'household.export',
    objectType: 'household',
    areaCode: scope.areaCode,
    after: { filter, households, fullIdNumbers: fullIds(ctx) },
  });
  return households;
}

function fullIds(ctx: ExportContext): boolean {
  return ctx.caller === null || hasPermission(ctx.caller.role, 'idnumber.reveal');
}

/** Writes the filtered households as a roster, one row per member, in the import's format. */
export async function writeExport(db: Db, ctx: ExportContext, filter: HouseholdsFilter, out: Writable) {
  const scope = (await filterScope(db, ctx, filter.areaCode)) ?? ctx.scope;
  const names = await areaNames(db, scope);
  const tags = await tagNames(db);
  const full = fullIds(ctx);
  const writer = new RosterWriter(out);
  const where = listFilter(ctx, filter);
  let cursor: [string, string, string] | null = null;
  for (;;) {
    const page = await listHouseholds(db, scope, where, 'area', cursor, 500);
    const households = page.slice(0, 500);
    const details = await exportDetails(
      db,
      households.map((h) => h.id),
    );
    const latest = new Map<string, (typeof details.indicators)[number]>();
    for (const i of details.indicators) if (!latest.has(i.household_id)) latest.set(i.household_id, i);
    const tagNamesOf = groupBy(
      details.householdTags,
      (t) => t.household_id,
      (t) => tags.get(t.tag_code) ?? t.tag_code,
    );
    const memberTagNames = groupBy(
      details.residentTags,
      (t) => t.resident_id,
      (t) => tags.get(t.tag_code) ?? t.tag_code,
    );
    const membersOf = groupBy(
      details.residents,
      (r) => r.household_id,
      (r) => r,
    );
    for (const h of households) {
      const indicators = latest.get(h.id);
      const householdTags = tagNamesOf.get(h.id) ?? [];
      const group = h.area_code.length === 15 ? (names.get(h.area_code) ?? '') : '';
      for (const r of membersOf.get(h.id) ?? []) {
        const idNumber =
          full && r.id_number_cipher ? ctx.secrets.decrypt(r.id_number_cipher) : (r.id_number_masked ?? '');
        writer.add({
          village: names.get(h.village_code) ?? h.village_code,
          group,
          number: h.number,
          name: r.name,
          idNumber,
          relation: word(relationWords, r.relation),
          phone: r.phone ? (full ? r.phone : maskPhone(r.phone)) : '',
          address: h.address,
          partyMember: r.party_member ? '是' : '否',
          partyJoinYear: r.party_join_year,
          employment: word(employmentWords, r.employment),
          education: word(educationWords, r.education),
          disabled: r.disabled ? '是' : '否',
          seriouslyIll: r.seriously_ill ? '是' : '否',
          publicRoles: (JSON.parse(r.public_roles) as string[])
            .map((c) => word(publicRoleWords, c))
            .join('、'),
          residentStatus: word(residentStatusWords, r.status),
          tags: [...householdTags, ...(memberTagNames.get(r.id) ?? [])].join('、'),
          year: indicators?.year ?? null,
          totalIncome: indicators ? Number(indicators.total_income) : null,
          debt: indicators ? Number(indicators.debt) : null,
          mainIncomeSource: indicators?.main_income_source ?? '',
          hardships: indicators
            ? (JSON.parse(indicators.hardships) as string[]).map((c) => word(hardshipWords, c)).join('、')
            : '',
          tier: word(tierWords, h.tier),
          perCapita: h.per_capita_income === null ? null : Number(h.per_capita_income),
          gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
          birthDate: r.birth_date ?? '',
        });
      }
    }
    const last = households[households.length - 1];
    if (page.length <= 500 || !last) break;
    cursor = [last.area_code, last.number, last.id];
  }
  await writer.finish();
  return writer.rows;
}
