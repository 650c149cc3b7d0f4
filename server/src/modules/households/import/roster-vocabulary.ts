import type {
  educations,
  employments,
  HardshipFactor,
  publicRoles,
  relations,
  residentStatuses,
  Tier,
} from '@lianxin/common';

// The words village offices write in their rosters, and what they mean. The first word of each
// entry is the one the template and its instructions sheet use.

type Vocabulary<T extends string> = Record<T, readonly string[]>;

export const relationWords: Vocabulary<(typeof relations)[number]> = {
  head: ['户主', '本人'],
  spouse: ['配偶', '妻子', '丈夫', '妻', '夫'],
  child: ['子女', '儿子', '女儿', '长子', '次子', '三子', '长女', '次女', '三女', '子', '女', '养子', '养女'],
  child_in_law: ['儿媳', '女婿', '媳妇'],
  grandchild: ['孙子女', '孙子', '孙女', '外孙子', '外孙女', '外孙'],
  parent: ['父母', '父亲', '母亲', '公公', '婆婆', '岳父', '岳母', '继父', '继母'],
  grandparent: ['祖父母', '祖父', '祖母', '外祖父', '外祖母'],
  sibling: ['兄弟姐妹', '兄', '弟', '姐', '妹', '哥哥', '弟弟', '姐姐', '妹妹'],
  other: ['其他'],
};

export const employmentWords: Vocabulary<(typeof employments)[number]> = {
  farming: ['务农', '农业', '种植', '养殖'],
  employed: ['就业', '在职', '上班'],
  self_employed: ['个体经营', '个体', '自主经营'],
  migrant_worker: ['外出务工', '务工', '打工'],
  unemployed: ['失业', '无业', '待业'],
  student: ['在校学生', '学生', '在校'],
  retired: ['退休'],
  unable_to_work: ['丧失劳动能力', '无劳动能力', '丧失劳动力'],
  other: ['其他'],
};

export const educationWords: Vocabulary<(typeof educations)[number]> = {
  none: ['文盲', '无', '未上学', '半文盲'],
  primary: ['小学'],
  junior: ['初中'],
  senior: ['高中'],
  vocational: ['中专', '职高', '技校'],
  college: ['大专', '专科'],
  bachelor: ['本科', '大学'],
  postgraduate: ['研究生', '硕士', '博士'],
};

export const publicRoleWords: Vocabulary<(typeof publicRoles)[number]> = {
  party_congress_deputy: ['党代表'],
  peoples_congress_deputy: ['人大代表'],
  cppcc_member: ['政协委员'],
  village_cadre: ['村干部', '村（社区）干部', '社区干部'],
  group_cadre: ['组干部', '村民小组长', '组长'],
};

export const residentStatusWords: Vocabulary<(typeof residentStatuses)[number]> = {
  active: ['在册', '正常', '在户'],
  moved_out: ['迁出', '外迁'],
  deceased: ['死亡', '已故', '去世'],
};

export const hardshipWords: Vocabulary<HardshipFactor> = {
  serious_illness: ['重病', '大病', '因病'],
  disability: ['残疾', '因残'],
  elderly_alone: ['独居老人', '独居'],
  left_behind_children: ['留守儿童', '留守'],
  disaster: ['受灾', '灾害', '因灾'],
  unemployment: ['失业', '无业'],
  education_burden: ['教育负担', '因学', '子女上学'],
  other: ['其他'],
};

export const tierWords: Vocabulary<Tier> = {
  stable: ['放心户'],
  watch: ['关心户'],
  priority: ['连心户'],
};

const yesWords = ['是', '有', 'Y', 'y', '1', '√', '✓', 'true', 'TRUE'];
const noWords = ['否', '无', '没有', 'N', 'n', '0', '×', 'false', 'FALSE'];

const lookups = new WeakMap<object, Map<string, string>>();

/** Finds the code a word stands for; codes themselves are accepted too. */
export function lookup<T extends string>(vocabulary: Vocabulary<T>, word: string): T | undefined {
  let codes = lookups.get(vocabulary);
  if (!codes) {
    codes = new Map();
    // In the vocabulary's order, the first entry that names a word wins, as a scan would find it.
    for (const [code, words] of Object.entries(vocabulary) as [T, readonly string[]][]) {
      if (!codes.has(code)) codes.set(code, code);
      for (const w of words) if (!codes.has(w)) codes.set(w, code);
    }
    lookups.set(vocabulary, codes);
  }
  return codes.get(word) as T | undefined;
}

/** The words to suggest when a value is not understood. */
export function allowedWords<T extends string>(vocabulary: Vocabulary<T>): string {
  return (Object.values(vocabulary) as string[][]).map((words) => words[0]).join('、');
}

export function yesNo(word: string): boolean | undefined {
  if (word === '') return false;
  if (yesWords.includes(word)) return true;
  if (noWords.includes(word)) return false;
  return undefined;
}

/** 是否党员 / 政治面貌: 中共党员 and 中共预备党员 are members; 群众, 团员 and the like are not. */
export function partyMembership(word: string): boolean | undefined {
  if (word.includes('党员') && !word.includes('非')) return true;
  if (['群众', '共青团员', '团员', '民主党派', '无党派人士', '无党派'].includes(word)) return false;
  return yesNo(word);
}

/** Splits a list cell: 低保、残疾 / 低保,残疾 / 低保；残疾 / 低保 残疾. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[,，、;；/\s]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

const chineseDigits = '零一二三四五六七八九';

/** 3 / 3组 / 03组 / 三组 / 第三组 / 第3网格 / 十二组 → 3, 3, 3, 3, 3, 3, 12; anything else → undefined. */
export function groupNumber(word: string): number | undefined {
  const text = word
    .replace(/\s+/g, '')
    .replace(/^第/, '')
    .replace(/((村民)?小?组|网格|片区?|队)$/, '');
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const tens = m[2] ? (m[1] ? chineseDigits.indexOf(m[1]) : 1) : 0;
  const ones = m[2] ? (m[3] ? chineseDigits.indexOf(m[3]) : 0) : m[1] ? chineseDigits.indexOf(m[1]) : 0;
  return tens * 10 + ones || undefined;
}
