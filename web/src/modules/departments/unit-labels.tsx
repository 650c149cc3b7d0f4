import type { Unit, UnitKind } from '@lianxin/common';
import { Tag } from 'antd';
import { type Translate, useT } from '../../i18n/i18n';

export function unitKindLabel(t: Translate, kind: UnitKind): string {
  return t(`unitKind.${kind}`);
}

const kindColors: Record<UnitKind, string> = {
  department: 'blue',
  town_office: 'cyan',
  village_committee: 'green',
  service_station: 'gold',
  cppcc_office: 'purple',
};

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const t = useT();
  return <Tag color={kindColors[kind]}>{unitKindLabel(t, kind)}</Tag>;
}

/** A unit's working hours as written on its door: "08:30–12:00、14:30–17:30", or the district's. */
export function hoursText(t: Translate, hours: Unit['workingHours']): string {
  if (!hours) return t('units.hours.district');
  return hours.periods.map((p) => `${p.start}–${p.end}`).join(t('common.listSeparator'));
}
