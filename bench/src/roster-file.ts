import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { demoHousehold, idNumberMaker } from '../../server/src/demo/demo-households';
import { Random } from '../../server/src/demo/random';
import { relationWords } from '../../server/src/modules/households/import/roster-vocabulary';
import { RosterWriter } from '../../server/src/modules/households/import/roster-workbook';
import { DATA_DIR } from './dataset';
import { scales } from './generate';

/**
 * A roster of `residents` rows in the offices' format, for the import benchmark: new households
 * spread over the district's villages (by code), made like the generated ones.
 */
export async function rosterFile(residents: number): Promise<string> {
  const file = path.join(DATA_DIR, `roster-${residents / 1000}k.xlsx`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const random = new Random(7);
  const makeId = idNumberMaker(random);
  const building = `${file}.building`;
  const out = createWriteStream(building);
  const writer = new RosterWriter(out);
  const { towns, villagesPerTown } = scales.district;
  let h = 0;
  while (writer.rows < residents) {
    const town = (h % towns) + 1;
    const village = `610902${String(town).padStart(3, '0')}${String(201 + (Math.floor(h / towns) % villagesPerTown)).padStart(3, '0')}`;
    const body = demoHousehold(random, village, `R${String(h).padStart(6, '0')}`, '', makeId);
    h++;
    for (const m of body.members) {
      if (writer.rows >= residents) break;
      writer.add({
        village,
        group: '',
        number: body.number,
        name: m.name,
        idNumber: m.idNumber ?? '',
        relation: relationWords[m.relation][0] ?? '其他',
        phone: m.phone ?? '',
        address: body.address,
        partyMember: m.partyMember ? '是' : '否',
        partyJoinYear: m.partyJoinYear,
        employment: '',
        education: '',
        disabled: m.disabled ? '是' : '否',
        seriouslyIll: m.seriouslyIll ? '是' : '否',
        publicRoles: '',
        residentStatus: '',
        tags: '',
        year: body.indicators?.year ?? null,
        totalIncome: body.indicators?.totalIncome ?? null,
        debt: body.indicators?.debt ?? null,
        mainIncomeSource: '',
        hardships: '',
        tier: '',
        perCapita: null,
        gender: '',
        birthDate: '',
      });
    }
  }
  await writer.finish();
  await finished(out);
  renameSync(building, file);
  return file;
}
