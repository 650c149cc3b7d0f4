import {
  addWorkingDays,
  type MaterialForm,
  maskPhone,
  type ProxyChannel,
  type ProxyStatus,
} from '@lianxin/common';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  DB,
  ProxyRequestEventsTable,
  ProxyRequestMaterialsTable,
  ProxyRequestsTable,
} from '../db/schema';
import { workingCalendar } from '../platform/calendar';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import type { Secrets } from '../platform/secrets';
import {
  demoProxyItems,
  demoStations,
  demoVillagesAndWorkers,
  insertDemoProxyRequests,
} from './demo-services-requests.repository';
import { personName } from './names';
import type { Random } from './random';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A tracking code as the requests make them (D and nine readable characters), from the seeded random. */
function trackingCodeOf(random: Random): string {
  let code = 'D';
  for (let i = 0; i < 9; i++) code += ALPHABET[random.int(0, ALPHABET.length - 1)];
  return code;
}

/** The materials of a stored guide (JSON). */
function materialsOf(guide: string): { name: string; form: MaterialForm; count: number }[] {
  const parsed = JSON.parse(guide) as { materials?: { name: string; form: MaterialForm; count: number }[] };
  return Array.isArray(parsed.materials) ? parsed.materials : [];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const COUNT = 300;

const NEEDS = [
  '老人腿脚不便，委托代办员代为办理',
  '外出务工，家中老人无法到镇上办理',
  '不会用手机网上办理，请站里代办',
  '住得远，到镇上要走两个多小时山路',
  '残疾人行动不便，申请上门代办',
  '材料不齐，请代办员帮忙核对后递交',
];
const RESULTS = [
  '已审批通过，待发放',
  '已办结，证件已领取',
  '已核定，次月起发放',
  '已受理并办结',
  '审核通过，已录入系统',
];
const CANCEL_REASONS = ['群众已自行到镇上办理', '不符合申请条件，已向群众解释', '群众撤回申请', '重复申请'];

/**
 * About 300 proxy requests (代办) over the last year across the demo's stations and town
 * centres, in every status, with timelines as agents work them: assigned within a day or two, the
 * authorisation signed, papers collected against receipts, lodged, the result, delivered, closed
 * after the rating period; some cancelled, some late. Needs the catalogue's items: without any
 * (the catalogue not loaded), it loads nothing.
 */
export async function loadDemoServiceRequests(
  trx: Transaction<DB> | Kysely<DB>,
  clock: Clock,
  secrets: Secrets,
  random: Random,
): Promise<void> {
  const items = await demoProxyItems(trx);
  const stations = await demoStations(trx);
  if (items.length === 0 || stations.length === 0) return;
  const { villages, workers } = await demoVillagesAndWorkers(trx);
  const stationOf = (village: string) =>
    stations.find((s) => s.area_code === village) ??
    stations.find((s) => s.area_code === `${village.slice(0, 9)}000`);
  const served = villages.flatMap((v) => {
    const station = stationOf(v.code);
    return station ? [{ village: v, station }] : [];
  });
  if (served.length === 0) return;
  const calendar = await workingCalendar(trx);
  const now = clock.now().getTime();
  const requests: Insertable<ProxyRequestsTable>[] = [];
  const materials: Insertable<ProxyRequestMaterialsTable>[] = [];
  const events: Insertable<ProxyRequestEventsTable>[] = [];

  for (let n = 0; n < COUNT; n++) {
    const { village, station } = random.pick(served);
    const item = random.pick(items);
    const agents = workers.filter(
      (w) =>
        (w.role === 'service_agent' && w.unit_id === station.id) ||
        (w.role === 'village_cadre' && w.area_code.slice(0, 12) === village.code),
    );
    const cadre = workers.find((w) => w.role === 'village_cadre' && w.area_code === village.code) ?? null;
    const agent = agents.length > 0 ? random.pick(agents) : null;
    const channel: ProxyChannel = random.chance(0.45) ? 'visit' : random.chance(0.55) ? 'station' : 'public';
    // Spread over the year, a little denser in recent months.
    const ageDays = Math.floor(365 * random.next() ** 1.3);
    const created = new Date(now - ageDays * DAY - random.int(0, 8) * HOUR);
    const due = addWorkingDays(calendar, created, item.promised_days);
    const late = random.chance(0.12);
    const span = due.getTime() - created.getTime();
    // Each step's time; a step later than now has not happened yet.
    const at: Record<string, number> = {};
    at.assigned = created.getTime() + random.int(1, 30) * HOUR;
    at.authorised = at.assigned + random.int(2, 48) * HOUR;
    at.collected = at.authorised + random.int(1, 36) * HOUR;
    at.lodged = at.collected + random.int(4, 72) * HOUR;
    at.result = late
      ? due.getTime() + random.int(1, 6) * DAY
      : Math.min(at.lodged + Math.floor(span * (0.3 + random.next() * 0.5)), due.getTime() - HOUR);
    if (at.result < at.lodged) at.result = at.lodged + 2 * HOUR;
    at.delivered = at.result + random.int(3, 48) * HOUR;
    at.closed = at.delivered + (15 + random.int(0, 3)) * DAY;
    const order = ['assigned', 'authorised', 'collected', 'lodged', 'result', 'delivered', 'closed'] as const;
    const statusAfter: Record<(typeof order)[number], ProxyStatus> = {
      assigned: 'assigned',
      authorised: 'collecting',
      collected: 'collecting',
      lodged: 'lodged',
      result: 'result_ready',
      delivered: 'delivered',
      closed: 'closed',
    };
    const cancelAt = random.chance(0.07) ? random.int(0, 4) : -1;
    const id = newId();
    const trackingCode = trackingCodeOf(random);
    const gender = random.chance(0.55) ? 'female' : 'male';
    const name = personName(random, gender);
    const phone = `1${random.pick(['35', '38', '39', '58', '87', '99'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const guide = materialsOf(item.guide);
    const taken: { id: string; original: boolean }[] = [];
    let status: ProxyStatus = 'submitted';
    const stamps: Partial<Record<string, string>> = {};
    const event = (
      kind: string,
      time: number,
      by: string | null,
      note: string | null = null,
      data?: unknown,
    ) =>
      events.push({
        id: newId(),
        request_id: id,
        kind,
        note,
        data: data === undefined ? null : JSON.stringify(data),
        at: new Date(time).toISOString(),
        by,
      });
    event('created', created.getTime(), channel === 'public' ? null : (cadre?.id ?? null), null, { channel });
    let cancelled: number | null = null;
    for (const [i, step] of order.entries()) {
      const time = at[step] ?? 0;
      if (agent === null || time > now) break;
      if (i === cancelAt) {
        cancelled = Math.min(time, now - HOUR);
        break;
      }
      status = statusAfter[step];
      stamps[step] = new Date(time).toISOString();
      const by = step === 'assigned' ? null : agent.id;
      if (step === 'assigned') event('assigned', time, null, agent.name, { agentId: agent.id });
      else if (step === 'lodged')
        event('lodged', time, by, null, { unitReceiptNo: `SL${trackingCode.slice(1, 7)}` });
      else if (step === 'result') event('result', time, by, random.pick(RESULTS));
      else event(step === 'authorised' ? 'authorised' : step, time, by);
    }
    if (cancelled !== null) {
      status = 'cancelled';
      event('cancelled', cancelled, agent?.id ?? null, random.pick(CANCEL_REASONS));
    }
    let serial = 0;
    for (const m of guide) {
      const collected = stamps.collected ?? null;
      const original = m.form !== 'copy';
      const materialId = newId();
      taken.push({ id: materialId, original });
      materials.push({
        id: materialId,
        request_id: id,
        name: m.name,
        form: m.form,
        count: m.count,
        collected_at: collected,
        receipt_no: collected && original ? `${trackingCode}-${String(++serial).padStart(2, '0')}` : null,
        returned_at:
          collected && original
            ? (stamps.delivered ?? (cancelled ? new Date(cancelled).toISOString() : null))
            : null,
        note: null,
      });
    }
    const ended = stamps.closed ?? (cancelled !== null ? new Date(cancelled).toISOString() : null);
    const purgeAfter = ended ? new Date(Date.parse(ended) + 90 * DAY).toISOString() : null;
    const purged = purgeAfter && Date.parse(purgeAfter) < now ? purgeAfter : null;
    const updated = events.filter((e) => e.request_id === id).at(-1)?.at ?? created.toISOString();
    requests.push({
      id,
      tracking_code: trackingCode,
      item_id: item.id,
      item_version: item.current_version,
      area_code: village.code,
      station_id: station.id,
      unit_id: item.unit_id,
      agent_id: status === 'submitted' ? null : (agent?.id ?? null),
      channel,
      resident_id: null,
      applicant_name: name,
      phone_enc: secrets.encrypt(phone),
      phone_hash: secrets.lookupHash(phone),
      phone_masked: maskPhone(phone),
      description: random.pick(NEEDS),
      status,
      due_at: due.toISOString(),
      warned_at:
        late && stamps.result === undefined && due.getTime() - DAY < now
          ? new Date(due.getTime() - DAY).toISOString()
          : null,
      assigned_at: stamps.assigned ?? null,
      authorised_at: stamps.authorised ?? null,
      collected_at: stamps.collected ?? null,
      submitted_at: stamps.lodged ?? null,
      unit_receipt_no: stamps.lodged ? `SL${trackingCode.slice(1, 7)}` : null,
      result_at: stamps.result ?? null,
      result_note: stamps.result ? '已办结' : null,
      delivered_at: stamps.delivered ?? null,
      closed_at: stamps.closed ?? null,
      cancelled_at: cancelled !== null ? new Date(cancelled).toISOString() : null,
      cancel_reason: cancelled !== null ? (events.at(-1)?.note ?? null) : null,
      appeal_id: null,
      papers_purge_after: purgeAfter,
      papers_purged_at: purged,
      created_at: created.toISOString(),
      created_by: channel === 'public' ? null : (cadre?.id ?? null),
      updated_at: updated,
      version: 1 + events.filter((e) => e.request_id === id).length - 1,
    });
    if (purged) event('papers_purged', Date.parse(purged), null, null, { files: 0 });
  }
  await insertDemoProxyRequests(trx, requests, materials, events);
}
