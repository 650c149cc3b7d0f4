import {
  CheckCircleOutlined,
  EditOutlined,
  ExportOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { noticeAttachmentsApi } from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { periodEndText, periodText } from '../../public/notices/notice-dates';
import { useCan } from '../../session/session';
import { useDownload } from '../../shared/download';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { type NoticeAction, NoticeActionModal } from './notice-actions';
import { NoticeFormDrawer } from './notice-form.drawer';
import { kindLabel, periodLabel, statusColors, statusLabel } from './notice-labels';
import { NoticeTimeline } from './notice-timeline';
import { useNotice, usePublishNotice, useUploadNoticeFile } from './notices.api';

/** One notice: its text and period, files, the timeline of comments and objections, and what may be done next. */
export function NoticePage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const { id = '' } = useParams();
  const { data: notice, error, refetch, isLoading } = useNotice(id);
  const publish = usePublishNotice();
  const uploadFile = useUploadNoticeFile();
  const download = useDownload();
  const [action, setAction] = useState<NoticeAction | null>(null);
  const [editing, setEditing] = useState(false);

  if (isLoading) return <Spin />;
  if (error || !notice) return <LoadFailed error={error} onRetry={() => void refetch()} />;
  const manage = can('notices.manage');
  const draft = notice.status === 'draft';
  const live = notice.status === 'published';
  const over = notice.endsAt !== null && Date.parse(notice.endsAt) <= Date.now();

  const doPublish = () =>
    publish.mutate(
      { id: notice.id, version: notice.version },
      {
        onSuccess: (n) =>
          message.success(t('notices.publishedOk', { endsAt: n.endsAt ? periodEndText(n.endsAt) : '' })),
        onError: showError,
      },
    );

  const actions = manage && (
    <Space wrap>
      {draft && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="notice-edit">
          {t('notices.edit')}
        </Button>
      )}
      {draft && (
        <Popconfirm
          title={t('notices.confirm.publish')}
          onConfirm={doPublish}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={publish.isPending}
            data-testid="notice-publish"
          >
            {t('notices.action.publish')}
          </Button>
        </Popconfirm>
      )}
      {live && (
        <Button
          type={over ? 'primary' : 'default'}
          icon={<CheckCircleOutlined />}
          onClick={() => setAction({ kind: 'close' })}
          data-testid="notice-close"
        >
          {t('notices.action.close')}
        </Button>
      )}
      {(draft || live) && (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setAction({ kind: 'withdraw' })}
          data-testid="notice-withdraw"
        >
          {t('notices.action.withdraw')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <BackBreadcrumb listPath="/notices" listTitle={t('notices.title')} current={notice.title} />
      <PageHeader
        title={
          <Space wrap>
            {notice.title}
            <Tag color={statusColors[notice.status]}>{statusLabel(t, notice.status)}</Tag>
            {live && over && <Tag color="orange">{t('notices.awaitingClose')}</Tag>}
          </Space>
        }
        extra={actions}
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('notices.field.kind')}>
                {kindLabel(t, notice.kind)}
              </Descriptions.Item>
              <Descriptions.Item label={t('notices.field.area')}>{notice.publisherName}</Descriptions.Item>
              <Descriptions.Item label={t('notices.col.period')}>
                {notice.startsAt && notice.endsAt
                  ? t('notices.window', periodText(notice.startsAt, notice.endsAt))
                  : periodLabel(t, notice.periodDays, notice.periodUnit)}
              </Descriptions.Item>
              <Descriptions.Item label={t('notices.field.commentMode')}>
                {t(`notices.mode.${notice.commentMode}`)}
              </Descriptions.Item>
              {notice.outcome && (
                <Descriptions.Item label={t('notices.close.outcome')}>
                  {t(`notices.outcome.${notice.outcome}`)}
                </Descriptions.Item>
              )}
              {notice.closingNote && (
                <Descriptions.Item label={t('notices.detail.closingNote')}>
                  {notice.closingNote}
                </Descriptions.Item>
              )}
              {notice.withdrawReason && (
                <Descriptions.Item label={t('notices.detail.withdrawReason')}>
                  {notice.withdrawReason}
                </Descriptions.Item>
              )}
            </Descriptions>
            {(live || notice.status === 'closed') && (
              <Typography.Link href={`/public/notices/${notice.id}`} target="_blank">
                <ExportOutlined /> {t('notices.action.publicPage')}
              </Typography.Link>
            )}
          </Card>
          <Card size="small" title={t('notices.detail.body')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {notice.body}
            </Typography.Paragraph>
          </Card>
          <Card
            size="small"
            title={t('notices.detail.attachments')}
            extra={
              manage &&
              draft && (
                <Upload
                  accept="image/jpeg,image/png,application/pdf"
                  showUploadList={false}
                  customRequest={({ file }) =>
                    uploadFile.mutate(
                      { id: notice.id, file: file as File },
                      {
                        onSuccess: (a) => message.success(t('notices.uploadedOk', { name: a.fileName })),
                        onError: showError,
                      },
                    )
                  }
                >
                  <Button size="small" icon={<UploadOutlined />} loading={uploadFile.isPending}>
                    {t('notices.action.upload')}
                  </Button>
                </Upload>
              )
            }
          >
            {notice.attachments.length === 0 ? (
              <Typography.Text type="secondary">{t('notices.detail.noAttachments')}</Typography.Text>
            ) : (
              <Space direction="vertical">
                {notice.attachments.map((a) => (
                  <Typography.Link
                    key={a.id}
                    onClick={() =>
                      download.start({
                        title: a.fileName,
                        contract: noticeAttachmentsApi.get,
                        input: { params: { id: notice.id, attachmentId: a.id } },
                        fileName: a.fileName,
                      })
                    }
                  >
                    <PaperClipOutlined /> {a.fileName} ({Math.ceil(a.size / 1024)} KB)
                  </Typography.Link>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('notices.detail.timeline')}>
            {notice.commentsList.length === 0 ? (
              <Empty description={t('notices.detail.noComments')} />
            ) : (
              <NoticeTimeline notice={notice} manage={manage && live} onAction={setAction} />
            )}
          </Card>
        </Col>
      </Row>
      <NoticeActionModal notice={notice} action={action} onDone={() => setAction(null)} />
      <NoticeFormDrawer
        open={editing}
        notice={notice}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      {download.modal}
    </>
  );
}
