import { PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Result, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { usePublicServiceItem } from './services.public-api';
import './services-public.css';

const dial = (phone: string) => phone.replace(/[^\d+]/g, '');

/** An item's 办事指南, printable on A4: the facts, the materials, the steps; then 代办 if allowed. */
export function ServiceItemPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const item = usePublicServiceItem(id);
  if (item.isPending) return <Spin />;
  if (!item.data) return <Result status="404" title={t('servicesWeb.public.noItems')} />;
  const { guide, unit } = item.data;
  const days = (d: number | null) =>
    d === null ? t('servicesWeb.none') : t('servicesWeb.workingDays', { days: d });

  return (
    <article className="lx-svc-guide" data-testid="service-guide">
      <Typography.Text type="secondary">{t('servicesWeb.public.guide')}</Typography.Text>
      <h2>{guide.name}</h2>
      <dl className="lx-svc-facts">
        <dt>{t('servicesWeb.item.category')}</dt>
        <dd>{t(`servicesWeb.category.${guide.category}`)}</dd>
        <dt>{t('servicesWeb.item.unit')}</dt>
        <dd>{guide.unitName}</dd>
        <dt>{t('servicesWeb.item.promisedDays')}</dt>
        <dd>{days(guide.promisedDays)}</dd>
        <dt>{t('servicesWeb.item.legalDays')}</dt>
        <dd>{days(guide.legalDays)}</dd>
        <dt>{t('servicesWeb.item.fees')}</dt>
        <dd>{guide.fees || t('servicesWeb.public.free')}</dd>
        <dt>{t('servicesWeb.item.place')}</dt>
        <dd>{guide.place}</dd>
        <dt>{t('servicesWeb.item.hours')}</dt>
        <dd>{guide.hours}</dd>
        {(guide.consultationPhone ?? unit.phone) && (
          <>
            <dt>{t('servicesWeb.item.phone')}</dt>
            <dd>
              <a href={`tel:${dial(guide.consultationPhone ?? unit.phone ?? '')}`}>
                <PhoneOutlined aria-hidden /> {guide.consultationPhone ?? unit.phone}
              </a>
            </dd>
          </>
        )}
        {guide.onlineUrl && (
          <>
            <dt>{t('servicesWeb.item.onlineUrl')}</dt>
            <dd>
              <a href={guide.onlineUrl} target="_blank" rel="noreferrer">
                {guide.onlineUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <h3>{t('servicesWeb.item.conditions')}</h3>
      <p className="lx-public-pre">{guide.conditions}</p>
      <h3>{t('servicesWeb.item.materials')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('servicesWeb.item.material.name')}</th>
            <th style={{ width: '6.5em' }}>{t('servicesWeb.item.material.form')}</th>
            <th style={{ width: '3em' }}>{t('servicesWeb.item.material.count')}</th>
          </tr>
        </thead>
        <tbody>
          {guide.materials.map((m) => (
            <tr key={m.name}>
              <td>
                {m.name}
                {m.notes && <div className="lx-svc-list-hint">{m.notes}</div>}
              </td>
              <td>{t(`servicesWeb.form.${m.form}`)}</td>
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('servicesWeb.item.steps')}</h3>
      <ol style={{ paddingInlineStart: 22, margin: 0 }}>
        {guide.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are an ordered list read in one piece
          <li key={i}>{s}</li>
        ))}
      </ol>
      {guide.basis && (
        <>
          <h3>{t('servicesWeb.item.basis')}</h3>
          <p className="lx-public-pre">{guide.basis}</p>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        {item.data.code} · {t('servicesWeb.item.version', { version: item.data.versionNo })}
      </Typography.Paragraph>
      <Flex vertical gap={10} className="lx-svc-no-print" style={{ marginTop: 8 }}>
        {guide.proxyAllowed ? (
          <Button
            type="primary"
            block
            className="lx-public-big"
            onClick={() => navigate(`/public/services/items/${id}/request`)}
            data-testid="service-ask-proxy"
          >
            <span>
              <span className="lx-public-big-title">{t('servicesWeb.public.askProxy')}</span>
              <span className="lx-public-big-hint">{t('servicesWeb.public.proxyHint')}</span>
            </span>
          </Button>
        ) : (
          <Alert type="info" showIcon title={t('servicesWeb.public.proxyNo')} />
        )}
        <Button block icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="service-print">
          {t('servicesWeb.print')}
        </Button>
      </Flex>
    </article>
  );
}
