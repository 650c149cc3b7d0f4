import { chinaDate, hasPermission, maskPhone, type Worklist } from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import { AppError, notFound } from '../../../platform/errors';
import type { AreaContext } from '../../../platform/request-context';
import { accountInScope } from '../cadres.repository';
import { dueState } from '../pairings/due-state';
import { assistanceSettings } from '../settings/settings.service';
import { pairedHouseholds, visitDays } from './worklist.repository';

/** A cadre's households, who is due and who is overdue, and their village days this month. */
export async function worklist(db: Db, ctx: AreaContext, cadreId: string): Promise<Worklist> {
  const settings = await assistanceSettings(db);
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const [rows, days] = await Promise.all([
    pairedHouseholds(db, cadreId),
    visitDays(db, cadreId, monthStart, today),
  ]);
  const order = { overdue: 0, due: 1, ok: 2 } as const;
  const items = rows
    .map((r) => {
      const lastVisitDate = (r.last_visit as string | null) ?? null;
      const { dueDate, state } = dueState(r.tier, lastVisitDate, r.start_date, today, settings);
      return {
        pairingId: r.id,
        householdId: r.household_id,
        householdNumber: r.number,
        headName: r.head_name,
        address: r.address,
        // Masked: a tap-to-call reveals it through the household's phone reveal, audited each time.
        phone: r.phone === null ? null : maskPhone(r.phone),
        villageName: r.village_name,
        tier: r.tier,
        lastVisitDate,
        dueDate,
        state,
      };
    })
    .sort((a, b) => order[a.state] - order[b.state] || a.dueDate.localeCompare(b.dueDate));
  return {
    items,
    overdue: items.filter((i) => i.state === 'overdue').length,
    due: items.filter((i) => i.state === 'due').length,
    villageDaysThisMonth: days,
    villageDaysRequired: settings.villageDaysPerMonth,
  };
}

/** Whose worklist the caller may read: their own, or, with the pairing permission, a cadre in scope. */
export async function worklistFor(db: Db, ctx: AreaContext, cadreId: string | undefined): Promise<Worklist> {
  if (!cadreId || cadreId === ctx.caller.id) return worklist(db, ctx, ctx.caller.id);
  if (!hasPermission(ctx.caller.role, 'assistance.pair')) throw new AppError('FORBIDDEN');
  if (!(await accountInScope(db, cadreId, ctx.scope))) throw notFound();
  return worklist(db, ctx, cadreId);
}
