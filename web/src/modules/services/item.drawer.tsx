import { ServiceGuideFields } from '@lianxin/common';
import { App, Button, Drawer, Flex, Form, List, Modal, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { useVersionConflict } from '../../shared/version-conflict';
import {
  useCreateServiceItem,
  useServiceItem,
  useServiceItemVersion,
  useSetServiceItemActive,
  useUpdateServiceItem,
} from './catalogue.api';
import { GuideView } from './guide.view';
import { emptyGuide, type GuideValues, ItemForm } from './item-form';

/** Blank optional fields go to the server as null, as the contract wants them. */
function toFields(values: GuideValues) {
  return ServiceGuideFields.parse({
    ...values,
    consultationPhone: values.consultationPhone?.trim() || null,
    onlineUrl: values.onlineUrl?.trim() || null,
    legalDays: values.legalDays ?? null,
  });
}

/** An item: its current guide, its versions (each readable), and the form for a new version. */
export function ItemDrawer(props: {
  target: string | 'new' | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const creating = props.target === 'new';
  const item = useServiceItem(props.target && !creating ? props.target : null);
  const [editing, setEditing] = useState(false);
  const [versionNo, setVersionNo] = useState<number | null>(null);
  const [form] = Form.useForm<GuideValues>();
  const create = useCreateServiceItem();
  const update = useUpdateServiceItem();
  const setActive = useSetServiceItemActive();
  const conflict = useVersionConflict(async () => {
    const fresh = await item.refetch();
    if (fresh.data) form.setFieldsValue(fresh.data.guide);
  });

  useEffect(() => {
    if (!props.target) return;
    setEditing(props.target === 'new');
    form.setFieldsValue(props.target === 'new' ? emptyGuide : (item.data?.guide ?? emptyGuide));
  }, [props.target, item.data, form]);

  const save = async () => {
    const fields = toFields(await form.validateFields());
    if (creating) {
      create.mutate(
        { ...fields, areaCode: me.areaCode },
        {
          onSuccess: (created) => {
            message.success(t('servicesWeb.saved'));
            props.onCreated(created.id);
          },
          onError: showError,
        },
      );
      return;
    }
    if (!item.data) return;
    update.mutate(
      { id: item.data.id, body: { ...fields, version: item.data.version } },
      {
        onSuccess: () => {
          message.success(t('servicesWeb.saved'));
          setEditing(false);
        },
        onError: conflict.catchConflict(showError),
      },
    );
  };

  const data = item.data;
  const mayEdit = can('services.manage') && (creating || data?.editable === true);
  return (
    <Drawer
      open={props.target !== null}
      onClose={props.onClose}
      width={720}
      title={creating ? t('servicesWeb.item.create') : (data?.guide.name ?? '')}
      extra={
        data &&
        !editing && (
          <Space>
            <Tag>{t('servicesWeb.item.version', { version: data.currentVersion })}</Tag>
            {!data.active && <Tag color="red">{t('servicesWeb.item.withdrawn')}</Tag>}
          </Space>
        )
      }
      footer={
        mayEdit && (
          <Flex justify="flex-end" gap={8}>
            {editing ? (
              <>
                <Button onClick={() => (creating ? props.onClose() : setEditing(false))}>
                  {t('servicesWeb.cancel')}
                </Button>
                <Button
                  type="primary"
                  loading={create.isPending || update.isPending}
                  disabled={conflict.conflict}
                  onClick={save}
                  data-testid="item-save"
                >
                  {t('servicesWeb.save')}
                </Button>
              </>
            ) : (
              data && (
                <>
                  <Button
                    danger={data.active}
                    loading={setActive.isPending}
                    onClick={() =>
                      setActive.mutate(
                        { id: data.id, version: data.version, active: !data.active },
                        { onError: showError },
                      )
                    }
                  >
                    {data.active ? t('servicesWeb.item.withdraw') : t('servicesWeb.item.active')}
                  </Button>
                  <Button type="primary" onClick={() => setEditing(true)} data-testid="item-edit">
                    {t('servicesWeb.item.edit')}
                  </Button>
                </>
              )
            )}
          </Flex>
        )
      }
    >
      {conflict.alert}
      {editing ? (
        <ItemForm form={form} />
      ) : !data ? (
        <Spin />
      ) : (
        <>
          <GuideView guide={data.guide} />
          <List
            style={{ marginTop: 16 }}
            header={<strong>{t('servicesWeb.item.versions')}</strong>}
            size="small"
            dataSource={[...data.versions].reverse()}
            renderItem={(v) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" size="small" onClick={() => setVersionNo(v.versionNo)}>
                    {t('servicesWeb.queue.open')}
                  </Button>,
                ]}
              >
                {t('servicesWeb.item.version', { version: v.versionNo })} · {formatDateTime(v.createdAt)}
                {v.createdByName ? ` · ${v.createdByName}` : ''}
              </List.Item>
            )}
          />
          <VersionModal itemId={data.id} no={versionNo} onClose={() => setVersionNo(null)} />
        </>
      )}
    </Drawer>
  );
}

function VersionModal({ itemId, no, onClose }: { itemId: string; no: number | null; onClose: () => void }) {
  const t = useT();
  const version = useServiceItemVersion(itemId, no);
  return (
    <Modal
      open={no !== null}
      onCancel={onClose}
      footer={null}
      width={680}
      title={
        no === null
          ? ''
          : `${version.data?.guide.name ?? ''} · ${t('servicesWeb.item.version', { version: no })}`
      }
    >
      {version.data ? <GuideView guide={version.data.guide} /> : <Spin />}
    </Modal>
  );
}
