import type { Attendance, RollEntry } from '@lianxin/common';
import { Button, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';

const colors: Record<Attendance, { background: string; border: string; color: string }> = {
  present: { background: '#f6ffed', border: '#52c41a', color: '#237804' },
  absent: { background: '#f5f5f5', border: '#bfbfbf', color: '#595959' },
  leave: { background: '#fff7e6', border: '#fa8c16', color: '#ad4e00' },
};

const attendances: Attendance[] = ['present', 'leave', 'absent'];

/**
 * The roll as name buttons: choose what a tap records (present by default), then tap the names;
 * tapping a name already marked so clears it. Those without a vote are shown apart.
 */
export function AttendanceTaps(props: {
  roll: readonly RollEntry[];
  attendance: ReadonlyMap<string, Attendance | null>;
  onChange: (rollId: string, attendance: Attendance | null) => void;
  onMarkRest: (attendance: Attendance) => void;
  disabled: boolean;
}) {
  const t = useT();
  const [mode, setMode] = useState<Attendance>('present');
  const [q, setQ] = useState('');
  const shown = props.roll.filter((r) => q === '' || r.name.includes(q));
  const unmarked = props.roll.filter((r) => !props.attendance.get(r.id)).length;
  const count = (a: Attendance) => props.roll.filter((r) => props.attendance.get(r.id) === a).length;

  return (
    <div data-testid="attendance">
      {!props.disabled && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('democracyWeb.attendance.tapAs')}</Typography.Text>
          <Segmented<Attendance>
            value={mode}
            onChange={setMode}
            options={attendances.map((a) => ({ value: a, label: t(`democracy.attendance.${a}`) }))}
            data-testid="attendance-mode"
          />
        </Flex>
      )}
      <Flex wrap gap={6} style={{ marginBottom: 8 }}>
        {attendances.map((a) => (
          <Tag key={a} color={colors[a].border}>
            {t(`democracy.attendance.${a}`)} {count(a)}
          </Tag>
        ))}
        <Tag>{t('democracyWeb.attendance.unmarked', { count: unmarked })}</Tag>
      </Flex>
      {props.roll.length > 40 && (
        <Input.Search
          allowClear
          placeholder={t('democracyWeb.attendance.search')}
          onChange={(e) => setQ(e.target.value.trim())}
          style={{ marginBottom: 8 }}
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8 }}>
        {shown.map((entry) => {
          const current = props.attendance.get(entry.id) ?? null;
          const style = current
            ? colors[current]
            : { background: '#fff', border: '#d9d9d9', color: '#262626' };
          return (
            <Button
              key={entry.id}
              disabled={props.disabled}
              onClick={() => props.onChange(entry.id, current === mode ? null : mode)}
              data-testid={`roll-${entry.id}`}
              data-attendance={current ?? 'unmarked'}
              style={{
                height: 52,
                padding: '2px 4px',
                background: style.background,
                borderColor: style.border,
                borderStyle: current ? 'solid' : 'dashed',
                color: style.color,
                whiteSpace: 'normal',
                lineHeight: 1.2,
              }}
            >
              <span>
                {entry.name}
                <br />
                <small>
                  {current
                    ? t(`democracy.attendance.${current}`)
                    : entry.entitled
                      ? ''
                      : t('democracyWeb.attendance.noVote')}
                </small>
              </span>
            </Button>
          );
        })}
      </div>
      {!props.disabled && unmarked > 0 && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => props.onMarkRest('absent')}
          data-testid="attendance-rest-absent"
        >
          {t('democracyWeb.attendance.restAbsent', { count: unmarked })}
        </Button>
      )}
    </div>
  );
}
