import { CameraOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ProxyRequest } from '@lianxin/common';
import { App, Button, Card, Checkbox, Flex, Input, Select, Switch, Typography, Upload } from 'antd';
import { type ReactElement, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useShowError } from '../../shared/feedback';
import { useVersionConflict } from '../../shared/version-conflict';
import { useServiceCentre } from './catalogue.api';
import { useCreateRatingLink } from './ratings.api';
import { authorisationPdfUrl, type ProxyStep, useProxyStep, useUploadProxyFile } from './requests.api';

interface StepProps {
  request: ProxyRequest;
  run: (step: ProxyStep) => void;
  busy: boolean;
}

function AssignStep({ request, run, busy }: StepProps) {
  const t = useT();
  const can = useCan();
  const station = useServiceCentre(request.stationId);
  const [agentId, setAgentId] = useState<string | undefined>(request.agentId ?? undefined);
  // The station head (or the town) assigns; an agent waits for it.
  if (!can('services.supervise')) {
    return <Typography.Text type="secondary">{t('servicesWeb.request.waitAssign')}</Typography.Text>;
  }
  const options = (station.data?.staff ?? [])
    .filter((s) => s.role === 'service_agent')
    .map((s) => ({ value: s.userId, label: s.name }));
  return (
    <Flex vertical gap={8}>
      <Select
        value={agentId}
        onChange={setAgentId}
        options={options}
        loading={station.isPending}
        placeholder={t('servicesWeb.request.agent')}
        data-testid="step-assign-agent"
      />
      <Button
        type="primary"
        disabled={!agentId}
        loading={busy}
        onClick={() => agentId && run({ kind: 'assign', body: { version: request.version, agentId } })}
        data-testid="step-assign"
      >
        {t('servicesWeb.request.assign')}
      </Button>
    </Flex>
  );
}

function AuthoriseStep({ request, run, busy }: StepProps) {
  const t = useT();
  const showError = useShowError();
  const uploadFile = useUploadProxyFile();
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('servicesWeb.request.authoriseHint')}</Typography.Text>
      <Flex gap={8} wrap>
        <Button
          icon={<PrinterOutlined />}
          href={authorisationPdfUrl(request.id)}
          target="_blank"
          data-testid="print-authorisation"
        >
          {t('servicesWeb.request.printAuthorisation')}
        </Button>
        <Upload
          accept="image/jpeg,image/png,application/pdf"
          capture="environment"
          showUploadList={false}
          customRequest={({ file }) =>
            uploadFile.mutate(
              { id: request.id, file: file as File, kind: 'authorisation' },
              {
                onSuccess: (stored) =>
                  run({ kind: 'authorise', body: { version: request.version, fileId: stored.id } }),
                onError: showError,
              },
            )
          }
        >
          <Button
            type="primary"
            icon={<CameraOutlined />}
            loading={uploadFile.isPending || busy}
            data-testid="step-authorise"
          >
            {t('servicesWeb.request.authorise')}
          </Button>
        </Upload>
      </Flex>
    </Flex>
  );
}

function CollectStep({ request, run, busy }: StepProps) {
  const t = useT();
  const open = request.materials.filter((m) => !m.collectedAt);
  const [ticked, setTicked] = useState<string[]>([]);
  const [sendSms, setSendSms] = useState(true);
  const [receiptNo, setReceiptNo] = useState('');
  const collected = open.length === 0;
  return (
    <Flex vertical gap={10}>
      {!collected && (
        <>
          <Checkbox.Group
            value={ticked}
            onChange={(v) => setTicked(v as string[])}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={open.map((m) => ({
              value: m.id,
              label: `${m.name}（${t(`servicesWeb.form.${m.form}`)} ×${m.count}）`,
            }))}
            data-testid="step-collect-list"
          />
          <Flex align="center" gap={8}>
            <Switch checked={sendSms} onChange={setSendSms} size="small" />
            {t('servicesWeb.request.sendSms')}
          </Flex>
          <Button
            type="primary"
            disabled={ticked.length === 0}
            loading={busy}
            onClick={() =>
              run({ kind: 'collect', body: { version: request.version, materialIds: ticked, sendSms } })
            }
            data-testid="step-collect"
          >
            {t('servicesWeb.request.collect')}
          </Button>
        </>
      )}
      {(collected || request.materials.length === 0) && (
        <>
          <Input
            value={receiptNo}
            onChange={(e) => setReceiptNo(e.target.value)}
            placeholder={t('servicesWeb.request.lodgeReceiptNo')}
            data-testid="step-lodge-receipt"
          />
          <Button
            type="primary"
            disabled={!receiptNo.trim()}
            loading={busy}
            onClick={() =>
              run({ kind: 'lodge', body: { version: request.version, unitReceiptNo: receiptNo.trim() } })
            }
            data-testid="step-lodge"
          >
            {t('servicesWeb.request.lodge')}
          </Button>
        </>
      )}
    </Flex>
  );
}

function ResultStep({ request, run, busy }: StepProps) {
  const t = useT();
  const [note, setNote] = useState('');
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('servicesWeb.request.result')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        data-testid="step-result-note"
      />
      <Button
        type="primary"
        disabled={!note.trim()}
        loading={busy}
        onClick={() => run({ kind: 'result', body: { version: request.version, note: note.trim() } })}
        data-testid="step-result"
      >
        {t('servicesWeb.request.resultReady')}
      </Button>
    </Flex>
  );
}

function DeliverStep({ request, run, busy }: StepProps) {
  const t = useT();
  const originals = request.materials.filter((m) => m.receiptNo && !m.returnedAt);
  const [returned, setReturned] = useState<string[]>(originals.map((m) => m.id));
  return (
    <Flex vertical gap={8}>
      {originals.length > 0 && (
        <>
          <Typography.Text>{t('servicesWeb.request.returned')}</Typography.Text>
          <Checkbox.Group
            value={returned}
            onChange={(v) => setReturned(v as string[])}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={originals.map((m) => ({ value: m.id, label: `${m.name} · ${m.receiptNo}` }))}
          />
        </>
      )}
      <Button
        type="primary"
        loading={busy}
        onClick={() =>
          run({ kind: 'deliver', body: { version: request.version, returnedMaterialIds: returned } })
        }
        data-testid="step-deliver"
      >
        {t('servicesWeb.request.deliver')}
      </Button>
    </Flex>
  );
}

function DeliveredStep({ request, run, busy }: StepProps) {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useShowError();
  const link = useCreateRatingLink();
  return (
    <Flex gap={8} wrap>
      <Button
        loading={link.isPending}
        onClick={() =>
          link.mutate(request.id, {
            onSuccess: (made) =>
              modal.info({
                title: made.sent
                  ? t('servicesWeb.request.ratingLinkSent')
                  : t('servicesWeb.request.ratingLink'),
                content: <Typography.Paragraph copyable>{made.url}</Typography.Paragraph>,
              }),
            onError: showError,
          })
        }
        data-testid="step-rating-link"
      >
        {t('servicesWeb.request.ratingLink')}
      </Button>
      <Button
        loading={busy}
        onClick={() => run({ kind: 'close', body: { version: request.version } })}
        data-testid="step-close"
      >
        {t('servicesWeb.request.close')}
      </Button>
    </Flex>
  );
}

const stepOf: Partial<
  Record<
    ProxyRequest['status'],
    {
      title: 'assign' | 'authorise' | 'collect' | 'lodge' | 'resultReady' | 'deliver' | 'rate';
      Form: (p: StepProps) => ReactElement;
    }
  >
> = {
  submitted: { title: 'assign', Form: AssignStep },
  assigned: { title: 'authorise', Form: AuthoriseStep },
  collecting: { title: 'collect', Form: CollectStep },
  lodged: { title: 'resultReady', Form: ResultStep },
  result_ready: { title: 'deliver', Form: DeliverStep },
  delivered: { title: 'rate', Form: DeliveredStep },
};

/** The next step's form for the request's status; nothing once it is closed or cancelled. */
export function RequestNextStep({
  request,
  onChanged,
}: {
  request: ProxyRequest;
  onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const step = useProxyStep();
  const conflict = useVersionConflict(async () => {
    await onChanged();
  });
  const current = stepOf[request.status];
  if (!current) return null;
  const run = (s: ProxyStep) =>
    step.mutate(
      { id: request.id, step: s },
      { onSuccess: () => message.success(t('servicesWeb.done')), onError: conflict.catchConflict(showError) },
    );
  const title =
    current.title === 'rate' ? t('servicesWeb.request.ratings') : t(`servicesWeb.request.${current.title}`);
  return (
    <Card title={title} className="lx-svc-step-form lx-no-print" data-testid={`step-${request.status}`}>
      {conflict.alert}
      <current.Form
        key={`${request.status}-${request.version}`}
        request={request}
        run={run}
        busy={step.isPending}
      />
    </Card>
  );
}
