import type { MaterialForm } from '@lianxin/common';
import { buildUnit, type TestContext } from '../../../../test/harness';
import { insertRow, nextSerial } from '../../../../test/probes';
import { newId } from '../../../platform/ids';

/** A service item with one guide version, made straight in the tables (the catalogue's own routes are elsewhere). */
export async function serviceItem(
  t: Pick<TestContext, 'database'>,
  item: {
    unitId: string;
    areaCode: string;
    name?: string;
    proxyAllowed?: boolean;
    promisedDays?: number;
    materials?: { name: string; form: MaterialForm; count: number }[];
  },
): Promise<string> {
  const id = newId();
  const at = '2026-01-01T00:00:00.000Z';
  const name = item.name ?? `代办测试事项${nextSerial()}`;
  const materials = (item.materials ?? []).map((m) => ({ ...m, notes: '' }));
  await insertRow(t as TestContext, 'service_items', {
    id,
    code: `T${id.slice(-10)}`,
    area_code: item.areaCode,
    category: 'civil_assistance',
    name,
    search_text: name,
    unit_id: item.unitId,
    proxy_allowed: item.proxyAllowed ?? true,
    promised_days: item.promisedDays ?? 5,
    current_version: 1,
    active: true,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  await insertRow(t as TestContext, 'service_item_versions', {
    item_id: id,
    version_no: 1,
    guide: JSON.stringify({
      name,
      category: 'civil_assistance',
      unitId: item.unitId,
      unitName: '',
      conditions: '本区户籍居民',
      basis: '',
      materials,
      steps: ['申请', '受理', '办结'],
      legalDays: null,
      promisedDays: item.promisedDays ?? 5,
      fees: '',
      place: '镇便民服务中心',
      hours: '工作日 9:00-17:00',
      consultationPhone: null,
      proxyAllowed: item.proxyAllowed ?? true,
      onlineUrl: null,
      keywords: '',
    }),
    created_at: at,
    created_by: null,
  });
  return id;
}

/** A service station (便民服务站) of a village, or a town's centre. */
export function serviceStation(
  t: Pick<TestContext, 'database'>,
  areaCode: string,
  name?: string,
): Promise<string> {
  return buildUnit(t.database, {
    kind: 'service_station',
    areaCode,
    name: name ?? `便民服务站${nextSerial()}`,
  });
}

/** The smallest valid PNG (1×1): what a photo upload needs to pass the type check. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
