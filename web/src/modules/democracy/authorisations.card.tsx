import { PlusOutlined } from '@ant-design/icons';
import { article24Kinds, type DemocracyAuthorisation } from '@lianxin/common';
import { Button, Card, DatePicker, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useAuthorisations, useCreateAuthorisation } from './democracy.api';

interface Values {
  grantedOn: Dayjs;
  validUntil?: Dayjs | null;
  kinds?: string[];
  reference: string;
}

/**
 * The villagers' meeting's authorisations of the representatives' meeting to decide art. 24
 * matters (村民委员会组织法 art. 24): without one, those matters go to the villagers' meeting.
 */
export function AuthorisationsCard({ villageCode, canWrite }: { villageCode: string; canWrite: boolean }) {
  const t = useT();
  const showError = useShowError();
  const { data, isLoading } = useAuthorisations(villageCode);
  const create = useCreateAuthorisation();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const current = (a: DemocracyAuthorisation) => a.validUntil === null || a.validUntil >= today;

  const save = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        villageCode,
        grantedOn: v.grantedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
        kinds: v.kinds ?? [],
        reference: v.reference.trim(),
      },
      { onSuccess: () => setAdding(false), onError: showError },
    );
  };

  return (
    <Card
      size="small"
      title={t('democracyWeb.auth.title')}
      style={{ marginBottom: 16 }}
      data-testid="authorisations"
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('democracyWeb.auth.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('democracyWeb.auth.intro')}
      </Typography.Paragraph>
      <List
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('democracyWeb.auth.none') }}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {t('democracyWeb.auth.period', {
                    from: a.grantedOn,
                    to: a.validUntil ?? t('democracyWeb.auth.untilRevoked'),
                  })}{' '}
                  <Tag color={current(a) ? 'success' : 'default'}>
                    {t(current(a) ? 'democracyWeb.auth.current' : 'democracyWeb.auth.expired')}
                  </Tag>
                </>
              }
              description={
                <>
                  <div>
                    {a.kinds.length === 0
                      ? t('democracyWeb.auth.allKinds')
                      : a.kinds
                          .map((k) =>
                            (article24Kinds as readonly string[]).includes(k)
                              ? t(`democracy.kind.${k as (typeof article24Kinds)[number]}`)
                              : k,
                          )
                          .join('、')}
                  </div>
                  <div>{a.reference}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={adding}
        title={t('democracyWeb.auth.add')}
        onCancel={() => setAdding(false)}
        onOk={save}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" preserve={false}>
          <Form.Item name="grantedOn" label={t('democracyWeb.auth.grantedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('democracyWeb.auth.validUntil')}
            extra={t('democracyWeb.auth.validUntilHint')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="kinds"
            label={t('democracyWeb.auth.kinds')}
            extra={t('democracyWeb.auth.kindsHint')}
          >
            <Select
              mode="multiple"
              allowClear
              options={article24Kinds.map((k) => ({ value: k, label: t(`democracy.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('democracyWeb.auth.reference')}
            rules={[{ required: true, whitespace: true, max: 500 }]}
          >
            <Input.TextArea rows={3} placeholder={t('democracyWeb.auth.referenceHint')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
