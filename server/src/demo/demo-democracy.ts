import { chinaDate, type DemocracyMemberCreateBody, defaultLocale, type Meeting } from '@lianxin/common';
import type { Db } from '../db/dialect';
import { childAreas } from '../modules/areas';
import {
  addMatterSpending,
  addTask,
  changeTask,
  closeMatter,
  createAuthorisation,
  createMatter,
  createMeeting,
  createMember,
  decideMeeting,
  getMatter,
  publishResolution,
  publishResult,
  recordAttendance,
} from '../modules/democracy';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { type DemoUser, demoUsers, demoVillages } from './demo.repository';

const DAY = 86_400_000;
const TOWN = '610902101000';

/** A clock stopped `daysAgo` days before the demo's load. */
const before = (clock: Clock, daysAgo: number): Clock => {
  const at = new Date(clock.now().getTime() - daysAgo * DAY);
  return { now: () => new Date(at) };
};

type Member = Omit<DemocracyMemberCreateBody, 'villageCode'>;

// The first village of 关庙镇: its branch committee (3), villagers' committee (3, the secretary
// serving as director, 一肩挑), eight Party members (one probationary) and twelve representatives.
const MEMBERS: Member[] = [
  {
    name: '王建国',
    gender: 'male',
    title: '党支部书记、村委会主任',
    branchCommittee: true,
    villagersCommittee: true,
    partyMember: true,
    partyVoting: true,
  },
  {
    name: '刘德胜',
    gender: 'male',
    title: '党支部副书记',
    branchCommittee: true,
    partyMember: true,
    partyVoting: true,
  },
  {
    name: '陈桂兰',
    gender: 'female',
    title: '支部委员',
    branchCommittee: true,
    partyMember: true,
    partyVoting: true,
  },
  { name: '赵志强', gender: 'male', title: '村委会委员', villagersCommittee: true },
  {
    name: '孙红梅',
    gender: 'female',
    title: '村委会委员（妇联主席）',
    villagersCommittee: true,
    partyMember: true,
    partyVoting: true,
  },
  { name: '周明山', gender: 'male', title: '老党员', partyMember: true, partyVoting: true },
  { name: '黄德福', gender: 'male', title: '党员', partyMember: true, partyVoting: true },
  { name: '何秀珍', gender: 'female', title: '党员', partyMember: true, partyVoting: true },
  { name: '郭小军', gender: 'male', title: '预备党员', partyMember: true, partyVoting: false },
  ...[
    '李永贵',
    '张翠英',
    '王长林',
    '杨淑芬',
    '罗大成',
    '冯玉兰',
    '邓宝山',
    '谢桂芳',
    '曹有才',
    '彭春生',
    '吕金花',
    '蒋国庆',
  ].map(
    (name, i): Member => ({
      name,
      gender: [1, 3, 5, 7, 10].includes(i) ? 'female' : 'male',
      title: `村民代表（${['一', '二', '三', '四', '五', '六'][i % 6]}组）`,
      representative: true,
      representativeBasis: 'group',
    }),
  ),
];

/**
 * Village democracy in the first village of the demo town: a road project (an art. 24 matter)
 * taken through the four deliberations with attendance and votes, decided by the representatives'
 * meeting under the villagers' meeting's authorisation, its resolution and result published and
 * the matter closed; and the fish pond's income, midway (the Party members' meeting noticed).
 */
export async function loadDemoDemocracy(trx: Db, clock: Clock, secrets: Secrets): Promise<void> {
  const village = (await demoVillages(trx))
    .filter((v) => v.parent_code === TOWN)
    .map((v) => v.code)
    .sort()[0];
  const cadre = (await demoUsers(trx)).find((u) => u.role === 'village_cadre' && u.area_code === village);
  if (!village || !cadre) return;
  const groups = await demoGroupsOf(trx, village);
  const ctx = (daysAgo: number) => staffCtx(trx, before(clock, daysAgo), cadre, secrets);
  const dateOf = (daysAgo: number) => chinaDate(before(clock, daysAgo).now());
  const at = (daysAgo: number, hour = 9) =>
    new Date(`${dateOf(daysAgo)}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

  for (const [i, member] of MEMBERS.entries()) {
    const group = member.representative ? (groups[i % Math.max(groups.length, 1)] ?? null) : null;
    await createMember(trx, ctx(120), {
      ...member,
      villageCode: village,
      ...(member.representative
        ? group
          ? { representativeGroupCode: group }
          : { representativeBasis: null, representative: false }
        : {}),
    });
  }
  await createAuthorisation(trx, ctx(200), {
    villageCode: village,
    grantedOn: dateOf(200),
    validUntil: null,
    kinds: ['public_welfare', 'collective_income', 'collective_projects'],
    reference:
      '村民会议决议：授权村民代表会议讨论决定公益事业、集体收益使用和集体经济项目事项（2026年5月村民会议纪要）',
  });

  // The road: four deliberations, two publicities, closed.
  const road = await createMatter(trx, ctx(62), {
    villageCode: village,
    title: '二组通组道路（王家湾至河坝段）硬化',
    description:
      '二组通组道路王家湾至河坝段长1.2公里，雨季泥泞，群众出行和茶叶外运困难。拟硬化路面（宽3.5米）并新建错车道2处，资金来源为镇级一事一议财政奖补18万元、村集体自筹4.5万元。',
    kind: 'public_welfare',
    estimatedAmount: 225_000,
  });
  const steps: [
    body: 'branch_committee' | 'joint_committees' | 'party_members' | 'representatives',
    noticed: number,
    held: number,
    absent: number,
    against: number,
    abstain: number,
  ][] = [
    ['branch_committee', 61, 60, 0, 0, 0],
    ['joint_committees', 57, 55, 1, 0, 0],
    ['party_members', 53, 50, 1, 0, 1],
    ['representatives', 48, 45, 2, 1, 1],
  ];
  const agenda = {
    branch_committee: '党支部提议：二组通组道路硬化项目及资金筹措方案',
    joint_committees: '“两委”商议：项目实施方案、施工方式和群众投劳安排',
    party_members: '党员大会审议：二组通组道路硬化项目方案',
    representatives: '村民代表会议决议：二组通组道路硬化项目方案（经村民会议授权）',
  };
  for (const [body, noticed, held, absent, against, abstain] of steps) {
    const meeting = await createMeeting(trx, ctx(noticed), {
      matterId: road.id,
      body,
      heldAt: at(held, 15),
      place: '村委会二楼会议室',
      noticeDate: dateOf(noticed),
      agenda: agenda[body],
    });
    const attended = await attend(trx, ctx(held), meeting, absent);
    await decideMeeting(trx, ctx(held), meeting.id, {
      version: attended.version,
      decision: 'vote',
      votes: { for: attended.quorum.present - against - abstain, against, abstain },
      minutes: `${agenda[body]}。与会人员逐项讨论，对施工期间群众出行、错车道占地补偿提出意见，经表决形成决定。`,
    });
  }
  let matter = await publishResolution(trx, ctx(44), road.id, {
    version: await currentVersion(trx, ctx(44), road.id),
    body: '经村民代表会议表决通过，对二组通组道路王家湾至河坝段1.2公里进行硬化，新建错车道2处，总投资22.5万元。施工单位公开比选，群众义务投劳参与边沟清理。',
  });
  for (const [title, assignee, due] of [
    ['公开比选施工队', '赵志强', 40],
    ['错车道占地协商补偿', '孙红梅', 35],
    ['组织群众投劳清理边沟', '李永贵', 20],
  ] as const) {
    matter = await addTask(trx, ctx(43), road.id, { title, assignee, dueOn: dateOf(due) });
  }
  for (const task of matter.tasks) matter = await changeTask(trx, ctx(12), road.id, task.id, { done: true });
  for (const [amount, daysAgo, note] of [
    [120_000, 30, '工程进度款（第一期）'],
    [86_500, 10, '工程进度款（第二期，含错车道）'],
    [4_200, 10, '错车道占地青苗补偿（2户）'],
  ] as const) {
    matter = await addMatterSpending(trx, ctx(daysAgo), road.id, { amount, spentOn: dateOf(daysAgo), note });
  }
  matter = await publishResult(trx, ctx(6), road.id, {
    version: matter.version,
    body: '二组通组道路硬化工程已于本月完工，经镇村两级和群众代表验收合格。群众义务投劳186个工日。',
  });
  await closeMatter(trx, ctx(5), road.id, matter.version);

  // The fish pond's income: proposed and discussed; the Party members' meeting is noticed.
  const pond = await createMatter(trx, ctx(14), {
    villageCode: village,
    title: '集体鱼塘承包收益使用方案',
    description:
      '村集体鱼塘2026年承包收益4.86万元，拟用于五组饮水管网维修（约3万元）和困难群众临时救助（1.86万元）。',
    kind: 'collective_income',
    estimatedAmount: 48_600,
  });
  for (const [body, noticed, held] of [
    ['branch_committee', 12, 10],
    ['joint_committees', 8, 6],
  ] as const) {
    const meeting = await createMeeting(trx, ctx(noticed), {
      matterId: pond.id,
      body,
      heldAt: at(held, 15),
      place: '村委会二楼会议室',
      noticeDate: dateOf(noticed),
      agenda: '集体鱼塘承包收益使用方案',
    });
    const attended = await attend(trx, ctx(held), meeting, 0);
    await decideMeeting(trx, ctx(held), meeting.id, {
      version: attended.version,
      decision: 'vote',
      votes: { for: attended.quorum.present, against: 0, abstain: 0 },
      minutes: '讨论收益使用方案，同意提交下一环节。',
    });
  }
  await createMeeting(trx, ctx(2), {
    matterId: pond.id,
    body: 'party_members',
    heldAt: at(-3, 19),
    place: '村党群服务中心',
    noticeDate: dateOf(2),
    agenda: '党员大会审议：集体鱼塘承包收益使用方案',
  });
}

/** Marks everyone on the roll present except the last `absent` entitled members (on leave). */
async function attend(trx: Db, ctx: AreaContext, meeting: Meeting, absent: number): Promise<Meeting> {
  const entitled = meeting.roll.filter((r) => r.entitled);
  const others = meeting.roll.filter((r) => !r.entitled);
  return recordAttendance(trx, ctx, meeting.id, {
    version: meeting.version,
    entries: [
      ...entitled.map((r, i) => ({
        rollId: r.id,
        attendance: i < entitled.length - absent ? ('present' as const) : ('leave' as const),
      })),
      ...others.map((r) => ({ rollId: r.id, attendance: 'present' as const })),
    ],
  });
}

async function currentVersion(trx: Db, ctx: AreaContext, id: string): Promise<number> {
  return (await getMatter(trx, ctx.scope, id)).version;
}

async function demoGroupsOf(trx: Db, village: string): Promise<string[]> {
  const scope = scopeOf({ code: village, kind: 'village' });
  return (await childAreas(trx, scope, village)).map((g) => g.code);
}

function staffCtx(trx: Db, clock: Clock, user: DemoUser, secrets: Secrets): AreaContext {
  return {
    caller: {
      id: user.id,
      username: user.id,
      name: user.name,
      role: user.role,
      areaCode: user.area_code,
      areaKind: user.kind,
      unitId: null,
      locale: null,
    },
    scope: scopeOf({ code: user.area_code, kind: user.kind }),
    actor: { id: user.id, name: user.name, ip: null },
    locale: defaultLocale,
    clock,
    secrets,
    db: trx as AreaContext['db'],
  };
}
