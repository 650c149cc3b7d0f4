import { type Appeal, type AppealAction, type AppealLevel, openAppealStatuses } from '@lianxin/common';
import { Button, Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { NotFoundPage } from '../../shared/error.pages';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useModalTarget } from '../../shared/use-modal-target';
import { DispatchCard } from '../departments/dispatch.card';
import { DispatchModal } from '../departments/dispatch.modal';
import { RouteUnitModal } from '../departments/route-unit.modal';
import { RaiseWhistleModal } from '../whistles/raise-whistle.modal';
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

/** The area that holds an appeal of a village at a level: the village, its town, the district. */
function holderOf(villageCode: string, level: AppealLevel): string {
  if (level === 'village') return villageCode;
  if (level === 'town') return `${villageCode.slice(0, 9)}000`;
  return `${villageCode.slice(0, 6)}000000`;
}

/** 诉求详情: the appeal, its deadlines and level path, what the caller may do now, and its history. */
export function AppealPage() {
  const t = useT();
  const can = useCan();
  const me = useMe();
  const _navigate = useNavigate();
  const _location = useLocation();
  const { id = '' } = useParams();
  const { data: appeal, error, isPending, refetch } = useAppeal(id);
  const categories = useCategoryIndex();
  const actionModal = useModalTarget<AppealAction>();
  const callbackModal = useModalTarget<true>();
  const mediationModal = useModalTarget<Appeal>();
  const routeModal = useModalTarget<Appeal>();
  const dispatchModal = useModalTarget<Appeal>();
  const whistleModal = useModalTarget<Appeal>();

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
  // 派单: the level holding an open appeal hands it to a department.
  const canDispatch =
    can('appeals.dispatch') &&
    openAppealStatuses.includes(appeal.status) &&
    holderOf(appeal.villageCode, appeal.level) === me.areaCode;

  // 吹哨: the level holding an open appeal calls named departments to report on it.
  const canWhistle = canDispatch;

  const actions =
    commands.length > 0 || canRoute || canWhistle ? (
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
        {canWhistle && (
          <Button onClick={() => whistleModal.show(appeal)} data-testid="appeal-whistle">
            {t('whistles.raise')}
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
          <DispatchCard
            appeal={appeal}
            extra={
              canDispatch ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => dispatchModal.show(appeal)}
                  data-testid="appeal-dispatch"
                >
                  {t('dispatch.create.action')}
                </Button>
              ) : undefined
            }
          />
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
      {dispatchModal.target && (
        <DispatchModal
          appeal={dispatchModal.target}
          categoryOnly={me.area.kind !== 'district'}
          open={dispatchModal.open}
          onClose={dispatchModal.hide}
          afterClose={dispatchModal.afterClose}
        />
      )}
      {whistleModal.target && (
        <RaiseWhistleModal
          appeal={{ id: whistleModal.target.id, title: whistleModal.target.title }}
          open={whistleModal.open}
          onClose={whistleModal.hide}
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
