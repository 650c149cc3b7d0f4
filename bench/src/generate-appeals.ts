import {
  type AppealLevel,
  type AppealRating,
  type AppealStatus,
  type AppealUrgency,
  appealChannels,
  defaultAppealSettings,
} from '@lianxin/common';
import { type Insertable, type Kysely, sql } from 'kysely';
import { engineOf } from '../../server/src/db/dialect';
import type { AppealCallbacksTable, AppealEventsTable, AppealsTable, DB } from '../../server/src/db/schema';
import { Random } from '../../server/src/demo/random';
import { holderOf } from '../../server/src/modules/appeals/appeals.repository';
import { ensureAppealDefaults } from '../../server/src/modules/appeals/categories/categories.service';
import { newTrackingCode } from '../../server/src/modules/appeals/intake/intake.service';
import type { Clock } from '../../server/src/platform/clock';
import { newId } from '../../server/src/platform/ids';
import type { Secrets } from '../../server/src/platform/secrets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const titles: Record<string, string[]> = {
  roads_water: ['村道坑洼难行', '自来水时断时续', '灌溉渠堵塞', '桥面破损'],
  environment: ['垃圾清运不及时', '河道漂浮垃圾', '养殖场异味扰民'],
  housing: ['房屋漏雨', '危房改造申请', '院墙开裂'],
  social_security: ['低保申请咨询', '养老金未到账', '残疾补贴发放'],
  medical: ['慢病报销问题', '村卫生室缺药', '大病救助申请'],
  employment: ['想找就近务工岗位', '技能培训报名', '公益岗位咨询'],
  neighbour_dispute: ['邻居占用通道', '宅基地边界纠纷', '排水沟走向争执'],
  wage_dispute: ['工程款拖欠工资', '工厂拖欠加班费'],
  land: ['土地流转租金', '征地补偿标准', '承包地确权'],
  public_security: ['夜间有人偷电动车', '路口缺少减速带'],
  policy: ['医保缴费咨询', '惠民政策咨询', '户口迁移咨询'],
  other: ['路灯不亮', '广播噪音', '快递点设置'],
};
const categories = Object.keys(titles);

/**
 * Three years of appeals for the generated district: most closed and rated, a recent tail
 * open at every level, some past their deadlines (for the sweep), the timeline of each.
 */
export async function generateAppeals(
  db: Kysely<DB>,
  options: { count: number; seed: number; clock: Clock; secrets: Secrets; progress?: (line: string) => void },
): Promise<number> {
  const random = new Random(options.seed + 6);
  const now = options.clock.now().getTime();
  await ensureAppealDefaults(db, new Date(now).toISOString());
  const villages = (await db.selectFrom('areas').select('code').where('kind', '=', 'village').execute()).map(
    (v) => v.code,
  );
  const cadres = await db.selectFrom('users').select(['id', 'area_code', 'role']).execute();
  const handlersAt = new Map<string, string[]>();
  for (const c of cadres) handlersAt.set(c.area_code, [...(handlersAt.get(c.area_code) ?? []), c.id]);
  const settings = defaultAppealSettings;
  // Reporters: a pool of a quarter as many phones as appeals, drawn with a skew (most residents
  // report once or twice, a few often), from a sequence of their own so that the rest of the data
  // set does not depend on them.
  const reporterRandom = new Random(options.seed + 7);
  const reporterCount = Math.max(100, Math.round(options.count / 4));
  const reporters = new Map<number, { enc: string; hash: string; masked: string }>();
  const reporter = () => {
    const index = Math.floor(reporterCount * reporterRandom.next() ** 1.5);
    let known = reporters.get(index);
    if (!known) {
      const phone = `139${String(index).padStart(8, '0')}`;
      known = {
        enc: options.secrets.encrypt(phone),
        hash: options.secrets.lookupHash(phone),
        masked: `139****${phone.slice(-4)}`,
      };
      reporters.set(index, known);
    }
    return known;
  };
  let made = 0;
  const span = 3 * 365 * DAY;
  const BATCH = 5000;
  while (made < options.count) {
    const appeals: Insertable<AppealsTable>[] = [];
    const events: Insertable<AppealEventsTable>[] = [];
    const callbacks: Insertable<AppealCallbacksTable>[] = [];
    for (let i = 0; i < BATCH && made < options.count; i++, made++) {
      // Newer appeals are more frequent (use grows); the last 30 days hold the open ones.
      const age = span * random.next() ** 1.6;
      const received = now - age;
      const village = random.pick(villages);
      const category = random.pick(categories);
      const phone = reporter();
      const urgency: AppealUrgency = random.chance(0.06)
        ? 'urgent'
        : random.chance(0.12)
          ? 'complex'
          : 'normal';
      const hours = settings.resolutionHours[urgency];
      const startLevel: AppealLevel = [
        'wage_dispute',
        'land',
        'public_security',
        'employment',
        'medical',
        'social_security',
      ].includes(category)
        ? 'town'
        : 'village';
      const escalations = random.chance(0.18) ? 1 : random.chance(0.04) ? 2 : 0;
      const levels: AppealLevel[] = ['village', 'town', 'district'];
      const level = levels[Math.min(levels.indexOf(startLevel) + escalations, 2)] as AppealLevel;
      const recent = age < 30 * DAY;
      let status: AppealStatus = 'closed';
      if (recent) {
        const r = random.next();
        status =
          r < 0.12
            ? 'received'
            : r < 0.3
              ? 'accepted'
              : r < 0.4
                ? 'in_progress'
                : r < 0.6
                  ? 'resolved'
                  : 'closed';
      } else if (random.chance(0.01)) status = 'returned';
      const resolvedAt = ['resolved', 'closed'].includes(status)
        ? received + random.next() * hours * 1.3 * HOUR
        : null;
      const rating: AppealRating | null =
        status === 'closed'
          ? random.chance(0.8)
            ? 'satisfied'
            : random.chance(0.6)
              ? 'basically_satisfied'
              : 'unsatisfied'
          : null;
      const id = newId();
      const holder = holderOf(village, level);
      const handlers = handlersAt.get(holder) ?? [];
      const handler = status === 'received' || handlers.length === 0 ? null : random.pick(handlers);
      const iso = (t: number) => new Date(Math.min(t, now)).toISOString();
      appeals.push({
        id,
        tracking_code: newTrackingCode(),
        title: random.pick(titles[category] ?? ['其他']),
        description: '群众反映的情况，经核实需要协调解决。',
        category_code: category,
        channel: random.pick(appealChannels.filter((c) => c !== 'screening')),
        urgency,
        status,
        level,
        max_level: level,
        village_code: village,
        holder_area_code: holder,
        handler_id: handler,
        address: '',
        latitude: null,
        longitude: null,
        reporter_kind: 'person',
        reporter_resident_id: null,
        household_id: null,
        reporter_name: '群众',
        reporter_phone_enc: phone.enc,
        reporter_phone_hash: phone.hash,
        reporter_phone_masked: phone.masked,
        submitter_ip_hash: null,
        received_at: iso(received),
        response_due_at: iso(received + settings.responseHours * HOUR),
        resolution_due_at: new Date(received + hours * HOUR).toISOString(),
        response_warn_at:
          status === 'received'
            ? new Date(received + settings.responseHours * 0.75 * HOUR).toISOString()
            : null,
        resolution_warn_at: ['received', 'accepted', 'in_progress'].includes(status)
          ? new Date(received + hours * 0.75 * HOUR).toISOString()
          : null,
        accepted_at: status === 'received' ? null : iso(received + random.next() * 20 * HOUR),
        resolved_at: resolvedAt === null ? null : iso(resolvedAt),
        resolved_level: resolvedAt === null ? null : level,
        resolved_by: resolvedAt === null ? null : handler,
        closed_at: status === 'closed' && resolvedAt !== null ? iso(resolvedAt + 2 * DAY) : null,
        resolution: resolvedAt === null ? null : '已协调解决',
        deferral_reason: null,
        deferral_date: null,
        deferral_approved: false,
        merged_into_id: null,
        reopen_count: 0,
        rating,
        rating_comment: null,
        rated_at: rating && resolvedAt !== null ? iso(resolvedAt + 2 * DAY) : null,
        screening_id: null,
        created_by: null,
        version: 1,
        updated_at: iso(received),
      });
      const event = (at: number, kind: Insertable<AppealEventsTable>['kind'], to: AppealStatus | null) =>
        events.push({
          id: newId(),
          appeal_id: id,
          at: iso(at),
          kind,
          actor_id: null,
          actor_name: null,
          from_status: null,
          to_status: to,
          from_level: null,
          to_level: null,
          note: null,
          public: true,
        });
      event(received, 'submitted', 'received');
      if (status !== 'received') event(received + HOUR, 'accept', 'accepted');
      if (resolvedAt !== null) {
        event(resolvedAt, 'resolve', 'resolved');
        callbacks.push({
          id: newId(),
          appeal_id: id,
          area_code: holder,
          handler_id: handler,
          due_at: iso(resolvedAt + settings.callbackDays * DAY),
          attempts: status === 'closed' ? 1 : 0,
          reminded_at: null,
          done_at: status === 'closed' ? iso(resolvedAt + 2 * DAY) : null,
          done_by: null,
          rating,
          comment: null,
          created_at: iso(resolvedAt),
        });
      }
      if (status === 'closed') event(resolvedAt ?? received, 'closed', 'closed');
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < appeals.length; i += 500)
        await trx
          .insertInto('appeals')
          .values(appeals.slice(i, i + 500))
          .execute();
      for (let i = 0; i < events.length; i += 1000)
        await trx
          .insertInto('appeal_events')
          .values(events.slice(i, i + 1000))
          .execute();
      for (let i = 0; i < callbacks.length; i += 1000)
        await trx
          .insertInto('appeal_callbacks')
          .values(callbacks.slice(i, i + 1000))
          .execute();
    });
    if (made % 50_000 === 0) options.progress?.(`${made} appeals`);
  }
  if (engineOf(db) === 'postgres') await sql`analyze`.execute(db);
  return made;
}
