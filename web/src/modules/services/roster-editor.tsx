import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { ServiceCentre, ServiceRosterPutBody } from '@lianxin/common';
import { App, Button, Flex, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useShowError } from '../../shared/feedback';
import { usePutRoster } from './catalogue.api';

type Week = Record<string, string[]>;

/** The days Monday…Sunday of the week starting `weekStart`. */
function daysOf(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => dayjs(weekStart).add(i, 'day').format('YYYY-MM-DD'));
}

/**
 * A week's duty roster (值班表): for each day, the station's staff on duty (picked from its
 * accounts) or a name typed in (a volunteer, a cadre without an account). Saving replaces the week.
 */
export function RosterEditor({
  centre,
  onWeek,
}: {
  centre: ServiceCentre;
  onWeek: (weekStart: string) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const put = usePutRoster();
  const days = useMemo(() => daysOf(centre.weekStart), [centre.weekStart]);
  const staffIds = useMemo(() => new Set(centre.staff.map((s) => s.userId)), [centre.staff]);
  const [week, setWeek] = useState<Week>({});

  useEffect(() => {
    const next: Week = Object.fromEntries(days.map((d) => [d, []]));
    for (const duty of centre.week) next[duty.date]?.push(duty.userId ?? duty.name);
    setWeek(next);
  }, [centre.week, days]);

  const save = () => {
    const body: ServiceRosterPutBody = {
      weekStart: centre.weekStart,
      duties: days.flatMap((date) =>
        (week[date] ?? []).map((v) => (staffIds.has(v) ? { date, userId: v } : { date, name: v.trim() })),
      ),
    };
    put.mutate(
      { id: centre.unitId, body },
      { onSuccess: () => message.success(t('servicesWeb.saved')), onError: showError },
    );
  };

  const move = (weeks: number) => onWeek(dayjs(centre.weekStart).add(weeks, 'week').format('YYYY-MM-DD'));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <>
      <Flex align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} onClick={() => move(-1)} aria-label="-1" />
        <Typography.Text strong>
          {days[0]} ~ {days[6]}
        </Typography.Text>
        <Button icon={<RightOutlined />} onClick={() => move(1)} aria-label="+1" />
      </Flex>
      <Table
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={days.map((date, i) => ({ date, weekday: i + 1 }))}
        columns={[
          {
            title: '',
            dataIndex: 'date',
            width: 110,
            render: (date: string, row) => (
              <Typography.Text strong={date === today}>
                {t(`servicesWeb.weekday.${row.weekday as 1}`)} {date.slice(5)}
              </Typography.Text>
            ),
          },
          {
            title: t('servicesWeb.centre.roster'),
            dataIndex: 'date',
            key: 'duty',
            render: (date: string) => (
              <Select
                mode="tags"
                style={{ width: '100%' }}
                disabled={!centre.canPutRoster}
                value={week[date] ?? []}
                onChange={(values: string[]) => setWeek({ ...week, [date]: values })}
                options={centre.staff.map((s) => ({ value: s.userId, label: s.name }))}
                data-testid={`roster-${date}`}
              />
            ),
          },
        ]}
      />
      {centre.canPutRoster && (
        <Flex justify="flex-end" style={{ marginTop: 12 }}>
          <Button type="primary" onClick={save} loading={put.isPending} data-testid="roster-save">
            {t('servicesWeb.save')}
          </Button>
        </Flex>
      )}
    </>
  );
}
