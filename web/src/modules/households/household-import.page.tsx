import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type HouseholdImport, householdImportsApi, type ImportStatus, importLimits } from '@lianxin/common';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Progress,
  Select,
  Space,
  Steps,
  Table,
  type TableColumnsType,
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
  useHouseholdImport,
  useRecentImports,
  useUploadImport,
} from './household-import.api';
import { householdsKey } from './households.api';
import { ImportDetails, ImportStatusTag } from './import-details';
import { useVillageOptions } from './import-layout';

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
  // A one-village 台账 has no village column: a town's staff may say which village it is before
  // sending it (a village cadre's own village is taken by default; it can be changed afterwards).
  const villages = useVillageOptions();
  const [villageCode, setVillageCode] = useState<string | undefined>(undefined);
  const maxMb = importLimits.fileBytes / 1024 / 1024;

  const send = (file: File) => {
    if (file.size > importLimits.fileBytes) {
      showError(new Error(t('import.tooBig', { limit: maxMb })));
      return;
    }
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, villageCode, onProgress: setProgress },
      { onSuccess: onUploaded, onError: showError, onSettled: () => setProgress(null) },
    );
  };

  return (
    <div data-testid="import-dropzone">
      {villages.length > 1 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('import.uploadVillage')}</Typography.Text>
          <Select<string>
            allowClear
            value={villageCode}
            placeholder={t('import.uploadVillageNone')}
            options={villages}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 220 }}
            onChange={(code) => setVillageCode(code)}
            data-testid="import-upload-village"
          />
        </Space>
      )}
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          send(file);
          // The file goes up as the raw request body (see upload() in api/client), not as antd's multipart form.
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
      contract: householdImportsApi.template,
      input: {},
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
