import { ClockCircleOutlined, PhoneOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import type { VillageSectionProps } from '../village/village-sections';
import './services-public.css';

const dial = (phone: string) => phone.replace(/[^\d+]/g, '');

/** The village page's 便民服务: the station serving it (or the town's centre), hours, today's duty. */
export function ServicesSection({ data }: VillageSectionProps<'services'>) {
  const t = useT();
  return (
    <>
      <h2 className="lx-village-section-title">
        <ShopOutlined aria-hidden /> {t('servicesWeb.public.title')}
      </h2>
      <ul className="lx-svc-list" data-testid="village-services">
        {data.stations.map((s) => (
          <li key={s.id} style={{ padding: '8px 0' }}>
            <strong>{s.name}</strong>
            <Flex vertical gap={2} className="lx-svc-list-hint">
              {s.hoursText && (
                <span>
                  <ClockCircleOutlined aria-hidden /> {s.hoursText}
                </span>
              )}
              {s.address && <span>{s.address}</span>}
              <span>
                <UserOutlined aria-hidden />{' '}
                {s.todayDuty.length
                  ? t('servicesWeb.public.today', { names: s.todayDuty.join('、') })
                  : t('servicesWeb.centre.noDuty')}
              </span>
              {s.phone && (
                <a href={`tel:${dial(s.phone)}`}>
                  <PhoneOutlined aria-hidden /> {s.phone}
                </a>
              )}
            </Flex>
          </li>
        ))}
      </ul>
      <Link to="/public/services" data-testid="village-services-link">
        {t('servicesWeb.public.entry')}
      </Link>
    </>
  );
}
