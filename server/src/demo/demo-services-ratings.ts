import {
  addWorkingDays,
  defaultServiceSettings,
  type HolidayCalendar,
  isBadRating,
  type RatedParty,
} from '@lianxin/common';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, RatingFollowUpsTable, ServiceRatingsTable } from '../db/schema';
import { workingCalendar } from '../platform/calendar';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import {
  closeDemoRated,
  demoAnswerers,
  demoDistrictStaff,
  demoRatableRequests,
  insertDemoRatings,
} from './demo-services-ratings.repository';
import type { Random } from './random';

// 好差评 of the demo: most delivered requests rated (by the tracking page or the SMS link), about
// 8 % with a 差评, each 差评's follow-up in every state — answered (rectified or explained), open,
// overdue, called back, under review, upheld and overturned.

const DAY = 86_400_000;

const GOOD_COMMENTS = [
  '代办员很热心，少跑了好几趟',
  '服务周到，材料一次就收齐了',
  '在家门口就办好了，非常方便',
  '办事效率高，按时送到家',
  '',
  '',
  '',
];
const BAD_COMMENTS = [
  '来回跑了三趟才把材料收齐，代办员没有一次说清楚',
  '超过了承诺时间，也没有人提前告知',
  '办理结果与申请不符，没有解释原因',
  '代办员电话联系不上',
  '审核太慢，等了很久',
];
const RECTIFIED = [
  '已对代办员进行批评教育，今后收件时一次性告知所需材料，并向群众当面致歉',
  '已督促办理单位加快审核，结果已重新送达群众',
  '站里已调整值班安排，代办员电话保持畅通',
];
const EXPLAINED = [
  '经核实，该事项依规需本人到场核验身份，已向群众当面解释并取得理解',
  '因政策调整审核时间延长，已电话向群众说明，群众表示理解',
];
const CALLBACKS = ['已电话回访，群众反映情况属实', '已上门回访，群众对办理时间不满意'];
const REVIEW_REASONS = [
  '群众要求当天办结，超出该事项法定时限，差评与事实不符',
  '办理结果符合政策规定，群众对政策有误解',
];

type Row = Awaited<ReturnType<typeof demoRatableRequests>>[number];

/** The two levels of a rating: mostly 满意 or better; about 8 % with a 差评 of one party or both. */
function levels(random: Random): { agent: number; unit: number } {
  if (random.chance(0.08)) {
    const which = random.int(0, 2);
    const bad = () => random.int(1, 2);
    const fine = () => random.int(3, 5);
    return which === 0
      ? { agent: bad(), unit: fine() }
      : which === 1
        ? { agent: fine(), unit: bad() }
        : { agent: bad(), unit: bad() };
  }
  const good = () => (random.chance(0.7) ? 5 : random.chance(0.8) ? 4 : 3);
  return { agent: good(), unit: good() };
}

export async function loadDemoServiceRatings(
  trx: Transaction<DB> | Kysely<DB>,
  clock: Clock,
  random: Random,
): Promise<void> {
  const requests = await demoRatableRequests(trx);
  if (requests.length === 0) return;
  const calendar = await workingCalendar(trx as Kysely<DB>);
  const answerers = await demoAnswerers(trx);
  const district = await demoDistrictStaff(trx);
  const now = clock.now().getTime();
  const settings = defaultServiceSettings;
  const ratings: Insertable<ServiceRatingsTable>[] = [];
  const followUps: Insertable<RatingFollowUpsTable>[] = [];
  const closes: { id: string; at: string }[] = [];
  let bad = 0;

  for (const request of requests) {
    const delivered = Date.parse(request.delivered_at as string);
    // Most residents rate; the rest let the rating period run out.
    if (!random.chance(0.8)) continue;
    const latest = Math.min(
      now - 3_600_000,
      request.closed_at ? Date.parse(request.closed_at) : delivered + settings.ratingPeriodDays * DAY,
    );
    if (latest <= delivered) continue;
    const ratedAt = delivered + Math.floor(random.next() * Math.min(latest - delivered, 6 * DAY));
    const level = levels(random);
    const id = newId();
    const isBad = isBadRating(level.agent) || isBadRating(level.unit);
    ratings.push({
      id,
      request_id: request.id,
      area_code: request.area_code,
      station_id: request.station_id,
      unit_id: request.unit_id,
      agent_id: request.agent_id,
      agent_level: level.agent,
      unit_level: level.unit,
      comment: (isBad ? random.pick(BAD_COMMENTS) : random.pick(GOOD_COMMENTS)) || null,
      named: true,
      channel: random.chance(0.6) ? 'tracking' : 'link',
      rated_at: new Date(ratedAt).toISOString(),
    });
    if (request.status === 'delivered') closes.push({ id: request.id, at: new Date(ratedAt).toISOString() });
    const parties: RatedParty[] = [];
    if (isBadRating(level.agent)) parties.push('agent');
    if (isBadRating(level.unit)) parties.push('unit');
    for (const party of parties)
      followUps.push(
        followUp(random, calendar, now, request, id, party, ratedAt, bad++, answerers, district?.id ?? null),
      );
  }
  await insertDemoRatings(trx, ratings, followUps);
  for (const c of closes)
    await closeDemoRated(
      trx,
      c.id,
      c.at,
      new Date(Date.parse(c.at) + settings.paperRetentionDays * DAY).toISOString(),
    );
}

/** One 差评's follow-up; the n-th of the demo, so that every state shows. */
function followUp(
  random: Random,
  calendar: HolidayCalendar,
  now: number,
  request: Row,
  ratingId: string,
  party: RatedParty,
  ratedAt: number,
  n: number,
  answerers: Awaited<ReturnType<typeof demoAnswerers>>,
  districtId: string | null,
): Insertable<RatingFollowUpsTable> {
  const due = addWorkingDays(
    calendar,
    new Date(ratedAt),
    defaultServiceSettings.followUpWorkingDays,
  ).getTime();
  const unitId = party === 'agent' ? request.station_id : request.unit_id;
  const mine = answerers.filter((a) => a.unit_id === unitId);
  const by = mine.length > 0 ? random.pick(mine).id : null;
  const iso = (ms: number) => new Date(ms).toISOString();
  const callbackAt = Math.min(ratedAt + random.int(1, 3) * DAY, now - 3_600_000);
  const base: Insertable<RatingFollowUpsTable> = {
    id: newId(),
    rating_id: ratingId,
    party,
    area_code: request.area_code,
    station_id: request.station_id,
    unit_id: request.unit_id,
    status: 'open',
    due_at: iso(due),
    created_at: iso(ratedAt),
    version: 1,
  };
  const calledBack = { called_back_at: iso(callbackAt), callback_note: random.pick(CALLBACKS), version: 2 };
  const requested = {
    review_reason: random.pick(REVIEW_REASONS),
    review_requested_at: iso(Math.min(callbackAt + DAY, now - 3_600_000)),
    review_requested_by: by,
  };
  const decided = (decision: 'upheld' | 'overturned') => ({
    review_decision: decision,
    review_note: decision === 'upheld' ? '经核实差评属实，须整改答复' : '经核实系群众误解，差评不计入考核',
    reviewed_at: iso(Math.min(callbackAt + 2 * DAY, now - 3_600_000)),
    reviewed_by:
      party === 'unit'
        ? districtId
        : (answerers.find((a) => a.unit_id === unitId && a.id !== by)?.id ?? districtId),
  });
  // The first few show the rarer states; the rest are answered in time when due, open otherwise.
  switch (n) {
    case 0:
      return { ...base, ...calledBack, ...requested, status: 'review_requested', version: 3 };
    case 1:
      return {
        ...base,
        ...calledBack,
        ...requested,
        ...decided('overturned'),
        status: 'overturned',
        version: 4,
      };
    case 2:
      return { ...base, ...calledBack, ...requested, ...decided('upheld'), status: 'open', version: 4 };
    case 3:
      // Overdue: called back, never answered.
      return { ...base, ...calledBack };
  }
  const answerAt = Math.min(ratedAt + random.int(3, 12) * DAY, due - DAY, now - 3_600_000);
  if (due < now || random.chance(0.5)) {
    const rectified = random.chance(0.6);
    return {
      ...base,
      ...calledBack,
      status: 'answered',
      outcome: rectified ? 'rectified' : 'explained',
      answer: rectified ? random.pick(RECTIFIED) : random.pick(EXPLAINED),
      answered_at: iso(Math.max(answerAt, callbackAt)),
      answered_by: by,
      version: 3,
    };
  }
  return random.chance(0.5) ? { ...base, ...calledBack } : base;
}
