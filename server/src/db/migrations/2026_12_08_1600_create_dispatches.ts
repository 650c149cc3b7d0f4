import type { Kysely } from 'kysely';
import { columnTypes } from './column-types';

// Dispatch (派单): an appeal handed by its holder (the district, or a town) to a lead unit and
// co-units; each row is one unit's part, with its return window, deadline, warning and
// supervision (督办), the return and the dispatcher's decision on it, and a co-unit's part.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('appeal_dispatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decisive', t.boolean, (c) => c.notNull())
    // The area that dispatched it (the district or a town): it decides returns and supervises.
    .addColumn('dispatcher_area_code', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', t.timestamp, (c) => c.notNull())
    .addColumn('dispatched_by', 'text', (c) => c.references('users.id'))
    .addColumn('returnable_until', t.timestamp, (c) => c.notNull())
    .addColumn('may_return', t.boolean, (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    // When to warn (催办); cleared once warned.
    .addColumn('warn_at', t.timestamp)
    .addColumn('supervised_at', t.timestamp)
    .addColumn('accepted_at', t.timestamp)
    .addColumn('returned_at', t.timestamp)
    .addColumn('return_reason', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('part', 'text')
    .addColumn('part_at', t.timestamp)
    .addColumn('part_by', 'text', (c) => c.references('users.id'))
    .addColumn('replaces_id', 'text', (c) => c.references('appeal_dispatches.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_dispatches_unit')
    .on('appeal_dispatches')
    .columns(['unit_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('appeal_dispatches_appeal')
    .on('appeal_dispatches')
    .column('appeal_id')
    .execute();
  await db.schema
    .createIndex('appeal_dispatches_due')
    .on('appeal_dispatches')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema.createIndex('appeal_dispatches_warn').on('appeal_dispatches').column('warn_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appeal_dispatches').execute();
}
