import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type HouseholdImport,
  type ImportError,
  type ImportStatus,
  type ImportSummary,
  importLimits,
} from '@lianxin/common';
import { useQueryClient } from '@tanstack/react-query';
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
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TransferProgress } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useDownload } from '../../shared/download';
import { useShowError } from '../../shared/feedback';
import { formatKilobytes } from '../../shared/numbers';
import { PageHeader } from '../../shared/page-header';
import {
  importsKey,
  runningStatuses,
  useCommitImport,
  useHouseholdImport,
  useRecentImports,
  useUploadImport,
} from './household-import.api';
import { householdsKey } from './households.api';

const statusColors: Record<ImportStatus, string> = {
  validating: 'processing',
  ready: 'blue',
  invalid: 'error',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
};

function ImportStatusTag({ status }: { status: ImportStatus }) {
  const t = useT();
  return <Tag color={statusColors[status]}>{t(`importStatus.${status}`)}</Tag>;
}

/** Upload → check → confirm → done, as steps. */
function stepOf(status: ImportStatus | null): { current: number; error: boolean } {
  switch (status) {
    case null:
      return { current: 0, error: false };
    case 'validating':
      return { current: 1, error: false };
    case 'invalid':
      return { current: 1, error: true };
    case 'ready':
      return { current: 2, error: false };
    case 'committing':
      return { current: 3, error: false };
    case 'failed':
      return { current: 3, error: true };
    case 'committed':
      return { current: 4, error: false };
  }
}

function ImportSteps({ status }: { status: ImportStatus | null }) {
  const t = useT();
  const { current, error } = stepOf(status);
  return (
    <Steps
      size="small"
      current={current}
      status={error ? 'error' : current === 4 ? 'finish' : 'process'}
      style={{ marginBottom: 24 }}
      items={[
        { title: t('import.stepUpload') },
        { title: t('import.stepValidate') },
        { title: t('import.stepConfirm') },
        { title: t('import.stepCommit') },
      ]}
    />
  );
}

/** Drop zone for the roster file; the upload shows its progress. */
function ImportUploader({ onUploaded }: { onUploaded: (created: HouseholdImport) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const showError = useShowError();
  const upload = useUploadImport();
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const maxMb = importLimits.fileBytes / 1024 / 1024;

  const send = (file: File) => {
    if (file.size > importLimits.fileBytes) {
      showError(new Error(t('import.tooBig', { limit: maxMb })));
      return;
    }
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, onProgress: setProgress },
      { onSuccess: onUploaded, onError: showError, onSettled: () => setProgress(null) },
    );
  };

  return (
    <div data-testid="import-dropzone">
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          send(file);
          // The file goes up as the raw request body (see apiUpload), not as antd's multipart form.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.dropHint')}</p>
        <p className="ant-upload-hint">{t('import.formatHint', { limit: maxMb, rows: importLimits.rows })}</p>
      </Upload.Dragger>
      {progress && (
        <div style={{ marginTop: 12 }} data-testid="import-upload-progress">
          <Typography.Text type="secondary">
            {t('import.uploading', {
              sent: formatKilobytes(progress.loaded, locale),
              total: formatKilobytes(progress.total ?? 0, locale),
            })}
          </Typography.Text>
          <Progress
            percent={progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0}
            status="active"
          />
        </div>
      )}
    </div>
  );
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
function ImportDetails({ item, onRestart }: { item: HouseholdImport; onRestart: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const commit = useCommitImport();
  const running = runningStatuses.includes(item.status);
  const { done, total } = item.progress;

  const confirm = () =>
    commit.mutate(item.id, {
      onSuccess: () => message.info(t('import.committingStarted')),
      onError: showError,
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
            onConfirm={confirm}
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
          {item.status === 'ready' && (
            <Typography.Text type="secondary">{t('import.readyHint')}</Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

function RecentImports({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const { data, isFetching } = useRecentImports();
  const columns: TableColumnsType<HouseholdImport> = [
    {
      title: t('import.fileName'),
      dataIndex: 'fileName',
      render: (name: string, item) => (
        <Typography.Link onClick={() => onSelect(item.id)} strong={item.id === selectedId}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('import.status'),
      dataIndex: 'status',
      render: (_, item) => <ImportStatusTag status={item.status} />,
    },
    { title: t('import.rows'), key: 'rows', align: 'right', render: (_, item) => item.summary?.rows ?? '—' },
    {
      title: t('import.errorsTitle'),
      dataIndex: 'errorCount',
      align: 'right',
      render: (count: number) => (count > 0 ? <Typography.Text type="danger">{count}</Typography.Text> : 0),
    },
    { title: t('import.createdBy'), dataIndex: 'createdBy', render: (by: string | null) => by ?? '—' },
    { title: t('import.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Card size="small" title={t('import.recent')}>
      <Table<HouseholdImport>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={(data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        data-testid="import-recent"
      />
    </Card>
  );
}

/** 批量导入: the village roster in Excel, checked row by row before anything is written. */
export function HouseholdImportPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const { data: item } = useHouseholdImport(id);
  const download = useDownload();
  const status = item?.status ?? null;

  // When the server is done with a step the list of recent imports is stale, and once an import
  // is committed so are the household lists and counts.
  useEffect(() => {
    if (!status || runningStatuses.includes(status)) return;
    void queryClient.invalidateQueries({ queryKey: [...importsKey, 'recent'] });
    if (status === 'committed') void queryClient.invalidateQueries({ queryKey: householdsKey });
  }, [status, queryClient]);

  const downloadTemplate = () =>
    download.start({
      title: t('import.templateTitle'),
      path: '/household-imports/template',
      fileName: t('import.templateFileName'),
    });

  return (
    <>
      <PageHeader
        title={t('import.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
            {t('import.template')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <ImportSteps status={id ? status : null} />
        {id && item ? (
          <ImportDetails item={item} onRestart={() => setParams({})} />
        ) : (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('import.intro')} />
            <ImportUploader onUploaded={(created) => setParams({ id: created.id })} />
          </>
        )}
      </Card>
      <RecentImports selectedId={id} onSelect={(next) => setParams({ id: next })} />
      {download.modal}
    </>
  );
}
