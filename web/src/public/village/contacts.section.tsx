import { TeamOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import type { VillageSectionProps } from './village-sections';

/** 找得到人: the village's cadres and the leaders whose contact point it is. */
export function ContactsSection({ data }: VillageSectionProps<'contacts'>) {
  const t = useT();
  return (
    <>
      <h2 className="lx-village-section-title">
        <TeamOutlined aria-hidden /> {t('village.contacts.title')}
      </h2>
      <h3 className="lx-village-subtitle">{t('village.contacts.cadres')}</h3>
      {data.cadres.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('village.contacts.noCadres')}</Typography.Paragraph>
      ) : (
        <ul className="lx-village-people">
          {data.cadres.map((c, i) => (
            // Names may repeat and nothing else identifies a person here.
            // biome-ignore lint/suspicious/noArrayIndexKey: a list read from the server in one piece
            <li key={i}>
              <span className="lx-village-person-name">{c.name}</span>
              {/* The list's title already says they are the village's cadres: a grid worker's group says more. */}
              {(c.groupName || c.role !== 'village_cadre') && (
                <span className="lx-village-person-role">
                  {c.groupName ? t('village.contacts.group', { group: c.groupName }) : t(`role.${c.role}`)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.leaders.length > 0 && (
        <>
          <h3 className="lx-village-subtitle">{t('village.contacts.leaders')}</h3>
          <ul className="lx-village-people">
            {data.leaders.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list read from the server in one piece
              <li key={i}>
                <span className="lx-village-person-name">{l.name}</span>
                <span className="lx-village-person-role">
                  {l.rank ? t(`rank.${l.rank}`) : t(`role.${l.role}`)}
                </span>
                <span className="lx-village-person-note">
                  {t('village.contacts.since', { date: l.since })}
                  {l.lastReceptionOn &&
                    ` · ${t('village.contacts.lastReception', { date: l.lastReceptionOn })}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography.Paragraph type="secondary" className="lx-village-note">
        {t('village.contacts.phoneNote')}
      </Typography.Paragraph>
    </>
  );
}
