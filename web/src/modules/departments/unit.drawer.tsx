import type { Unit } from '@lianxin/common';
import { Descriptions, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { roleLabel } from '../../shared/labels';
import { useCategoryChoices, useUnit, useUnitStaff } from './departments.api';
import { hoursText, UnitKindTag } from './unit-labels';

/** One unit: where it sits, its hours, what it answers for, and the accounts bound to it. */
export function UnitDrawer(props: { id: string | null; onClose: () => void }) {
  const t = useT();
  const { data: unit } = useUnit(props.id);
  const { data: staff, isLoading: staffLoading } = useUnitStaff(props.id);
  return (
    <Drawer
      title={unit?.name ?? t('units.detail')}
      open={props.id !== null}
      onClose={props.onClose}
      size={560}
      destroyOnHidden
      data-testid="unit-drawer"
    >
      {!unit ? (
        <Skeleton active />
      ) : (
        <>
          <UnitDescriptions unit={unit} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('units.staff')}
          </Typography.Title>
          {staffLoading ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (staff ?? []).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noStaff')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={staff}
              data-testid="unit-staff"
              renderItem={(person) => (
                <List.Item>
                  <Space>
                    <Typography.Text delete={person.disabled}>{person.name}</Typography.Text>
                    <Tag>{roleLabel(t, person.role)}</Tag>
                    {person.disabled && <Tag>{t('users.status.disabled')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

function UnitDescriptions({ unit }: { unit: Unit }) {
  const t = useT();
  const { name, known } = useCategoryChoices();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('units.kind')}>
        <UnitKindTag kind={unit.kind} />
      </Descriptions.Item>
      <Descriptions.Item label={t('units.area')}>{unit.area.name}</Descriptions.Item>
      <Descriptions.Item label={t('units.phone')}>{unit.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('units.address')}>{unit.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('units.hours')}>{hoursText(t, unit.workingHours)}</Descriptions.Item>
      {known && (
        <Descriptions.Item label={t('units.categories')}>
          {unit.categories.length === 0
            ? t('units.categoriesNone')
            : unit.categories.map((code) => <Tag key={code}>{name(code)}</Tag>)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('units.active')}>
        {unit.active ? (
          <Tag color="success">{t('units.status.active')}</Tag>
        ) : (
          <Tag>{t('units.status.inactive')}</Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('units.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
