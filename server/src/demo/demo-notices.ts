import { defaultLocale, type NoticeCreateBody } from '@lianxin/common';
import type { Db } from '../db/dialect';
import { findArea } from '../modules/areas';
import {
  answerComment,
  closeNotice,
  objectionToAppeal,
  postPublicComment,
  publishNotice,
} from '../modules/notices';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { signProof } from '../platform/verification/proof';
import { type DemoUser, demoUsers, demoVillages } from './demo.repository';

const DAY = 86_400_000;
const TOWN = '610902101000';

/** A clock stopped `daysAgo` days before the demo's load, for things that happened then. */
const before = (clock: Clock, daysAgo: number): Clock => {
  const at = new Date(clock.now().getTime() - daysAgo * DAY);
  return { now: () => new Date(at) };
};

const financeBody = (village: string) =>
  [
    `${village}2026年第三季度（7—9月）财务收支情况公开如下：`,
    '一、收入合计 186,420.00 元：上级转移支付 120,000.00 元；集体资产（鱼塘、门面）租赁收入 48,600.00 元；茶叶合作社分红 17,820.00 元。',
    '二、支出合计 152,365.50 元：干部误工补贴 42,000.00 元；村道及路灯维护 36,480.00 元；环境卫生保洁 18,600.00 元；困难群众临时救助 12,000.00 元；办公及水电 9,285.50 元；二组水渠清淤 34,000.00 元。',
    '三、本季度结余 34,054.50 元，累计结余 211,306.80 元。',
    '如对以上收支有疑问，可在公示期内在线留言或到村委会查阅凭证。',
  ].join('\n');

const roadBody = (village: string) =>
  [
    `经${village}村民代表会议 2026 年 11 月 28 日表决通过，拟对二组通组道路（王家湾至河坝段，长 1.2 公里）进行维修。`,
    '一、建设内容：破损路面修补 860 平方米，新建错车道 2 处，边沟清理 1.2 公里。',
    '二、资金来源：镇级一事一议财政奖补 18 万元，村集体自筹 4.5 万元，总投资 22.5 万元。',
    '三、施工方式：公开比选施工队，群众义务投劳参与边沟清理。',
    '四、计划工期：2026 年 12 月 20 日至 2027 年 1 月 31 日。',
    '对项目内容有意见或异议的，请在公示期内实名提出。',
  ].join('\n');

const subsidyBody = [
  '根据《最低生活保障审核确认办法》，经本人申请、入户调查、村民代表民主评议和镇政府审核，拟将以下家庭纳入城乡低保，现予公示：',
  '1. 张某某，二组，家庭人口 3 人，拟保障类别：B 类（因病）',
  '2. 刘某某，四组，家庭人口 1 人，拟保障类别：A 类（重度残疾）',
  '3. 陈某某，五组，家庭人口 4 人，拟保障类别：C 类（因学）',
  '4. 王某某，一组，家庭人口 2 人，拟保障类别：B 类（因残）',
  '公示期内对以上对象有异议的，请实名反映，我们将逐一核实并公开答复。',
].join('\n');

const townBody = [
  '关庙镇 2026 年度以工代赈项目拟安排如下：',
  '一、农村小型水利设施维修（3 个村，投资 46 万元）；',
  '二、产业路建设 2.8 公里（2 个村，投资 62 万元）；',
  '三、吸纳当地群众务工不少于 120 人次，劳务报酬发放比例不低于中央资金的 30%。',
  '欢迎群众在公示期内提出意见建议。',
].join('\n');

/**
 * The notices of a few demo villages and their town: a quarter's finances open for comment, a road
 * repair project with an objection waiting, a 低保 list (names masked, as the rules ask) that ran
 * its period and closed after an objection was answered in public, and a town's project notice.
 */
export async function loadDemoNotices(trx: Db, clock: Clock, secrets: Secrets): Promise<void> {
  const villages = (await demoVillages(trx))
    .filter((v) => v.parent_code === TOWN)
    .map((v) => v.code)
    .sort();
  const users = await demoUsers(trx);
  const [first, second] = villages;
  const cadre = users.find((u) => u.role === 'village_cadre' && u.area_code === first);
  const townStaff = users.find((u) => u.role === 'town_staff' && u.area_code === TOWN);
  if (!first || !second || !cadre || !townStaff) return;
  const town = scopeOf({ code: TOWN, kind: 'town' });
  const name = async (code: string) => (await findArea(trx, town, code))?.name ?? '';
  const staffCtx = (at: Clock, user: DemoUser): AreaContext => ({
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
    clock: at,
    secrets,
    db: trx,
  });
  const publish = (at: Clock, body: NoticeCreateBody, by: DemoUser) =>
    publishNotice(trx, staffCtx(at, by), body, by.id);
  const resident = (at: Clock, ip: string) => ({ clock: at, secrets, ip });
  const proof = (at: Clock, phone: string) =>
    signProof(secrets, {
      phone,
      purpose: 'notice_comment',
      expiresAt: new Date(at.now().getTime() + 30 * 60_000),
    });

  // The 低保 list: published 20 days ago for 7 days, one objection answered, closed.
  const listAt = before(clock, 20);
  const list = await publish(
    listAt,
    {
      kind: 'subsidy_list',
      title: '2026年第四季度城乡低保拟纳入对象公示',
      body: subsidyBody,
      areaCode: first,
      commentMode: 'named',
    },
    cadre,
  );
  const objectionAt = before(clock, 17);
  const objection = await postPublicComment(trx, resident(objectionAt, '10.20.0.11'), list.id, {
    kind: 'objection',
    body: '名单第 4 户王某某家里去年新盖了两层楼，儿子在外地务工收入不低，是否符合低保条件？',
    name: '赵德明',
    proof: proof(objectionAt, '13892561207'),
  });
  await answerComment(
    trx,
    staffCtx(before(clock, 15), cadre),
    list.id,
    objection.id,
    '经镇村两级入户复核：该户新房为 2025 年因灾重建，由政府补助和亲友借款建成，尚欠债务 6 万元；其子因工伤长期在家，无务工收入。经民主评议复议，维持拟纳入意见。感谢您的监督。',
  );
  const closing = staffCtx(before(clock, 11), cadre);
  await closeNotice(trx, closing, list.id, {
    version: list.version,
    outcome: 'objections_handled',
    note: '公示期内收到异议 1 件，经入户复核后公开答复，4 户均按程序报镇政府审批。',
  });

  // The quarter's finances: seven days, open for anonymous comments; one received, and an
  // objection the village took up as an appeal the next day.
  const financeAt = before(clock, 3);
  const finance = await publish(
    financeAt,
    {
      kind: 'finance',
      title: `${await name(first)}2026年第三季度财务收支公开`,
      body: financeBody(await name(first)),
      areaCode: first,
      periodDays: 7,
      commentMode: 'anonymous',
    },
    cadre,
  );
  await postPublicComment(trx, resident(before(clock, 2), '10.20.0.12'), finance.id, {
    kind: 'comment',
    body: '水渠清淤花了 3.4 万，希望能把施工明细也公开一下。',
    name: null,
    proof: null,
  });
  const doubtAt = before(clock, 2);
  const doubt = await postPublicComment(trx, resident(doubtAt, '10.20.0.14'), finance.id, {
    kind: 'objection',
    body: '“干部误工补贴 42,000 元”没有写明发给了谁、按什么标准，比上季度多了一万多，请逐人公开并说明依据。',
    name: '陈玉兰',
    proof: proof(doubtAt, '13991547268'),
  });
  await objectionToAppeal(trx, staffCtx(before(clock, 1), cadre), finance.id, doubt.id, {
    categoryCode: 'policy',
    villageCode: null,
  });

  // The road repair project of the second village: 5 working days, named, an objection waiting.
  const roadAt = before(clock, 2);
  const roadVillage = users.find((u) => u.role === 'village_cadre' && u.area_code === second) ?? townStaff;
  const road = await publish(
    roadAt,
    {
      kind: 'project',
      title: '关于二组通组道路维修项目的公示',
      body: roadBody(await name(second)),
      areaCode: second,
      periodDays: 5,
      periodUnit: 'working_days',
      commentMode: 'named',
    },
    roadVillage,
  );
  const roadObjectionAt = before(clock, 1);
  await postPublicComment(trx, resident(roadObjectionAt, '10.20.0.13'), road.id, {
    kind: 'objection',
    body: '错车道选在我家承包地边上，占地没有和我们商量过，请先协商补偿再施工。',
    name: '王秀兰',
    proof: proof(roadObjectionAt, '15829340716'),
  });

  // The town's own notice, shown on every village page of the town.
  await publish(
    before(clock, 1),
    {
      kind: 'project',
      title: '关庙镇2026年度以工代赈项目公示',
      body: townBody,
      areaCode: TOWN,
      commentMode: 'named',
    },
    townStaff,
  );
}
