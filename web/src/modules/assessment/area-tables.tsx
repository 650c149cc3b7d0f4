import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { AreaIndicators, AreaKind, IndicatorInfo } from '@lianxin/common';
import { Button, Card, Empty, Flex, Popover, Progress, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { areaKindLabel } from '../../shared/labels';
import { formatNumber } from '../../shared/numbers';
import {
  betterOf,
  type Figure,
  figureLinks,
  formatPercent,
  heatColor,
  IndicatorLabel,
  InfoLabel,
  neutralColor,
  type Rate,
  rateKeys,
} from './indicators';
import { useIndicatorText, useSurfaceIndicators } from './indicators.api';

const noRate: Rate = { numerator: 0, denominator: 0, value: null };

/** An area's value of a registered indicator (the built-in ones are keyed there too). */
const rateOf = (area: AreaIndicators, key: string): Rate => area.indicators[key] ?? noRate;

/** Best first (lowest first where lower is better); an area with nothing to count goes last, never ranked as 0 %. */
function byRate(key: string, lowerFirst: boolean) {
  return (a: AreaIndicators, b: AreaIndicators) => {
    const x = rateOf(a, key).value;
    const y = rateOf(b, key).value;
    if (x === null && y === null) return a.areaCode.localeCompare(b.areaCode);
    if (x === null) return 1;
    if (y === null) return -1;
    return (lowerFirst ? x - y : y - x) || rateOf(b, key).denominator - rateOf(a, key).denominator;
  };
}

function AreaButton({ area, onDrill }: { area: AreaIndicators; onDrill: (code: string) => void }) {
  return (
    <Button
      type="link"
      size="small"
      className="lx-dash-area"
      onClick={() => onDrill(area.areaCode)}
      data-testid={`drill-${area.areaCode}`}
    >
      {area.areaName}
    </Button>
  );
}

/** Child areas ranked by satisfaction, resolution or on-time resolution. */
export function RankingCard({
  rows,
  childKind,
  onDrill,
}: {
  rows: AreaIndicators[];
  childKind: AreaKind;
  onDrill: (code: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const text = useIndicatorText();
  // Every rate a module registered for the dashboard may rank the areas.
  const rates = useSurfaceIndicators('dashboard').filter((i) => i.kind === 'ratio');
  const [key, setKey] = useState<string>('satisfactionRate');
  const lowerFirst = betterOf(key, text(key).info?.better) === 'lower';
  const ranked = useMemo(() => [...rows].sort(byRate(key, lowerFirst)), [rows, key, lowerFirst]);
  return (
    <Card
      size="small"
      className="lx-dash-card"
      title={
        <InfoLabel
          name={t('dashboard.ranking.title', { kind: areaKindLabel(t, childKind) })}
          definition={t('dashboard.ranking.definition')}
        />
      }
      data-testid="dashboard-ranking"
    >
      <Select<string>
        size="small"
        style={{ width: '100%', marginBottom: 12 }}
        value={key}
        onChange={setKey}
        options={rates.map((i) => ({
          value: i.key,
          label: (
            <Tooltip title={i.definition[locale]} placement="right">
              <span style={{ display: 'block' }}>{i.name[locale]}</span>
            </Tooltip>
          ),
        }))}
        data-testid="dashboard-ranking-by"
      />
      {ranked.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noChildren')} />
      ) : (
        <div className="lx-rank-list">
          {ranked.map((area, i) => {
            const rate = rateOf(area, key);
            // Equal rates share a rank (1, 1, 3); an area with no data has none.
            const position = ranked.findIndex((other) => rateOf(other, key).value === rate.value) + 1;
            return (
              <div key={area.areaCode} className="lx-rank-row" data-testid={`rank-${i + 1}`}>
                <span className={`lx-rank-no${position <= 3 && rate.value !== null ? ' lx-rank-top' : ''}`}>
                  {rate.value === null ? '–' : position}
                </span>
                <AreaButton area={area} onDrill={onDrill} />
                <Progress
                  percent={rate.value === null ? 0 : Math.round(rate.value * 1000) / 10}
                  showInfo={false}
                  size="small"
                  status="normal"
                  style={{ flex: 1, margin: 0 }}
                />
                <Tooltip
                  title={t('dashboard.ofCount', {
                    n: formatNumber(rate.numerator, locale),
                    d: formatNumber(rate.denominator, locale),
                  })}
                >
                  <span className="lx-rank-value">
                    {rate.value === null ? (
                      <Typography.Text type="secondary">{t('dashboard.noData')}</Typography.Text>
                    ) : (
                      formatPercent(rate.value, locale)
                    )}
                  </span>
                </Tooltip>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

function RateCell({
  rate,
  better,
  links,
}: {
  rate: Rate;
  better: 'higher' | 'lower' | null;
  links: { numerator: string | undefined; denominator: string | undefined };
}) {
  const t = useT();
  const { locale } = useLocale();
  const n = formatNumber(rate.numerator, locale);
  const d = formatNumber(rate.denominator, locale);
  // The counts behind the rate, each opening its records.
  const counts = (
    <span className="lx-heat-counts">
      {links.numerator ? (
        <Link to={links.numerator} title={t('dashboard.numeratorLink', { n })}>
          {n}
        </Link>
      ) : (
        n
      )}
      {' / '}
      {links.denominator ? (
        <Link to={links.denominator} title={t('dashboard.denominatorLink', { d })}>
          {d}
        </Link>
      ) : (
        d
      )}
    </span>
  );
  if (rate.value === null)
    return (
      <Popover content={counts}>
        <span className="lx-heat-cell lx-heat-empty">{t('dashboard.noData')}</span>
      </Popover>
    );
  const text = formatPercent(rate.value, locale);
  return (
    <Popover content={counts}>
      <span
        className="lx-heat-cell"
        style={{
          background: better === null ? neutralColor(rate.value) : heatColor(rate.value, better === 'lower'),
        }}
      >
        {links.numerator ? <Link to={links.numerator}>{text}</Link> : text}
      </span>
    </Popover>
  );
}

function CountCell({ value, link }: { value: number; link: string | undefined }) {
  const { locale } = useLocale();
  const text = formatNumber(value, locale);
  return <span className="lx-heat-cell lx-heat-count">{link ? <Link to={link}>{text}</Link> : text}</span>;
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return a - b;
}

/**
 * 指标热力表: a row per child area and a column per indicator, each cell coloured from red to
 * green by its value, with the area's totals below. An area's name opens its dashboard; a
 * figure opens its records.
 */
export function HeatTable({
  rows,
  totals,
  childKind,
  period,
  onDrill,
}: {
  rows: AreaIndicators[];
  totals: AreaIndicators;
  childKind: AreaKind;
  period: { from: string; to: string };
  onDrill: (code: string) => void;
}) {
  const t = useT();
  const can = useCan();
  const text = useIndicatorText();
  const better = (key: string) => betterOf(key, text(key).info?.better);
  // Rates other modules registered: a column each, after the built-in ones (no drill-down list).
  const builtIn: readonly string[] = [...rateKeys, 'leftPriority'];
  const extra: IndicatorInfo[] = useSurfaceIndicators('dashboard').filter((i) => !builtIn.includes(i.key));
  const noLinks = { numerator: undefined, denominator: undefined };
  const links = (figure: Figure, area: AreaIndicators) =>
    figureLinks(figure, { areaCode: area.areaCode, ...period }, can);
  const link = (figure: Figure, area: AreaIndicators) => links(figure, area).numerator;
  // The sort arrows show only on the sorted column: the headers are narrow.
  const sortIcon = ({ sortOrder }: { sortOrder: SortOrder }) =>
    sortOrder === 'ascend' ? <CaretUpOutlined /> : sortOrder === 'descend' ? <CaretDownOutlined /> : null;
  const columns: ColumnsType<AreaIndicators> = [
    {
      key: 'area',
      title: areaKindLabel(t, childKind),
      fixed: 'left',
      width: 104,
      render: (_, area) => <AreaButton area={area} onDrill={onDrill} />,
    },
    {
      key: 'received',
      title: <InfoLabel name={t('dashboard.received')} definition={t('dashboard.receivedDefinition')} />,
      align: 'right',
      width: 80,
      sortIcon,
      sorter: (a, b) => a.received - b.received,
      render: (_, area) => <CountCell value={area.received} link={link('received', area)} />,
    },
    ...rateKeys.map((key) => ({
      key,
      title: <IndicatorLabel indicator={key} />,
      align: 'center' as const,
      width: 88,
      sortIcon,
      sorter: (a: AreaIndicators, b: AreaIndicators) => nullsLast(a[key].value, b[key].value),
      render: (_: unknown, area: AreaIndicators) => (
        <RateCell rate={area[key]} better={better(key)} links={links(key, area)} />
      ),
    })),
    ...extra.map((i) => ({
      key: i.key,
      title: <IndicatorLabel indicator={i.key} />,
      align: 'center' as const,
      width: 88,
      sortIcon,
      sorter: (a: AreaIndicators, b: AreaIndicators) =>
        nullsLast(rateOf(a, i.key).value, rateOf(b, i.key).value),
      render: (_: unknown, area: AreaIndicators) =>
        i.kind === 'count' ? (
          <CountCell value={rateOf(area, i.key).numerator} link={undefined} />
        ) : (
          <RateCell rate={rateOf(area, i.key)} better={i.better} links={noLinks} />
        ),
    })),
    {
      key: 'leftPriority',
      title: <IndicatorLabel indicator="leftPriority" />,
      align: 'right',
      width: 88,
      sortIcon,
      sorter: (a, b) => a.leftPriority - b.leftPriority,
      render: (_, area) => <CountCell value={area.leftPriority} link={link('leftPriority', area)} />,
    },
    {
      key: 'households',
      title: <InfoLabel name={t('dashboard.households')} definition={t('dashboard.householdsDefinition')} />,
      align: 'right',
      width: 80,
      sortIcon,
      sorter: (a, b) => a.households - b.households,
      render: (_, area) => <CountCell value={area.households} link={link('households', area)} />,
    },
  ];

  return (
    <Card
      size="small"
      className="lx-dash-card"
      title={
        <InfoLabel
          name={t('dashboard.heat.title', { kind: areaKindLabel(t, childKind) })}
          definition={t('dashboard.heat.definition')}
        />
      }
      extra={
        <Flex align="center" gap={6} className="lx-heat-legend">
          <span>{t('dashboard.heat.low')}</span>
          {[0.5, 0.625, 0.75, 0.875, 1].map((v) => (
            <i key={v} style={{ background: heatColor(v, false) }} />
          ))}
          <span>{t('dashboard.heat.high')}</span>
        </Flex>
      }
      data-testid="dashboard-heat"
    >
      <Table<AreaIndicators>
        className="lx-heat-table"
        rowKey="areaCode"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 1144 + 88 * extra.length }}
        locale={{ emptyText: t('dashboard.noChildren') }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row className="lx-heat-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('dashboard.heat.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <CountCell value={totals.received} link={link('received', totals)} />
              </Table.Summary.Cell>
              {rateKeys.map((key, i) => (
                <Table.Summary.Cell key={key} index={i + 2} align="center">
                  <RateCell rate={totals[key]} better={better(key)} links={links(key, totals)} />
                </Table.Summary.Cell>
              ))}
              {extra.map((i, n) => (
                <Table.Summary.Cell key={i.key} index={rateKeys.length + 2 + n} align="center">
                  {i.kind === 'count' ? (
                    <CountCell value={rateOf(totals, i.key).numerator} link={undefined} />
                  ) : (
                    <RateCell rate={rateOf(totals, i.key)} better={i.better} links={noLinks} />
                  )}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={rateKeys.length + extra.length + 2} align="right">
                <CountCell value={totals.leftPriority} link={link('leftPriority', totals)} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={rateKeys.length + extra.length + 3} align="right">
                <CountCell value={totals.households} link={link('households', totals)} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
