import { TeamOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { receptionTime } from '../../modules/reception/reception-time';
import type { VillageSectionProps } from '../village/village-sections';

/** The village page's coming reception days: who receives residents, when and where, on what. */
export function ReceptionDaysSection({ data, village }: VillageSectionProps<'receptionDays'>) {
  const t = useT();
  return (
    <>
      <h2 className="lx-village-section-title">
        <TeamOutlined aria-hidden /> {t('public.reception.title')}
      </h2>
      <p className="lx-village-lead">{t('public.reception.lead')}</p>
      <ul className="lx-notice-list" data-testid="village-reception-days">
        {data.items.map((d) => (
          <li key={d.id}>
            <strong>{d.leaderName}</strong> {d.leaderPost}
            <div className="lx-notice-hint">
              {receptionTime(d.startsAt, d.endsAt)} · {d.place}
            </div>
            <div>
              {d.topics.map((topic) => (
                <Tag key={topic}>{topic}</Tag>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <Link to={`/public/reception-days?area=${village.code}`}>{t('public.reception.entry')}</Link>
    </>
  );
}
