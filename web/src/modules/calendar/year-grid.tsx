import type { CalendarDay } from '@lianxin/common';
import { Card, Col, Row, Tooltip, theme } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from '../../i18n/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** The days of a month, and how many columns come before the 1st in a week starting on Monday. */
function monthCells(year: number, month: number): { blanks: number; dates: string[] } {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    blanks: (first + 6) % 7,
    dates: Array.from({ length: count }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`),
  };
}

export const isWeekendDate = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * The year as twelve month grids: days off in red, make-up working days marked 班, ordinary
 * weekends greyed. Clicking a day edits it when `onPick` is given.
 */
export function YearGrid({
  year,
  days,
  onPick,
}: {
  year: number;
  days: ReadonlyMap<string, CalendarDay>;
  onPick?: (date: string) => void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const weekdays = t('calendar.weekday.short').split(',');

  const cellStyle = (date: string): CSSProperties => {
    const special = days.get(date);
    const base: CSSProperties = {
      position: 'relative',
      height: 30,
      lineHeight: '30px',
      textAlign: 'center',
      borderRadius: token.borderRadiusSM,
      cursor: onPick ? 'pointer' : 'default',
      fontSize: 12,
    };
    if (special?.kind === 'holiday')
      return { ...base, background: token.colorErrorBg, color: token.colorError, fontWeight: 600 };
    if (special?.kind === 'workday')
      return { ...base, background: token.colorWarningBg, color: token.colorWarningText, fontWeight: 600 };
    return isWeekendDate(date) ? { ...base, color: token.colorTextQuaternary } : base;
  };
  const markStyle: CSSProperties = {
    position: 'absolute',
    top: 0,
    right: 2,
    fontSize: 9,
    lineHeight: '12px',
  };

  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xl={6}>
          <Card size="small" title={t('calendar.month', { month })} data-testid={`calendar-month-${month}`}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
              {weekdays.map((w) => (
                <div key={w} style={{ textAlign: 'center', fontSize: 11, color: token.colorTextSecondary }}>
                  {w}
                </div>
              ))}
              {monthCells(year, month).blanks > 0 && (
                <div style={{ gridColumn: `span ${monthCells(year, month).blanks}` }} />
              )}
              {monthCells(year, month).dates.map((date) => {
                const special = days.get(date);
                const cell = (
                  // biome-ignore lint/a11y/useSemanticElements: a grid cell of a month, clickable for the admin
                  <div
                    key={date}
                    role="button"
                    tabIndex={onPick ? 0 : -1}
                    data-testid={`calendar-day-${date}`}
                    data-kind={special?.kind ?? 'none'}
                    style={cellStyle(date)}
                    onClick={() => onPick?.(date)}
                    onKeyDown={(e) => e.key === 'Enter' && onPick?.(date)}
                  >
                    {Number(date.slice(8))}
                    {special && (
                      <span style={markStyle}>
                        {t(special.kind === 'holiday' ? 'calendar.holidayMark' : 'calendar.workdayMark')}
                      </span>
                    )}
                  </div>
                );
                return special ? (
                  <Tooltip key={date} title={`${special.name} · ${t(`calendar.${special.kind}`)}`}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                );
              })}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
