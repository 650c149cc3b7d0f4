import { type Kysely, sql } from 'kysely';
import { isPostgres } from './column-types';

// Counts the dashboards read instead of a year of appeals and every household:
// - appeal_counts_monthly / _daily: per village and China calendar month or day received, the
//   counts behind every rate;
// - appeal_categories_monthly / _daily: appeals received per town (the first 9 digits of a village
//   code), month or day, and category;
// - household_counts: active households per area code and tier, and the priority ones with a helper.
// Triggers note every change that can move a count in dashboard_changes (one row per change,
// never updated, so concurrent writers never wait on each other); the dashboard recounts the
// noted keys before it reads, so the counts are always exact. Existing data is noted here and
// counted on the first read.

const appealColumns = [
  'status',
  'village_code',
  'received_at',
  'category_code',
  'accepted_at',
  'resolved_at',
  'resolution_due_at',
  'rating',
  'resolved_level',
  'max_level',
];

const householdColumns = ['status', 'tier', 'area_code'];

/** `a is distinct from b` on PostgreSQL, `a is not b` on SQLite, for each column, or-ed. */
function changed(columns: readonly string[], postgres: boolean): string {
  return columns
    .map((c) => (postgres ? `old.${c} is distinct from new.${c}` : `old.${c} is not new.${c}`))
    .join(' or ');
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable('dashboard_changes')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    // 'appeals' (area_code is the village, month the China month received) or 'households'.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text')
    .execute();
  // The same counts per month ('YYYY-MM') and per day ('YYYY-MM-DD'): a period reads its whole
  // months from the first and the days before and after them from the second.
  for (const grain of ['monthly', 'daily']) {
    await db.schema
      .createTable(`appeal_counts_${grain}`)
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('village_code', 'text', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addColumn('responded', 'integer', (c) => c.notNull())
      .addColumn('resolved', 'integer', (c) => c.notNull())
      .addColumn('on_time', 'integer', (c) => c.notNull())
      .addColumn('rated', 'integer', (c) => c.notNull())
      .addColumn('satisfied', 'integer', (c) => c.notNull())
      .addColumn('at_village', 'integer', (c) => c.notNull())
      .addColumn('at_town', 'integer', (c) => c.notNull())
      .addColumn('to_district', 'integer', (c) => c.notNull())
      .addColumn('to_town', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`appeal_counts_${grain}_pk`, ['period', 'village_code'])
      .execute();
    await db.schema
      .createTable(`appeal_categories_${grain}`)
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('town_prefix', 'text', (c) => c.notNull())
      .addColumn('category_code', 'text', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`appeal_categories_${grain}_pk`, ['period', 'town_prefix', 'category_code'])
      .execute();
  }
  await db.schema
    .createTable('household_counts')
    .addColumn('area_code', 'text', (c) => c.primaryKey())
    .addColumn('stable', 'integer', (c) => c.notNull())
    .addColumn('watch', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('priority_paired', 'integer', (c) => c.notNull())
    .execute();

  if (postgres) {
    const appealKey = (row: 'old' | 'new') =>
      `('appeals', ${row}.village_code, to_char(${row}.received_at at time zone 'Asia/Shanghai', 'YYYY-MM'))`;
    await sql
      .raw(`create function dashboard_note_appeal() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then
            insert into dashboard_changes (subject, area_code, month) values ${appealKey('old')};
          end if;
          if tg_op <> 'DELETE' and (tg_op = 'INSERT' or old.village_code is distinct from new.village_code
              or old.received_at is distinct from new.received_at) then
            insert into dashboard_changes (subject, area_code, month) values ${appealKey('new')};
          end if;
          return null;
        end $$`)
      .execute(db);
    await sql
      .raw(`create function dashboard_note_household() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then
            insert into dashboard_changes (subject, area_code) values ('households', old.area_code);
          end if;
          if tg_op = 'INSERT' or (tg_op = 'UPDATE' and old.area_code is distinct from new.area_code) then
            insert into dashboard_changes (subject, area_code) values ('households', new.area_code);
          end if;
          return null;
        end $$`)
      .execute(db);
    // A pairing moves the paired count of its household's area.
    await sql
      .raw(`create function dashboard_note_pairing() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then
            insert into dashboard_changes (subject, area_code)
              select 'households', area_code from households where id = old.household_id;
          end if;
          if tg_op <> 'DELETE' then
            insert into dashboard_changes (subject, area_code)
              select 'households', area_code from households where id = new.household_id;
          end if;
          return null;
        end $$`)
      .execute(db);
    const triggers: [string, string, readonly string[], string][] = [
      ['appeals', 'dashboard_note_appeal', appealColumns, 'appeals'],
      ['households', 'dashboard_note_household', householdColumns, 'households'],
      ['pairings', 'dashboard_note_pairing', ['status', 'household_id'], 'pairings'],
    ];
    for (const [table, fn, columns, name] of triggers) {
      await sql
        .raw(`create trigger ${name}_dashboard_write after insert or delete on ${table}
          for each row execute function ${fn}()`)
        .execute(db);
      await sql
        .raw(`create trigger ${name}_dashboard_update after update of ${columns.join(', ')} on ${table}
          for each row when (${changed(columns, true)}) execute function ${fn}()`)
        .execute(db);
    }
  } else {
    const appealKey = (row: 'old' | 'new') =>
      `('appeals', ${row}.village_code, strftime('%Y-%m', ${row}.received_at, '+8 hours'))`;
    const note = (values: string) =>
      `insert into dashboard_changes (subject, area_code, month) values ${values};`;
    const householdOf = (row: 'old' | 'new') =>
      `insert into dashboard_changes (subject, area_code) select 'households', area_code from households where id = ${row}.household_id;`;
    await sql
      .raw(
        `create trigger appeals_dashboard_insert after insert on appeals begin ${note(appealKey('new'))} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger appeals_dashboard_delete after delete on appeals begin ${note(appealKey('old'))} end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger appeals_dashboard_update after update of ${appealColumns.join(', ')} on appeals
        when ${changed(appealColumns, false)}
        begin
          ${note(appealKey('old'))}
          insert into dashboard_changes (subject, area_code, month)
            select 'appeals', new.village_code, strftime('%Y-%m', new.received_at, '+8 hours')
            where old.village_code is not new.village_code or old.received_at is not new.received_at;
        end`)
      .execute(db);
    const householdNote = (row: 'old' | 'new') =>
      `insert into dashboard_changes (subject, area_code) values ('households', ${row}.area_code);`;
    await sql
      .raw(
        `create trigger households_dashboard_insert after insert on households begin ${householdNote('new')} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger households_dashboard_delete after delete on households begin ${householdNote('old')} end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger households_dashboard_update after update of ${householdColumns.join(', ')} on households
        when ${changed(householdColumns, false)}
        begin
          ${householdNote('old')}
          insert into dashboard_changes (subject, area_code)
            select 'households', new.area_code where old.area_code is not new.area_code;
        end`)
      .execute(db);
    await sql
      .raw(
        `create trigger pairings_dashboard_insert after insert on pairings begin ${householdOf('new')} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger pairings_dashboard_delete after delete on pairings begin ${householdOf('old')} end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger pairings_dashboard_update after update of status, household_id on pairings
        when old.status is not new.status or old.household_id is not new.household_id
        begin ${householdOf('old')} ${householdOf('new')} end`)
      .execute(db);
  }

  // The recount reads a village's month of appeals, and a town's through its villages, from
  // this index alone (no table row is fetched).
  await db.schema
    .createIndex('appeals_village_figures')
    .on('appeals')
    .columns([
      'village_code',
      'received_at',
      ...appealColumns.filter((c) => c !== 'village_code' && c !== 'received_at'),
    ])
    .execute();

  // Households leaving the priority tier are few among the tier changes a re-tier records.
  await sql`create index tier_history_left_priority on tier_history (at, household_id)
    where from_tier = 'priority' and to_tier <> 'priority'`.execute(db);

  // What exists now is counted on the first read.
  const month = postgres
    ? sql`to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : sql`strftime('%Y-%m', received_at, '+8 hours')`;
  await sql`insert into dashboard_changes (subject, area_code, month)
    select distinct 'appeals', village_code, ${month} from appeals`.execute(db);
  await sql`insert into dashboard_changes (subject, area_code)
    select distinct 'households', area_code from households`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['appeals', 'households', 'pairings']) {
      await sql.raw(`drop trigger ${table}_dashboard_write on ${table}`).execute(db);
      await sql.raw(`drop trigger ${table}_dashboard_update on ${table}`).execute(db);
    }
    await sql`drop function dashboard_note_appeal()`.execute(db);
    await sql`drop function dashboard_note_household()`.execute(db);
    await sql`drop function dashboard_note_pairing()`.execute(db);
  } else {
    for (const table of ['appeals', 'households', 'pairings']) {
      for (const event of ['insert', 'delete', 'update'])
        await sql.raw(`drop trigger ${table}_dashboard_${event}`).execute(db);
    }
  }
  await db.schema.dropIndex('tier_history_left_priority').execute();
  await db.schema.dropIndex('appeals_village_figures').execute();
  await db.schema.dropTable('household_counts').execute();
  for (const grain of ['monthly', 'daily']) {
    await db.schema.dropTable(`appeal_categories_${grain}`).execute();
    await db.schema.dropTable(`appeal_counts_${grain}`).execute();
  }
  await db.schema.dropTable('dashboard_changes').execute();
}
