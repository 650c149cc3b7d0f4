import { type AreaKind, areaPrefix, type Role, roleReach } from '@lianxin/common';
import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';
import { AppError } from './errors';

/**
 * How far a caller reaches: one type for every kind of reach, each applied in the repositories
 * through its own helper below. Today's roles reach an area subtree; the wave-2 roles reach a
 * handling unit (a department's staff: what was dispatched to their unit), a service station (an
 * agent: what was assigned to them or their station), an office (the CPPCC office: the CPPCC's
 * records) or only their own records (a CPPCC member's reports and proposals).
 */
export type Scope = AreaScope | UnitScope | StationScope | OfficeScope | OwnScope;

/**
 * The caller's area subtree. Area codes are hierarchical, so a subtree is a range of codes:
 * every record carrying an area code is filtered with `inScope`, an index-friendly range test.
 */
export interface AreaScope {
  readonly reach: 'area';
  readonly areaCode: string;
  readonly kind: AreaKind;
  /** Every code in the subtree starts with these digits. */
  readonly prefix: string;
}

/**
 * Every reach other than an area still sits somewhere: `area` is the subtree whose shared,
 * non-personal data (the area tree, categories, units) the caller reads — the district for a
 * department or the CPPCC office, the station's village, the member's own area.
 */
interface Seated {
  readonly area: AreaScope;
}

/** A handling unit (a department): its staff see what was dispatched to it. */
export interface UnitScope extends Seated {
  readonly reach: 'unit';
  readonly unitId: string;
}

/** A service station: its agents see what was assigned to them or to their station. */
export interface StationScope extends Seated {
  readonly reach: 'station';
  readonly stationId: string;
  readonly userId: string;
}

/** An office (the CPPCC office): it sees every record its office keeps. */
export interface OfficeScope extends Seated {
  readonly reach: 'office';
  readonly office: string;
}

/** Only the caller's own records (a CPPCC member's reports and proposals). */
export interface OwnScope extends Seated {
  readonly reach: 'own';
  readonly userId: string;
}

/** The area subtree whose shared reference data (areas, categories, units) a caller reads. */
export function seatOf(scope: Scope): AreaScope {
  return scope.reach === 'area' ? scope : scope.area;
}

/**
 * The reach of a signed-in caller, from their role. Roles that reach a unit, a station or an
 * office come with accounts bound to one (the accounts' rules make sure of it); an account that
 * somehow lacks the binding is refused, so access fails closed.
 */
export function scopeFor(caller: {
  id: string;
  role: Role;
  areaCode: string;
  areaKind: AreaKind;
  unitId: string | null;
}): Scope {
  const area = scopeOf({ code: caller.areaCode, kind: caller.areaKind });
  const reach = roleReach[caller.role];
  if (reach === 'area') return area;
  if (reach === 'own') return { reach: 'own', userId: caller.id, area };
  const unitId = caller.unitId;
  if (unitId === null) throw new AppError('FORBIDDEN');
  switch (reach) {
    case 'unit':
      return { reach: 'unit', unitId, area };
    case 'station':
      return { reach: 'station', stationId: unitId, userId: caller.id, area };
    case 'office':
      return { reach: 'office', office: unitId, area };
  }
}

export function scopeOf(area: { code: string; kind: AreaKind }): AreaScope {
  return { reach: 'area', areaCode: area.code, kind: area.kind, prefix: areaPrefix(area.code, area.kind) };
}

export function codeInScope(code: string, scope: AreaScope): boolean {
  return code.startsWith(scope.prefix);
}

function upperBound(prefix: string): string | null {
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return next.length === prefix.length ? next : null;
}

/** `column` holds an area code inside `scope`: `column >= prefix and column < prefix + 1`. */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  scope: AreaScope,
): Expression<SqlBool> {
  const upper = upperBound(scope.prefix);
  const lower = eb(column, '>=', scope.prefix);
  return upper === null ? lower : eb.and([lower, eb(column, '<', upper)]);
}

/** `column` names the caller's handling unit. */
export function inUnit<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  scope: UnitScope,
): Expression<SqlBool> {
  return eb(column, '=', scope.unitId);
}

/** The record is assigned to the caller's station or to the caller. */
export function atStation<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: { station: ReferenceExpression<DB, TB>; assignee: ReferenceExpression<DB, TB> },
  scope: StationScope,
): Expression<SqlBool> {
  return eb.or([eb(columns.station, '=', scope.stationId), eb(columns.assignee, '=', scope.userId)]);
}

/** `column` names the caller's office. */
export function inOffice<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  scope: OfficeScope,
): Expression<SqlBool> {
  return eb(column, '=', scope.office);
}

/** `column` names the caller as the record's owner. */
export function ownedBy<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: ReferenceExpression<DB, TB>,
  scope: OwnScope,
): Expression<SqlBool> {
  return eb(column, '=', scope.userId);
}
