import type { Household } from '@lianxin/common';
import { visitKinds } from '@lianxin/common';
import { Col, DatePicker, Form, Radio, Row, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../session/session';
import { useDebounced } from '../../shared/use-debounced';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { useHouseholds } from '../households/households.api';
import { usePairingBoard } from './assistance.api';
import { visitKindLabel } from './assistance-labels';
import { CadreSelect, cadresFor } from './cadre-select';
import type { VisitTarget } from './visit-draft';
import { VisitSection } from './visit-section';

/** A household of the caller's area, found by number, head or address (the worklist preselects one). */
function HouseholdPicker({ preselected }: { preselected: Household | undefined }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 400);
  const households = useHouseholds({
    filter: { ...(q ? { q } : {}), status: 'active' },
    sort: 'area',
    cursor: undefined,
    limit: 20,
  });
  const options = (households.data?.items ?? []).map((h) => ({
    value: h.id,
    label: `${h.number} · ${h.headName ?? '—'} · ${h.areaName}`,
  }));
  if (preselected && !options.some((o) => o.value === preselected.id)) {
    options.unshift({
      value: preselected.id,
      label: `${preselected.number} · ${preselected.headName ?? '—'} · ${preselected.areaName}`,
    });
  }
  return (
    <Form.Item
      name="householdId"
      label={t('assistance.household')}
      rules={[{ required: true, message: t('assistance.visit.householdRule') }]}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder={t('assistance.visit.householdPlaceholder')}
        loading={households.isFetching}
        notFoundContent={households.isFetching ? undefined : t('assistance.visit.noHousehold')}
        options={options}
        data-testid="visit-household"
      />
    </Form.Item>
  );
}

/** Whom the visit was to (a household or a village), when, with whom, and how. */
export function VisitWhomSection(props: {
  /** The household was chosen before the form opened: no choice of target. */
  fixedHousehold: boolean;
  target: VisitTarget;
  preselected: Household | undefined;
  /** The visited village: companions must work in it. */
  villageCode: string | undefined;
  today: string;
}) {
  const { fixedHousehold, target, preselected, villageCode, today } = props;
  const t = useT();
  const me = useMe();
  const { index } = useAreaIndex();
  const board = usePairingBoard(undefined);
  const villageTree = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  // Companions must work in the visited village; the caller is on the visit anyway.
  const companions = useMemo(
    () => (villageCode ? cadresFor(board.data?.cadres ?? [], villageCode).filter((c) => c.id !== me.id) : []),
    [board.data, villageCode, me.id],
  );

  return (
    <VisitSection title={t('assistance.visit.whom')}>
      {!fixedHousehold && (
        <Form.Item name="target">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="lx-visit-choices lx-visit-choices-2"
            options={[
              { value: 'household', label: t('assistance.visit.targetHousehold') },
              { value: 'village', label: t('assistance.visit.targetVillage') },
            ]}
            data-testid="visit-target"
          />
        </Form.Item>
      )}
      {target === 'household' ? (
        <HouseholdPicker preselected={preselected} />
      ) : (
        <Form.Item
          name="villageCode"
          label={t('assistance.village')}
          extra={t('assistance.visit.villageHint')}
          rules={[{ required: true, message: t('assistance.visit.villageRule') }]}
        >
          <TreeSelect
            treeData={villageTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            popupMatchSelectWidth={false}
            data-testid="visit-village"
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="date"
            label={t('assistance.visit.date')}
            rules={[{ required: true, message: t('assistance.visit.dateRule') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              allowClear={false}
              inputReadOnly
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
              data-testid="visit-date"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="companionIds" label={t('assistance.visit.companions')}>
            <CadreSelect
              cadres={companions}
              mode="multiple"
              maxCount={10}
              placeholder={t('assistance.visit.companionsPlaceholder')}
              notFoundContent={t('assistance.visit.noCompanions')}
              data-testid="visit-companions"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="kind" label={t('assistance.visit.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="lx-visit-choices"
          options={visitKinds.map((k) => ({ value: k, label: visitKindLabel(t, k) }))}
          data-testid="visit-kind"
        />
      </Form.Item>
    </VisitSection>
  );
}
