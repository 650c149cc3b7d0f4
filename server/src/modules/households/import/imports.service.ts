import {
  type HouseholdImport,
  type ImportProblem,
  type ImportSummary,
  importProblemMessage,
  type Locale,
  type Role,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Actor } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import type { Caller } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import { type AreaContext, withTransaction } from '../../../platform/request-context';
import { scopeOf } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import { findImport, importForJob, insertImport, listImports, updateImport } from './imports.repository';
import { applyRoster } from './roster-apply';
import { type ImportContext, planRoster, type RosterPlan } from './roster-plan';
import type { RowProblem } from './roster-rows';

export const CHECK_JOB = 'registry.import.check';
export const COMMIT_JOB = 'registry.import.commit';

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export function toImport(row: ImportRow, locale: Locale): HouseholdImport {
  const problems = JSON.parse(row.errors) as RowProblem[];
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total },
    summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
    errors: problems.map((p) => ({
      row: p.row,
      column: p.column,
      message: importProblemMessage(p.problem as ImportProblem, p.params, locale),
    })),
    errorCount: row.error_count,
    createdBy: row.creator_name,
    createdAt: row.created_at,
    committedAt: row.committed_at,
  };
}

/** An import started in the caller's area, its problems worded in the caller's language. */
export async function getImport(db: Db, ctx: Pick<AreaContext, 'scope' | 'locale'>, id: string) {
  const row = await findImport(db, ctx.scope, id);
  if (!row) throw notFound();
  return toImport(row, ctx.locale);
}

/** Recent imports in the caller's area, without their problem lists. */
export async function recentImports(db: Db, ctx: Pick<AreaContext, 'scope' | 'locale'>) {
  const rows = await listImports(db, ctx.scope, 20);
  return rows.map((r) => ({ ...toImport({ ...r, errors: '[]' }, ctx.locale), errors: [] }));
}

/** Keeps the uploaded roster and queues its check; the caller polls the import for the outcome. */
export async function startImport(
  db: Db,
  ctx: AreaContext,
  jobs: JobWorker,
  fileName: string,
  content: Buffer,
): Promise<HouseholdImport> {
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await insertImport(db, {
    id,
    area_code: ctx.caller.areaCode,
    created_by: ctx.caller.id,
    locale: ctx.locale,
    file_name: fileName,
    content,
    status: 'validating',
    progress_done: 0,
    progress_total: 0,
    errors: '[]',
    error_count: 0,
    created_at: now,
    updated_at: now,
  });
  await jobs.enqueueIn(db, {
    kind: CHECK_JOB,
    payload: { id },
    dedupeKey: `${CHECK_JOB}:${id}`,
  });
  return getImport(db, ctx, id);
}

/** Commits a checked roster: it is checked again against the registry as it is then, and written whole. */
export async function commitImport(
  db: Db,
  ctx: AreaContext,
  jobs: JobWorker,
  id: string,
): Promise<HouseholdImport> {
  const row = await findImport(db, ctx.scope, id);
  if (!row) throw notFound();
  const now = ctx.clock.now().toISOString();
  if (!(await updateImport(db, id, { status: 'committing', progress_done: 0, updated_at: now }, 'ready'))) {
    throw new AppError('IMPORT_STATE_INVALID', { status: row.status });
  }
  await jobs.enqueueIn(db, {
    kind: COMMIT_JOB,
    payload: { id },
    dedupeKey: `${COMMIT_JOB}:${id}`,
  });
  return getImport(db, ctx, id);
}

function storedProblems(plan: RosterPlan): string {
  return JSON.stringify(plan.problems);
}

/** The import's context: the uploader's area and role, as when they uploaded. */
async function jobContext(db: Db, clock: Clock, secrets: Secrets, id: string) {
  const row = await importForJob(db, id);
  if (!row) return null;
  const caller: Caller = {
    id: row.user_id,
    username: row.username,
    name: row.user_name,
    role: row.role as Role,
    areaCode: row.area_code,
    areaKind: row.area_kind,
    unitId: null,
    locale: row.locale as Locale | null,
  };
  const ctx: ImportContext = {
    clock,
    secrets,
    caller,
    scope: scopeOf({ code: row.area_code, kind: row.area_kind }),
  };
  const actor: Actor = { id: row.user_id, name: row.user_name, ip: null };
  return { row, ctx, actor };
}

class PlanChanged extends Error {
  constructor(readonly plan: RosterPlan) {
    super('the registry changed since the check');
  }
}

export function registerImportJobs(jobs: JobWorker, secrets: Secrets): void {
  jobs.handleLong(CHECK_JOB, async ({ db, clock, payload }) => {
    const { id } = payload as { id: string };
    const job = await jobContext(db, clock, secrets, id);
    if (job?.row.status !== 'validating' || !job.row.content) return;
    const plan = await planRoster(db, job.ctx, job.row.content, async (done, total) => {
      await updateImport(db, id, { progress_done: done, progress_total: total }, 'validating');
    });
    await updateImport(
      db,
      id,
      {
        status: plan.problemCount === 0 ? 'ready' : 'invalid',
        summary: JSON.stringify(plan.summary),
        errors: storedProblems(plan),
        error_count: plan.problemCount,
        progress_done: plan.summary.rows,
        progress_total: plan.summary.rows,
        // A file with problems is never committed: its content is not kept.
        ...(plan.problemCount > 0 ? { content: null } : {}),
        updated_at: clock.now().toISOString(),
      },
      'validating',
    );
  });

  jobs.handleLong(COMMIT_JOB, async ({ db, clock, payload, job: run }) => {
    const { id } = payload as { id: string };
    const job = await jobContext(db, clock, secrets, id);
    if (job?.row.status !== 'committing' || !job.row.content) return;
    const content = job.row.content;
    try {
      await withTransaction({ db }, async (trx) => {
        const plan = await planRoster(trx, job.ctx, content);
        if (plan.problemCount > 0) throw new PlanChanged(plan);
        await applyRoster(trx, job.ctx, job.actor, plan, job.row.file_name);
        const now = clock.now().toISOString();
        await updateImport(
          trx,
          id,
          {
            status: 'committed',
            summary: JSON.stringify(plan.summary),
            content: null,
            committed_at: now,
            updated_at: now,
            progress_done: plan.summary.rows,
            progress_total: plan.summary.rows,
          },
          'committing',
        );
      });
    } catch (err) {
      if (!(err instanceof PlanChanged)) {
        // After the last attempt, say so rather than leave the import "committing" for ever.
        if (run.attempts >= run.max_attempts) {
          await updateImport(db, id, {
            status: 'failed',
            content: null,
            updated_at: clock.now().toISOString(),
          });
        }
        throw err;
      }
      await updateImport(
        db,
        id,
        {
          status: 'invalid',
          summary: JSON.stringify(err.plan.summary),
          errors: storedProblems(err.plan),
          error_count: err.plan.problemCount,
          content: null,
          updated_at: clock.now().toISOString(),
        },
        'committing',
      );
    }
  });
}
