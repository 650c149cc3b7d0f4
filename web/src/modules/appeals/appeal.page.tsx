import type { Appeal, AppealAction } from '@lianxin/common';
import { Button, Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { NotFoundPage } from '../../shared/error.pages';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useModalTarget } from '../../shared/use-modal-target';
import { RouteUnitModal } from '../departments/route-unit.modal';
import { AppealActionModal } from './appeal-action.modal';
import { AppealAttachmentsCard } from './appeal-attachments.card';
import { useCategoryIndex } from './appeal-categories';
import { CallbackCard, MediationCard } from './appeal-follow-up.cards';
import { type AppealCommand, commandLabel } from './appeal-labels';
import { AppealSummaryCard } from './appeal-summary.card';
import { AppealTimeline } from './appeal-timeline';
import { useAppeal } from './appeals.api';
import { CallbackModal } from './callback.modal';
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
  const routeModal = useModalTarget<Appeal>();

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

  // Routing to a handling unit (转办): for those who assign work, while the appeal is still open.
  const canRoute = can('appeals.assign') && appeal.status !== 'closed';

  const actions =
    commands.length > 0 || canRoute ? (
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
        {canRoute && (
          <Button onClick={() => routeModal.show(appeal)} data-testid="appeal-route-unit">
            {t('units.route.action')}
          </Button>
        )}
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
      {routeModal.target && (
        <RouteUnitModal
          appeal={routeModal.target}
          open={routeModal.open}
          onClose={routeModal.hide}
          afterClose={routeModal.afterClose}
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
