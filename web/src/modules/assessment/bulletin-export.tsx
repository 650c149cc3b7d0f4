import { FileTextOutlined } from '@ant-design/icons';
import { type BulletinFormat, bulletinsApi, type ContractInput } from '@lianxin/common';
import { Button, DatePicker, Flex, Popover, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useDownload } from '../../shared/download';
import { chinaToday } from './dashboard-location';

export interface BulletinExportProps {
  /** The area of the bulletin; undefined is the caller's own. */
  areaCode?: string | undefined;
  /** Its name, for the download's title while it runs. */
  areaName?: string | undefined;
}

/** The month of China's calendar before this one: the bulletin most often asked for. */
function lastMonth(): Dayjs {
  return dayjs(chinaToday()).startOf('month').subtract(1, 'month');
}

/**
 * 导出月度通报: a button opening a small form — the month (last month by default; not one still
 * to come) and Excel or PDF — that downloads the area's monthly bulletin with the download
 * progress shown. Renders nothing for a caller who cannot read the assessment.
 */
export function BulletinExport({ areaCode, areaName }: BulletinExportProps) {
  const t = useT();
  const can = useCan();
  const download = useDownload();
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const [format, setFormat] = useState<BulletinFormat>('xlsx');
  if (!can('assessment.read')) return null;

  const thisMonth = dayjs(chinaToday()).startOf('month');
  const start = () => {
    const value = month.format('YYYY-MM');
    const query: ContractInput<typeof bulletinsApi.get>['query'] = { areaCode, format };
    setOpen(false);
    download.start({
      title: t('assessment.bulletin.downloading', { month: value, area: areaName ?? '' }),
      contract: bulletinsApi.get,
      input: { params: { month: value }, query },
      fileName: `bulletin-${value}.${format}`,
    });
  };

  const form = (
    <Flex vertical gap={12} style={{ width: 260 }} data-testid="bulletin-export-form">
      <div>
        <Typography.Text type="secondary">{t('assessment.bulletin.month')}</Typography.Text>
        <DatePicker
          picker="month"
          allowClear={false}
          value={month}
          onChange={(value) => value && setMonth(value)}
          disabledDate={(d) => d.isAfter(thisMonth, 'month')}
          style={{ width: '100%' }}
          data-testid="bulletin-month"
        />
      </div>
      <div>
        <Typography.Text type="secondary">{t('assessment.bulletin.format')}</Typography.Text>
        <Radio.Group
          block
          optionType="button"
          value={format}
          onChange={(e) => setFormat(e.target.value as BulletinFormat)}
          options={[
            { value: 'xlsx', label: t('assessment.bulletin.format.xlsx') },
            { value: 'pdf', label: t('assessment.bulletin.format.pdf') },
          ]}
          data-testid="bulletin-format"
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {month.isSame(thisMonth, 'month')
          ? t('assessment.bulletin.currentHint')
          : t('assessment.bulletin.hint')}
      </Typography.Text>
      <Button type="primary" onClick={start} data-testid="bulletin-download">
        {t('assessment.bulletin.download')}
      </Button>
    </Flex>
  );

  return (
    <>
      <Popover
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={setOpen}
        title={t('assessment.bulletin.export')}
        content={form}
      >
        <Button icon={<FileTextOutlined />} data-testid="bulletin-export">
          {t('assessment.bulletin.export')}
        </Button>
      </Popover>
      {download.modal}
    </>
  );
}
