import { chinaDate, type MaterialForm, type ServiceCategory, type ServiceGuide } from '@lianxin/common';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import {
  demoStaffOf,
  demoUnitsForServices,
  insertDemoCentre,
  insertDemoServiceItem,
  insertDemoServiceUnit,
} from './demo-services-catalogue.repository';
import { demoAreasOfKind } from './demo-units.repository';
import { personName } from './names';
import type { Random } from './random';

// The demo's service catalogue (便民服务事项清单): about forty items of the district's list with
// real-shaped guides, a town centre (便民服务中心) in every town, the profiles of the village
// stations, the items each handles and the duty roster of this week and the next.

const DISTRICT = '610902000000';

/** Departments the catalogue needs beyond those demo-units.ts made. */
const NEW_DEPARTMENTS: [name: string, phone: string, address: string][] = [
  ['区医疗保障局', '0915-3212311', '汉滨区行政中心医保局'],
  ['区公安分局户政管理大队', '0915-3212312', '汉滨区公安分局一楼户政大厅'],
  ['区残疾人联合会', '0915-3212313', '汉滨区行政中心残联'],
  ['区自然资源局', '0915-3212314', '汉滨区行政中心自然资源局'],
  ['区退役军人事务局', '0915-3212315', '汉滨区行政中心退役军人事务局'],
];

type M = [name: string, form: MaterialForm, count: number, notes?: string];
type Row = [ServiceCategory, string, string, boolean, number | null, number, string, string, M[], string];
const FORMS: Record<string, MaterialForm> = { o: 'original', c: 'copy', oc: 'original_and_copy' };

// One item a line: category ~ name ~ handling unit ~ proxy (y/n) ~ legal days (- for none) ~
// promised days ~ keywords (pinyin initials) ~ conditions ~ materials (name:form:count[:notes];…,
// form o original, c copy, oc both) ~ steps (>-separated).
const ITEM_LINES = `
social_insurance ~ 城乡居民养老保险参保登记 ~ 区人社局 ~ y ~ - ~ 1 ~ cxjmylbxcbdj 养老保险 社保 ~ 年满16周岁（不含在校学生），不属于职工基本养老保险覆盖范围的本区户籍城乡居民。 ~ 居民身份证:oc:1;户口簿:c:1;城乡居民基本养老保险参保登记表:o:1 ~ 村便民服务站受理>镇便民服务中心审核录入>区社保经办机构确认参保>告知缴费档次及缴费方式
social_insurance ~ 城乡居民养老保险待遇领取资格认证 ~ 区人社局 ~ y ~ - ~ 1 ~ dylqzgrz 资格认证 生存认证 ~ 正在领取城乡居民基本养老保险待遇的人员，每年认证一次。 ~ 居民身份证:o:1;社会保障卡:o:1 ~ 通过“陕西养老保险”APP或到村便民服务站刷脸认证>行动不便的由代办员上门认证>认证结果实时同步
social_insurance ~ 城乡居民养老保险待遇申领 ~ 区人社局 ~ y ~ - ~ 5 ~ cxjmylbxdysl 养老金 ~ 年满60周岁、累计缴费满15年且未领取国家规定的基本养老保障待遇的参保人。 ~ 居民身份证:oc:1;户口簿:oc:1;社会保障卡:c:1;城乡居民基本养老保险待遇申领表:o:1 ~ 申请>镇便民服务中心初审>区社保经办机构审核>核定待遇并次月发放
social_insurance ~ 社会保障卡申领 ~ 区人社局 ~ y ~ - ~ 10 ~ shbzksl 社保卡 ~ 参加本区社会保险的人员。 ~ 居民身份证:oc:1;近期免冠彩色照片（白底）:o:1:可现场采集 ~ 提交申请>采集照片信息>制卡>通知领卡（可代领）
social_insurance ~ 社会保障卡挂失补换 ~ 区人社局 ~ y ~ - ~ 7 ~ sbkgsbh 补卡 换卡 ~ 社会保障卡遗失、损坏或信息变更的持卡人。 ~ 居民身份证:o:1 ~ 电话或窗口临时挂失>申请补换>制卡>领卡并启用
medical_insurance ~ 城乡居民医保参保缴费 ~ 区医疗保障局 ~ y ~ - ~ 1 ~ cxjmybcbjf 医保 缴费 ~ 不属于职工基本医疗保险覆盖范围的本区城乡居民（含在校学生、新生儿）。 ~ 居民身份证:o:1;户口簿:c:1 ~ 在集中征缴期（每年9月至12月）申报>通过税务APP、银行或村代办员缴费>次年1月1日起享受待遇
medical_insurance ~ 异地就医备案 ~ 区医疗保障局 ~ y ~ - ~ 1 ~ ydjyba 异地 就医 备案 ~ 异地长期居住、常驻异地工作或转诊转院到本市以外就医的参保人员。 ~ 居民身份证:o:1;异地就医备案表:o:1;异地居住或工作证明:c:1:可用个人承诺书代替 ~ 通过国家医保服务平台APP或窗口申请>医保经办机构审核>备案成功后就医直接结算
medical_insurance ~ 门诊慢特病认定 ~ 区医疗保障局 ~ y ~ 20 ~ 15 ~ mzmtbrd 慢性病 特殊病 慢病 ~ 患有高血压、糖尿病、恶性肿瘤等规定病种的参保人员。 ~ 居民身份证:c:1;二级及以上医院的诊断证明及病历:c:1:近一年内;相关检查检验报告:c:1;门诊慢特病认定申请表:o:1 ~ 提交申请及病历资料>定点医疗机构初审>医保经办机构组织专家评审>认定结果告知并登记
medical_insurance ~ 医疗费用手工报销 ~ 区医疗保障局 ~ y ~ 30 ~ 20 ~ ylfysgbx 报销 ~ 因急诊、异地未备案等原因未能直接结算的参保人员。 ~ 居民身份证:c:1;医疗费用收据:o:1;费用明细清单:o:1;出院记录或门诊病历:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 提交材料>审核>核算>拨付到个人账户
medical_insurance ~ 医疗救助申请 ~ 区医疗保障局 ~ y ~ 30 ~ 20 ~ yljzsq 大病救助 ~ 特困人员、低保对象、防止返贫监测对象等发生的政策范围内个人自付医疗费用。 ~ 居民身份证:c:1;医疗费用结算单:o:1;救助对象身份证明:c:1 ~ 申请>镇人民政府审核>区医保局审批>救助资金发放
civil_assistance ~ 最低生活保障申请 ~ 区民政局 ~ y ~ 30 ~ 25 ~ zdshbzsq 低保 dibao ~ 共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的本区户籍居民。 ~ 居民身份证:oc:1:家庭成员每人一份;户口簿:oc:1;最低生活保障申请书:o:1;家庭经济状况核对授权书:o:1:全体家庭成员签字;残疾人证、病历等证明:c:1:如有 ~ 向户籍所在地镇人民政府申请（可由村委会代办）>入户调查和家庭经济状况核对>村级民主评议>镇人民政府审核并公示7日>区民政局审批>按月发放低保金
civil_assistance ~ 特困人员救助供养申请 ~ 区民政局 ~ y ~ 30 ~ 25 ~ tkryjzgysq 五保 特困 ~ 无劳动能力、无生活来源且无法定赡养抚养扶养义务人或其义务人无履行能力的老年人、残疾人及未成年人。 ~ 居民身份证:oc:1;户口簿:oc:1;特困人员救助供养申请书:o:1;残疾人证:c:1:残疾人提供 ~ 申请>调查核实>镇审核并公示>区民政局审批>确定分散或集中供养
civil_assistance ~ 临时救助申请 ~ 区民政局 ~ y ~ - ~ 10 ~ lsjzsq 急难 救助 ~ 因火灾、交通事故、突发重大疾病等导致基本生活暂时出现严重困难的家庭或个人。 ~ 居民身份证:oc:1;户口簿:c:1;临时救助申请书:o:1;困难情况证明（医疗费用单据、事故证明等）:c:1 ~ 申请>镇人民政府审核（急难情形可先行救助）>区民政局审批>发放救助金
elderly ~ 高龄津贴申领 ~ 区民政局 ~ y ~ - ~ 15 ~ gljtsl 高龄补贴 老年 ~ 年满80周岁的本区户籍老年人。 ~ 居民身份证:oc:1;户口簿:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 申请>村级初审>镇审核>区民政局审批>按月发放
elderly ~ 经济困难老年人养老服务补贴申请 ~ 区民政局 ~ y ~ - ~ 20 ~ jjknlnrylfwbtsq 养老服务补贴 ~ 低保、特困家庭中的失能、半失能老年人。 ~ 居民身份证:c:1;老年人能力评估表:o:1;低保证或特困证:c:1 ~ 申请>能力评估>镇审核>区民政局审批
elderly ~ 老年人优待证办理 ~ 区民政局 ~ y ~ - ~ 5 ~ lnrydzbl 老年证 ~ 年满60周岁的本区户籍老年人。 ~ 居民身份证:c:1;近期免冠彩色照片（白底）:o:1:可现场采集 ~ 申请>审核>制证发放
household_registration ~ 出生登记 ~ 区公安分局户政管理大队 ~ n ~ - ~ 1 ~ csdj 落户 新生儿 报户口 ~ 新生婴儿出生后，由监护人向常住户口所在地公安派出所申报出生登记。 ~ 出生医学证明:o:1;父母双方居民身份证:oc:1;父母户口簿:o:1;结婚证:oc:1 ~ 监护人到派出所户籍窗口申报>民警审核材料>登记并签发户口簿>当场办结
household_registration ~ 居住证办理 ~ 区公安分局户政管理大队 ~ y ~ - ~ 10 ~ jzzbl 居住证 ~ 离开常住户口所在地到本区居住半年以上，有合法稳定就业、住所或连续就读条件之一的公民。 ~ 居民身份证:oc:1;近期免冠彩色照片（白底）:o:1:可现场采集;居住证明（房产证、租赁合同等）:c:1;就业或就读证明:c:1 ~ 申报居住登记>居住满半年后申领>审核>制证发放
household_registration ~ 户口迁移 ~ 区公安分局户政管理大队 ~ n ~ 20 ~ 3 ~ hkqy 迁户口 迁入 落户 ~ 符合落户政策，需将户口迁入或迁出本区的人员。 ~ 居民身份证:oc:1;户口簿:o:1;落户依据材料（房产证、结婚证等）:oc:1 ~ 申请>审核>跨省迁移“一站式”办理准迁>办理迁入
household_registration ~ 居民身份证换领补领 ~ 区公安分局户政管理大队 ~ n ~ - ~ 20 ~ jmsfzhlbl 身份证 ~ 居民身份证有效期满、证件损坏或遗失的公民。 ~ 原居民身份证:o:1:换领提供;户口簿:o:1 ~ 本人到户籍窗口申请并采集照片指纹>审核>制证>领取（可邮寄）
household_registration ~ 死亡注销户口 ~ 区公安分局户政管理大队 ~ y ~ - ~ 1 ~ swzxhk 销户 ~ 本区户籍人员死亡后，由其家属或村委会申报注销户口。 ~ 死亡医学证明或火化证明:o:1;死者居民身份证:o:1;户口簿:o:1;申报人居民身份证:o:1 ~ 申报>核实>注销户口并收回身份证>当场办结
disability ~ 残疾人证办理 ~ 区残疾人联合会 ~ y ~ - ~ 20 ~ cjrzbl 残疾证 ~ 视力、听力、言语、肢体、智力、精神及多重残疾，符合评定标准的本区户籍居民。 ~ 居民身份证:oc:1;户口簿:c:1;近期免冠照片（2寸白底）:o:3;残疾人证申请表:o:1 ~ 向镇残联提出申请>到指定医院进行残疾评定>区残联审核>制证发放
disability ~ 困难残疾人生活补贴和重度残疾人护理补贴申请 ~ 区残疾人联合会 ~ y ~ - ~ 20 ~ ljbt 两项补贴 残疾补贴 ~ 持第二代残疾人证的低保家庭残疾人（生活补贴）；残疾等级为一、二级的重度残疾人（护理补贴）。 ~ 残疾人证:oc:1;居民身份证:c:1;两项补贴申请审批表:o:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 申请>镇初审>区残联、区民政局审核>按月发放
disability ~ 残疾人辅助器具适配申请 ~ 区残疾人联合会 ~ y ~ - ~ 30 ~ cjrfzqjsp 轮椅 助听器 ~ 有辅助器具需求的持证残疾人。 ~ 残疾人证:c:1;居民身份证:c:1;辅助器具申请表:o:1 ~ 申请>评估适配需求>审核>适配发放
agriculture ~ 耕地地力保护补贴 ~ 区农业农村局 ~ y ~ - ~ 30 ~ gddlbhbt 种粮补贴 ~ 拥有耕地承包权的种地农民（流转后实际种粮的经营者按规定申报）。 ~ 居民身份证:c:1;土地承包经营权证:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 村组申报种植面积>镇核实并公示>区农业农村局审核>资金打卡发放
agriculture ~ 农机购置补贴 ~ 区农业农村局 ~ y ~ - ~ 30 ~ njgzbt 农机 ~ 从事农业生产的个人和农业生产经营组织购置纳入补贴范围的农机具。 ~ 居民身份证:c:1;购机发票:o:1;农机购置补贴申请表:o:1;人机合影照片:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 购机并申请>核验机具>公示>资金兑付
agriculture ~ 农村土地承包经营权流转合同备案 ~ 区农业农村局 ~ y ~ - ~ 5 ~ tdlzba 土地流转 ~ 流转农村土地承包经营权的承包方和受让方。 ~ 流转合同:o:2;双方居民身份证:c:1;土地承包经营权证:c:1 ~ 提交合同>镇农经站审查>登记备案
real_estate ~ 农村宅基地申请 ~ 区农业农村局 ~ y ~ 20 ~ 20 ~ ncjzjdsq 宅基地 建房 ~ 本集体经济组织成员，以户为单位，符合“一户一宅”且面积不超过规定标准。 ~ 农村宅基地和建房（规划许可）申请表:o:1;居民身份证:c:1;户口簿:c:1;村民小组会议讨论意见:o:1;建房设计图或通用图:c:1 ~ 农户向村民小组提出申请>村级组织审查并公示>镇人民政府联审>镇人民政府审批并发放乡村建设规划许可证>开工前实地丈量批放>竣工验收
real_estate ~ 农村房屋不动产登记 ~ 区自然资源局 ~ y ~ 30 ~ 20 ~ ncfwbdcdj 房产证 不动产 ~ 依法取得宅基地使用权并建成房屋的农村村民。 ~ 不动产登记申请书:o:1;居民身份证:oc:1;宅基地批准文件:c:1;房屋竣工验收材料:c:1;权籍调查成果:o:1 ~ 申请>受理>审核（含实地查看）>登簿>缮证发证
birth ~ 生育登记服务 ~ 区卫健局 ~ y ~ - ~ 1 ~ sydjfw 生育登记 准生 ~ 本区户籍或在本区居住的夫妻生育子女的，可办理生育登记（不设前置条件）。 ~ 夫妻双方居民身份证:c:1;结婚证:c:1 ~ 通过“陕西省生育登记服务”平台或村便民服务站提交>当场登记>发放生育服务卡
birth ~ 农村部分计划生育家庭奖励扶助申请 ~ 区卫健局 ~ y ~ - ~ 30 ~ jlfz 奖扶 计生 ~ 本区农业户籍，只有一个子女或两个女孩的夫妻，年满60周岁。 ~ 居民身份证:c:1;户口簿:c:1;结婚证:c:1;独生子女父母光荣证或相关证明:c:1;奖励扶助申报表:o:1 ~ 本人申报>村级评议公示>镇审核>区卫健局确认>资金发放
birth ~ 计划生育家庭特别扶助申请 ~ 区卫健局 ~ y ~ - ~ 30 ~ tbfz 特扶 ~ 独生子女死亡或伤残（三级以上）、女方年满49周岁的夫妻。 ~ 居民身份证:c:1;户口簿:c:1;子女死亡或伤残证明:c:1;特别扶助申报表:o:1 ~ 本人申报>村级核实>镇审核>区卫健局确认>资金发放
employment ~ 就业创业证申领 ~ 区人社局 ~ y ~ - ~ 5 ~ jycyzsl 就业证 ~ 法定劳动年龄内、有劳动能力和就业要求的城乡劳动者。 ~ 居民身份证:oc:1;近期免冠彩色照片（白底）:o:1:可现场采集 ~ 申请>审核>发证
employment ~ 失业登记 ~ 区人社局 ~ y ~ - ~ 1 ~ sydj 失业 ~ 法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者。 ~ 居民身份证:o:1;解除或终止劳动合同证明:c:1:原单位就业人员提供 ~ 申请>审核>登记并提供就业服务
employment ~ 创业担保贷款申请 ~ 区人社局 ~ y ~ - ~ 15 ~ cydbdksq 创业贷款 ~ 符合条件的城乡创业人员（返乡创业农民工、退役军人、脱贫人口等）。 ~ 居民身份证:oc:1;户口簿:c:1;营业执照:c:1;创业项目计划书:o:1;贷款申请表:o:1 ~ 申请>人社部门资格审核>担保机构审核>银行审批放款
employment ~ 职业技能培训补贴申请 ~ 区人社局 ~ y ~ - ~ 20 ~ zyjnpxbt 培训补贴 ~ 参加职业技能培训并取得证书的城乡劳动者。 ~ 居民身份证:c:1;职业技能等级证书:c:1;培训合格证明:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 申请>审核>公示>补贴发放
veterans ~ 退役军人优待证申领 ~ 区退役军人事务局 ~ y ~ - ~ 30 ~ tyjrydzsl 优待证 ~ 户籍在本区的退役军人和其他优抚对象。 ~ 居民身份证:c:1;退役证件（退伍证等）:c:1;近期免冠彩色照片（白底）:o:1:可现场采集 ~ 采集信息并申请>镇退役军人服务站初审>区退役军人事务局审核>省级制证>发放
veterans ~ 退役军人信息采集 ~ 区退役军人事务局 ~ y ~ - ~ 5 ~ tyjrxxcj 信息采集 ~ 户籍在本区的退役军人。 ~ 居民身份证:c:1;退役证件:c:1 ~ 填写信息采集表>镇退役军人服务站核对>录入系统
veterans ~ 优抚对象定期抚恤补助申领 ~ 区退役军人事务局 ~ y ~ 30 ~ 30 ~ yfdxfxbz 抚恤 补助 ~ 残疾军人、烈士遗属、在乡复员军人等优抚对象。 ~ 居民身份证:c:1;户口簿:c:1;优抚对象身份证明:c:1;本人银行卡或“一卡通”:c:1:用于发放补贴资金 ~ 申请>镇审核>区退役军人事务局审批>按月发放
other ~ 农村危房改造申请 ~ 区住建局 ~ y ~ - ~ 30 ~ ncwfgzsq 危房 ~ 农村低收入群体等重点对象住房安全等级鉴定为C级或D级的。 ~ 居民身份证:c:1;户口簿:c:1;农村危房改造申请表:o:1;房屋安全等级鉴定意见:c:1 ~ 农户申请>村评议公示>镇审核并组织鉴定>区住建局审批>竣工验收后拨付补助
`;

function parseItems(text: string): Row[] {
  return text
    .trim()
    .split('\n')
    .map((line): Row => {
      const [category, name, unit, proxy, legal, promised, keywords, conditions, materials, steps] =
        line.split(' ~ ');
      const mats = (materials ?? '').split(';').map((m): M => {
        const [n, form, count, notes] = m.split(':');
        return [n ?? '', FORMS[form ?? 'c'] ?? 'copy', Number(count), notes];
      });
      return [
        category as ServiceCategory,
        name ?? '',
        unit ?? '',
        proxy === 'y',
        legal === '-' ? null : Number(legal),
        Number(promised),
        keywords ?? '',
        conditions ?? '',
        mats,
        (steps ?? '').split('>').join('|'),
      ];
    });
}
const ITEMS = parseItems(ITEM_LINES);
const IDc: M = ['居民身份证', 'copy', 1];
const BANK: M = ['本人银行卡或“一卡通”', 'copy', 1, '用于发放补贴资金'];

/** The day `n` days after `date` (YYYY-MM-DD). */
function dayAfter(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The demo catalogue, the town centres, the stations' profiles and the duty rosters. */
export async function loadDemoServicesCatalogue(
  trx: Transaction<DB> | Kysely<DB>,
  clock: Clock,
  random: Random,
): Promise<void> {
  const now = clock.now().toISOString();
  const unit = (
    id: string,
    kind: 'department' | 'service_station',
    name: string,
    area: string,
    phone: string,
    address: string,
  ) =>
    insertDemoServiceUnit(trx, {
      id,
      kind,
      name,
      area_code: area,
      parent_id: null,
      phone,
      address,
      working_hours: null,
      active: true,
      created_at: now,
      updated_at: now,
      version: 1,
    });
  for (const [name, phone, address] of NEW_DEPARTMENTS)
    await unit(newId(), 'department', name, DISTRICT, phone, address);
  const towns = await demoAreasOfKind(trx, 'town');
  for (const [t, town] of towns.entries()) {
    const phone = `0915-32${String(40 + t).padStart(2, '0')}200`;
    await unit(
      newId(),
      'service_station',
      `${town.name}便民服务中心`,
      town.code,
      phone,
      `${town.name}人民政府一楼`,
    );
  }
  const units = await demoUnitsForServices(trx);
  const byName = new Map(units.map((u) => [u.name, u]));

  const itemIds: { id: string; category: ServiceCategory; area: string }[] = [];
  const addItem = async (row: Row, area: string, handler: { id: string; name: string }, place: string) => {
    const [category, name, , proxyAllowed, legalDays, promisedDays, keywords, conditions, materials, steps] =
      row;
    const id = newId();
    const guide: ServiceGuide = {
      name,
      category,
      unitId: handler.id,
      unitName: handler.name,
      conditions,
      basis: '',
      materials: materials.map(([n, form, count, notes]) => ({ name: n, form, count, notes: notes ?? '' })),
      steps: steps.split('|'),
      legalDays,
      promisedDays,
      fees: '',
      place,
      hours: '工作日 8:30-12:00 14:30-17:30（法定节假日除外）',
      consultationPhone: (byName.get(handler.name)?.phone ?? null) as string | null,
      proxyAllowed,
      onlineUrl: null,
      keywords,
    };
    // Two items were revised this year: their first guide stays readable.
    const revised = itemIds.length % 17 === 3;
    const first = revised ? { ...guide, promisedDays: promisedDays + 5 } : guide;
    const versions = [
      { item_id: id, version_no: 1, guide: JSON.stringify(first), created_at: now, created_by: null },
    ];
    if (revised)
      versions.push({
        item_id: id,
        version_no: 2,
        guide: JSON.stringify(guide),
        created_at: now,
        created_by: null,
      });
    await insertDemoServiceItem(
      trx,
      {
        id,
        code: `HB${String(itemIds.length + 1).padStart(4, '0')}`,
        area_code: area,
        category,
        name,
        search_text: `${name} ${keywords}`.toLowerCase(),
        unit_id: handler.id,
        proxy_allowed: proxyAllowed,
        promised_days: promisedDays,
        current_version: versions.length,
        active: true,
        created_at: now,
        updated_at: now,
        version: versions.length,
      },
      versions,
    );
    itemIds.push({ id, category, area });
  };
  for (const row of ITEMS) {
    const handler = byName.get(row[2]);
    if (!handler) throw new Error(`demo unit ${row[2]} is missing`);
    await addItem(row, DISTRICT, handler, `各镇便民服务中心综合窗口或${handler.name}`);
  }
  // The first two towns' local items (镇级特色事项), handled at their centre.
  for (const town of towns.filter((t) => t.name.endsWith('镇')).slice(0, 2)) {
    const centre = byName.get(`${town.name}便民服务中心`);
    if (!centre) continue;
    const local: Row = [
      'agriculture',
      `${town.name}富硒茶园新建补助申请`,
      centre.name,
      true,
      null,
      20,
      'fxcybz 茶园 补助',
      `在${town.name}新建连片富硒茶园5亩以上的农户和合作社。`,
      [IDc, ['土地流转合同或承包经营权证', 'copy', 1], ['新建茶园面积核实表', 'original', 1], BANK],
      '申请|村级核实面积|镇农业综合服务站验收|公示|补助发放',
    ];
    await addItem(local, town.code, centre, `${town.name}便民服务中心`);
  }

  // Profiles, items handled and the roster of this week and the next (Monday to Friday; centres Saturday too).
  const today = chinaDate(clock.now());
  const monday = dayAfter(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  for (const centre of units.filter((u) => u.kind === 'service_station')) {
    const atTown = centre.area_code.endsWith('000');
    const town = `${centre.area_code.slice(0, 9)}000`;
    const handled = itemIds
      .filter((i) => i.area === DISTRICT || i.area === town)
      .filter((_, n) => atTown || n % 3 !== 2)
      .map((i) => i.id);
    const staff = await demoStaffOf(trx, centre.id);
    const names =
      staff.length > 0
        ? staff
        : [0, 1].map(() => ({ id: null, name: personName(random, random.chance(0.5) ? 'male' : 'female') }));
    const duties = [];
    for (let d = 0; d < 14; d += 1) {
      const weekday = d % 7;
      if (weekday > 5 || (weekday === 5 && !atTown)) continue;
      const person = names[d % names.length] as { id: string | null; name: string };
      duties.push({
        id: newId(),
        unit_id: centre.id,
        duty_date: dayAfter(monday, d),
        user_id: person.id,
        name: person.name,
        phone: atTown ? centre.phone : null,
        note: weekday === 5 ? '周六上午值班 9:00-12:00' : null,
        created_at: now,
      });
    }
    await insertDemoCentre(
      trx,
      {
        unit_id: centre.id,
        intro: atTown
          ? `${centre.name}设综合受理窗口，社保、医保、民政、残联、退役军人等事项“一窗受理、集成服务”，可为行动不便群众预约上门代办。`
          : `${centre.name}设在村委会一楼，由村干部和代办员轮流值班，帮群众代办社保、医保、民政等事项，“小事不出村、大事代办跑”。`,
        hours_text: atTown
          ? '周一至周五 8:30-12:00 14:30-17:30；周六上午 9:00-12:00'
          : '周一至周五 8:30-12:00 14:30-17:30',
        holiday_hours_text: atTown ? '法定节假日休息，急事可拨打值班电话' : '节假日可电话预约代办',
        updated_at: now,
        version: 1,
      },
      handled,
      duties,
    );
  }
}
