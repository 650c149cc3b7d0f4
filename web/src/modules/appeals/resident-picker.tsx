import { householdsApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { Col, Form, Row, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useDebounced } from '../../shared/use-debounced';
import { relationLabel } from '../households/household-labels';
import { householdKey, useHouseholds } from '../households/households.api';

/**
 * The reporter as a resident of the registry: a household of the village found by number, head
 * or address, then one of its members. Sets the form's `householdId` and `reporterResidentId`.
 */
export function ResidentPicker({ villageCode }: { villageCode: string | undefined }) {
  const t = useT();
  const form = Form.useFormInstance();
  const householdId: string | undefined = Form.useWatch('householdId', form);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 400);
  const households = useHouseholds({
    filter: { ...(villageCode ? { areaCode: villageCode } : {}), ...(q ? { q } : {}), status: 'active' },
    sort: 'area',
    cursor: undefined,
    limit: 20,
  });
  const household = useQuery({
    queryKey: householdKey(householdId ?? ''),
    queryFn: () => api(householdsApi.get, { params: { id: householdId ?? '' } }),
    enabled: householdId !== undefined,
  });
  const members = (household.data?.members ?? []).filter((m) => m.status === 'active');

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="householdId"
          label={t('appeals.intake.household')}
          rules={[{ required: true, message: t('appeals.intake.householdRule') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('appeals.intake.householdPlaceholder')}
            loading={households.isFetching}
            disabled={!villageCode}
            notFoundContent={households.isFetching ? undefined : t('appeals.intake.noHousehold')}
            options={(households.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.number} · ${h.headName ?? '—'}${h.address ? ` · ${h.address}` : ''}`,
            }))}
            onChange={() => form.setFieldValue('reporterResidentId', undefined)}
            data-testid="intake-household"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="reporterResidentId"
          label={t('appeals.intake.member')}
          rules={[{ required: true, message: t('appeals.intake.memberRule') }]}
        >
          <Select
            placeholder={t('appeals.intake.memberPlaceholder')}
            disabled={!householdId}
            loading={household.isFetching}
            options={members.map((m) => ({
              value: m.id,
              label: `${m.name}（${relationLabel(t, m.relation)}）${m.phone ? ` ${m.phone}` : ''}`,
            }))}
            data-testid="intake-member"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
