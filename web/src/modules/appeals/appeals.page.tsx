import { PlusOutlined } from '@ant-design/icons';
import { appealLevels, appealQueues, roleReach } from '@lianxin/common';
import { Button, Card, Segmented, Space, Tabs } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { PageHeader } from '../../shared/page-header';
import { useModalTarget } from '../../shared/use-modal-target';
import { AppealFilterBar, homeLevel, type LevelTab, useAppealsLocation } from './appeal-filter';
import { AppealIntakeDrawer } from './appeal-intake.drawer';
import { type AppealQueue, levelLabel, queueLabel } from './appeal-labels';
import { AppealStatsCard } from './appeal-stats.card';
import { AppealTable } from './appeal-table';
import { useAppealsList } from './appeals.api';

const PAGE_SIZE = 20;

/** 诉求管理: the three-level problem repository, a tab per level and the working queues. */
export function AppealsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const defaultLevel = useMemo(() => homeLevel(me.role), [me.role]);
  const { level, queue, fields, filter, navigateTo } = useAppealsLocation(defaultLevel);
  // A list of a period (a dashboard figure's) says how many it holds; the open-ended queues do not
  // count years of appeals.
  const withTotal = Boolean(fields.receivedFrom || fields.receivedTo);
  const list = useAppealsList(filter, PAGE_SIZE, { withTotal });
  const intake = useModalTarget<true>();
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = withTotal ? (list.data?.pages[0]?.total ?? undefined) : undefined;
  // The handler filter's tag names the cadre as the appeals listed do.
  const handlerName = fields.handlerId
    ? (items.find((a) => a.handlerId === fields.handlerId)?.handlerName ?? undefined)
    : undefined;

  // Working queues follow the role: approving deferrals is the unit head's, and those who only
  // read or report (auditors, CPPCC members) handle nothing.
  const queues = appealQueues.filter((q) => {
    if (q === 'deferral_pending') return can('appeals.assign');
    if (q === 'mine' || q === 'unassigned') return can('appeals.handle');
    return true;
  });
  const levelTabs: LevelTab[] = ['all', ...appealLevels];

  return (
    <>
      <PageHeader
        title={t('appeals.title')}
        extra={
          can('appeals.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => intake.show(true)}
              data-testid="appeals-create"
            >
              {t('appeals.create')}
            </Button>
          )
        }
      />
      {/* The figures are an area's; a unit's staff or a member see only their list. */}
      {roleReach[me.role] === 'area' && <AppealStatsCard areaCode={fields.areaCode} />}
      <AppealFilterBar
        fields={fields}
        handlerName={handlerName}
        onChange={(next) => navigateTo({ level, queue, fields: next })}
      />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={level}
          onChange={(key) => navigateTo({ level: levelTabs.find((l) => l === key) ?? 'all', queue, fields })}
          items={levelTabs.map((l) => ({
            key: l,
            label:
              l === 'all' ? t('appeals.levelAll') : t('appeals.levelRepository', { level: levelLabel(t, l) }),
          }))}
          tabBarExtraContent={
            <Space>
              <Segmented<AppealQueue>
                value={queue}
                onChange={(next) => navigateTo({ level, queue: next, fields })}
                options={queues.map((q) => ({ value: q, label: queueLabel(t, q) }))}
                data-testid="appeals-queue"
              />
            </Space>
          }
          data-testid="appeals-levels"
        />
        <AppealTable
          items={items}
          loading={list.isFetching && !list.isFetchingNextPage}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => list.fetchNextPage()}
          total={total}
          emptyText={t(queue === 'all' ? 'appeals.empty' : 'appeals.emptyQueue')}
        />
      </Card>
      {intake.target && (
        <AppealIntakeDrawer open={intake.open} onClose={intake.hide} afterClose={intake.afterClose} />
      )}
    </>
  );
}
