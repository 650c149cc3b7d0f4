import {
  type AppealAction,
  type AppealActionBody,
  type AppealRating,
  defaultLocale,
  type Role,
} from '@lianxin/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { actOnAppeal, createAppeal, recordCallback } from '../modules/appeals';
import type { Clock } from '../platform/clock';
import type { AreaContext } from '../platform/request-context';
import { scopeOf } from '../platform/scope';
import type { Secrets } from '../platform/secrets';
import { appealState, type DemoUser, demoUsers, demoVillages } from './demo.repository';
import type { Random } from './random';

type Template = [category: string, title: string, description: string];

const templates: Template[] = [
  ['roads_water', '村道坑洼难行', '通组道路多处坑洼，雨天积水，老人孩子出行不便，希望尽快修补。'],
  ['roads_water', '自来水时断时续', '最近一周自来水经常停，做饭洗衣都成问题，请查一下管道。'],
  ['environment', '垃圾清运不及时', '垃圾池满了好几天没人清运，天气热了有异味。'],
  ['environment', '河道漂浮垃圾', '村前小河里漂着很多塑料袋和秸秆，影响环境。'],
  ['housing', '房屋漏雨', '老屋屋顶漏雨，家里只有老两口，想申请危房改造。'],
  ['social_security', '低保申请咨询', '家里老人生病花了很多钱，想问问能不能申请低保，要准备什么材料。'],
  ['social_security', '养老金未到账', '本月城乡居民养老金没有到账，请帮忙查询。'],
  ['medical', '慢病报销问题', '高血压慢病门诊报销比例和去年不一样，想了解政策。'],
  ['employment', '想找就近务工岗位', '在家照顾老人不能外出，想在附近找份活干。'],
  ['neighbour_dispute', '邻居占用通道', '邻居在公共通道堆放柴草，双方多次争吵，请村里调解。'],
  ['wage_dispute', '工程款拖欠工资', '在镇上工地干了三个月，包工头拖欠工资一万二。'],
  ['land', '土地流转租金', '流转出去的承包地今年租金还没付，合作社说资金困难。'],
  ['public_security', '夜间有人偷电动车', '这几天晚上组里丢了两辆电动车，希望加强巡逻。'],
  ['policy', '医保缴费咨询', '明年的医保什么时候开始交，能不能在手机上交。'],
  ['other', '路灯不亮', '村委会到学校那段路灯坏了，晚上很黑。'],
];

const channels = ['visit', 'hotline', 'reception_day', 'letter', 'public_page', 'hotline_12345'] as const;
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

/** A clock the demo moves by hand, so the sample appeals carry dates across the last two months. */
class DemoClock implements Clock {
  at = new Date();
  now(): Date {
    return new Date(this.at);
  }
}

/**
 * Sample appeals for the demo district: every channel, level and status, some overdue, some
 * escalated, some rated, so that queues, callbacks and figures have something to show.
 */
export async function loadDemoAppeals(
  trx: Transaction<DB> | Kysely<DB>,
  clock: Clock,
  secrets: Secrets,
  random: Random,
) {
  const users = await demoUsers(trx);
  const byArea = (code: string, roles: Role[]) =>
    users.filter((u) => u.area_code === code && roles.includes(u.role));
  const villages = await demoVillages(trx);
  const demoClock = new DemoClock();
  const end = clock.now().getTime();
  const contextOf = (user: DemoUser): AreaContext => ({
    clock: demoClock,
    locale: defaultLocale,
    db: trx,
    secrets,
    actor: { id: user.id, name: user.name, ip: null },
    caller: {
      id: user.id,
      username: user.name,
      name: user.name,
      role: user.role,
      areaCode: user.area_code,
      areaKind: user.kind,
      unitId: null,
      locale: null,
    },
    scope: scopeOf({ code: user.area_code, kind: user.kind }),
  });
  const act = async <A extends AppealAction>(
    user: DemoUser,
    id: string,
    action: A,
    body: Omit<AppealActionBody<A>, 'version'>,
  ) => {
    const row = await appealState(trx, id);
    return actOnAppeal(trx, contextOf(user), id, action, {
      ...body,
      version: row.version,
    } as AppealActionBody<A>);
  };
  const later = (hours: number) => {
    demoClock.at = new Date(Math.min(demoClock.at.getTime() + hours * 3_600_000, end));
  };

  for (let i = 0; i < 160; i++) {
    const village = random.pick(villages);
    const cadres = byArea(village.code, ['village_cadre']);
    const town = village.parent_code ?? '';
    const townHead = byArea(town, ['town_head'])[0];
    const townStaff = byArea(town, ['town_staff']);
    const cadre = cadres[0];
    if (!cadre || !townHead) continue;
    const [category, title, description] = random.pick(templates);
    demoClock.at = new Date(end - random.int(2, 60 * 24) * 3_600_000);
    const anonymous = random.chance(0.1);
    const created = await createAppeal(
      trx,
      contextOf(cadre),
      {
        channel: random.pick(channels),
        categoryCode: category,
        urgency: category === 'public_security' ? 'urgent' : random.chance(0.15) ? 'complex' : 'normal',
        villageCode: village.code,
        address: '',
        latitude: null,
        longitude: null,
        title,
        description,
        reporterKind: anonymous ? 'anonymous' : 'person',
        reporterResidentId: null,
        householdId: null,
        reporterName: anonymous
          ? null
          : `${random.pick([...surnames])}${random.pick(['大爷', '阿姨', '师傅', '先生', '女士'])}`,
        reporterPhone: anonymous
          ? null
          : `1${random.pick(['38', '39', '58', '86', '77'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      },
      { createdBy: cadre.id, ipHash: null },
    );
    const id = created.id;
    const fate = random.next();
    if (fate < 0.12) continue; // just received; some of these are overdue
    const { level } = await appealState(trx, id);
    let holder = level === 'village' ? cadre : townHead;
    later(random.int(1, 20));
    await act(holder, id, 'accept', { note: '' });
    if (level === 'village' && fate < 0.35) {
      later(random.int(2, 48));
      await act(cadre, id, 'escalate', { reason: '超出村级权限，需镇里协调' });
      later(random.int(1, 20));
      const handler = random.pick(townStaff.length ? townStaff : [townHead]);
      if (handler.id !== townHead.id) await act(townHead, id, 'assign', { handlerId: handler.id, note: '' });
      await act(handler, id, 'accept', { note: '' });
      holder = handler;
    }
    if (fate < 0.25) continue; // in progress
    later(random.int(4, 24 * 9));
    await act(holder, id, 'resolve', { resolution: '已现场核实并协调解决，向群众反馈了办理结果。' });
    if (fate < 0.4) continue; // waiting for the callback
    later(random.int(2, 72));
    const caller = [...byArea(town, ['town_head', 'town_staff']), ...cadres].find((u) => u.id !== holder.id);
    if (!caller) continue;
    const rating: AppealRating = random.chance(0.72)
      ? 'satisfied'
      : random.chance(0.7)
        ? 'basically_satisfied'
        : 'unsatisfied';
    const { version } = await appealState(trx, id);
    await recordCallback(trx, contextOf(caller), id, { version, rating, comment: '', reached: true });
  }
}
