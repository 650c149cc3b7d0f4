import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import type { PublicServiceCentreSummary } from '@lianxin/common';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { usePublicVillages } from '../public.api';
import { useVillageChoice } from '../village/village-choice';
import { usePublicServiceCentres } from './services.public-api';
import './services-public.css';

const dial = (phone: string) => phone.replace(/[^\d+]/g, '');

/** One centre or station: hours (and holiday hours), address, phone, today's duty. */
export function CentreCard({ centre }: { centre: PublicServiceCentreSummary }) {
  const t = useT();
  return (
    <Card size="small" data-testid={`public-centre-${centre.areaCode}`}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {centre.name}
        </Typography.Text>
        <Tag>{t(`servicesWeb.centre.kind.${centre.level === 'town' ? 'centre' : 'station'}`)}</Tag>
      </Flex>
      <Flex vertical gap={4} style={{ marginTop: 6 }}>
        {centre.hoursText && (
          <span>
            <ClockCircleOutlined aria-hidden /> {centre.hoursText}
          </span>
        )}
        {centre.holidayHoursText && (
          <span className="lx-svc-list-hint">
            {t('servicesWeb.public.holidayHours', { hours: centre.holidayHoursText })}
          </span>
        )}
        {centre.address && (
          <span>
            <EnvironmentOutlined aria-hidden /> {centre.address}
          </span>
        )}
        {centre.phone && (
          <a href={`tel:${dial(centre.phone)}`}>
            <PhoneOutlined aria-hidden /> {centre.phone}
          </a>
        )}
        <span>
          <UserOutlined aria-hidden />{' '}
          {centre.todayDuty.length
            ? t('servicesWeb.public.today', { names: centre.todayDuty.map((d) => d.name).join('、') })
            : t('servicesWeb.centre.noDuty')}
          {centre.todayDuty
            .filter((d) => d.phone)
            .map((d) => (
              <a key={d.name} href={`tel:${dial(d.phone ?? '')}`} style={{ marginLeft: 8 }}>
                <PhoneOutlined aria-hidden /> {d.phone}
              </a>
            ))}
        </span>
      </Flex>
    </Card>
  );
}

/** 服务中心和站点: the chosen village's town (its centre and stations), else the whole district. */
export function ServiceCentresPage() {
  const t = useT();
  const [village] = useVillageChoice();
  const villages = usePublicVillages();
  const town = useMemo(() => villages.data?.find((v) => v.code === village), [villages.data, village]);
  // A town's code is the village's first nine digits padded to twelve.
  const townCode = village ? `${village.slice(0, 9)}000` : undefined;
  const centres = usePublicServiceCentres(townCode);
  const items = useMemo(() => {
    const list = centres.data?.items ?? [];
    // The resident's own station first, then the town's centre, then the other villages.
    const rank = (c: PublicServiceCentreSummary) => (c.areaCode === village ? 0 : c.level === 'town' ? 1 : 2);
    return [...list].sort((a, b) => rank(a) - rank(b));
  }, [centres.data, village]);

  return (
    <Flex vertical gap={12} data-testid="public-centres">
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('servicesWeb.public.centres')}
      </Typography.Title>
      {town && <Typography.Text type="secondary">{town.townName}</Typography.Text>}
      {centres.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        items.map((c) => <CentreCard key={c.id} centre={c} />)
      )}
    </Flex>
  );
}
