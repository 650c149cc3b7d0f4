import { PlusOutlined } from '@ant-design/icons';
import { type ContactPoint, ContactPointBody } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Modal,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { useSchemaForm } from '../../shared/forms';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { toTreeNodes } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import {
  useContactPoints,
  useCreateContactPoint,
  useEndContactPoint,
  usePairingBoard,
} from './assistance.api';
import { districtToday } from './assistance-labels';
import { CadreSelect, covers, kindOfCode } from './cadre-select';

type PointState = 'current' | 'ended' | 'upcoming';

function stateOf(point: ContactPoint, today: string): PointState {
  if (point.startDate > today) return 'upcoming';
  return point.endDate !== null && point.endDate < today ? 'ended' : 'current';
}

const stateColors: Record<PointState, string> = { current: 'green', ended: 'default', upcoming: 'blue' };

interface CreateValues {
  villageCode?: string;
  leaderId?: string;
  period?: [Dayjs, Dayjs | null];
}

/** 新增联系点: a district or town leader answers for a village from a date, until a date or further notice. */
function ContactPointModal(props: { open: boolean; onClose: () => void; afterClose: () => void }) {
  const { open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const { index } = useAreaIndex();
  const board = usePairingBoard(undefined);
  const create = useCreateContactPoint();
  const villageCode: string | undefined = Form.useWatch('villageCode', form);
  const villageTree = useMemo(() => toTreeNodes(index, (a) => a.kind === 'village'), [index]);
  // Leaders are accounts of the district or a town whose area holds the village.
  const leaders = useMemo(
    () =>
      (board.data?.cadres ?? []).filter((c) => {
        const kind = kindOfCode(c.areaCode);
        return (kind === 'district' || kind === 'town') && (!villageCode || covers(c.areaCode, villageCode));
      }),
    [board.data, villageCode],
  );
  const { validate, handleError } = useSchemaForm(form, ContactPointBody, {
    rename: { startDate: ['period'], endDate: ['period'] },
    codes: { PAIRING_OUTSIDE_AREA: ['leaderId'], AREA_UNKNOWN: ['villageCode'] },
  });
  const [initialValues] = useState<CreateValues>(() => ({ period: [dayjs(), null] }));

  const submit = (values: CreateValues) => {
    const body = validate({
      leaderId: values.leaderId,
      villageCode: values.villageCode,
      startDate: values.period?.[0]?.format('YYYY-MM-DD'),
      endDate: values.period?.[1] ? values.period[1].format('YYYY-MM-DD') : null,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (point) => {
        message.success(
          t('assistance.contact.created', { leader: point.leaderName, village: point.villageName }),
        );
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      title={t('assistance.contact.createTitle')}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'contact-submit' }}
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        name="contact-point"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: CreateValues) => {
          if (changed.villageCode) form.setFieldValue('leaderId', undefined);
        }}
      >
        <Form.Item
          name="villageCode"
          label={t('assistance.village')}
          rules={[{ required: true, message: t('assistance.contact.villageRule') }]}
        >
          <TreeSelect
            treeData={villageTree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
            popupMatchSelectWidth={false}
            data-testid="contact-village"
          />
        </Form.Item>
        <Form.Item
          name="leaderId"
          label={t('assistance.contact.leader')}
          extra={t('assistance.contact.leaderHint')}
          rules={[{ required: true, message: t('assistance.contact.leaderRule') }]}
        >
          <CadreSelect cadres={leaders} data-testid="contact-leader" />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('assistance.contact.period')}
          extra={t('assistance.contact.periodHint')}
          rules={[{ required: true, message: t('assistance.contact.periodRule') }]}
        >
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            allowEmpty={[false, true]}
            placeholder={[t('assistance.startDate'), t('assistance.contact.open')]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 结束联系点: the last day the leader answers for the village. */
function EndModal(props: {
  point: ContactPoint;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { point, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const end = useEndContactPoint();
  const showError = useShowError();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  return (
    <Modal
      title={t('assistance.contact.endTitle', { leader: point.leaderName, village: point.villageName })}
      open={open}
      onCancel={onClose}
      afterClose={afterClose}
      okText={t('assistance.contact.end')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: end.isPending, 'data-testid': 'contact-end-submit' }}
      onOk={() =>
        end.mutate(
          { id: point.id, endDate: date.format('YYYY-MM-DD') },
          {
            onSuccess: () => {
              message.success(t('assistance.contact.ended'));
              onClose();
            },
            onError: showError,
          },
        )
      }
    >
      <Typography.Paragraph>{t('assistance.contact.endLead')}</Typography.Paragraph>
      <DatePicker
        value={date}
        onChange={(d) => d && setDate(d)}
        allowClear={false}
        disabledDate={(d) => d.isBefore(dayjs(point.startDate), 'day')}
        style={{ width: '100%' }}
      />
    </Modal>
  );
}

/** 联系点: which leader answers for which village (领导干部联系点), for how long. */
export function ContactPointsPage() {
  const t = useT();
  const can = useCan();
  const canPair = can('assistance.pair');
  const { data, isFetching } = useContactPoints();
  const [view, setView] = useState<'current' | 'all'>('current');
  const create = useModalTarget<true>();
  const ending = useModalTarget<ContactPoint>();
  const today = districtToday();
  const rows = (data ?? []).filter((p) => view === 'all' || stateOf(p, today) !== 'ended');

  const columns: TableColumnsType<ContactPoint> = [
    { title: t('assistance.contact.leader'), dataIndex: 'leaderName' },
    { title: t('assistance.village'), dataIndex: 'villageName' },
    { title: t('assistance.startDate'), dataIndex: 'startDate' },
    {
      title: t('assistance.endDate'),
      dataIndex: 'endDate',
      render: (d: string | null) =>
        d ?? <Typography.Text type="secondary">{t('assistance.contact.open')}</Typography.Text>,
    },
    {
      title: t('assistance.contact.state'),
      key: 'state',
      render: (_, p) => {
        const state = stateOf(p, today);
        return <Tag color={stateColors[state]}>{t(`assistance.contact.state.${state}`)}</Tag>;
      },
    },
  ];
  if (canPair) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) =>
        stateOf(p, today) === 'ended' ? null : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => ending.show(p)}
            data-testid={`contact-end-${p.id}`}
          >
            {t('assistance.contact.end')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('assistance.contact.title')}
        extra={
          canPair && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => create.show(true)}
              data-testid="contact-create"
            >
              {t('assistance.contact.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('assistance.contact.intro')}</Typography.Paragraph>
      <Card
        size="small"
        extra={
          <Segmented<'current' | 'all'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'current', label: t('assistance.contact.viewCurrent') },
              { value: 'all', label: t('assistance.contact.viewAll') },
            ]}
          />
        }
        title={t('assistance.contact.list', { count: rows.length })}
      >
        <Table<ContactPoint>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={isFetching}
          size="middle"
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          rowClassName={(p) => (stateOf(p, today) === 'ended' ? 'lx-row-muted' : '')}
          locale={{ emptyText: t('assistance.contact.empty') }}
          data-testid="contact-points"
        />
      </Card>
      {create.target && (
        <ContactPointModal open={create.open} onClose={create.hide} afterClose={create.afterClose} />
      )}
      {ending.target && (
        <EndModal
          point={ending.target}
          open={ending.open}
          onClose={ending.hide}
          afterClose={ending.afterClose}
        />
      )}
    </>
  );
}
