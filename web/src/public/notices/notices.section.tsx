import { NotificationOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import type { VillageSectionProps } from '../village/village-sections';
import { periodLastDay } from './notice-dates';
import './notices.css';

/** The village page's notices: what the village, its town and the district make public now. */
export function NoticesSection({ data }: VillageSectionProps<'notices'>) {
  const t = useT();
  return (
    <>
      <h2 className="lx-village-section-title">
        <NotificationOutlined aria-hidden /> {t('notices.village.title')}
      </h2>
      <p className="lx-village-lead">{t('notices.village.lead')}</p>
      <ul className="lx-notice-list">
        {data.items.map((n) => (
          <li key={n.id}>
            <Tag color={n.open ? 'green' : 'default'}>{t(`notices.kind.${n.kind}`)}</Tag>
            <Link to={`/public/notices/${n.id}`} data-testid={`village-notice-${n.id}`}>
              {n.title}
            </Link>
            <div className="lx-notice-hint">
              {n.publisherName}
              {n.endsAt && ` · ${t('notices.village.until', { to: periodLastDay(n.endsAt) })}`}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
