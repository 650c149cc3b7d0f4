import { PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import {
  type Appeal,
  type AppealAction,
  type AppealLevel,
  appealLevels,
  openAppealStatuses,
} from '@lianxin/common';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { NotFoundPage } from '../../shared/error.pages';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useModalTarget } from '../../shared/use-modal-target';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { AppealActionModal } from './appeal-action.modal';
import { AppealAttachmentsCard } from './appeal-attachments.card';
import { useCategoryIndex } from './appeal-categories';
import {
  type AppealCommand,
  channelLabel,
  commandLabel,
  levelLabel,
  mediationOutcomeColors,
  mediationOutcomeLabel,
  reporterKindLabel,
} from './appeal-labels';
import { AppealFlags, Deadline, RatingTag, StatusTag, UrgencyTag, useNow } from './appeal-tags';
import { AppealTimeline } from './appeal-timeline';
import { useAppeal } from './appeals.api';
import { CallbackModal } from './callback.modal';
import { useMediation } from './mediation.api';
import { MediationCreateModal } from './mediation-create.modal';

/** The order of the buttons: the usual next step first, the rarer and the undoing ones after. */
const commandOrder: AppealCommand[] = [
  'accept',
  'start',
  'resolve',
  'callback',
  'assign',
  'escalate',
  'send_down',
  'defer',
  'approve_deferral',
  'reject_deferral',
  'note',
  'merge',
  'return',
];
const primaryCommands: readonly AppealCommand[] = [
  'accept',
  'start',
  'resolve',
  'callback',
  'approve_deferral',
];
const dangerCommands: readonly AppealCommand[] = ['return', 'reject_deferral'];

/** 村级 → 镇级 → 区级: where the appeal is now, and the levels its timeline shows it has been at. */
function LevelPath({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const current = appealLevels.indexOf(appeal.level);
  const visited = new Set<AppealLevel>([appeal.level]);
  for (const event of appeal.timeline) if (event.toLevel) visited.add(event.toLevel);
  return (
    <Steps
      size="small"
      current={current}
      style={{ maxWidth: 420 }}
      items={appealLevels.map((level, i) => ({
        title: levelLabel(t, level),
        status: i === current ? 'process' : visited.has(level) ? 'finish' : 'wait',
        content:
          i === current ? t('appeals.levelNow') : visited.has(level) ? t('appeals.levelWas') : undefined,
      }))}
      data-testid="appeal-level-path"
    />
  );
}

function AppealSummaryCard({ appeal, actions }: { appeal: Appeal; actions: ReactNode }) {
  const t = useT();
  const now = useNow();
  const categories = useCategoryIndex();
  const { index } = useAreaIndex();
  const open = openAppealStatuses.includes(appeal.status);
  const villagePath = pathTo(index, appeal.villageCode).map((a) => a.name);
  const reporter =
    appeal.reporterKind === 'anonymous' ? (
      <Typography.Text type="secondary">{reporterKindLabel(t, 'anonymous')}</Typography.Text>
    ) : (
      <Space size={8} wrap>
        <span>{appeal.reporterName ?? '—'}</span>
        {appeal.reporterPhone && (
          <Typography.Text type="secondary">
            <PhoneOutlined /> {appeal.reporterPhone}
          </Typography.Text>
        )}
        <Tag bordered={false}>{reporterKindLabel(t, appeal.reporterKind)}</Tag>
        {appeal.householdId && (
          <Link to={`/households/${appeal.householdId}?tab=appeals`}>{t('appeals.openHousehold')}</Link>
        )}
      </Space>
    );

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space size={8} wrap>
          <span>{appeal.title}</span>
          <StatusTag status={appeal.status} />
          <UrgencyTag urgency={appeal.urgency} />
          <AppealFlags overdue={appeal.overdue} deferralPending={appeal.deferralPending} />
          <RatingTag rating={appeal.rating} />
        </Space>
      }
      data-testid="appeal-summary"
    >
      {actions}
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={16}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'code',
                label: t('appeals.trackingCode'),
                children: (
                  <Typography.Text code copyable data-testid="appeal-tracking-code">
                    {appeal.trackingCode}
                  </Typography.Text>
                ),
              },
              {
                key: 'category',
                label: t('appeals.category'),
                children: categories.name(appeal.categoryCode),
              },
              { key: 'channel', label: t('appeals.channel'), children: channelLabel(t, appeal.channel) },
              {
                key: 'urgency',
                label: t('appeals.urgency'),
                children: <UrgencyTag urgency={appeal.urgency} always />,
              },
              {
                key: 'village',
                label: t('appeals.village'),
                children: villagePath.length > 0 ? villagePath.join(' / ') : appeal.villageName,
              },
              { key: 'address', label: t('appeals.address'), children: appeal.address || '—' },
              { key: 'reporter', label: t('appeals.reporter'), span: 'filled', children: reporter },
              {
                key: 'handler',
                label: t('appeals.handler'),
                children: appeal.handlerName ?? (
                  <Typography.Text type="secondary">{t('appeals.unassigned')}</Typography.Text>
                ),
              },
              {
                key: 'received',
                label: t('appeals.receivedAt'),
                children: formatDateTime(appeal.receivedAt),
              },
              {
                key: 'responseDue',
                label: t('appeals.responseDue'),
                children: (
                  <Deadline due={appeal.responseDueAt} active={appeal.status === 'received'} now={now} />
                ),
              },
              {
                key: 'resolutionDue',
                label: t('appeals.resolutionDue'),
                children: <Deadline due={appeal.resolutionDueAt} active={open} now={now} />,
              },
              ...(appeal.acceptedAt
                ? [
                    {
                      key: 'accepted',
                      label: t('appeals.acceptedAt'),
                      children: formatDateTime(appeal.acceptedAt),
                    },
                  ]
                : []),
              ...(appeal.resolvedAt
                ? [
                    {
                      key: 'resolved',
                      label: t('appeals.resolvedAt'),
                      children: formatDateTime(appeal.resolvedAt),
                    },
                  ]
                : []),
              ...(appeal.closedAt
                ? [{ key: 'closed', label: t('appeals.closedAt'), children: formatDateTime(appeal.closedAt) }]
                : []),
              ...(appeal.reopenCount > 0
                ? [{ key: 'reopen', label: t('appeals.reopenCount'), children: appeal.reopenCount }]
                : []),
            ]}
          />
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 4 }}
            items={[
              {
                key: 'description',
                label: t('appeals.description'),
                children: (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {appeal.description}
                  </Typography.Paragraph>
                ),
              },
              ...(appeal.resolution
                ? [
                    {
                      key: 'resolution',
                      // A reopened appeal keeps the text of the resolution the resident rejected.
                      label: t(
                        appeal.resolvedAt === null ? 'appeals.previousResolution' : 'appeals.resolution',
                      ),
                      children: (
                        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                          {appeal.resolution}
                          {appeal.resolvedAt !== null && appeal.resolvedLevel && (
                            <Typography.Text type="secondary">
                              {' '}
                              （{t('appeals.resolvedAtLevel', { level: levelLabel(t, appeal.resolvedLevel) })}
                              ）
                            </Typography.Text>
                          )}
                        </Typography.Paragraph>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Text type="secondary">{t('appeals.levelPath')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <LevelPath appeal={appeal} />
          </div>
          {appeal.deferral && (
            <Alert
              style={{ marginTop: 16 }}
              type={appeal.deferral.approved ? 'info' : 'warning'}
              showIcon
              title={appeal.deferral.approved ? t('appeals.deferralApproved') : t('appeals.deferralPending')}
              description={t('appeals.deferralText', {
                reason: appeal.deferral.reason,
                date: formatDate(appeal.deferral.plannedDate),
              })}
              data-testid="appeal-deferral"
            />
          )}
          {appeal.mergedIntoId && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title={t('appeals.mergedInto')}
              action={<Link to={`/appeals/${appeal.mergedIntoId}`}>{t('appeals.openMerged')}</Link>}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}

function CallbackCard({ appeal }: { appeal: Appeal }) {
  const t = useT();
  const now = useNow();
  const callback = appeal.callback;
  return (
    <Card
      size="small"
      title={t('appeals.callbackTitle')}
      style={{ marginBottom: 16 }}
      data-testid="appeal-callback"
    >
      {!callback ? (
        <Typography.Text type="secondary">{t('appeals.callbackNone')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'due',
              label: t('callbacks.dueAt'),
              children: <Deadline due={callback.dueAt} active={callback.doneAt === null} now={now} />,
            },
            {
              key: 'done',
              label: t('callbacks.doneAt'),
              children: callback.doneAt ? (
                `${formatDateTime(callback.doneAt)}${callback.doneByName ? ` · ${callback.doneByName}` : ''}`
              ) : (
                <Typography.Text type="warning">{t('callbacks.pending')}</Typography.Text>
              ),
            },
            ...(callback.rating
              ? [
                  {
                    key: 'rating',
                    label: t('callbacks.rating'),
                    children: <RatingTag rating={callback.rating} />,
                  },
                ]
              : []),
            ...(callback.comment
              ? [{ key: 'comment', label: t('callbacks.comment'), children: callback.comment }]
              : []),
            ...(appeal.ratingComment && appeal.ratingComment !== callback.comment
              ? [{ key: 'ratingComment', label: t('appeals.ratingComment'), children: appeal.ratingComment }]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

/** The appeal's mediation with a link; for a dispute without one, the button that starts it. */
function MediationCard(props: { appeal: Appeal; dispute: boolean; onStart: (() => void) | null }) {
  const { appeal, dispute, onStart } = props;
  const t = useT();
  const { data: mediation, isLoading } = useMediation(appeal.mediationId ?? '', {
    enabled: appeal.mediationId !== null,
  });
  const mediationId = appeal.mediationId;
  // A screening may have opened a mediation for any kind of matter: shown whenever there is one.
  if (!mediationId && !dispute) return null;
  return (
    <Card
      size="small"
      title={t('mediation.cardTitle')}
      style={{ marginBottom: 16 }}
      loading={isLoading}
      data-testid="appeal-mediation"
    >
      {mediationId ? (
        <Space orientation="vertical" size={4}>
          {mediation && (
            <Space size={8} wrap>
              {mediation.outcome ? (
                <Tag color={mediationOutcomeColors[mediation.outcome]}>
                  {mediationOutcomeLabel(t, mediation.outcome)}
                </Tag>
              ) : (
                <Tag color="processing">{t('mediation.ongoing')}</Tag>
              )}
              <Typography.Text type="secondary">
                {t('mediation.summary', {
                  parties: mediation.parties.length,
                  sessions: mediation.sessions.length,
                })}
              </Typography.Text>
            </Space>
          )}
          <Link to={`/mediations/${mediationId}`} data-testid="appeal-mediation-link">
            {t('mediation.open')}
          </Link>
        </Space>
      ) : onStart ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('mediation.noneYet')}</Typography.Text>
          <Button icon={<TeamOutlined />} onClick={onStart} data-testid="appeal-start-mediation">
            {t('mediation.create')}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('mediation.none')}</Typography.Text>
      )}
    </Card>
  );
}

/** 诉求详情: the appeal, its deadlines and level path, what the caller may do now, and its history. */
export function AppealPage() {
  const t = useT();
  const can = useCan();
  const _navigate = useNavigate();
  const _location = useLocation();
  const { id = '' } = useParams();
  const { data: appeal, error, isPending, refetch } = useAppeal(id);
  const categories = useCategoryIndex();
  const actionModal = useModalTarget<AppealAction>();
  const callbackModal = useModalTarget<true>();
  const mediationModal = useModalTarget<Appeal>();

  if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (error) return <LoadFailed error={error} onRetry={() => refetch()} />;

  const breadcrumb = (
    <BackBreadcrumb
      listPath="/appeals"
      listTitle={t('appeals.title')}
      current={appeal ? appeal.trackingCode : '…'}
      testId="appeal-back"
    />
  );
  if (isPending) {
    return (
      <>
        {breadcrumb}
        <Card>
          <Skeleton active />
        </Card>
      </>
    );
  }

  const commands = commandOrder.filter((c) => appeal.actions.includes(c));
  const primary = commands.find((c) => primaryCommands.includes(c));
  const run = (command: AppealCommand) =>
    command === 'callback' ? callbackModal.show(true) : actionModal.show(command);
  const dispute = categories.byCode.get(appeal.categoryCode)?.dispute ?? false;
  // Only the unit that holds the appeal may open a mediation; `note` is offered to exactly those.
  const canMediate = dispute && can('appeals.handle') && appeal.actions.includes('note');

  const actions =
    commands.length > 0 ? (
      <Space wrap style={{ marginBottom: 16 }} data-testid="appeal-actions">
        {commands.map((command) => (
          <Button
            key={command}
            // One primary button: the usual next step.
            type={command === primary ? 'primary' : 'default'}
            danger={dangerCommands.includes(command)}
            onClick={() => run(command)}
            data-testid={`appeal-action-${command}`}
          >
            {commandLabel(t, command)}
          </Button>
        ))}
      </Space>
    ) : null;

  return (
    <>
      {breadcrumb}
      <AppealSummaryCard appeal={appeal} actions={actions} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('appeals.timelineTitle')} style={{ marginBottom: 16 }}>
            {appeal.timeline.length === 0 ? <Empty /> : <AppealTimeline events={appeal.timeline} />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <AppealAttachmentsCard appeal={appeal} canUpload={can('appeals.handle')} />
          <CallbackCard appeal={appeal} />
          <MediationCard
            appeal={appeal}
            dispute={dispute}
            onStart={canMediate ? () => mediationModal.show(appeal) : null}
          />
        </Col>
      </Row>
      {actionModal.target && (
        <AppealActionModal
          appealId={appeal.id}
          action={actionModal.target}
          open={actionModal.open}
          onClose={actionModal.hide}
          afterClose={actionModal.afterClose}
        />
      )}
      {callbackModal.target && (
        <CallbackModal
          appealId={appeal.id}
          open={callbackModal.open}
          onClose={callbackModal.hide}
          afterClose={callbackModal.afterClose}
        />
      )}
      {mediationModal.target && (
        <MediationCreateModal
          appeal={mediationModal.target}
          open={mediationModal.open}
          onClose={mediationModal.hide}
          afterClose={mediationModal.afterClose}
        />
      )}
    </>
  );
}
