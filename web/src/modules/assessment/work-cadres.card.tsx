import { SearchOutlined } from '@ant-design/icons';
import {
  type CadreSet,
  type CadreWork,
  cadreRateSets,
  type Role,
  roles,
  type Work,
  type WorkIndicator,
} from '@lianxin/common';
import { Card, Flex, Grid, Input, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { type Translate, useLocale, useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { roleLabel } from '../../shared/labels';
import { formatNumber } from '../../shared/numbers';
import { cadreRecordsLink, formatPercent, InfoLabel, type Rate } from './indicators';
import { CountLink, fill } from './kpi-cards';

import { WorkLabel } from './work-labels';

function isRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}

function roleText(t: Translate, role: string): string {
  return isRole(role) ? roleLabel(t, role) : role;
}

const appealRates = ['resolutionRate', 'satisfactionRate', 'onTimeRate'] as const;
const pairingRates = ['pairedVisited', 'helperSatisfaction'] as const;
type RateKey = (typeof appealRates)[number] | (typeof pairingRates)[number];
const countKeys = ['visits', 'villageDays'] as const satisfies readonly WorkIndicator[];

/**
 * Highest first when descending, and a cadre with nothing to count last either way: antd turns
 * the result round for a descending sort, so the nulls are turned round in advance.
 */
function byRate(rate: (row: CadreWork) => Rate) {
  return (a: CadreWork, b: CadreWork, order?: SortOrder) => {
    const x = rate(a).value;
    const y = rate(b).value;
    const last = order === 'descend' ? -1 : 1;
    if (x === null && y === null) return 0;
    if (x === null) return last;
    if (y === null) return -last;
    return x - y || rate(a).denominator - rate(b).denominator;
  };
}

/** The pages listing a cadre's records behind a figure of their row, where the caller may open them. */
type CadreLink = (set: CadreSet) => string | undefined;

/**
 * A rate with what it counts below it (or `detail` instead), each count opening its records;
 * no data, never 0 %, with nothing to count.
 */
function RateCell({
  rate,
  detail,
  sets,
  link,
}: {
  rate: Rate;
  detail?: ReactNode;
  sets?: { numerator: CadreSet; denominator: CadreSet };
  link?: CadreLink;
}) {
  const t = useT();
  const { locale } = useLocale();
  const counts =
    detail ??
    fill(t('dashboard.ofCount'), {
      n: <CountLink value={rate.numerator} to={sets && link?.(sets.numerator)} />,
      d: <CountLink value={rate.denominator} to={sets && link?.(sets.denominator)} />,
    });
  if (rate.value === null)
    return (
      <span className="lx-cadre-work-rate">
        <span className="lx-cadre-work-none">{t('dashboard.noData')}</span>
        {detail && <small>{detail}</small>}
      </span>
    );
  return (
    <span className="lx-cadre-work-rate">
      {formatPercent(rate.value, locale)}
      <small>{counts}</small>
    </span>
  );
}

const PAGE_SIZE = 20;

/** 干部工作情况: a row per cadre of the area, sortable, searchable by name or unit, paged here. */
export function CadresCard({ work, fetching }: { work: Work; fetching: boolean }) {
  const t = useT();
  const can = useCan();
  const { locale } = useLocale();
  // Each figure opens the cadre's records it counts, in the period of the figures.
  const linkOf =
    (c: CadreWork): CadreLink =>
    (set) =>
      cadreRecordsLink(set, { cadreId: c.cadreId, from: work.from, to: work.to }, can);
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const query = useDeferredValue(search.trim().toLowerCase());
  const rows = useMemo(
    () =>
      query === ''
        ? work.cadres
        : work.cadres.filter(
            (c) => c.name.toLowerCase().includes(query) || c.areaName.toLowerCase().includes(query),
          ),
    [work.cadres, query],
  );
  const roleFilters = useMemo(
    () =>
      [...new Set(work.cadres.map((c) => c.role))].map((role) => ({ text: roleText(t, role), value: role })),
    [work.cadres, t],
  );
  // On a phone the unit and role go under the name, so the figures are one swipe away.
  const narrow = !Grid.useBreakpoint().md;
  // One collator for a sort of thousands of names, not one per comparison.
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const count = (n: number) => formatNumber(n, locale);
  const rateColumn = (key: RateKey): ColumnsType<CadreWork>[number] => ({
    key,
    title: <WorkLabel indicator={key} />,
    align: 'center',
    width: 90,
    sorter: byRate((c) => c[key]),
    render: (_, c) => (
      <RateCell
        rate={c[key]}
        sets={key === 'helperSatisfaction' ? undefined : cadreRateSets[key]}
        link={linkOf(c)}
      />
    ),
  });

  const columns: ColumnsType<CadreWork> = [
    {
      key: 'name',
      title: t('work.cadres.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: narrow ? 120 : 80,
      sorter: (a, b) => collator.compare(a.name, b.name),
      render: (name: string, c) =>
        narrow ? (
          <span className="lx-cadre-work-who">
            {name}
            <small>{c.areaName}</small>
            <small>{roleText(t, c.role)}</small>
          </span>
        ) : (
          name
        ),
    },
    {
      key: 'unit',
      title: t('work.cadres.unit'),
      dataIndex: 'areaName',
      width: 104,
      ellipsis: true,
      responsive: ['md'],
      // Areas in the order of their codes, as the government's lists give them.
      sorter: (a, b) => (a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0),
    },
    {
      key: 'role',
      title: t('work.cadres.role'),
      dataIndex: 'role',
      width: 136,
      responsive: ['md'],
      filters: roleFilters,
      onFilter: (value, c) => c.role === value,
      render: (role: string) => roleText(t, role),
    },
    {
      key: 'handled',
      title: <WorkLabel indicator="handled" />,
      dataIndex: 'handled',
      align: 'right',
      width: 88,
      sorter: (a, b) => a.handled - b.handled,
      render: (n: number, c) => (
        <span className="lx-cadre-work-figure">
          <CountLink value={n} to={linkOf(c)('received')} />
        </span>
      ),
    },
    ...appealRates.map(rateColumn),
    {
      key: 'quotaFill',
      title: <WorkLabel indicator="quotaFill" />,
      align: 'center',
      width: 90,
      sorter: byRate((c) => c.quotaFill),
      render: (_, c) => (
        <Tooltip title={t('work.cadres.quota', { paired: c.paired, min: c.quotaMin })}>
          {c.quotaMin === 0 ? (
            <span className="lx-cadre-work-rate">
              <span className="lx-cadre-work-none">{t('work.cadres.noQuota')}</span>
              <small>
                {fill(t('work.cadres.pairedOnly'), {
                  n: <CountLink value={c.paired} to={linkOf(c)('paired')} />,
                })}
              </small>
            </span>
          ) : (
            <span>
              <RateCell
                rate={c.quotaFill}
                detail={
                  <>
                    <CountLink value={c.paired} to={linkOf(c)('paired')} /> / {count(c.quotaMin)}
                  </>
                }
              />
            </span>
          )}
        </Tooltip>
      ),
    },
    ...pairingRates.map(rateColumn),
    ...countKeys.map((key) => ({
      key,
      title: <WorkLabel indicator={key} />,
      dataIndex: key,
      align: 'right' as const,
      width: 88,
      sorter: (a: CadreWork, b: CadreWork) => a[key] - b[key],
      render: (n: number) => <span className="lx-cadre-work-figure">{count(n)}</span>,
    })),
  ];

  return (
    <Card
      size="small"
      title={<InfoLabel name={t('work.cadres.title')} definition={t('work.cadres.definition')} />}
      data-testid="work-cadres"
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('work.cadres.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          maxLength={40}
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="work-cadres-search"
        />
      </Flex>
      <Table<CadreWork>
        className="lx-cadre-work-table"
        rowKey="cadreId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={fetching}
        tableLayout="fixed"
        scroll={{ x: narrow ? 924 : 1124 }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) =>
            query === ''
              ? t('work.cadres.count', { total: count(total) })
              : t('work.cadres.matched', { shown: count(total), total: count(work.cadres.length) }),
        }}
        onChange={(pagination) =>
          setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? PAGE_SIZE })
        }
        locale={{
          emptyText: query === '' ? t('work.cadres.none') : t('work.cadres.noMatch', { q: search.trim() }),
        }}
      />
    </Card>
  );
}
