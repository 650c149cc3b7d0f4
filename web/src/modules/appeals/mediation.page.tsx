import {
  type Mediation,
  MediationOutcomeBody,
  MediationSessionBody,
  mediationOutcomes,
} from '@lianxin/common';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDate, formatDateTime } from '../../shared/dates';
import { NotFoundPage } from '../../shared/error.pages';
import { useSchemaForm } from '../../shared/forms';
import { BackBreadcrumb, LoadFailed } from '../../shared/record-page';
import { useVersionConflict } from '../../shared/version-conflict';
import { pathTo } from '../areas/area-tree';
import { useAreaIndex } from '../areas/areas.api';
import { type MediationOutcome, mediationOutcomeLabel } from './appeal-labels';
import { useAddMediationSession, useMediation, useRecordMediationOutcome } from './mediation.api';
import { MediationOutcomeTag } from './mediations.page';

interface SessionValues {
  date: Dayjs;
  notes?: string;
}

/** Records one mediation session (调解会): the date and what was said and agreed. */
function SessionForm({ mediation, onReload }: { mediation: Mediation; onReload: () => Promise<void> }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddMediationSession();
  const { validate, handleError } = useSchemaForm(form, MediationSessionBody);
  const { conflict, catchConflict, alert } = useVersionConflict(onReload);

  const submit = (values: SessionValues) => {
    const body = validate({
      version: mediation.version,
      date: values.date.format('YYYY-MM-DD'),
      notes: values.notes?.trim() ?? '',
    });
    if (!body) return;
    add.mutate(
      { id: mediation.id, body },
      {
        onSuccess: () => {
          message.success(t('mediation.sessionSaved'));
          form.resetFields();
        },
        onError: catchConflict(handleError),
      },
    );
  };

  return (
    <Form<SessionValues>
      form={form}
      layout="vertical"
      name="mediation-session"
      initialValues={{ date: dayjs() }}
      onFinish={submit}
    >
      {alert}
      <Form.Item name="date" label={t('mediation.sessionDate')} rules={[{ required: true }]}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="notes"
        label={t('mediation.sessionNotes')}
        rules={[{ required: true, whitespace: true, message: t('mediation.sessionNotesRule') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="mediation-session-notes" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={add.isPending}
        disabled={conflict}
        data-testid="mediation-session-submit"
      >
        {t('mediation.addSession')}
      </Button>
    </Form>
  );
}

interface OutcomeValues {
  outcome?: MediationOutcome;
  agreement?: string;
  followUpDate?: Dayjs | null;
}

/** Ends the mediation: agreement, partial agreement or failure, with the terms and a follow-up date. */
function OutcomeForm({ mediation, onReload }: { mediation: Mediation; onReload: () => Promise<void> }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const record = useRecordMediationOutcome();
  const outcome = Form.useWatch('outcome', form);
  const { validate, handleError } = useSchemaForm(form, MediationOutcomeBody);
  const { conflict, catchConflict, alert } = useVersionConflict(onReload);

  const submit = (values: OutcomeValues) => {
    const body = validate({
      version: mediation.version,
      outcome: values.outcome,
      agreement: values.agreement?.trim() ?? '',
      followUpDate: values.followUpDate ? values.followUpDate.format('YYYY-MM-DD') : null,
    });
    if (!body) return;
    modal.confirm({
      title: t('mediation.outcomeConfirm'),
      content: t('mediation.outcomeConfirmText'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        record.mutateAsync({ id: mediation.id, body }).then(() => {
          message.success(t('mediation.outcomeSaved'));
        }, catchConflict(handleError)),
    });
  };

  return (
    <Form<OutcomeValues> form={form} layout="vertical" name="mediation-outcome" onFinish={submit}>
      {alert}
      <Form.Item
        name="outcome"
        label={t('mediation.outcome')}
        rules={[{ required: true, message: t('mediation.outcomeRule') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={mediationOutcomes.map((o) => ({ value: o, label: mediationOutcomeLabel(t, o) }))}
          data-testid="mediation-outcome"
        />
      </Form.Item>
      <Form.Item
        name="agreement"
        label={t('mediation.agreement')}
        rules={
          outcome === 'agreement' || outcome === 'partial'
            ? [{ required: true, whitespace: true, message: t('mediation.agreementRule') }]
            : []
        }
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="mediation-agreement" />
      </Form.Item>
      <Form.Item name="followUpDate" label={t('mediation.followUpDate')} extra={t('mediation.followUpHint')}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Button
        htmlType="submit"
        loading={record.isPending}
        disabled={conflict}
        data-testid="mediation-outcome-submit"
      >
        {t('mediation.saveOutcome')}
      </Button>
    </Form>
  );
}

/** 调解记录: the parties, the mediators, each session and the outcome of one mediation. */
export function MediationPage() {
  const t = useT();
  const can = useCan();
  const _navigate = useNavigate();
  const _location = useLocation();
  const { id = '' } = useParams();
  const { data: mediation, error, isPending, refetch } = useMediation(id);
  const { index } = useAreaIndex();

  if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (error) return <LoadFailed error={error} onRetry={() => refetch()} />;
  const breadcrumb = (
    <BackBreadcrumb
      listPath="/mediations"
      listTitle={t('mediation.title')}
      current={mediation ? mediation.title : '…'}
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

  const reload = async () => {
    await refetch();
  };
  const village = pathTo(index, mediation.villageCode).map((a) => a.name);
  const open = mediation.outcome === null && can('appeals.handle');

  return (
    <>
      {breadcrumb}
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Space size={8} wrap>
            <span>{t('mediation.pageTitle', { title: mediation.title })}</span>
            <MediationOutcomeTag outcome={mediation.outcome} />
          </Space>
        }
        data-testid="mediation-summary"
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'appeal',
              label: t('mediation.appeal'),
              children: (
                <Link to={`/appeals/${mediation.appealId}`}>
                  <Typography.Text code>{mediation.trackingCode}</Typography.Text> {mediation.title}
                </Link>
              ),
            },
            {
              key: 'village',
              label: t('appeals.village'),
              children: village.length ? village.join(' / ') : '—',
            },
            {
              key: 'created',
              label: t('mediation.createdAt'),
              children: formatDateTime(mediation.createdAt),
            },
            {
              key: 'mediators',
              label: t('mediation.mediators'),
              children: (
                <Space size={[4, 4]} wrap>
                  {mediation.mediators.map((m) => (
                    <Tag key={m.id} color="blue">
                      {m.name || '—'}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(mediation.outcome
              ? [
                  {
                    key: 'agreement',
                    label: t('mediation.agreement'),
                    span: 'filled' as const,
                    children: (
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                        {mediation.agreement || '—'}
                      </Typography.Paragraph>
                    ),
                  },
                  {
                    key: 'followUp',
                    label: t('mediation.followUpDate'),
                    children: mediation.followUpDate ? formatDate(mediation.followUpDate) : '—',
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('mediation.parties')} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(p) => `${p.name}-${p.phone ?? ''}-${p.role}`}
              size="small"
              pagination={false}
              dataSource={mediation.parties}
              columns={[
                { title: t('mediation.partyName'), dataIndex: 'name' },
                {
                  title: t('mediation.partyPhoneColumn'),
                  dataIndex: 'phone',
                  render: (p: string | null) => p ?? '—',
                },
                { title: t('mediation.partyRoleColumn'), dataIndex: 'role', render: (r: string) => r || '—' },
              ]}
              data-testid="mediation-parties"
            />
          </Card>
          <Card
            size="small"
            title={t('mediation.sessionsTitle', { count: mediation.sessions.length })}
            style={{ marginBottom: 16 }}
          >
            {mediation.sessions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mediation.noSessions')} />
            ) : (
              <Timeline
                items={mediation.sessions.map((s, i) => ({
                  key: `${s.date}-${i}`,
                  content: (
                    <>
                      <Space size={8}>
                        <Typography.Text strong>{formatDate(s.date)}</Typography.Text>
                        <Typography.Text type="secondary">{s.recordedBy ?? ''}</Typography.Text>
                      </Space>
                      <p className="lx-timeline-note">{s.notes}</p>
                    </>
                  ),
                }))}
                data-testid="mediation-sessions"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {open ? (
            <>
              <Card size="small" title={t('mediation.addSession')} style={{ marginBottom: 16 }}>
                <SessionForm mediation={mediation} onReload={reload} />
              </Card>
              <Card size="small" title={t('mediation.outcomeTitle')} style={{ marginBottom: 16 }}>
                <OutcomeForm mediation={mediation} onReload={reload} />
              </Card>
            </>
          ) : (
            mediation.outcome === null && (
              <Card size="small">
                <Typography.Text type="secondary">{t('mediation.readOnly')}</Typography.Text>
              </Card>
            )
          )}
        </Col>
      </Row>
    </>
  );
}
