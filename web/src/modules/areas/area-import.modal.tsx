import { InboxOutlined } from '@ant-design/icons';
import type { AreaImportPlan, AreaImportRow, AreaImportRowProblem } from '@lianxin/common';
import {
  Alert,
  App,
  Button,
  Modal,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { areaKindLabel } from '../../shared/labels';
import { useAreaImport } from './area-import.api';

const actionColor: Record<AreaImportRow['action'], string> = {
  create: 'green',
  rename: 'orange',
  unchanged: 'default',
};
const actionKey = {
  create: 'areas.importActionCreate',
  rename: 'areas.importActionRename',
  unchanged: 'areas.importActionUnchanged',
} as const;

/** A row as the spreadsheet numbers it; "2:15" on a workbook's second sheet. */
function rowLabel({ sheet, row }: { sheet: number; row: number }): string {
  return sheet > 1 ? `${sheet}:${row}` : String(row);
}

/** 导入区划: choose a file, see what it would create, rename or leave and every bad row, then confirm. */
export function AreaImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const importing = useAreaImport();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<AreaImportPlan | null>(null);

  const reset = () => {
    setFile(null);
    setPlan(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const check = (chosen: File) => {
    setFile(chosen);
    setPlan(null);
    importing.mutate({ file: chosen, apply: false }, { onSuccess: setPlan, onError: showError });
  };
  const confirm = () => {
    if (!file) return;
    importing.mutate(
      { file, apply: true },
      {
        onSuccess: (result) => {
          if (!result.applied) {
            setPlan(result);
            return;
          }
          void message.success(t('areas.importDone', result.summary));
          close();
        },
        onError: showError,
      },
    );
  };

  const changes = plan ? plan.summary.create + plan.summary.rename : 0;
  const itemColumns: TableColumnsType<AreaImportRow> = [
    { title: t('areas.importRow'), dataIndex: 'row', width: 72, render: (_, item) => rowLabel(item) },
    { title: t('areas.code'), dataIndex: 'code', width: 150 },
    { title: t('areas.name'), dataIndex: 'name' },
    { title: t('areas.kind'), dataIndex: 'kind', width: 110, render: (kind) => areaKindLabel(t, kind) },
    {
      title: t('areas.importAction'),
      dataIndex: 'action',
      width: 90,
      render: (action: AreaImportRow['action']) => (
        <Tag color={actionColor[action]}>{t(actionKey[action])}</Tag>
      ),
    },
    { title: t('areas.importPreviousName'), dataIndex: 'previousName', render: (name) => name ?? '' },
  ];
  const problemColumns: TableColumnsType<AreaImportRowProblem> = [
    {
      title: t('areas.importRow'),
      dataIndex: 'row',
      width: 72,
      render: (_, problem) => (problem.row === 0 ? '—' : rowLabel(problem)),
    },
    { title: t('areas.importProblem'), dataIndex: 'message' },
  ];

  return (
    <Modal
      open={open}
      title={t('areas.importTitle')}
      width={880}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          {plan && <Button onClick={reset}>{t('areas.importChooseAgain')}</Button>}
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="area-import-confirm"
            disabled={!plan || plan.problemCount > 0 || changes === 0}
            loading={importing.isPending && plan !== null}
            onClick={confirm}
          >
            {t('areas.importConfirm')}
          </Button>
        </Space>
      }
    >
      {!plan && (
        <Spin spinning={importing.isPending} tip={t('areas.importChecking')}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={importing.isPending}
            beforeUpload={(chosen) => {
              check(chosen);
              // The file goes up as the raw request body (see upload() in api/client), not as a multipart form.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-hint">{t('areas.importHint')}</p>
          </Upload.Dragger>
        </Spin>
      )}
      {plan && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="area-import-plan">
          <Typography.Text strong>
            {file?.name}: {t('areas.importSummary', { rows: plan.rows, ...plan.summary })}
          </Typography.Text>
          {plan.problemCount > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                message={t('areas.importProblems', { count: plan.problemCount })}
              />
              <Table
                rowKey={(p) => `${p.sheet}-${p.row}-${p.problem}`}
                size="small"
                columns={problemColumns}
                dataSource={plan.problems}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
              />
            </>
          ) : (
            changes === 0 && <Alert type="info" showIcon message={t('areas.importNothing')} />
          )}
          <Table
            rowKey="code"
            size="small"
            columns={itemColumns}
            dataSource={plan.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </Space>
      )}
    </Modal>
  );
}
