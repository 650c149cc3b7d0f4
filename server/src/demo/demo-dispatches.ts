import { type DispatchAppealActionBody, defaultLocale, type Role } from '@lianxin/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { actOnAppeal, createAppeal } from '../modules/appeals';
import { acceptDispatch, actAsLead, dispatchAppeal, givePart, returnDispatch } from '../modules/departments';
import type { Clock } from '../platform/clock';
import type { AreaContext, RequestContext } from '../platform/request-context';
import { scopeFor, scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { appealState } from './demo.repository';
import { demoAccount, demoUnitsByName, demoVillageCodes } from './demo-units.repository';

type Fate = 'pending' | 'accepted' | 'returned' | 'part' | 'resolved' | 'overdue';

interface Sample {
  category: string;
  title: string;
  description: string;
  lead: string;
  co: string[];
  fate: Fate;
  /** How many days ago it reached the district. */
  daysAgo: number;
}

// Appeals that reached the district and were dispatched (派单) to the departments of the demo.
const SAMPLES: Sample[] = [
  {
    category: 'medical',
    title: '村卫生室缺医生',
    description: '村卫生室的医生退休后一直没有人接替，老人看病要走十几里山路到镇上，希望尽快派医生。',
    lead: '区卫健局',
    co: [],
    fate: 'accepted',
    daysAgo: 3,
  },
  {
    category: 'employment',
    title: '返乡人员想参加技能培训',
    description: '组里十几个返乡青年想学电工、厨师等技能，问区里有没有免费培训班，怎么报名。',
    lead: '区人社局',
    co: [],
    fate: 'pending',
    daysAgo: 0,
  },
  {
    category: 'wage_dispute',
    title: '卫生院扩建工地拖欠工资',
    description: '镇卫生院扩建工程的包工头拖欠二十多名农民工三个月工资，多次讨要无果。',
    lead: '区人社局',
    co: ['区卫健局'],
    fate: 'part',
    daysAgo: 5,
  },
  {
    category: 'roads_water',
    title: '山体滑坡阻断通村公路',
    description: '前天夜里大雨，通村公路一处山体滑坡，土石堵住半幅路面，车辆无法通行。',
    lead: '区人社局',
    co: [],
    fate: 'returned',
    daysAgo: 1,
  },
  {
    category: 'medical',
    title: '慢病门诊报销迟迟未到账',
    description: '糖尿病慢病门诊的报销已经提交两个月了还没到账，去问了几次都说在审核。',
    lead: '区卫健局',
    co: ['区人社局'],
    fate: 'resolved',
    daysAgo: 12,
  },
  {
    category: 'social_security',
    title: '养老保险转移接续办不下来',
    description: '在外省交了八年养老保险，回来后想转到本地，跑了几趟都没办成，请帮忙协调。',
    lead: '区人社局',
    co: [],
    fate: 'overdue',
    daysAgo: 40,
  },
];

/** A clock the demo sets by hand, so the dispatches carry dates of the last weeks. */
class DemoClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
}

/**
 * Dispatches in the demo district, made through the dispatch service itself: appeals raised to the
 * district and sent to 区人社局 and 区卫健局 — one waiting to be accepted, one in progress, one
 * returned for the district to decide, one whose co-unit gave its part, one resolved, one long
 * overdue (the first sweep puts it under supervision).
 */
export async function loadDemoDispatches(trx: Transaction<DB> | Kysely<DB>, clock: Clock, secrets: Secrets) {
  const units = await demoUnitsByName(trx);
  const villages = await demoVillageCodes(trx);
  const dispatcher = await demoAccount(trx, 'district-staff');
  const demoClock = new DemoClock(clock.now());
  const contextOf = (user: Awaited<ReturnType<typeof demoAccount>>): RequestContext => {
    const caller = {
      id: user.id,
      username: user.name,
      name: user.name,
      role: user.role as Role,
      areaCode: user.area_code,
      areaKind: user.kind,
      unitId: user.unit_id,
      locale: null,
    };
    return {
      clock: demoClock,
      locale: defaultLocale,
      db: trx,
      secrets,
      actor: { id: user.id, name: user.name, ip: null },
      caller,
      scope: scopeFor(caller),
    };
  };
  const district = {
    ...contextOf(dispatcher),
    scope: scopeOf({ code: dispatcher.area_code, kind: 'district' }),
  };
  const staffOf = new Map([
    ['区人社局', contextOf(await demoAccount(trx, 'hrss-staff'))],
    ['区卫健局', contextOf(await demoAccount(trx, 'health-staff'))],
  ]);
  const unit = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`demo unit ${name} is missing`);
    return id;
  };
  const staff = (name: string) => {
    const ctx = staffOf.get(name);
    if (!ctx) throw new Error(`demo unit ${name} has no staff`);
    return ctx;
  };
  const later = (hours: number) => {
    demoClock.at = new Date(Math.min(demoClock.at.getTime() + hours * 3_600_000, clock.now().getTime()));
  };

  for (const [i, sample] of SAMPLES.entries()) {
    demoClock.at = new Date(clock.now().getTime() - (sample.daysAgo * 24 + 6) * 3_600_000);
    const villageCode = villages[(i * 7) % villages.length] ?? '';
    const created = await createAppeal(
      trx,
      district as AreaContext,
      {
        channel: 'hotline',
        categoryCode: sample.category,
        urgency: 'normal',
        villageCode,
        address: '',
        latitude: null,
        longitude: null,
        title: sample.title,
        description: sample.description,
        reporterKind: 'person',
        reporterResidentId: null,
        householdId: null,
        reporterName: '群众',
        reporterPhone: `1390915${String(1000 + i).padStart(4, '0')}`,
      },
      { createdBy: dispatcher.id, ipHash: null },
    );
    // Raised to the district: the village and the town could not solve it.
    for (const reason of ['超出村级权限，需镇里协调', '涉及区级部门职责，报区里协调']) {
      const { level, version } = await appealState(trx, created.id);
      if (level === 'district') break;
      later(2);
      await actOnAppeal(trx, district as AreaContext, created.id, 'escalate', { reason, version });
    }
    later(1);
    const { version } = await appealState(trx, created.id);
    await actOnAppeal(trx, district as AreaContext, created.id, 'accept', { note: '', version });
    const [lead, ...co] = await dispatchAppeal(trx, district as AreaContext, {
      appealId: created.id,
      leadUnitId: unit(sample.lead),
      coUnits: sample.co.map((name) => ({ unitId: unit(name), decisive: false })),
      note: '请按职责办理并及时答复群众',
      version: (await appealState(trx, created.id)).version,
    });
    if (!lead || sample.fate === 'pending' || sample.fate === 'overdue') continue;
    later(3);
    if (sample.fate === 'returned') {
      await returnDispatch(trx, staff(sample.lead), lead.id, {
        reason: '公路抢通属交通运输局职责，建议改派区交通运输局',
        version: lead.version,
      });
      continue;
    }
    const accepted = await acceptDispatch(trx, staff(sample.lead), lead.id, lead.version);
    for (const part of co) {
      later(20);
      const coUnit = sample.co[co.indexOf(part)] ?? '';
      await givePart(trx, staff(coUnit), part.id, {
        part: '已核查本单位相关情况，意见已书面反馈主办单位。',
        version: part.version,
      });
    }
    if (sample.fate !== 'resolved') continue;
    later(30);
    const body: DispatchAppealActionBody = {
      action: 'resolve',
      resolution: '已与医保经办机构核对，报销款已于本周发放到账，并向群众说明了今后的办理时限。',
      version: (await appealState(trx, created.id)).version,
    };
    await actAsLead(trx, staff(sample.lead), accepted.id, body);
  }
}
