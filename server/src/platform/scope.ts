import { type AreaKind, areaPrefix } from '@lianxin/common';
import type { Expression, ExpressionBuilder, ReferenceExpression, SqlBool } from 'kysely';

/**
 * The caller's area subtree. Area codes are hierarchical, so a subtree is a range of codes:
 * every record carrying an area code is filtered with `inScope`, an index-friendly range test.
 */
export interface AreaScope {
  readonly areaCode: string;
  readonly kind: AreaKind;
  /** Every code in the subtree starts with these digits. */
  readonly prefix: string;
}

export function scopeOf(area: { code: string; kind: AreaKind }): AreaScope {
  return { areaCode: area.code, kind: area.kind, prefix: areaPrefix(area.code, area.kind) };
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
