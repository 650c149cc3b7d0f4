import { PassThrough, type Writable } from 'node:stream';
import {
  type HouseholdImport,
  type HouseholdImportLayoutBody,
  type ImportMapping,
  type ImportProblem,
  type ImportSummary,
  importProblemMessage,
  type Locale,
  type Role,
  type RosterLayout,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Actor } from '../../../platform/audit/audit.service';
import type { Clock } from '../../../platform/clock';
import type { Caller } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { JobWorker } from '../../../platform/jobs/jobs.worker';
import { type AreaContext, withTransaction } from '../../../platform/request-context';
import { codeInScope, scopeOf } from '../../../platform/scope';
import type { Secrets } from '../../../platform/secrets';
import {
  findImport,
  heldBackOf,
  importForJob,
  insertImport,
  listImports,
  rememberMapping,
  updateImport,
} from './imports.repository';
import { applyRoster } from './roster-apply';
import { type HeldBackRows, writeHeldBack } from './roster-held-back';
import { type ImportContext, planRoster, type RosterPlan } from './roster-plan';
import type { RowProblem } from './roster-rows';

export const CHECK_JOB = 'registry.import.check';
export const COMMIT_JOB = 'registry.import.commit';

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

const noHeldBack = { households: 0, rows: 0 };

export function toImport(row: ImportRow, locale: Locale): HouseholdImport {
  const problems = JSON.parse(row.errors) as RowProblem[];
  const summary = row.summary ? (JSON.parse(row.summary) as Partial<ImportSummary>) : null;
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total },
    // Imports checked before the counts of held-back rows existed read as none held back.
    summary: summary && {
      rows: summary.rows ?? 0,
      households: summary.households ?? { create: 0, update: 0, unchanged: 0 },
      residents: summary.residents ?? { create: 0, update: 0, unchanged: 0 },
      rowsWithErrors: summary.rowsWithErrors ?? 0,
      heldBack: summary.heldBack ?? noHeldBack,
    },
    errors: problems.map((p) => ({
      row: p.row,
      column: p.column,
      message: importProblemMessage(p.problem as ImportProblem, p.params, locale),
    })),
    errorCount: row.error_count,
    createdBy: row.creator_name,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    layout: row.layout ? (JSON.parse(row.layout) as RosterLayout) : null,
    villageCode: row.village_code,
    validOnly: Boolean(row.valid_only),
    heldBackFile: Boolean(row.has_file) && (summary?.heldBack?.rows ?? 0) > 0,
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
  return rows.map((r) => ({
    ...toImport({ ...r, errors: '[]', sheet: null, mapping: null, has_file: false }, ctx.locale),
    errors: [],
    layout: null,
  }));
}

/** Keeps the uploaded roster and queues its check; the caller polls the import for the outcome. */
export async function startImport(
  db: Db,
  ctx: AreaContext,
  jobs: JobWorker,
  fileName: string,
  content: Buffer,
  choice: { villageCode?: string | undefined; sheet?: number | undefined } = {},
): Promise<HouseholdImport> {
  const now = ctx.clock.now().toISOString();
  const id = newId();
  if (choice.villageCode && !codeInScope(choice.villageCode, ctx.scope)) {
    throw new AppError('AREA_UNKNOWN', { code: choice.villageCode });
  }
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
    village_code: choice.villageCode ?? null,
    sheet: choice.sheet ?? null,
  });
  await jobs.enqueueIn(db, {
    kind: CHECK_JOB,
    payload: { id },
    dedupeKey: `${CHECK_JOB}:${id}`,
  });
  return getImport(db, ctx, id);
}

/**
 * Checks the uploaded file again with another village, sheet or column mapping; a mapping is
 * remembered for the village (or the caller's area) and the file's header, for the next file of
 * the same shape.
 */
export async function relayoutImport(
  db: Db,
  ctx: AreaContext,
  jobs: JobWorker,
  id: string,
  body: HouseholdImportLayoutBody,
): Promise<HouseholdImport> {
  const row = await findImport(db, ctx.scope, id);
  if (!row) throw notFound();
  if (body.villageCode && !codeInScope(body.villageCode, ctx.scope)) {
    throw new AppError('AREA_UNKNOWN', { code: body.villageCode });
  }
  const now = ctx.clock.now().toISOString();
  const villageCode = body.villageCode === undefined ? row.village_code : body.villageCode;
  const layout = row.layout ? (JSON.parse(row.layout) as RosterLayout) : null;
  const changes = {
    status: 'validating' as const,
    village_code: villageCode,
    sheet: body.sheet ?? row.sheet,
    mapping: body.mapping === undefined ? row.mapping : JSON.stringify(body.mapping),
    progress_done: 0,
    updated_at: now,
  };
  const moved =
    Boolean(row.has_file) &&
    ((await updateImport(db, id, changes, 'ready')) || (await updateImport(db, id, changes, 'invalid')));
  if (!moved) throw new AppError('IMPORT_STATE_INVALID', { status: row.status });
  if (body.mapping && layout?.signature && (body.sheet === undefined || body.sheet === layout.sheet)) {
    await rememberMapping(db, {
      areaCode: villageCode ?? ctx.caller.areaCode,
      signature: layout.signature,
      mapping: JSON.stringify(body.mapping),
      by: ctx.caller.id,
      now,
    });
  }
  await jobs.enqueueIn(db, { kind: CHECK_JOB, payload: { id }, dedupeKey: `${CHECK_JOB}:${id}:${newId()}` });
  return getImport(db, ctx, id);
}

/**
 * Commits a checked roster: it is checked again against the registry as it is then, and written
 * whole — or, with `validOnly`, its valid households only, the others held back for download.
 */
export async function commitImport(
  db: Db,
  ctx: AreaContext,
  jobs: JobWorker,
  id: string,
  validOnly = false,
): Promise<HouseholdImport> {
  const row = await findImport(db, ctx.scope, id);
  if (!row) throw notFound();
  const now = ctx.clock.now().toISOString();
  const changes = { status: 'committing' as const, progress_done: 0, valid_only: validOnly, updated_at: now };
  const summary = row.summary ? (JSON.parse(row.summary) as ImportSummary) : null;
  const someValid = summary !== null && summary.households.create + summary.households.update > 0;
  const moved =
    (await updateImport(db, id, changes, 'ready')) ||
    (validOnly && someValid && (await updateImport(db, id, changes, 'invalid')));
  if (!moved) throw new AppError('IMPORT_STATE_INVALID', { status: row.status });
  await jobs.enqueueIn(db, {
    kind: COMMIT_JOB,
    payload: { id },
    dedupeKey: `${COMMIT_JOB}:${id}`,
  });
  return getImport(db, ctx, id);
}

/** The held-back rows as a workbook in the file's layout, with a 错误原因 column (a small file: the rows to correct). */
export async function heldBackWorkbook(
  db: Db,
  ctx: Pick<AreaContext, 'scope' | 'locale'>,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const row = await heldBackOf(db, ctx.scope, id);
  if (!row) throw notFound();
  const fileName = `待修正-${row.file_name.replace(/\.(xlsx|csv)$/i, '')}.xlsx`;
  if (row.held_back_file) return { fileName, content: row.held_back_file };
  const layout = row.layout ? (JSON.parse(row.layout) as RosterLayout) : null;
  const held = row.held_back ? (JSON.parse(row.held_back) as HeldBackRows) : [];
  if (!row.content || !layout || held.length === 0)
    throw new AppError('IMPORT_STATE_INVALID', { status: row.status });
  const content = row.content;
  return {
    fileName,
    content: await bufferOf((out) => writeHeldBack(out, content, layout, held, ctx.locale)),
  };
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
  const actor: Actor = { id: row.user_id, name: row.user_name, ip: null };
  const ctx: ImportContext = {
    clock,
    secrets,
    caller,
    scope: scopeOf({ code: row.area_code, kind: row.area_kind }),
    actor,
    choice: {
      sheet: row.sheet,
      villageCode: row.village_code,
      mapping: row.mapping ? (JSON.parse(row.mapping) as ImportMapping) : null,
    },
    // The whole file is one look-up toward the uploader's daily limit, however often it is checked.
    lookupSource: `import:${id}`,
  };
  return { row, ctx, actor, caller };
}

/** What a check or a commit stores of its plan. */
function checked(plan: RosterPlan) {
  return {
    summary: JSON.stringify(plan.summary),
    errors: storedProblems(plan),
    error_count: plan.problemCount,
    layout: plan.layout && JSON.stringify(plan.layout),
    held_back: JSON.stringify(plan.heldBack),
    progress_done: plan.summary.rows,
    progress_total: plan.summary.rows,
  };
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
    // The file is kept while it may be checked again, written in part, or its held-back rows
    // downloaded; it goes once the import is committed.
    await updateImport(
      db,
      id,
      {
        status: plan.problemCount === 0 ? 'ready' : 'invalid',
        ...checked(plan),
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
    const validOnly = Boolean(job.row.valid_only);
    try {
      await withTransaction({ db }, async (trx) => {
        const plan = await planRoster(trx, job.ctx, content);
        if (plan.problemCount > 0 && (!validOnly || plan.households.length === 0))
          throw new PlanChanged(plan);
        await applyRoster(trx, job.ctx, job.actor, { ...plan, problemCount: 0 }, job.row.file_name);
        let heldBackFile: Buffer | null = null;
        if (plan.layout && plan.heldBack.length > 0) {
          heldBackFile = await bufferOf((out) =>
            writeHeldBack(
              out,
              content,
              plan.layout as RosterLayout,
              plan.heldBack,
              job.caller.locale ?? 'zh-CN',
            ),
          );
        }
        const now = clock.now().toISOString();
        await updateImport(
          trx,
          id,
          {
            status: 'committed',
            ...checked(plan),
            content: null,
            held_back_file: heldBackFile,
            committed_at: now,
            updated_at: now,
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
        { status: 'invalid', ...checked(err.plan), updated_at: clock.now().toISOString() },
        'committing',
      );
    }
  });
}

/** What a writer writes, as one buffer (a held-back workbook is small: the rows to correct). */
async function bufferOf(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
