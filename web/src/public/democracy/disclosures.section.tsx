import { FileTextOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useT } from '../../i18n/i18n';
import { formatDate } from '../../shared/dates';
import '../notices/notices.css';
import type { VillageSectionProps } from '../village/village-sections';

/** The village page's disclosure archive (村务公开): what the village published, each opened in place. */
export function DisclosuresSection({ data }: VillageSectionProps<'disclosures'>) {
  const t = useT();
  return (
    <>
      <h2 className="lx-village-section-title">
        <FileTextOutlined aria-hidden /> {t('village.disclosures.title')}
      </h2>
      <p className="lx-village-lead">{t('village.disclosures.lead')}</p>
      {data.overdue > 0 && (
        <p className="lx-notice-hint" data-testid="village-disclosures-overdue">
          {t('village.disclosures.overdue', { count: data.overdue })}
        </p>
      )}
      <ul className="lx-notice-list" data-testid="village-disclosures">
        {data.items.map((d) => (
          <li key={d.id}>
            <details>
              <summary>
                <Tag>{t(`disclosures.category.${d.category}`)}</Tag>
                {d.title}
                <div className="lx-notice-hint">
                  {d.period} · {formatDate(d.publishedAt)}
                </div>
              </summary>
              <p style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{d.content}</p>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
