import { DeleteOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { Area, CadreLoad, Proposal } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { useAcceptProposal, usePairingBoard, useProposal } from './assistance.api';
import { proposalReasonLabel } from './assistance-labels';
import { CadreSelect, cadresFor } from './cadre-select';

type Row = Proposal['items'][number];

/**
 * 智能结对建议: the server's balanced assignment of a town's unpaired priority households; the
 * town head changes a cadre on any row or drops rows, then accepts (all rows or none are saved).
 */
export function ProposalDrawer(props: {
  towns: Area[];
  initialTown: string | undefined;
  villageName: (code: string) => string;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { towns, initialTown, villageName, open, onClose, afterClose } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [town, setTown] = useState(initialTown);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [unassigned, setUnassigned] = useState(0);
  const [startDate, setStartDate] = useState<Dayjs>(() => dayjs());
  const propose = useProposal();
  const accept = useAcceptProposal();
  const board = usePairingBoard(town, { enabled: town !== undefined });
  const { mutate: proposeFor } = propose;

  useEffect(() => {
    if (!town) return;
    setRows(null);
    proposeFor(town, {
      onSuccess: (proposal) => {
        setRows(proposal.items);
        setUnassigned(proposal.unassigned.length);
      },
      onError: showError,
    });
  }, [town, proposeFor, showError]);

  // Board figures of the chosen town only (placeholder data may still be another area's).
  const cadres = useMemo(
    () => (board.data && board.data.areaCode === town ? board.data.cadres : []),
    [board.data, town],
  );
  const heads = useMemo(
    () => new Map((board.data?.unpaired ?? []).map((h) => [h.id, h.headName])),
    [board.data],
  );
  // What each cadre would carry if the proposal is accepted as it stands now.
  const projected = useMemo(() => {
    const load = new Map(cadres.map((c) => [c.id, c.paired]));
    for (const row of rows ?? []) load.set(row.cadreId, (load.get(row.cadreId) ?? 0) + 1);
    return load;
  }, [cadres, rows]);
  const overQuota = (cadreId: string) => {
    const cadre = cadres.find((c) => c.id === cadreId);
    return cadre !== undefined && (projected.get(cadreId) ?? 0) > cadre.quota.max;
  };

  const change = (householdId: string, cadreId: string) =>
    setRows((was) => was?.map((r) => (r.householdId === householdId ? { ...r, cadreId } : r)) ?? null);
  const drop = (householdId: string) =>
    setRows((was) => was?.filter((r) => r.householdId !== householdId) ?? null);

  // The options show each cadre's load as it would be after accepting.
  const optionsFor = (row: Row): CadreLoad[] =>
    cadresFor(cadres, row.villageCode).map((c) => {
      const paired = projected.get(c.id) ?? c.paired;
      const state =
        paired > c.quota.max
          ? 'over'
          : paired === c.quota.max
            ? 'full'
            : paired < c.quota.min
              ? 'under'
              : 'within';
      return { ...c, paired, state };
    });

  const submit = () => {
    if (!rows || rows.length === 0) return;
    accept.mutate(
      {
        startDate: startDate.format('YYYY-MM-DD'),
        items: rows.map((r) => ({ householdId: r.householdId, cadreId: r.cadreId })),
      },
      {
        onSuccess: ({ created }) => {
          message.success(t('assistance.proposal.accepted', { count: created }));
          onClose();
        },
        onError: showError,
      },
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('assistance.household'),
      dataIndex: 'householdNumber',
      render: (number: string, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/households/${row.householdId}`} target="_blank">
            {number}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {heads.get(row.householdId) ?? ''} {villageName(row.villageCode)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('assistance.cadre'),
      dataIndex: 'cadreId',
      width: 280,
      render: (cadreId: string, row) => {
        const options = optionsFor(row);
        const known = options.some((c) => c.id === cadreId);
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {known ? (
              <CadreSelect
                cadres={options}
                showLoad
                value={cadreId}
                onChange={(next) => typeof next === 'string' && change(row.householdId, next)}
                style={{ width: '100%' }}
                status={overQuota(cadreId) ? 'error' : undefined}
                data-testid={`proposal-cadre-${row.householdNumber}`}
              />
            ) : (
              <Typography.Text>{row.cadreName}</Typography.Text>
            )}
            {overQuota(cadreId) && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('assistance.proposal.overQuota')}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('assistance.proposal.because'),
      dataIndex: 'because',
      render: (because: Row['because'], row) => {
        const original = propose.data?.items.find((i) => i.householdId === row.householdId);
        return original && original.cadreId !== row.cadreId ? (
          <Tag color="purple">{t('assistance.proposal.changed')}</Tag>
        ) : (
          <Tag>{proposalReasonLabel(t, because)}</Tag>
        );
      },
    },
    {
      title: '',
      key: 'drop',
      width: 48,
      render: (_, row) => (
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('assistance.proposal.drop')}
          title={t('assistance.proposal.drop')}
          onClick={() => drop(row.householdId)}
        />
      ),
    },
  ];

  const count = rows?.length ?? 0;
  const blocked = rows?.some((r) => overQuota(r.cadreId)) ?? false;

  return (
    <Drawer
      title={
        <Space>
          <ThunderboltOutlined />
          {t('assistance.proposal.title')}
        </Space>
      }
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={820}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space>
            <Typography.Text>{t('assistance.startDate')}</Typography.Text>
            <DatePicker value={startDate} onChange={(d) => d && setStartDate(d)} allowClear={false} />
          </Space>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={count === 0 || blocked}
              loading={accept.isPending}
              onClick={submit}
              data-testid="proposal-accept"
            >
              {t('assistance.proposal.accept', { count })}
            </Button>
          </Space>
        </Flex>
      }
      data-testid="proposal-drawer"
    >
      <Flex vertical gap={12}>
        <Space wrap>
          <Typography.Text>{t('assistance.proposal.town')}</Typography.Text>
          <Select
            value={town}
            onChange={setTown}
            placeholder={t('assistance.proposal.townPlaceholder')}
            options={towns.map((a) => ({ value: a.code, label: a.name }))}
            style={{ minWidth: 200 }}
            data-testid="proposal-town"
          />
        </Space>
        <Typography.Text type="secondary">{t('assistance.proposal.lead')}</Typography.Text>
        {!town && <Empty description={t('assistance.proposal.pickTown')} />}
        {town && propose.isPending && (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        )}
        {town && rows && (
          <>
            {unassigned > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('assistance.proposal.unassigned', { count: unassigned })}
              />
            )}
            {blocked && <Alert type="error" showIcon title={t('assistance.proposal.blocked')} />}
            <Table<Row>
              rowKey="householdId"
              columns={columns}
              dataSource={rows}
              size="small"
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('assistance.proposal.empty')} /> }}
              data-testid="proposal-table"
            />
          </>
        )}
      </Flex>
    </Drawer>
  );
}
