import type { Random } from './random';

// Surnames weighted roughly as in southern Shaanxi; given-name characters common in rural records.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺';
const MALE =
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛';
const FEMALE =
  '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽';

export function personName(random: Random, gender: 'male' | 'female'): string {
  const chars = gender === 'male' ? MALE : FEMALE;
  const given = random.chance(0.7)
    ? random.pick([...chars]) + random.pick([...chars])
    : random.pick([...chars]);
  return random.pick([...SURNAMES]) + given;
}

export const VILLAGE_NAMES = [
  '大同',
  '石梯',
  '东坡',
  '龙泉',
  '青山',
  '白鹤',
  '双河',
  '柳林',
  '枣园',
  '新庄',
  '黄岭',
  '马坪',
  '田湾',
  '桂花',
  '五里',
  '红星',
  '松林',
  '牛蹄',
  '花园',
  '金塘',
  '中坝',
  '前进',
  '安乐',
  '长岭',
  '沙沟',
  '坪梁',
];

export const COMMUNITY_NAMES = ['新城', '育才', '兴安', '江北', '巴山', '香溪', '培新', '汉江'];

export const GROUP_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
