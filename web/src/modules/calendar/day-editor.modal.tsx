import type { CalendarDay } from '@lianxin/common';
import { AutoComplete, DatePicker, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { isWeekendDate } from './year-grid';

// The names the State Council's notices use, offered first.
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

type Choice = 'none' | CalendarDay['kind'];

interface Values {
  range: [Dayjs, Dayjs];
  kind: Choice;
  name?: string;
}

/** Every date from `from` to `to`, both included. */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = dayjs(from); !d.isAfter(dayjs(to), 'day'); d = d.add(1, 'day'))
    dates.push(d.format('YYYY-MM-DD'));
  return dates;
}

/**
 * Sets a day (or a run of days, such as the nine days of the Spring Festival) to a day off, a
 * make-up working day, or back to its weekday.
 */
export function DayEditorModal({
  year,
  date,
  days,
  onClose,
  onApply,
}: {
  year: number;
  date: string | null;
  days: ReadonlyMap<string, CalendarDay>;
  onClose: () => void;
  onApply: (dates: string[], day: Omit<CalendarDay, 'date'> | null) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const range = Form.useWatch('range', form);

  useEffect(() => {
    if (!date) return;
    const current = days.get(date);
    form.setFieldsValue({
      range: [dayjs(date), dayjs(date)],
      kind: current?.kind ?? (isWeekendDate(date) ? 'workday' : 'holiday'),
      name: current?.name ?? '',
    });
  }, [date, days, form]);

  const names = useMemo(
    () => [...new Set([...FESTIVALS, ...[...days.values()].map((d) => d.name)])].map((value) => ({ value })),
    [days],
  );
  const selected = range ? datesBetween(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')) : [];
  const weekdayChosen = selected.some((d) => !isWeekendDate(d));

  const submit = (values: Values) => {
    const dates = datesBetween(values.range[0].format('YYYY-MM-DD'), values.range[1].format('YYYY-MM-DD'));
    onApply(dates, values.kind === 'none' ? null : { kind: values.kind, name: (values.name ?? '').trim() });
  };

  return (
    <Modal
      open={date !== null}
      title={date ? t('calendar.editDay', { date }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="calendar-day-form">
        <Form.Item name="range" label={t('calendar.dates')}>
          <DatePicker.RangePicker
            allowClear={false}
            disabledDate={(d) => d.year() !== year}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          rules={[
            {
              validator: (_rule, value: Choice) =>
                value === 'workday' && weekdayChosen
                  ? Promise.reject(new Error(t('calendar.workdayWeekendOnly')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
              { value: 'none', label: t('calendar.none') },
            ]}
          />
        </Form.Item>
        {kind !== 'none' && (
          <Form.Item
            name="name"
            label={t('calendar.name')}
            rules={[{ required: true, whitespace: true, max: 40, message: t('calendar.nameRequired') }]}
          >
            <AutoComplete
              options={names}
              placeholder={t('calendar.namePlaceholder')}
              data-testid="calendar-day-name"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
