import { type AreaKind, areaPrefixLength, type CadreLoad } from '@lianxin/common';
import { Select, type SelectProps, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { cadreRoleLabel, loadColors } from './assistance-labels';

/**
 * The level of an area from its statistical code: 15 digits is a group; a 12-digit code ends in
 * six zeros for a district and three for a town (统计用区划代码).
 */
export function kindOfCode(code: string): AreaKind {
  if (code.length === 15) return 'group';
  if (code.endsWith('000000')) return 'district';
  if (code.endsWith('000')) return 'town';
  return 'village';
}

/** Whether a cadre bound to `cadreArea` works in `villageCode` (their area holds it). */
export function covers(cadreArea: string, villageCode: string): boolean {
  const kind = kindOfCode(cadreArea);
  const prefix = cadreArea.slice(0, areaPrefixLength[kind]);
  // A group cadre (网格员) works in the group's village.
  return kind === 'group' ? villageCode === cadreArea.slice(0, 12) : villageCode.startsWith(prefix);
}

/** Cadres who may help a household of the village: those whose area holds it, nearest first. */
export function cadresFor(cadres: readonly CadreLoad[], villageCode: string): CadreLoad[] {
  const depth = (c: CadreLoad) => areaPrefixLength[kindOfCode(c.areaCode)];
  return cadres.filter((c) => covers(c.areaCode, villageCode)).sort((a, b) => depth(b) - depth(a));
}

/** Room left under the cadre's quota. */
export function roomOf(cadre: Pick<CadreLoad, 'paired' | 'quota'>): number {
  return cadre.quota.max - cadre.paired;
}

/** A cadre as an option: name, area and role, and with `showLoad` how full their quota is. */
export function CadreOption({ cadre, showLoad }: { cadre: CadreLoad; showLoad?: boolean }) {
  const t = useT();
  return (
    <Space size={6} style={{ width: '100%', justifyContent: 'space-between' }}>
      <span>
        {cadre.name}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {cadre.areaName} · {cadreRoleLabel(t, cadre.role)}
        </Typography.Text>
      </span>
      {showLoad && (
        <Typography.Text style={{ fontSize: 12, color: loadColors[cadre.state] }}>
          {t('assistance.board.fill', { paired: cadre.paired, max: cadre.quota.max })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * Picks one cadre (or several with mode="multiple") among `cadres`; with `forPairing`, a cadre whose
 * quota is full cannot be picked, since the server would refuse the pairing, and each option shows
 * how full the cadre is (`showLoad` alone shows it without refusing anyone).
 */
export function CadreSelect({
  cadres,
  forPairing,
  showLoad = forPairing,
  ...props
}: { cadres: readonly CadreLoad[]; forPairing?: boolean; showLoad?: boolean } & Omit<
  SelectProps<string | string[]>,
  'options'
>) {
  const t = useT();
  const byId = new Map(cadres.map((c) => [c.id, c]));
  return (
    <Select
      showSearch={{ optionFilterProp: 'title' }}
      placeholder={t('assistance.cadre.placeholder')}
      popupMatchSelectWidth={false}
      {...props}
      options={cadres.map((c) => ({
        value: c.id,
        label: c.name,
        title: `${c.name} ${c.areaName}`,
        disabled: forPairing === true && roomOf(c) <= 0,
      }))}
      optionRender={(option) => {
        const cadre = byId.get(String(option.value));
        return cadre ? <CadreOption cadre={cadre} showLoad={showLoad} /> : option.label;
      }}
    />
  );
}
