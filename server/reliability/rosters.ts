import { makeIdNumber } from '@lianxin/common';
import { AREAS } from '../test/harness';

/** A roster (.csv) of `households` one-person households of village A1, with valid, distinct ID numbers. */
export function rosterCsv(households: number, prefix = 'R'): string {
  const lines = ['村/社区,户号,姓名,身份证号,与户主关系,家庭年收入（元）'];
  for (let i = 0; i < households; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1 + Math.floor(i / 400))).toISOString().slice(0, 10);
    const idNumber = makeIdNumber('610902', birth, (i % 400) * 2 + 1);
    lines.push(`${AREAS.villageA1},${prefix}${i},户主${i},${idNumber},户主,${3_000 + i * 7}`);
  }
  return `${lines.join('\n')}\n`;
}
