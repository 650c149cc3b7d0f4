import {
  EditOutlined,
  EnvironmentOutlined,
  RightOutlined,
  SearchOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { usePublicVillages } from './public.api';
import { useVillageChoice } from './village/village-choice';
import { VillagePicker } from './village-picker';
import './village/village.css';

/**
 * The residents' home: their village, chosen once and remembered on the phone, leading to its
 * page; and 我要反映 / 查询进度, the two things a resident comes for, as two big buttons.
 */
export function PublicHomePage() {
  const t = useT();
  const navigate = useNavigate();
  const villages = usePublicVillages();
  const [chosen, choose] = useVillageChoice();
  const village = villages.data?.find((v) => v.code === chosen);
  const openVillage = (code: string) => navigate(`/public/villages/${code}`);

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ fontSize: 17, margin: '8px 0 0' }}>
        {t('public.home.lead')}
      </Typography.Paragraph>
      {chosen ? (
        <Flex vertical gap={8} className="lx-village-home" data-testid="public-my-village">
          <Flex align="center" justify="space-between" gap={8}>
            <span className="lx-village-home-label">{t('village.home.yourVillage')}</span>
            <button
              type="button"
              className="lx-village-change"
              onClick={() => choose(null)}
              data-testid="public-village-change"
            >
              {t('village.home.change')}
            </button>
          </Flex>
          <Button
            block
            className="lx-public-big"
            onClick={() => openVillage(chosen)}
            data-testid="public-go-village"
          >
            <EnvironmentOutlined aria-hidden className="lx-public-big-icon lx-village-home-icon" />
            <span style={{ flex: 1 }}>
              <span className="lx-public-big-title">{village ? village.name : t('village.home.open')}</span>
              <span className="lx-public-big-hint">
                {village ? `${village.townName} · ${t('village.home.openHint')}` : t('village.home.openHint')}
              </span>
            </span>
            <RightOutlined aria-hidden />
          </Button>
        </Flex>
      ) : (
        <Flex vertical gap={8} className="lx-village-home" data-testid="public-pick-village">
          <span className="lx-village-home-label">{t('village.home.pickTitle')}</span>
          <Typography.Text type="secondary">{t('village.home.pickLead')}</Typography.Text>
          <VillagePicker
            villages={villages.data ?? []}
            loading={villages.isPending}
            onChange={(code) => {
              if (!code) return;
              choose(code);
              openVillage(code);
            }}
          />
        </Flex>
      )}
      <Button
        type="primary"
        block
        className="lx-public-big"
        onClick={() => navigate(chosen ? `/public/submit?village=${chosen}` : '/public/submit')}
        data-testid="public-go-submit"
      >
        <EditOutlined aria-hidden className="lx-public-big-icon" />
        <span>
          <span className="lx-public-big-title">{t('public.home.submit')}</span>
          <span className="lx-public-big-hint">{t('public.home.submitHint')}</span>
        </span>
      </Button>
      <Button
        block
        className="lx-public-big"
        onClick={() => navigate('/public/track')}
        data-testid="public-go-track"
      >
        <SearchOutlined aria-hidden className="lx-public-big-icon" />
        <span>
          <span className="lx-public-big-title">{t('public.home.track')}</span>
          <span className="lx-public-big-hint">{t('public.home.trackHint')}</span>
        </span>
      </Button>
      <Link
        to="/public/services"
        style={{ display: 'block', fontSize: 16, padding: '4px 0' }}
        data-testid="public-go-services"
      >
        <ShopOutlined aria-hidden /> {t('servicesWeb.public.entry')}
      </Link>
      <Link
        to="/public/reception-days"
        style={{ display: 'block', fontSize: 16, padding: '4px 0' }}
        data-testid="public-go-reception"
      >
        <TeamOutlined aria-hidden /> {t('public.reception.entry')}
      </Link>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('public.home.how')}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('public.home.emergency')} />
    </Flex>
  );
}
