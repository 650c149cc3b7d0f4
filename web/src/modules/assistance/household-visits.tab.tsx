import type { Household, Visit } from '@lianxin/common';
import { Empty, Flex, Grid, Image, Space, Spin, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { useModalTarget } from '../../shared/use-modal-target';
import { useVisits, visitPhotoUrl } from './assistance.api';
import { needLabel, visitKindLabel } from './assistance-labels';
import { HouseholdPairingCard } from './household-pairing.card';
import { VisitDrawer } from './visit.drawer';
import './assistance.css';

function VisitItem({ visit }: { visit: Visit }) {
  const t = useT();
  return (
    <li className="lx-visit-item" data-testid="household-visit-item">
      <Flex vertical gap={6}>
        <Space size={8} wrap>
          <Typography.Text strong>{visit.date}</Typography.Text>
          <Tag color="blue">{visitKindLabel(t, visit.kind)}</Tag>
          <Typography.Text type="secondary">
            {visit.cadres.map((c) => c.name).join(t('common.listSeparator'))}
          </Typography.Text>
        </Space>
        <Typography.Paragraph className="lx-visit-text">{visit.findings}</Typography.Paragraph>
        {visit.needs.length > 0 && (
          <Space size={[4, 4]} wrap>
            <Typography.Text type="secondary">{t('assistance.visit.needsLabel')}</Typography.Text>
            {visit.needs.map((n) => (
              <Tag key={n} color="orange" style={{ marginInlineEnd: 0 }}>
                {needLabel(t, n)}
              </Tag>
            ))}
          </Space>
        )}
        {visit.photos.length > 0 && (
          <Image.PreviewGroup>
            <Flex wrap gap={8}>
              {visit.photos.map((photo, i) => (
                <Image
                  key={photo.id}
                  src={visitPhotoUrl(visit.id, photo.id)}
                  alt={t('assistance.visit.photoN', { date: visit.date, n: i + 1 })}
                  width={88}
                  height={88}
                  style={{ objectFit: 'cover', borderRadius: 6, background: '#f5f5f5' }}
                  data-testid="visit-photo-thumb"
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
        {visit.appealIds.length > 0 && (
          <Space size={8} wrap>
            <Typography.Text type="secondary">{t('assistance.visit.appealsRaised')}</Typography.Text>
            {visit.appealIds.map((id, i) => (
              <Link key={id} to={`/appeals/${id}`}>
                {t('assistance.visit.appealLink', { n: i + 1 })}
              </Link>
            ))}
          </Space>
        )}
      </Flex>
    </li>
  );
}

/** The household page's 走访 tab: its helper and every visit, newest first, with photos. */
export function HouseholdVisitsTab({ household }: { household: Household }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const visits = useVisits({ householdId: household.id, limit: 200 });
  const drawer = useModalTarget<true>();
  const canVisit = can('assistance.visit') && household.status === 'active';

  const record = () => {
    if (screens.md === false) navigate(`/worklist/visit?household=${household.id}`);
    else drawer.show(true);
  };

  return (
    <>
      <HouseholdPairingCard household={household} onVisit={canVisit ? record : null} />
      <Spin spinning={visits.isFetching}>
        {(visits.data ?? []).length === 0 ? (
          <Empty description={t('assistance.household.noVisits')} style={{ padding: '24px 0' }} />
        ) : (
          <ul className="lx-visit-list" data-testid="household-visits">
            {(visits.data ?? []).map((visit) => (
              <VisitItem key={visit.id} visit={visit} />
            ))}
          </ul>
        )}
      </Spin>
      {drawer.target && (
        <VisitDrawer
          householdId={household.id}
          open={drawer.open}
          onClose={drawer.hide}
          afterClose={drawer.afterClose}
        />
      )}
    </>
  );
}
