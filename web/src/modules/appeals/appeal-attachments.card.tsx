import { FilePdfOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type Appeal,
  type AppealAttachment,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_APPEAL,
  attachmentTypes,
} from '@lianxin/common';
import { App, Button, Card, Flex, Image, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TransferProgress } from '../../api/client';
import { type Translate, useT } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { attachmentUrl, useUploadAttachment } from './appeals.api';

const MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;
/** The server takes names of at most 120 characters. */
const MAX_NAME = 120;

function isAttachmentType(type: string): type is AppealAttachment['contentType'] {
  return (attachmentTypes as readonly string[]).includes(type);
}

/** A long name keeps its extension: the download is still recognised for what it is. */
function shortName(name: string): string {
  if (name.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 8 ? name.slice(dot) : '';
  return `${name.slice(0, MAX_NAME - extension.length)}${extension}`;
}

function sizeText(t: Translate, bytes: number): string {
  return bytes < 1024 * 1024
    ? t('appeals.attachments.kb', { size: Math.max(1, Math.round(bytes / 1024)) })
    : t('appeals.attachments.mb', { size: (bytes / 1024 / 1024).toFixed(1) });
}

function AttachmentCaption({ attachment }: { attachment: AppealAttachment }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {attachment.uploadedBy ?? t('appeals.attachments.byResident')} · {formatDateTime(attachment.createdAt)}
      {' · '}
      {sizeText(t, attachment.size)}
    </Typography.Text>
  );
}

/**
 * 附件: photos of the matter as thumbnails (the browser loads them itself, same origin, with the
 * session cookie) and documents as download links; those who handle appeals may add more.
 */
export function AppealAttachmentsCard({ appeal, canUpload }: { appeal: Appeal; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useUploadAttachment();
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const images = appeal.attachments.filter((a) => a.contentType !== 'application/pdf');
  const documents = appeal.attachments.filter((a) => a.contentType === 'application/pdf');
  const full = appeal.attachments.length >= ATTACHMENTS_PER_APPEAL;

  // Checked here first: a wrong or too large file is refused before it is sent over a slow line.
  const send = (file: File) => {
    if (!isAttachmentType(file.type)) {
      message.error(t('appeals.attachments.typeInvalid'));
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(t('appeals.attachments.tooBig', { limit: MAX_MB }));
      return;
    }
    const named =
      file.name.length > MAX_NAME ? new File([file], shortName(file.name), { type: file.type }) : file;
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { appealId: appeal.id, file: named, onProgress: setProgress },
      {
        onSuccess: (added) => message.success(t('appeals.attachments.added', { name: added.fileName })),
        onError: showError,
        onSettled: () => setProgress(null),
      },
    );
  };

  const uploader =
    canUpload && !full ? (
      <Upload
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          send(file);
          // The file goes up as the raw request body with its own type (see upload in the API client).
          return false;
        }}
      >
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={upload.isPending}
          data-testid="attachment-upload"
        >
          {t('appeals.attachments.add')}
        </Button>
      </Upload>
    ) : null;

  return (
    <Card
      size="small"
      title={
        <span>
          <PaperClipOutlined /> {t('appeals.attachments.title')}
          {appeal.attachments.length > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {' '}
              {t('appeals.attachments.count', {
                count: appeal.attachments.length,
                max: ATTACHMENTS_PER_APPEAL,
              })}
            </Typography.Text>
          )}
        </span>
      }
      extra={uploader}
      style={{ marginBottom: 16 }}
      data-testid="appeal-attachments"
    >
      {progress && (
        <Progress
          percent={progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0}
          status="active"
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="attachment-progress"
        />
      )}
      {appeal.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('appeals.attachments.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {images.length > 0 && (
            <Image.PreviewGroup>
              <Flex wrap gap={8}>
                {images.map((image) => (
                  <Flex vertical key={image.id} style={{ width: 104 }} data-testid="attachment-image">
                    <Image
                      src={attachmentUrl(appeal.id, image.id)}
                      alt={image.fileName}
                      width={104}
                      height={104}
                      style={{ objectFit: 'cover', borderRadius: 6, background: '#f5f5f5' }}
                    />
                    <Typography.Text ellipsis={{ tooltip: image.fileName }} style={{ fontSize: 12 }}>
                      {image.fileName}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {image.uploadedBy ?? t('appeals.attachments.byResident')}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
          {documents.map((document) => (
            <Flex key={document.id} gap={8} align="flex-start" data-testid="attachment-document">
              <FilePdfOutlined style={{ fontSize: 20, color: '#cf1322', marginTop: 2 }} />
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Link
                  href={attachmentUrl(appeal.id, document.id)}
                  download={document.fileName}
                  ellipsis
                >
                  {document.fileName}
                </Typography.Link>
                <AttachmentCaption attachment={document} />
              </Flex>
            </Flex>
          ))}
          {canUpload && full && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('appeals.attachments.full', { max: ATTACHMENTS_PER_APPEAL })}
            </Typography.Text>
          )}
        </Flex>
      )}
      {canUpload && !full && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
          {t('appeals.attachments.hint', { limit: MAX_MB, max: ATTACHMENTS_PER_APPEAL })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
