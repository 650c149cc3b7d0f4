import { EditOutlined, MessageOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import type { VillageSectionProps } from './village-sections';

/** How to report from this village, and the village's appeal figures of the year. */
export function AppealsSection({ data, village }: VillageSectionProps<'appeals'>) {
  const t = useT();
  const navigate = useNavigate();
  const satisfaction =
    data.satisfactionRate === null
      ? t('village.appeals.noRating')
      : `${Math.round(data.satisfactionRate * 100)}%`;
  return (
    <>
      <h2 className="lx-village-section-title">
        <MessageOutlined aria-hidden /> {t('village.appeals.title')}
      </h2>
      <p className="lx-village-lead">{t('village.appeals.lead')}</p>
      <Button
        type="primary"
        block
        icon={<EditOutlined aria-hidden />}
        onClick={() => navigate(`/public/submit?village=${village.code}`)}
        data-testid="village-submit"
      >
        {t('village.appeals.submit')}
      </Button>
      <h3 className="lx-village-subtitle">{t('village.appeals.figures', { year: data.year })}</h3>
      <dl className="lx-village-figures">
        <div>
          <dt>{t('village.appeals.received')}</dt>
          <dd>{data.received}</dd>
        </div>
        <div>
          <dt>{t('village.appeals.resolved')}</dt>
          <dd>{data.resolved}</dd>
        </div>
        <div>
          <dt>{t('village.appeals.satisfaction')}</dt>
          <dd className={data.satisfactionRate === null ? 'lx-village-figure-none' : undefined}>
            {satisfaction}
          </dd>
        </div>
      </dl>
      {data.rated > 0 && (
        <p className="lx-village-figure-hint">{t('village.appeals.rated', { count: data.rated })}</p>
      )}
    </>
  );
}
