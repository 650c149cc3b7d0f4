import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Verification codes proving a resident's phone (platform/verification). Nothing here is in clear:
// the phone and the address as keyed lookup hashes, the code as an HMAC under a server key
// (bound to the row's id). The outbox gains `message_enc`: under the SMS driver the text carrying
// a code is stored encrypted, and `message` keeps a masked copy for the console's log.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('verification_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('consumed_at', t.timestamp)
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The code being checked: the newest for a phone and purpose.
  await db.schema
    .createIndex('verification_codes_phone_purpose')
    .on('verification_codes')
    .columns(['phone_hash', 'purpose', 'created_at'])
    .execute();
  // The limits: sends per phone (any purpose) and per address over the last minute, hour, day.
  await db.schema
    .createIndex('verification_codes_phone')
    .on('verification_codes')
    .columns(['phone_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('verification_codes_ip')
    .on('verification_codes')
    .columns(['ip_hash', 'created_at'])
    .execute();
  // Forgetting old codes.
  await db.schema
    .createIndex('verification_codes_created')
    .on('verification_codes')
    .column('created_at')
    .execute();

  await db.schema.alterTable('notifications').addColumn('message_enc', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('message_enc').execute();
  await db.schema.dropTable('verification_codes').execute();
}
