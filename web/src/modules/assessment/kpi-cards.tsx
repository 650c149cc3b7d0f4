import {
  ApartmentOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FallOutlined,
  FileTextOutlined,
  HomeOutlined,
  LinkOutlined,
  MessageOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { type AreaIndicators, type RecordSet, tiers } from '@lianxin/common';
import { Card, Col, Progress, Row, Tooltip, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatNumber } from '../../shared/numbers';
import { tierHexColors } from '../tiering/tier-tag';
import {
  type Figure,
  type FigureScope,
  figureLinks,
  formatPercent,
  IndicatorLabel,
  InfoLabel,
  isWarning,
  type RateKey,
  recordsLink,
} from './indicators';

interface CardSpec {
  figure: Figure;
  icon: ReactNode;
  color: string;
}

// Three rows of four on a laptop: appeals handled, where they were solved, contact and assistance.
const cards: CardSpec[] = [
  { figure: 'received', icon: <FileTextOutlined />, color: '#1677ff' },
  { figure: 'responseRate', icon: <MessageOutlined />, color: '#1677ff' },
  { figure: 'resolutionRate', icon: <CheckCircleOutlined />, color: '#1677ff' },
  { figure: 'satisfactionRate', icon: <SmileOutlined />, color: '#1677ff' },
  { figure: 'onTimeRate', icon: <ClockCircleOutlined />, color: '#13c2c2' },
  { figure: 'villageShare', icon: <EnvironmentOutlined />, color: '#13c2c2' },
  { figure: 'townShare', icon: <ApartmentOutlined />, color: '#13c2c2' },
  { figure: 'districtShare', icon: <RiseOutlined />, color: '#fa8c16' },
  { figure: 'households', icon: <HomeOutlined />, color: '#722ed1' },
  { figure: 'pairingFill', icon: <LinkOutlined />, color: '#722ed1' },
  { figure: 'visitedPaired', icon: <ScheduleOutlined />, color: '#722ed1' },
  { figure: 'leftPriority', icon: <FallOutlined />, color: '#52c41a' },
];

function Shell(props: {
  title: ReactNode;
  icon: ReactNode;
  color: string;
  value: ReactNode;
  link: string | undefined;
  footer: ReactNode;
  testId: string;
}) {
  const { title, icon, color, value, link, footer, testId } = props;
  return (
    <Card size="small" className="lx-kpi" data-testid={testId}>
      <div className="lx-kpi-head">
        <Typography.Text type="secondary">{title}</Typography.Text>
        <span className="lx-kpi-icon" style={{ color, background: `${color}14` }}>
          {icon}
        </span>
      </div>
      <div className="lx-kpi-value" data-testid={`${testId}-value`}>
        {link ? <Link to={link}>{value}</Link> : value}
      </div>
      <div className="lx-kpi-foot">{footer}</div>
    </Card>
  );
}

/** A message with its {placeholders} filled by elements (links), in the order the language puts them. */
export function fill(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) =>
      i % 2 === 1 ? <Fragment key={piece}>{parts[piece] ?? `{${piece}}`}</Fragment> : piece,
    );
}

/** A count that opens the records it counts, when the caller may see them. */
export function CountLink(props: { value: number; to: string | undefined; title?: string; testId?: string }) {
  const { locale } = useLocale();
  const text = formatNumber(props.value, locale);
  return props.to ? (
    <Link to={props.to} title={props.title} data-testid={props.testId}>
      {text}
    </Link>
  ) : (
    <span data-testid={props.testId}>{text}</span>
  );
}

// The records a rate leaves out, where they are a list of their own: households without a helper,
// paired households not visited.
const complements: Partial<
  Record<RateKey, { set: RecordSet; label: 'dashboard.unpairedFoot' | 'dashboard.notVisitedFoot' }>
> = {
  pairingFill: { set: 'priorityUnpaired', label: 'dashboard.unpairedFoot' },
  visitedPaired: { set: 'pairedNotVisited', label: 'dashboard.notVisitedFoot' },
};

function RateCard({
  spec,
  figure,
  area,
  scope,
}: {
  spec: CardSpec;
  figure: RateKey;
  area: AreaIndicators;
  scope: FigureScope;
}) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const rate = area[figure];
  const links = figureLinks(figure, scope, can);
  const link = links.numerator;
  const complement = complements[figure];
  const rest = rate.denominator - rate.numerator;
  const noData = rate.value === null;
  const percent = rate.value === null ? 0 : Math.round(rate.value * 1000) / 10;
  const warn = isWarning(figure, rate.value);
  return (
    <Shell
      title={<IndicatorLabel indicator={figure} />}
      icon={spec.icon}
      color={spec.color}
      link={noData ? undefined : link}
      testId={`kpi-${figure}`}
      value={
        noData ? (
          <span className="lx-kpi-empty">{t('dashboard.noData')}</span>
        ) : (
          <span style={warn ? { color: '#cf1322' } : undefined}>
            {formatPercent(rate.value ?? 0, locale)}
          </span>
        )
      }
      footer={
        <>
          <Progress
            percent={percent}
            showInfo={false}
            size="small"
            strokeColor={warn ? '#ff4d4f' : spec.color}
            style={{ margin: 0 }}
          />
          <Typography.Text type="secondary" className="lx-kpi-count">
            <CountLink
              value={rate.numerator}
              to={links.numerator}
              title={t('dashboard.numeratorLink', { n: formatNumber(rate.numerator, locale) })}
              testId={`kpi-${figure}-numerator`}
            />
            {' / '}
            <CountLink
              value={rate.denominator}
              to={links.denominator}
              title={t('dashboard.denominatorLink', { d: formatNumber(rate.denominator, locale) })}
              testId={`kpi-${figure}-denominator`}
            />
            {complement && rest > 0 && (
              <>
                {' · '}
                {fill(t(complement.label), {
                  n: (
                    <CountLink
                      value={rest}
                      to={recordsLink(complement.set, scope, can)}
                      testId={`kpi-${figure}-complement`}
                    />
                  ),
                })}
              </>
            )}
          </Typography.Text>
        </>
      }
    />
  );
}

function TierBar({ area, scope }: { area: AreaIndicators; scope: FigureScope }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const total = tiers.reduce((sum, tier) => sum + area.tiers[tier], 0);
  return (
    <>
      <div className="lx-kpi-tierbar">
        {total > 0 &&
          tiers.map((tier) => (
            <Tooltip key={tier} title={`${t(`tier.${tier}`)} ${formatNumber(area.tiers[tier], locale)}`}>
              <span style={{ flexGrow: area.tiers[tier], background: tierHexColors[tier] }} />
            </Tooltip>
          ))}
      </div>
      <div className="lx-kpi-tiers">
        {tiers.map((tier) => {
          const link = recordsLink(tier, scope, can);
          const label = (
            <>
              <i style={{ background: tierHexColors[tier] }} />
              {t(`tier.${tier}`)} {formatNumber(area.tiers[tier], locale)}
            </>
          );
          return link ? (
            <Link key={tier} to={link} data-testid={`kpi-tier-${tier}`}>
              {label}
            </Link>
          ) : (
            <span key={tier}>{label}</span>
          );
        })}
      </div>
    </>
  );
}

function CountCard({ spec, area, scope }: { spec: CardSpec; area: AreaIndicators; scope: FigureScope }) {
  const t = useT();
  const { locale } = useLocale();
  const can = useCan();
  const figure = spec.figure;
  const link = figureLinks(figure, scope, can).numerator;
  if (figure === 'received')
    return (
      <Shell
        title={<InfoLabel name={t('dashboard.received')} definition={t('dashboard.receivedDefinition')} />}
        icon={spec.icon}
        color={spec.color}
        link={link}
        testId="kpi-received"
        value={
          <>
            {formatNumber(area.received, locale)}
            <small>{t('dashboard.unitAppeals')}</small>
          </>
        }
        footer={
          <Typography.Text type="secondary" className="lx-kpi-count">
            {fill(t('dashboard.receivedFoot'), {
              resolved: (
                <CountLink
                  value={area.resolutionRate.numerator}
                  to={recordsLink('resolved', scope, can)}
                  testId="kpi-received-resolved"
                />
              ),
              rated: (
                <CountLink
                  value={area.satisfactionRate.denominator}
                  to={recordsLink('rated', scope, can)}
                  testId="kpi-received-rated"
                />
              ),
            })}
          </Typography.Text>
        }
      />
    );
  if (figure === 'households')
    return (
      <Shell
        title={
          <InfoLabel name={t('dashboard.households')} definition={t('dashboard.householdsDefinition')} />
        }
        icon={spec.icon}
        color={spec.color}
        link={link}
        testId="kpi-households"
        value={
          <>
            {formatNumber(area.households, locale)}
            <small>{t('dashboard.unitHouseholds')}</small>
          </>
        }
        footer={<TierBar area={area} scope={scope} />}
      />
    );
  return (
    <Shell
      title={<IndicatorLabel indicator="leftPriority" />}
      icon={spec.icon}
      color={spec.color}
      link={link}
      testId="kpi-leftPriority"
      value={
        <>
          {formatNumber(area.leftPriority, locale)}
          <small>{t('dashboard.unitHouseholds')}</small>
        </>
      }
      footer={
        <Typography.Text type="secondary" className="lx-kpi-count">
          {fill(t('dashboard.leftPriorityFoot'), {
            n: <CountLink value={area.tiers.priority} to={recordsLink('priority', scope, can)} />,
          })}
        </Typography.Text>
      }
    />
  );
}

function isRate(figure: Figure): figure is RateKey {
  return figure !== 'received' && figure !== 'households' && figure !== 'leftPriority';
}

/**
 * The area's totals for a period: a card per indicator, each with its definition; every number
 * opens the records it counts.
 */
export function KpiCards({ area, period }: { area: AreaIndicators; period: { from: string; to: string } }) {
  const scope = { areaCode: area.areaCode, ...period };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="dashboard-kpis">
      {cards.map((spec) => (
        <Col key={spec.figure} xs={12} md={8} xl={6} xxl={4}>
          {isRate(spec.figure) ? (
            <RateCard spec={spec} figure={spec.figure} area={area} scope={scope} />
          ) : (
            <CountCard spec={spec} area={area} scope={scope} />
          )}
        </Col>
      ))}
    </Row>
  );
}
