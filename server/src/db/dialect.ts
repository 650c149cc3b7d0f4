// Every difference between SQLite and PostgreSQL that the application sees lives here.
import {
  type Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresAdapter,
  type PrimitiveValueListNode,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  sql,
  type Transaction,
  type UnknownRow,
  ValueNode,
} from 'kysely';
import type { DB } from './schema';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<DB> | Transaction<DB>;

/** Anything that runs queries: a Kysely instance or a transaction, over any schema. */
export interface QueryRunner {
  getExecutor(): { adapter: unknown };
}

export function engineOf(db: QueryRunner): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** `FOR UPDATE` on PostgreSQL; SQLite serializes writers and has no row locks. */
export function supportsRowLocks(db: QueryRunner): boolean {
  return engineOf(db) === 'postgres';
}

/** Case-insensitive LIKE: `ilike` on PostgreSQL; SQLite's `like` already ignores ASCII case. */
export function ilikeOperator(db: QueryRunner): 'ilike' | 'like' {
  return engineOf(db) === 'postgres' ? 'ilike' : 'like';
}

/** Escapes `%`, `_` and `\` for a LIKE pattern used with `escape '\'`. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The China calendar month (YYYY-MM, UTC+8) of a timestamp column, for grouping by month. */
export function chinaMonthOf(db: QueryRunner, column: string): RawBuilder<string> {
  return engineOf(db) === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`;
}

/** The China calendar day (YYYY-MM-DD) of a timestamp column. */
export function chinaDayOf(db: QueryRunner, column: string): RawBuilder<string> {
  return engineOf(db) === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${sql.ref(column)}, '+8 hours')`;
}

/** Timestamps are stored and compared as ISO-8601 UTC strings on both engines. */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}

/**
 * Text PostgreSQL cannot store: a NUL character (it answers "invalid byte sequence"). SQLite would
 * take it; both engines refuse it, before the query runs, so they keep the same data.
 */
export class UnstorableTextError extends Error {
  constructor() {
    super('text with a NUL character cannot be stored');
    this.name = 'UnstorableTextError';
  }
}

const hasNul = (value: unknown) => typeof value === 'string' && value.includes('\u0000');

class TextGuardTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    if (hasNul(node.value)) throw new UnstorableTextError();
    return super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    if (node.values.some(hasNul)) throw new UnstorableTextError();
    return super.transformPrimitiveValueList(node);
  }
}

/** Refuses text no engine should store (see UnstorableTextError) in every query on PostgreSQL. */
export class TextGuardPlugin implements KyselyPlugin {
  readonly #transformer = new TextGuardTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

// One pass over each query on SQLite: the text guard and the booleans together.
class BooleanToIntegerTransformer extends TextGuardTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    if (typeof node.value !== 'boolean') return super.transformValue(node);
    const value = node.value ? 1 : 0;
    return node.immediate ? ValueNode.createImmediate(value) : ValueNode.create(value);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return super.transformPrimitiveValueList({
      ...node,
      values: node.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)),
    });
  }
}

/** SQLite cannot bind booleans: this plugin turns them into 0/1 in every query, and guards text. */
export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToIntegerTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
