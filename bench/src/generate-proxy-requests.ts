import { maskPhone, type ProxyChannel, type ProxyStatus } from '@lianxin/common';
import type { Insertable, Kysely } from 'kysely';
import type { DB, ProxyRequestsTable } from '../../server/src/db/schema';
import { personName } from '../../server/src/demo/names';
import { Random } from '../../server/src/demo/random';
import type { Clock } from '../../server/src/platform/clock';
import { newId } from '../../server/src/platform/ids';
import type { Secrets } from '../../server/src/platform/secrets';

const DAY = 86_400_000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The agents of each station the generator makes (bench-proxy-agent<station>-<n>). */
const AGENTS_PER_STATION = 2;

/**
 * 代办 for the district data set: `count` proxy requests over three years across a service centre
 * per town (made when the data set has no stations) and their agents, on the catalogue's items
 * that allow proxy (a few bench items when the catalogue is empty). Old requests are closed (some
 * cancelled), the last weeks' are open at every step, some overdue. Rows go in by batch, straight.
 */
export async function generateProxyRequests(
  db: Kysely<DB>,
  options: { count: number; seed: number; clock: Clock; secrets: Secrets; progress?: (line: string) => void },
): Promise<{ requests: number; agents: string[] }> {
  const random = new Random(options.seed + 20);
  const now = options.clock.now().getTime();
  const nowIso = new Date(now).toISOString();
  const admin = await db
    .selectFrom('users')
    .select('password_hash')
    .where('role', '=', 'district_admin')
    .executeTakeFirstOrThrow();
  const district = await db
    .selectFrom('areas')
    .select('code')
    .where('kind', '=', 'district')
    .executeTakeFirstOrThrow();
  const towns = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('kind', '=', 'town')
    .orderBy('code')
    .execute();
  const villages = await db
    .selectFrom('areas')
    .select(['code', 'parent_code'])
    .where('kind', '=', 'village')
    .orderBy('code')
    .execute();

  let items = await db
    .selectFrom('service_items')
    .select(['id', 'unit_id', 'promised_days'])
    .where('proxy_allowed', '=', true)
    .where('active', '=', true)
    .execute();
  if (items.length === 0) {
    const unitId = newId();
    await db
      .insertInto('units')
      .values({
        id: unitId,
        kind: 'department',
        name: '压测人社局',
        area_code: district.code,
        parent_id: null,
        phone: null,
        address: null,
        working_hours: null,
        active: true,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      })
      .execute();
    const names = [
      '城乡居民养老保险待遇领取',
      '最低生活保障申请',
      '残疾人证办理',
      '耕地地力保护补贴申报',
      '医保异地就医备案',
    ];
    items = [];
    for (const [i, name] of names.entries()) {
      const id = newId();
      await db
        .insertInto('service_items')
        .values({
          id,
          code: `BENCH${i + 1}`,
          area_code: district.code,
          category: 'other',
          name,
          search_text: name,
          unit_id: unitId,
          proxy_allowed: true,
          promised_days: 5 + i * 3,
          current_version: 1,
          active: true,
          created_at: nowIso,
          updated_at: nowIso,
          version: 1,
        })
        .execute();
      const guide = {
        name,
        materials: [
          { name: '居民身份证', form: 'original', count: 1, notes: '' },
          { name: '户口簿', form: 'copy', count: 1, notes: '' },
        ],
      };
      await db
        .insertInto('service_item_versions')
        .values({
          item_id: id,
          version_no: 1,
          guide: JSON.stringify(guide),
          created_at: nowIso,
          created_by: null,
        })
        .execute();
      items.push({ id, unit_id: unitId, promised_days: 5 + i * 3 });
    }
  }

  // A centre per town (unless the data set has stations), each with its agents.
  let stations = await db
    .selectFrom('units')
    .select(['id', 'area_code'])
    .where('kind', '=', 'service_station')
    .execute();
  if (stations.length === 0) {
    stations = towns.map((t) => ({ id: newId(), area_code: t.code }));
    await db
      .insertInto('units')
      .values(
        stations.map((s, i) => ({
          id: s.id,
          kind: 'service_station' as const,
          name: `${towns[i]?.name ?? ''}便民服务中心`,
          area_code: s.area_code,
          parent_id: null,
          phone: null,
          address: null,
          working_hours: null,
          active: true,
          created_at: nowIso,
          updated_at: nowIso,
          version: 1,
        })),
      )
      .execute();
  }
  const agentsOf = new Map<string, string[]>();
  const usernames: string[] = [];
  for (const [s, station] of stations.entries()) {
    const ids: string[] = [];
    for (let a = 1; a <= AGENTS_PER_STATION; a++) {
      const id = newId();
      const username = `bench-proxy-agent${s + 1}-${a}`;
      await db
        .insertInto('users')
        .values({
          id,
          username,
          name: personName(random, random.chance(0.5) ? 'male' : 'female'),
          phone: null,
          role: 'service_agent',
          area_code: station.area_code,
          unit_id: station.id,
          rank: null,
          locale: null,
          password_hash: admin.password_hash,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
      ids.push(id);
      usernames.push(username);
    }
    agentsOf.set(station.id, ids);
  }
  const stationFor = (village: { code: string; parent_code: string | null }) =>
    stations.find((s) => s.area_code === village.code) ??
    stations.find((s) => s.area_code === village.parent_code);
  const served = villages.flatMap((v) => {
    const station = stationFor(v);
    return station ? [{ code: v.code, station }] : [];
  });

  const phone = '13900001234';
  const phoneEnc = options.secrets.encrypt(phone);
  const phoneHash = options.secrets.lookupHash(phone);
  const open: ProxyStatus[] = ['submitted', 'assigned', 'collecting', 'lodged', 'result_ready', 'delivered'];
  let made = 0;
  while (made < options.count) {
    const batch: Insertable<ProxyRequestsTable>[] = [];
    for (let i = 0; i < 1000 && made < options.count; i++, made++) {
      const place = random.pick(served);
      const item = random.pick(items);
      const ageDays = random.next() * 3 * 365;
      const created = now - ageDays * DAY;
      const due = created + Math.ceil(item.promised_days * 1.4) * DAY;
      // The last four weeks' requests are still in hand; older ones ended.
      const status: ProxyStatus =
        ageDays < 28 ? random.pick(open) : random.chance(0.06) ? 'cancelled' : 'closed';
      const agents = agentsOf.get(place.station.id) ?? [];
      const agent = status === 'submitted' || agents.length === 0 ? null : random.pick(agents);
      const at = (days: number) => new Date(Math.min(now, created + days * DAY)).toISOString();
      const ended = status === 'closed' ? at(item.promised_days + 16) : status === 'cancelled' ? at(2) : null;
      let code = 'D';
      for (let c = 0; c < 9; c++) code += ALPHABET[random.int(0, ALPHABET.length - 1)];
      batch.push({
        id: newId(),
        tracking_code: code,
        item_id: item.id,
        item_version: 1,
        area_code: place.code,
        station_id: place.station.id,
        unit_id: item.unit_id,
        agent_id: agent,
        channel: random.pick<ProxyChannel>(['visit', 'station', 'public']),
        resident_id: null,
        applicant_name: personName(random, random.chance(0.5) ? 'male' : 'female'),
        phone_enc: phoneEnc,
        phone_hash: phoneHash,
        phone_masked: maskPhone(phone),
        description: null,
        status,
        due_at: new Date(due).toISOString(),
        warned_at: null,
        assigned_at: agent ? at(1) : null,
        authorised_at: null,
        collected_at: null,
        submitted_at: null,
        unit_receipt_no: null,
        result_at: null,
        result_note: null,
        delivered_at: status === 'closed' || status === 'delivered' ? at(item.promised_days) : null,
        closed_at: status === 'closed' ? ended : null,
        cancelled_at: status === 'cancelled' ? ended : null,
        cancel_reason: status === 'cancelled' ? '群众撤回申请' : null,
        appeal_id: null,
        papers_purge_after: ended ? new Date(Date.parse(ended) + 90 * DAY).toISOString() : null,
        papers_purged_at:
          ended && Date.parse(ended) + 90 * DAY < now
            ? new Date(Date.parse(ended) + 90 * DAY).toISOString()
            : null,
        created_at: new Date(created).toISOString(),
        created_by: null,
        updated_at: ended ?? new Date(created).toISOString(),
        version: 1,
      });
    }
    for (let i = 0; i < batch.length; i += 250)
      await db
        .insertInto('proxy_requests')
        .values(batch.slice(i, i + 250))
        .execute();
    if (made % 20_000 === 0) options.progress?.(`${made} proxy requests`);
  }
  return { requests: made, agents: usernames };
}
