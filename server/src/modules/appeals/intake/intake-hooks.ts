import type { Db } from '../../../db/dialect';
import type { Clock } from '../../../platform/clock';

/** What an intake hook sees of an appeal being taken in. */
export interface IntakeAppeal {
  id: string;
  trackingCode: string;
  title: string;
  description: string;
  villageCode: string;
  categoryCode: string;
  urgency: 'urgent' | 'normal' | 'complex';
  receivedAt: string;
}

/**
 * A check another module runs on every appeal as it is taken in, whatever the way in (the console,
 * the public page, `submitAppeal`, a visit, a screening): `screen` reads before the appeal is built
 * and may mark it urgent (it then gets the urgent deadlines); `stored` runs inside the intake
 * transaction once the appeals are written, so what it writes (a notice in the outbox) commits
 * with them or not at all. The warnings module's safety words are one (预警, 快: safety first).
 */
export interface AppealIntakeHook {
  screen(db: Db, text: { title: string; description: string }): Promise<{ urgent: boolean }>;
  stored(db: Db, clock: Clock, appeals: IntakeAppeal[]): Promise<void>;
}

// One list per process, keyed by name: intake runs deep below the request (a job, a command, a
// batch of the public page) where no application context is at hand. Every application of a
// process registers the same modules, so registering again under a name replaces.
const hooks = new Map<string, AppealIntakeHook>();

/** Registers a hook from a module's plugin; the same name again replaces the earlier one. */
export function registerAppealIntakeHook(name: string, hook: AppealIntakeHook): void {
  hooks.set(name, hook);
}

/** Whether any hook asks for the appeal to be treated as urgent. */
export async function screenIntake(db: Db, text: { title: string; description: string }): Promise<boolean> {
  for (const hook of hooks.values()) if ((await hook.screen(db, text)).urgent) return true;
  return false;
}

/** Runs every hook on appeals just written, in the intake's transaction. */
export async function afterIntake(db: Db, clock: Clock, appeals: IntakeAppeal[]): Promise<void> {
  if (appeals.length === 0) return;
  for (const hook of hooks.values()) await hook.stored(db, clock, appeals);
}
