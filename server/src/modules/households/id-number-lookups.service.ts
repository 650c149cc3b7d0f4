import { chinaDate, type IdNumberCheck } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import { type Actor, recordAudit } from '../../platform/audit/audit.service';
import type { Clock } from '../../platform/clock';
import type { Caller } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { enqueueNotifications } from '../../platform/notifications/notifications.service';
import { type AreaContext, withTransaction } from '../../platform/request-context';
import { readSetting } from '../../platform/settings/settings.repository';
import {
  closeIdNumberCheck,
  districtAdmins,
  insertIdNumberCheck,
  listIdNumberChecks,
  noteLookup,
} from './id-number-lookups.repository';

// An ID number registered outside the caller's area is answered without saying where or whose
// (otherwise any cadre could ask the whole district who is registered where): "registered
// elsewhere, ask the town" up to a daily number of look-ups per account, then a neutral "to be
// verified" that says nothing about registration, with a verification case for the caller's town
// (a to-do for the town and the district). Every such answer is audited with the number's keyed
// hash. A roster file counts as one look-up, whatever it holds.

/** The setting: look-ups answered "registered elsewhere" per account and day. */
export const LOOKUP_LIMIT_SETTING = 'registry.idNumberLookupsPerDay';
export const DEFAULT_LOOKUP_LIMIT = 20;

export type ElsewhereAnswer = 'elsewhere' | 'verify';

export async function lookupLimit(db: Db): Promise<number> {
  const value = await readSetting<number>(db, LOOKUP_LIMIT_SETTING);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_LOOKUP_LIMIT;
}

/** The town an area belongs to (a district caller's cases belong to the district). */
export function townOf(areaCode: string): string {
  return `${areaCode.slice(0, 9)}000`;
}

export interface LookupContext {
  clock: Clock;
  caller: Caller;
  actor: Actor;
}

/**
 * Answers a look-up that found `hashes` (keyed hashes of ID numbers) registered outside the
 * caller's area: counts it once per `source`, audits each number the first time, raises a
 * verification case past the limit. Run it in a transaction that is committed whatever the
 * request's outcome.
 */
export async function answerLookupElsewhere(
  db: Db,
  ctx: LookupContext,
  source: string,
  hashes: readonly string[],
): Promise<ElsewhereAnswer> {
  const now = ctx.clock.now();
  const { position, fresh } = await noteLookup(db, {
    userId: ctx.caller.id,
    day: chinaDate(now),
    source,
    hits: hashes.length,
    now: now.toISOString(),
  });
  const limit = await lookupLimit(db);
  const answer: ElsewhereAnswer = position <= limit ? 'elsewhere' : 'verify';
  if (!fresh) return answer;
  for (const hash of new Set(hashes)) {
    await recordAudit(db, ctx.clock, ctx.actor, {
      action: 'resident.id_number_elsewhere',
      objectType: 'id_number',
      objectId: hash,
      areaCode: ctx.caller.areaCode,
      after: { source, answer },
    });
  }
  if (answer === 'verify') {
    const id = await insertIdNumberCheck(db, {
      townCode: townOf(ctx.caller.areaCode),
      areaCode: ctx.caller.areaCode,
      userId: ctx.caller.id,
      source,
      numbers: new Set(hashes).size,
      now: now.toISOString(),
    });
    await recordAudit(db, ctx.clock, ctx.actor, {
      action: 'resident.id_number_check',
      objectType: 'id_number_check',
      objectId: id,
      areaCode: ctx.caller.areaCode,
      after: { source, numbers: new Set(hashes).size, position },
    });
    // The district admin hears of it: an account asking this much may be fishing for who is registered where.
    const who = `${ctx.caller.name}（${ctx.caller.username}）`;
    const admins = await districtAdmins(db);
    await enqueueNotifications(
      db,
      ctx.clock,
      admins.map((a) => ({
        kind: 'idnumber.check' as const,
        areaCode: a.area_code,
        recipient: `区管理员 ${a.name}`,
        message: `${who}今日查询其他地区登记的身份证号已超过 ${limit} 次，已转镇（街道）核实`,
      })),
    );
  }
  return answer;
}

/**
 * Thrown in a write's transaction when an ID number is registered outside the caller's area. A
 * route that may meet it runs its transaction through `answeringLookups`, which notes the look-up
 * after the write is rolled back; met anywhere else it still says nothing of where.
 */
export class IdNumberElsewhere extends AppError {
  constructor(readonly hash: string) {
    super('ID_NUMBER_ELSEWHERE');
  }
}

/**
 * Runs a write (its own transaction) that may refuse an ID number registered elsewhere; the
 * refusal is noted and audited in a transaction of its own, as the write's is rolled back, and
 * answered "registered elsewhere" or, past the daily limit, "to be verified".
 */
export async function answeringLookups<T>(ctx: AreaContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof IdNumberElsewhere)) throw err;
    const answer = await withTransaction(ctx, (trx) =>
      answerLookupElsewhere(trx, ctx, `request:${newId()}`, [err.hash]),
    );
    throw new AppError(answer === 'elsewhere' ? 'ID_NUMBER_ELSEWHERE' : 'ID_NUMBER_UNVERIFIED');
  }
}

/** Open verification cases of the towns in the caller's area. */
export async function idNumberChecks(db: Db, ctx: Pick<AreaContext, 'scope'>): Promise<IdNumberCheck[]> {
  const rows = await listIdNumberChecks(db, ctx.scope, 200);
  return rows.map((r) => ({
    id: r.id,
    areaCode: r.area_code,
    areaName: r.area_name,
    userName: r.user_name,
    username: r.username,
    source: r.source.startsWith('import:') ? 'import' : 'request',
    numbers: r.numbers,
    createdAt: r.created_at,
  }));
}

/** Closes a verification case once the town has looked into it; audited. */
export async function closeCheck(db: Db, ctx: AreaContext, id: string): Promise<void> {
  const found = await closeIdNumberCheck(db, ctx.scope, id, ctx.caller.id, ctx.clock.now().toISOString());
  if (!found) throw notFound();
  await recordAudit(db, ctx.clock, ctx.actor, {
    action: 'resident.id_number_check_close',
    objectType: 'id_number_check',
    objectId: id,
    areaCode: found.area_code,
  });
}
