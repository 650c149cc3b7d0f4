import { type Kysely, sql } from 'kysely';
import { columnTypes, isPostgres } from './column-types';

// 便民服务: the service catalogue (事项, each guide versioned), the service centres and stations
// (a handling unit of kind service_station, with its hours, items and duty roster), proxy
// requests (代办) with their timeline, materials, receipts and encrypted paper photos, and 好差评
// (ratings, the follow-up of each 差评, one-time rating links).
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const binary = isPostgres(db) ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // The district's list, or a town's local items.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name, pinyin initials and keywords: what the catalogue search matches.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('proxy_allowed', t.boolean, (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_items_category')
    .on('service_items')
    .columns(['category', 'name'])
    .execute();
  await db.schema.createIndex('service_items_area').on('service_items').columns(['area_code']).execute();
  await db.schema.createIndex('service_items_unit').on('service_items').columns(['unit_id']).execute();

  // Every version of an item's guide (办事指南), as JSON: a request keeps the version it was made on.
  await db.schema
    .createTable('service_item_versions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('guide', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('service_item_versions_pk', ['item_id', 'version_no'])
    .execute();

  // What a handling unit of kind service_station adds to its unit row: the centre's or
  // station's public profile.
  await db.schema
    .createTable('service_centres')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('intro', 'text')
    .addColumn('hours_text', 'text')
    .addColumn('holiday_hours_text', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('service_centre_items')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addPrimaryKeyConstraint('service_centre_items_pk', ['unit_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('service_centre_items_item')
    .on('service_centre_items')
    .column('item_id')
    .execute();
  // 今日值班: who is on duty at a centre or station on a day.
  await db.schema
    .createTable('service_duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('duty_date', t.date, (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_duties_unit_date')
    .on('service_duties')
    .columns(['unit_id', 'duty_date'])
    .execute();

  await db.schema
    .createTable('proxy_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    // The resident's village (or group): the request's area.
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_hash', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', t.timestamp)
    .addColumn('warned_at', t.timestamp)
    .addColumn('assigned_at', t.timestamp)
    .addColumn('authorised_at', t.timestamp)
    .addColumn('collected_at', t.timestamp)
    .addColumn('submitted_at', t.timestamp)
    .addColumn('unit_receipt_no', 'text')
    .addColumn('result_at', t.timestamp)
    .addColumn('result_note', 'text')
    .addColumn('delivered_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('cancelled_at', t.timestamp)
    .addColumn('cancel_reason', 'text')
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('papers_purge_after', t.timestamp)
    .addColumn('papers_purged_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proxy_requests_station')
    .on('proxy_requests')
    .columns(['station_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('proxy_requests_agent')
    .on('proxy_requests')
    .columns(['agent_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('proxy_requests_area')
    .on('proxy_requests')
    .columns(['area_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('proxy_requests_due')
    .on('proxy_requests')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('proxy_requests_purge')
    .on('proxy_requests')
    .columns(['papers_purge_after'])
    .execute();

  await db.schema
    .createTable('proxy_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('proxy_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('proxy_request_events_request')
    .on('proxy_request_events')
    .columns(['request_id', 'at'])
    .execute();

  // The checklist of the item's materials, and the receipt (回执) of every original taken.
  await db.schema
    .createTable('proxy_request_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('proxy_requests.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('collected_at', t.timestamp)
    .addColumn('receipt_no', 'text')
    .addColumn('returned_at', t.timestamp)
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('proxy_request_materials_request')
    .on('proxy_request_materials')
    .column('request_id')
    .execute();

  // The signed authorisation (代办委托书) and the photos of papers: sealed (encrypted) bytes,
  // deleted a set time after the request closes.
  await db.schema
    .createTable('proxy_request_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('proxy_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('material_id', 'text', (c) => c.references('proxy_request_materials.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proxy_request_files_request')
    .on('proxy_request_files')
    .column('request_id')
    .execute();

  // 好差评: one rating per request, the agent's service and the handling unit's result apart.
  await db.schema
    .createTable('service_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().unique().references('proxy_requests.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('agent_level', 'integer', (c) => c.notNull())
    .addColumn('unit_level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('named', t.boolean, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('rated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_ratings_area')
    .on('service_ratings')
    .columns(['area_code', 'rated_at'])
    .execute();
  await db.schema
    .createIndex('service_ratings_agent')
    .on('service_ratings')
    .columns(['agent_id', 'rated_at'])
    .execute();
  await db.schema
    .createIndex('service_ratings_unit')
    .on('service_ratings')
    .columns(['unit_id', 'rated_at'])
    .execute();

  // The follow-up of a 差评 (不满意 or worse), one per rated party: called back, rectified or
  // explained within the set period; the rated party may ask for a review.
  await db.schema
    .createTable('rating_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().references('service_ratings.id'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('areas.code'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('called_back_at', t.timestamp)
    .addColumn('callback_note', 'text')
    .addColumn('outcome', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', t.timestamp)
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('review_reason', 'text')
    .addColumn('review_requested_at', t.timestamp)
    .addColumn('review_requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('review_decision', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('rating_follow_ups_rating_party', ['rating_id', 'party'])
    .execute();
  await db.schema
    .createIndex('rating_follow_ups_due')
    .on('rating_follow_ups')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('rating_follow_ups_area')
    .on('rating_follow_ups')
    .columns(['area_code', 'created_at'])
    .execute();

  // A one-time rating link (sent by SMS after delivery): only the token's hash is kept.
  await db.schema
    .createTable('service_rating_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('proxy_requests.id'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'service_rating_links',
    'rating_follow_ups',
    'service_ratings',
    'proxy_request_files',
    'proxy_request_materials',
    'proxy_request_events',
    'proxy_requests',
    'service_duties',
    'service_centre_items',
    'service_centres',
    'service_item_versions',
    'service_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
