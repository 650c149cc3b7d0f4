import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

const DAY = 86_400_000;
// The longest an API token may live from now on; tokens made before are cut to it.
const MAX_TOKEN_DAYS = 365;

// API tokens carry a scope (read-only, or a list of the owner's permissions) and remember the address
// they were last used from; a token made before scopes existed becomes read-only and lives at most
// a year from its creation. Sign-in throttling moves to one counter row per account, per address and
// per account at an address it has signed in from before, counted and checked in one statement.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('{"kind":"read"}'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('last_used_ip', 'text').execute();
  const tokens: { id: string; created_at: string | Date; expires_at: string | Date | null }[] = await db
    .selectFrom('api_tokens')
    .select(['id', 'created_at', 'expires_at'])
    .execute();
  for (const token of tokens) {
    const limit = new Date(new Date(token.created_at).getTime() + MAX_TOKEN_DAYS * DAY);
    if (token.expires_at !== null && new Date(token.expires_at) <= limit) continue;
    await db
      .updateTable('api_tokens')
      .set({ expires_at: limit.toISOString() })
      .where('id', '=', token.id)
      .execute();
  }

  await db.schema
    .createTable('login_throttle')
    // `account:<username>`, `ip:<address>` or `known:<username>:<address>`.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', t.timestamp, (c) => c.notNull())
    .addColumn('lock_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', t.timestamp)
    .execute();
  await db.schema
    .createIndex('login_throttle_window_start')
    .on('login_throttle')
    .column('window_start')
    .execute();

  await db.schema
    .createTable('login_addresses')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('last_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('login_addresses_pk', ['user_id', 'ip'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_addresses').execute();
  await db.schema.dropTable('login_throttle').execute();
  await db.schema.alterTable('api_tokens').dropColumn('last_used_ip').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
