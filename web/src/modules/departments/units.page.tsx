import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { roleReach, type Unit, unitKinds } from '@lianxin/common';
import { Button, Card, Form, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { FilterBar } from '../../shared/filter-bar';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { AreaFilterSelect } from '../areas/area-filter-select';
import { type UnitsFilter, useCategoryChoices, useUnits } from './departments.api';
import { UnitDrawer } from './unit.drawer';
import { UnitFormModal } from './unit-form.modal';
import { hoursText, UnitKindTag, unitKindLabel } from './unit-labels';

type FilterValues = Pick<UnitsFilter, 'kind' | 'areaCode' | 'q'>;

/** The handling units in the caller's reach; the district's administrators create and edit them. */
export function UnitsPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  // A unit's or a station's staff see their own unit only: nothing to filter.
  const filterable = roleReach[me.role] === 'area';
  const canManage = can('units.manage');
  const categories = useCategoryChoices();
  const [filterForm] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<FilterValues>({});
  const { data, isFetching } = useUnits(filter);
  const editModal = useModalTarget<{ unit: Unit | null }>();
  const [viewing, setViewing] = useState<string | null>(null);

  const applyFilter = (values: FilterValues) =>
    setFilter({
      kind: values.kind || undefined,
      areaCode: values.areaCode || undefined,
      q: values.q?.trim() || undefined,
    });

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(unit.id)}>
          {name}
        </Button>
      ),
    },
    { title: t('units.kind'), dataIndex: 'kind', render: (_, unit) => <UnitKindTag kind={unit.kind} /> },
    { title: t('units.area'), key: 'area', render: (_, unit) => unit.area.name },
    { title: t('units.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
    {
      title: t('units.hours'),
      key: 'hours',
      render: (_, unit) => hoursText(t, unit.workingHours),
    },
    {
      title: t('units.categories'),
      key: 'categories',
      hidden: !categories.known,
      render: (_, unit) =>
        unit.categories.length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap style={{ maxWidth: 280 }}>
            {unit.categories.map((code) => (
              <Tag key={code}>{categories.name(code)}</Tag>
            ))}
          </Space>
        ),
    },
    { title: t('units.staffCount'), dataIndex: 'staffCount', align: 'right' },
    {
      title: t('users.status'),
      key: 'active',
      render: (_, unit) =>
        unit.active ? (
          <Tag color="success">{t('units.status.active')}</Tag>
        ) : (
          <Tag>{t('units.status.inactive')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, unit) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => setViewing(unit.id)}
            data-testid={`unit-view-${unit.name}`}
          >
            {t('units.view')}
          </Button>
          {canManage && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => editModal.show({ unit })}
              data-testid={`unit-edit-${unit.name}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('units.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => editModal.show({ unit: null })}
              data-testid="unit-create"
            >
              {t('units.create')}
            </Button>
          )
        }
      />
      {filterable && (
        <FilterBar<FilterValues>
          form={filterForm}
          name="units-filter"
          values={filter}
          testId="units-search"
          onSearch={applyFilter}
          onReset={() => applyFilter({})}
        >
          <Form.Item name="kind" label={t('units.filterKind')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 160 }}
              options={unitKinds.map((k) => ({ value: k, label: unitKindLabel(t, k) }))}
            />
          </Form.Item>
          <Form.Item name="areaCode" label={t('units.filterArea')}>
            <AreaFilterSelect withGroups={false} />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('units.filterQuery')} style={{ width: 200 }} maxLength={40} />
          </Form.Item>
        </FilterBar>
      )}
      <Card size="small">
        <Table<Unit>
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          rowClassName={(unit) => (unit.active ? '' : 'lx-row-muted')}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          data-testid="units-table"
        />
      </Card>
      {editModal.target && (
        <UnitFormModal
          unit={editModal.target.unit}
          open={editModal.open}
          onClose={editModal.hide}
          afterClose={editModal.afterClose}
        />
      )}
      <UnitDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
