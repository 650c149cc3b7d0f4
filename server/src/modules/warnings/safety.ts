import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import { type AppealIntakeHook, type IntakeAppeal, registerAppealIntakeHook } from '../appeals';
import { wordsIn } from './detect';
import { raiseWarning } from './scan.service';
import { warningSettings } from './settings.service';
import { areasByCode } from './warnings.repository';

/**
 * Safety words at intake (快: safety first): an appeal that speaks of self-harm, violence at home,
 * gas… is made urgent before it is built, and in the intake's own transaction a warning stands on
 * it and the town head and the district's duty officer are told through the outbox — at once, not
 * by a periodic job.
 */
export const safetyWordsHook: AppealIntakeHook = {
  async screen(db, text) {
    const { safetyWords } = await warningSettings(db);
    return { urgent: wordsIn(`${text.title}${text.description}`, safetyWords).length > 0 };
  },
  async stored(db, clock, appeals) {
    const settings = await warningSettings(db);
    const flagged = appeals
      .map((appeal) => ({
        appeal,
        words: wordsIn(`${appeal.title}${appeal.description}`, settings.safetyWords),
      }))
      .filter((f) => f.words.length > 0);
    if (flagged.length === 0) return;
    const villages = new Map(
      (
        await areasByCode(
          db,
          flagged.map((f) => f.appeal.villageCode),
        )
      )
        // A village's town; an appeal placed at a town or the district stays there.
        .map((v) => [v.code, v.kind === 'village' ? v.parent_code : v.code]),
    );
    for (const { appeal, words } of flagged)
      await raiseSafetyWarning(db, clock, appeal, words, villages, settings.dutyOfficer);
  },
};

async function raiseSafetyWarning(
  db: Db,
  clock: Clock,
  appeal: IntakeAppeal,
  words: string[],
  towns: Map<string, string | null>,
  dutyOfficer: string,
): Promise<void> {
  const townCode = towns.get(appeal.villageCode) ?? appeal.villageCode;
  await raiseWarning(
    db,
    clock,
    {
      kind: 'safety',
      severity: 'high',
      appeals: [
        {
          id: appeal.id,
          title: appeal.title,
          description: appeal.description,
          village_code: appeal.villageCode,
          town_code: townCode,
          category_code: appeal.categoryCode,
          received_at: appeal.receivedAt,
          household_id: null,
          reporter_resident_id: null,
          reporter_phone_hash: null,
        },
      ],
      words,
      areaCode: appeal.villageCode,
      townCode,
      categoryCode: appeal.categoryCode,
      households: 1,
    },
    dutyOfficer,
  );
}

/**
 * Puts the safety-word check on every appeal taken in. The module's plugin calls it; so does the
 * demo loader, which takes its sample appeals in before the application is built.
 */
export function registerSafetyWordsCheck(): void {
  registerAppealIntakeHook('warnings.safetyWords', safetyWordsHook);
}
