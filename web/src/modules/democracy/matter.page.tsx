import { isArticle24, mattersApi } from '@lianxin/common';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useDownload } from '../../shared/download';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useMatter, useMatterMeetings } from './democracy.api';
import { formatYuan, statusColors } from './democracy-labels';
import { MatterActions } from './matter-actions';
import { MatterFilesCard } from './matter-files.card';
import { MatterSteps } from './matter-steps';
import { MatterWorkSection } from './matter-work.section';

/** One matter: its steps in order with each meeting, the two publicities, and the carrying out. */
export function MatterPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const { data: matter, error, refetch } = useMatter(id);
  const { meetings } = useMatterMeetings(id);
  const download = useDownload();

  if (error) return <LoadFailed error={error} onRetry={() => refetch()} />;
  if (!matter) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  const carrying = ['adopted', 'carrying_out', 'result_published', 'closed'].includes(matter.status);

  return (
    <>
      <BackBreadcrumb
        listPath="/democracy/matters"
        listTitle={t('democracyWeb.board.title')}
        current={matter.title}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="matter-title">
          {matter.title}
        </Typography.Title>
        <Tag color={statusColors[matter.status]} data-testid="matter-status">
          {t(`democracy.status.${matter.status}`)}
        </Tag>
      </Flex>
      {can('democracy.manage') && <MatterActions matter={matter} meetings={meetings} />}
      {matter.withdrawReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('democracyWeb.matter.withdrawn', { reason: matter.withdrawReason })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('democracyWeb.field.village')}>
                {matter.villageName}
              </Descriptions.Item>
              <Descriptions.Item label={t('democracyWeb.field.kind')}>
                {t(`democracy.kind.${matter.kind}`)}
                {isArticle24(matter.kind) && (
                  <Tag style={{ marginLeft: 6 }}>{t('democracyWeb.matter.article24Tag')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('democracyWeb.field.amount')}>
                {matter.estimatedAmount !== null ? formatYuan(matter.estimatedAmount) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('democracyWeb.matter.proposedAt')}>
                {formatDateTime(matter.createdAt)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>
              {matter.description}
            </Typography.Paragraph>
          </Card>
          {matter.decision && (
            <Card
              size="small"
              title={t('democracyWeb.matter.decision')}
              style={{ marginBottom: 16 }}
              data-testid="matter-decision"
              extra={
                <Button
                  size="small"
                  onClick={() =>
                    download.start({
                      title: t('democracyWeb.export.resolution'),
                      contract: mattersApi.resolutionPdf,
                      input: { params: { id } },
                      fileName: `${matter.title}.pdf`,
                    })
                  }
                  data-testid="resolution-pdf"
                >
                  {t('democracyWeb.export.resolution')}
                </Button>
              }
            >
              {t('democracyWeb.labelled', {
                label: t(`democracy.body.${matter.decision.body}`),
                text: t('democracyWeb.meeting.voteCounts', {
                  for: matter.decision.for,
                  against: matter.decision.against,
                  abstain: matter.decision.abstain,
                }),
              })}
            </Card>
          )}
          {carrying && <MatterWorkSection matter={matter} canWrite={can('democracy.manage')} />}
          <MatterFilesCard matter={matter} canWrite={can('democracy.manage')} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('democracyWeb.matter.steps')}>
            <MatterSteps matter={matter} meetings={meetings} />
          </Card>
        </Col>
      </Row>
      {download.modal}
    </>
  );
}
