import { type CalendarDay, type CalendarWarning, chinaYear } from '@lianxin/common';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { formatDateTime } from '../../shared/dates';
import { useShowError } from '../../shared/feedback';
import { PageHeader } from '../../shared/page-header';
import { useCalendarYear, useCalendarYears, useSaveCalendarYear } from './calendar.api';
import { DayEditorModal } from './day-editor.modal';
import { YearGrid } from './year-grid';

const byDate = (days: Iterable<CalendarDay>) => [...days].sort((a, b) => (a.date < b.date ? -1 : 1));

/** Runs of consecutive days with the same kind and name, for the list beside the grid. */
function runsOf(
  days: readonly CalendarDay[],
): { from: string; to: string; day: CalendarDay; count: number }[] {
  const runs: { from: string; to: string; day: CalendarDay; count: number }[] = [];
  for (const day of days) {
    const last = runs.at(-1);
    const next = last && new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (last && next === day.date && last.day.kind === day.kind && last.day.name === day.name) {
      last.to = day.date;
      last.count++;
    } else runs.push({ from: day.date, to: day.date, day, count: 1 });
  }
  return runs;
}

function Warnings({ warnings, onOpen }: { warnings: CalendarWarning[]; onOpen: (year: number) => void }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {warnings.map((w) => (
        <Alert
          key={`${w.year}-${w.problem}`}
          type={w.problem === 'missing' ? 'error' : 'warning'}
          showIcon
          data-testid={`calendar-warning-${w.year}`}
          message={t(`calendar.warning.${w.problem}`, { year: w.year })}
          action={
            <Button size="small" onClick={() => onOpen(w.year)}>
              {t('calendar.openYear', { year: w.year })}
            </Button>
          }
        />
      ))}
    </Space>
  );
}

/** The district admin's working-day calendar: a year's days off and make-up days, edited and saved. */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const editable = useCan()('calendar.manage');
  const thisYear = chinaYear(new Date());
  const [year, setYear] = useState(thisYear);
  const years = useCalendarYears();
  const detail = useCalendarYear(year);
  const save = useSaveCalendarYear(year);
  const [draft, setDraft] = useState<Map<string, CalendarDay>>(new Map());
  const [provisional, setProvisional] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  // A new year, or the saved year coming back, replaces the edits.
  useEffect(() => {
    setDraft(new Map((detail.data?.days ?? []).map((d) => [d.date, d])));
    setProvisional(detail.data?.provisional ?? false);
  }, [detail.data]);

  const saved = detail.data;
  const draftDays = useMemo(() => byDate(draft.values()), [draft]);
  const changed =
    saved !== undefined &&
    (JSON.stringify(draftDays) !== JSON.stringify(saved.days) || provisional !== saved.provisional);
  const yearOptions = useMemo(() => {
    const all = new Set([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...(years.data?.items ?? []).map((i) => i.year),
    ]);
    return [...all]
      .sort((a, b) => a - b)
      .map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }));
  }, [years.data, thisYear, t]);

  const apply = (dates: string[], day: Omit<CalendarDay, 'date'> | null) => {
    setDraft((current) => {
      const next = new Map(current);
      for (const date of dates) {
        if (day) next.set(date, { date, ...day });
        else next.delete(date);
      }
      return next;
    });
    setEditing(null);
  };

  const submit = () =>
    save.mutate(
      { days: draftDays, provisional },
      { onSuccess: () => message.success(t('calendar.saved', { year })), onError: showError },
    );

  const runs = runsOf(draftDays);
  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        extra={
          <Select
            value={year}
            options={yearOptions}
            onChange={setYear}
            style={{ width: 120 }}
            aria-label={t('calendar.year')}
            data-testid="calendar-year"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Warnings warnings={years.data?.warnings ?? []} onOpen={setYear} />
      <Card
        loading={detail.isLoading}
        title={
          <Space wrap>
            {t('calendar.yearOption', { year })}
            {saved && !saved.loaded && <Tag color="red">{t('calendar.notLoaded')}</Tag>}
            {saved?.source && <Tag>{t(`calendar.source.${saved.source}`)}</Tag>}
            {saved?.provisional && <Tag color="orange">{t('calendar.provisional')}</Tag>}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('calendar.holidays', { n: draftDays.filter((d) => d.kind === 'holiday').length })} ·{' '}
              {t('calendar.workdays', { n: draftDays.filter((d) => d.kind === 'workday').length })}
            </Typography.Text>
          </Space>
        }
        extra={
          editable ? (
            <Flex gap={8} align="center">
              {changed && <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text>}
              <Checkbox checked={provisional} onChange={(e) => setProvisional(e.target.checked)}>
                {t('calendar.stillProvisional')}
              </Checkbox>
              <Button
                disabled={!changed}
                onClick={() => {
                  setDraft(new Map((saved?.days ?? []).map((d) => [d.date, d])));
                  setProvisional(saved?.provisional ?? false);
                }}
              >
                {t('common.reset')}
              </Button>
              <Button
                type="primary"
                disabled={!changed}
                loading={save.isPending}
                onClick={submit}
                data-testid="calendar-save"
              >
                {t('common.save')}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('calendar.readOnly')}</Typography.Text>
          )
        }
      >
        {saved?.provisional && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('calendar.provisionalHint')}
          />
        )}
        <Flex gap={16} wrap align="flex-start">
          <div style={{ flex: '1 1 640px', minWidth: 0 }}>
            <YearGrid year={year} days={draft} {...(editable ? { onPick: setEditing } : {})} />
          </div>
          <Card
            size="small"
            title={t('calendar.list')}
            style={{ flex: '0 1 300px' }}
            data-testid="calendar-list"
          >
            {runs.length === 0 ? (
              <Empty description={t('calendar.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              runs.map((run) => (
                <Flex key={run.from} justify="space-between" gap={8} style={{ padding: '4px 0' }}>
                  <span>
                    <Tag color={run.day.kind === 'holiday' ? 'red' : 'orange'}>
                      {t(`calendar.${run.day.kind}`)}
                    </Tag>
                    {run.day.name}
                  </span>
                  <Typography.Text type="secondary">
                    {run.from.slice(5)}
                    {run.count > 1 ? ` ~ ${run.to.slice(5)}` : ''}
                  </Typography.Text>
                </Flex>
              ))
            )}
            {saved?.updatedAt && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
                {t('calendar.updated', {
                  by: saved.updatedBy ?? t('calendar.system'),
                  at: formatDateTime(saved.updatedAt),
                })}
              </Typography.Paragraph>
            )}
          </Card>
        </Flex>
      </Card>
      <DayEditorModal
        year={year}
        date={editing}
        days={draft}
        onClose={() => setEditing(null)}
        onApply={apply}
      />
    </>
  );
}
