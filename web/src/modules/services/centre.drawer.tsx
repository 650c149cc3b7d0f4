import type { ServiceCentre } from '@lianxin/common';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useVersionConflict } from '../../shared/version-conflict';
import { useServiceCentre, useServiceItems, useUpdateServiceCentre } from './catalogue.api';
import { RosterEditor } from './roster-editor';
import { categoryLabel } from './services-labels';

interface ProfileValues {
  intro: string;
  hoursText: string;
  holidayHoursText: string;
  itemIds: string[];
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function ProfileForm({ centre, onSaved }: { centre: ServiceCentre; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ProfileValues>();
  const items = useServiceItems({ limit: 200 });
  const update = useUpdateServiceCentre();
  const refill = (c: ServiceCentre) =>
    form.setFieldsValue({
      intro: c.intro ?? '',
      hoursText: c.hoursText ?? '',
      holidayHoursText: c.holidayHoursText ?? '',
      itemIds: c.items.map((i) => i.id),
    });
  const conflict = useVersionConflict(async () => refill(centre));
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the centre read changes
  useEffect(() => refill(centre), [centre]);

  const save = async () => {
    const v = await form.validateFields();
    update.mutate(
      {
        id: centre.unitId,
        body: {
          intro: orNull(v.intro),
          hoursText: orNull(v.hoursText),
          holidayHoursText: orNull(v.holidayHoursText),
          itemIds: v.itemIds,
          version: centre.version,
        },
      },
      {
        onSuccess: () => {
          message.success(t('servicesWeb.saved'));
          onSaved();
        },
        onError: conflict.catchConflict(showError),
      },
    );
  };

  return (
    <Form form={form} layout="vertical">
      {conflict.alert}
      <Form.Item name="hoursText" label={t('servicesWeb.centre.hours')} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="holidayHoursText" label={t('servicesWeb.centre.holidayHours')} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="intro" label={t('servicesWeb.centre.intro')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="itemIds" label={t('servicesWeb.centre.items')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={items.isPending}
          options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      <Flex justify="flex-end">
        <Button
          type="primary"
          onClick={save}
          loading={update.isPending}
          disabled={conflict.conflict}
          data-testid="centre-save"
        >
          {t('servicesWeb.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** A centre or station: its profile and items, its staff, and the week's duty roster. */
export function CentreDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const [weekStart, setWeekStart] = useState<string | undefined>();
  const [tab, setTab] = useState('profile');
  const centre = useServiceCentre(id, weekStart);
  const data = centre.data;
  useEffect(() => {
    if (id) setTab('profile');
  }, [id]);

  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={data?.name ?? ''}>
      {!data ? (
        <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'profile',
              label: t('servicesWeb.centre.profile'),
              children: (
                <>
                  <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
                    <Descriptions.Item label={t('servicesWeb.centre.address')}>
                      {data.address ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('servicesWeb.centre.phone')}>
                      {data.phone ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('servicesWeb.centre.todayDuty')}>
                      {data.today.length
                        ? data.today.map((d) => `${d.name}${d.phone ? ` ${d.phone}` : ''}`).join('、')
                        : t('servicesWeb.centre.noDuty')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('servicesWeb.centre.staff')}>
                      {data.staff.map((s) => (
                        <Tag key={s.userId}>{s.name}</Tag>
                      ))}
                    </Descriptions.Item>
                  </Descriptions>
                  {data.canEdit ? (
                    <ProfileForm centre={data} onSaved={() => centre.refetch()} />
                  ) : (
                    <>
                      <Typography.Paragraph>{data.hoursText}</Typography.Paragraph>
                      {data.items.map((i) => (
                        <Tag key={i.id}>
                          {categoryLabel(t, i.category)} · {i.name}
                        </Tag>
                      ))}
                    </>
                  )}
                </>
              ),
            },
            {
              key: 'roster',
              label: t('servicesWeb.centre.roster'),
              children: <RosterEditor centre={data} onWeek={setWeekStart} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
