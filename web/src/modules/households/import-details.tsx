import { CheckCircleOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type HouseholdImport,
  householdImportsApi,
  type ImportError,
  type ImportStatus,
  type ImportSummary,
} from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Result,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useDownload } from '../../shared/download';
import { useShowError } from '../../shared/feedback';
import { runningStatuses, useCommitImport } from './household-import.api';
import { ImportLayoutCard } from './import-layout';

const statusColors: Record<ImportStatus, string> = {
  validating: 'processing',
  ready: 'blue',
  invalid: 'error',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const t = useT();
  return <Tag color={statusColors[status]}>{t(`importStatus.${status}`)}</Tag>;
}

function SummaryStatistics({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const group = (title: string, counts: ImportSummary['households'], testId: string) => (
    <Card size="small" title={title} data-testid={testId}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic
            title={t('import.create')}
            value={counts.create}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('import.update')}
            value={counts.update}
            styles={{ content: { color: '#1677ff' } }}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('import.unchanged')} value={counts.unchanged} />
        </Col>
      </Row>
    </Card>
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={4}>
        <Card size="small" title={t('import.rows')} style={{ height: '100%' }}>
          <Statistic value={summary.rows} />
          {summary.rowsWithErrors > 0 && (
            <Typography.Text type="danger" data-testid="import-rows-with-errors">
              {t('import.rowsWithErrors', { rows: summary.rowsWithErrors })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={10}>
        {group(t('import.households'), summary.households, 'import-summary-households')}
      </Col>
      <Col xs={24} md={10}>
        {group(t('import.residents'), summary.residents, 'import-summary-residents')}
      </Col>
    </Row>
  );
}

function ImportErrors({ item }: { item: HouseholdImport }) {
  const t = useT();
  const columns: TableColumnsType<ImportError> = [
    {
      title: t('import.errorRow'),
      dataIndex: 'row',
      width: 90,
      render: (row: number) => (row === 0 ? t('import.wholeFile') : row),
    },
    {
      title: t('import.errorColumn'),
      dataIndex: 'column',
      width: 160,
      render: (c: string | null) => c ?? '—',
    },
    { title: t('import.errorMessage'), dataIndex: 'message' },
  ];
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('import.errorsTitle')}
          <Tag color="error">{item.errorCount}</Tag>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      {item.errorCount > item.errors.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('import.errorsTruncated', { shown: item.errors.length, count: item.errorCount })}
        />
      )}
      <Table<ImportError>
        rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
        columns={columns}
        dataSource={item.errors}
        size="small"
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
        data-testid="import-errors"
      />
    </Card>
  );
}

/** The import being looked at: progress while the server works, then its summary and errors. */
export function ImportDetails({ item, onRestart }: { item: HouseholdImport; onRestart: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const commit = useCommitImport();
  const running = runningStatuses.includes(item.status);
  const { done, total } = item.progress;

  const download = useDownload();
  const confirm = (validOnly = false) =>
    commit.mutate(
      { id: item.id, validOnly },
      { onSuccess: () => message.info(t('import.committingStarted')), onError: showError },
    );
  const valid = item.summary ? item.summary.households.create + item.summary.households.update : 0;
  const held = item.summary?.heldBack ?? { households: 0, rows: 0 };
  const downloadHeldBack = () =>
    download.start({
      title: t('import.heldBack'),
      contract: householdImportsApi.heldBack,
      input: { params: { id: item.id } },
      fileName: t('import.heldBackFileName'),
    });

  return (
    <Card
      size="small"
      title={
        <Space>
          {item.fileName}
          <ImportStatusTag status={item.status} />
        </Space>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={onRestart} disabled={running} data-testid="import-restart">
          {t('import.another')}
        </Button>
      }
      data-testid="import-details"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'by', label: t('import.createdBy'), children: item.createdBy ?? '—' },
          { key: 'at', label: t('import.createdAt'), children: formatDateTime(item.createdAt) },
          {
            key: 'committed',
            label: t('import.committedAt'),
            children: formatDateTime(item.committedAt) || '—',
          },
        ]}
      />
      {item.status !== 'committed' && <ImportLayoutCard item={item} />}
      {running && (
        <div style={{ marginBottom: 16 }} data-testid="import-progress">
          <Typography.Text>
            {total === 0
              ? t('import.reading')
              : t(item.status === 'validating' ? 'import.validating' : 'import.committing', { done, total })}
          </Typography.Text>
          <Progress percent={total > 0 ? Math.floor((done / total) * 100) : 0} status="active" />
        </div>
      )}
      {item.status === 'committed' && item.summary && (
        <Result
          status="success"
          title={t('import.committedTitle')}
          subTitle={t('import.committedText', {
            created: item.summary.households.create,
            updated: item.summary.households.update,
            residents: item.summary.residents.create + item.summary.residents.update,
          })}
          style={{ padding: '8px 0 24px' }}
          extra={
            item.heldBackFile && (
              <Space direction="vertical">
                <Typography.Text type="warning">
                  {t('import.committedHeldBack', { households: held.households, rows: held.rows })}
                </Typography.Text>
                <Button icon={<DownloadOutlined />} onClick={downloadHeldBack} data-testid="import-held-back">
                  {t('import.heldBack')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {item.status === 'failed' && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('import.failed')} />
      )}
      {item.status === 'invalid' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.invalidTitle')}
          description={t('import.invalidText')}
        />
      )}
      {item.summary && <SummaryStatistics summary={item.summary} />}
      {item.errorCount > 0 && <ImportErrors item={item} />}
      {(item.status === 'ready' || item.status === 'invalid') && (
        <Space>
          <Popconfirm
            title={t('import.confirmTitle')}
            description={t('import.confirmText')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirm()}
            disabled={item.status !== 'ready'}
          >
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={item.status !== 'ready'}
              loading={commit.isPending}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Popconfirm>
          {item.status === 'invalid' && valid > 0 && (
            <Popconfirm
              title={t('import.validOnlyTitle', { households: valid })}
              description={t('import.validOnlyText', { held: held.households, rows: held.rows })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => confirm(true)}
            >
              <Button loading={commit.isPending} data-testid="import-commit-valid">
                {t('import.validOnly', { households: valid })}
              </Button>
            </Popconfirm>
          )}
          {item.status === 'ready' && (
            <Typography.Text type="secondary">{t('import.readyHint')}</Typography.Text>
          )}
        </Space>
      )}
      {download.modal}
    </Card>
  );
}
