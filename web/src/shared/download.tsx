import type { AnyContract, ContractInput } from '@lianxin/common';
import { App, Button, Flex, Modal, Progress, Space, Spin, Typography } from 'antd';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { download, type TransferProgress } from '../api/client';
import { useLocale, useT } from '../i18n/i18n';
import { useShowError } from './feedback';
import { formatKilobytes } from './numbers';

/** Hands a downloaded file to the browser to save. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface DownloadRequest<C extends AnyContract> {
  /** The modal's title, e.g. "导出户籍档案". */
  title: string;
  /** The endpoint that answers the file (`responseKind: 'file'`), and its params and query. */
  contract: C;
  input: Pick<ContractInput<C>, 'params' | 'query'>;
  /** Used when the server does not name the file. */
  fileName: string;
}

interface Running {
  title: string;
  progress: TransferProgress;
}

function DownloadProgressModal({ running, onCancel }: { running: Running | null; onCancel: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const progress = running?.progress;
  const percent = progress?.total ? Math.round((progress.loaded / progress.total) * 100) : null;
  return (
    <Modal
      title={running?.title}
      open={running !== null}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button onClick={onCancel} data-testid="download-cancel">
          {t('common.cancel')}
        </Button>
      }
    >
      {/* A streamed export does not say its size: then only the kilobytes so far are known. */}
      {progress?.total && percent !== null ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="download-progress">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {t('download.receivedOf', {
              received: formatKilobytes(progress.loaded, locale),
              total: formatKilobytes(progress.total, locale),
            })}
          </Typography.Text>
        </Space>
      ) : (
        <Flex align="center" gap={12} style={{ padding: '8px 0' }} data-testid="download-progress">
          <Spin />
          <Typography.Text>
            {t('download.received', { received: formatKilobytes(progress?.loaded ?? 0, locale) })}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}

/**
 * Downloads a file from the API with a modal that shows the kilobytes received (an export of a
 * whole town takes a while) and lets the user cancel; the file is saved when it has all arrived.
 */
export function useDownload(): {
  start: <C extends AnyContract>(request: DownloadRequest<C>) => void;
  modal: ReactNode;
} {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [running, setRunning] = useState<Running | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    <C extends AnyContract>(request: DownloadRequest<C>) => {
      const abort = new AbortController();
      controller.current = abort;
      setRunning({ title: request.title, progress: { loaded: 0, total: null } });
      download(request.contract, request.input, {
        onProgress: (progress) => setRunning({ title: request.title, progress }),
        signal: abort.signal,
      })
        .then(({ blob, fileName }) => {
          const name = fileName ?? request.fileName;
          saveBlob(blob, name);
          message.success(t('download.done', { name }));
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted) showError(error);
        })
        .finally(() => {
          if (controller.current === abort) setRunning(null);
        });
    },
    [message, showError, t],
  );

  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
    setRunning(null);
  };

  return { start, modal: <DownloadProgressModal running={running} onCancel={cancel} /> };
}
