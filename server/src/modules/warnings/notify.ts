import type { NotificationKind } from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import {
  enqueueNotifications,
  type OutgoingNotification,
} from '../../platform/notifications/notifications.service';
import { accountsUnderTown, areasByCode } from './warnings.repository';

const roleNames: Record<string, string> = { town_head: '镇主要负责人', village_cadre: '村干部' };

type Accounts = Awaited<ReturnType<typeof accountsUnderTown>>;
type Area = Awaited<ReturnType<typeof areasByCode>>[number];

/** At most this many people are told of one warning. */
const RECIPIENTS_MAX = 50;
/** Notifications written at once when a scan's are written together. */
const OUTBOX_BATCH = 500;

const townOf = (code: string) => `${code.slice(0, 9)}000`;

/**
 * Who answers for which area, read once per town per scan: a scan that raises hundreds of
 * warnings in a few towns asks for each town's people once, not once per warning. With an outbox,
 * the notifications are kept and written together by `flush` at the end of the scan.
 */
export class Directory {
  readonly #towns = new Map<string, Promise<Accounts>>();
  readonly #areas = new Map<string, Promise<Area | undefined>>();
  readonly outbox: OutgoingNotification[] | null;
  constructor(
    private readonly db: Db,
    options: { outbox?: boolean } = {},
  ) {
    this.outbox = options.outbox ? [] : null;
  }

  async accounts(roles: readonly string[], areaCodes: readonly string[]): Promise<Accounts> {
    const wanted = new Set(areaCodes);
    const found: Accounts = [];
    for (const town of new Set(areaCodes.map(townOf))) {
      const key = `${roles.join(',')}|${town}`;
      let accounts = this.#towns.get(key);
      if (!accounts) {
        accounts = accountsUnderTown(this.db, roles, town);
        this.#towns.set(key, accounts);
      }
      for (const account of await accounts) if (wanted.has(account.area_code)) found.push(account);
    }
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, RECIPIENTS_MAX);
  }

  area(code: string): Promise<Area | undefined> {
    let found = this.#areas.get(code);
    if (!found) {
      found = areasByCode(this.db, [code]).then((rows) => rows[0]);
      this.#areas.set(code, found);
    }
    return found;
  }

  /** Writes what the outbox kept, a few hundred at a time. */
  async flush(trx: Db, clock: Clock): Promise<void> {
    if (!this.outbox) return;
    const items = this.outbox.splice(0);
    for (let i = 0; i < items.length; i += OUTBOX_BATCH)
      await enqueueNotifications(trx, clock, items.slice(i, i + OUTBOX_BATCH));
  }
}

/**
 * Tells the people who answer for an area of a warning, through the outbox in the caller's
 * transaction: the town head, the village cadres of the villages concerned (for the scan's
 * warnings), and the district's duty officer (for a safety word). A town with no head's account
 * yet is told by its name, so the notice is never lost.
 */
export async function notifyResponsible(
  trx: Db,
  clock: Clock,
  notice: {
    kind: NotificationKind;
    villageCodes: readonly string[];
    townCode: string;
    message: string;
    appealId: string | null;
    villageCadres: boolean;
    /** The duty officer's name as the district set it; null for the scan's warnings. */
    dutyOfficer: string | null;
  },
  directory = new Directory(trx),
): Promise<void> {
  const accounts = await directory.accounts(
    notice.villageCadres ? ['town_head', 'village_cadre'] : ['town_head'],
    [notice.townCode, ...(notice.villageCadres ? notice.villageCodes : [])],
  );
  const items: OutgoingNotification[] = accounts.map((a) => ({
    kind: notice.kind,
    areaCode: a.area_code,
    recipient: `${roleNames[a.role] ?? a.role} ${a.name}`,
    message: notice.message,
    appealId: notice.appealId,
  }));
  const town = await directory.area(notice.townCode);
  if (!accounts.some((a) => a.role === 'town_head')) {
    items.push({
      kind: notice.kind,
      areaCode: notice.townCode,
      recipient: `${town?.name ?? notice.townCode}主要负责人`,
      message: notice.message,
      appealId: notice.appealId,
    });
  }
  if (notice.dutyOfficer !== null) {
    items.push({
      kind: notice.kind,
      areaCode: town?.parent_code ?? notice.townCode,
      recipient: notice.dutyOfficer,
      message: notice.message,
      appealId: notice.appealId,
    });
  }
  if (directory.outbox) directory.outbox.push(...items);
  else await enqueueNotifications(trx, clock, items);
}
