import { EnvironmentOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useVillagePage } from './village.api';
import { useVillageChoice } from './village-choice';
import { VillageSectionView } from './village-sections';
import './village.css';

/** `/public/villages/:code`: one village's page, its sections as the modules contribute them. */
export function VillagePage() {
  const t = useT();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const page = useVillagePage(code);
  const [chosen, choose] = useVillageChoice();

  // Opening a village's page (a shared link, a poster's QR code) makes it the resident's village.
  useEffect(() => {
    if (page.data && chosen !== page.data.village.code) choose(page.data.village.code);
  }, [page.data, chosen, choose]);

  const change = () => {
    choose(null);
    navigate('/public');
  };

  if (page.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (page.isError || page.data === null) {
    const unknown = !page.isError;
    return (
      <Flex vertical gap={12}>
        <Alert
          type={unknown ? 'warning' : 'error'}
          showIcon
          title={unknown ? t('village.page.notFound') : t('village.page.loadFailed')}
        />
        {unknown ? (
          <Button block onClick={change} data-testid="village-not-found-change">
            {t('village.page.change')}
          </Button>
        ) : (
          <Button block onClick={() => page.refetch()}>
            {t('village.page.retry')}
          </Button>
        )}
      </Flex>
    );
  }

  const { village, sections } = page.data;
  return (
    <Flex vertical gap={12}>
      <div className="lx-village-head">
        <EnvironmentOutlined aria-hidden className="lx-village-head-icon" />
        <div className="lx-village-head-text">
          <h1 data-testid="village-name">{village.name}</h1>
          <span>{village.town.name}</span>
        </div>
        <button type="button" className="lx-village-change" onClick={change} data-testid="village-change">
          {t('village.home.change')}
        </button>
      </div>
      {sections.length === 0 && <Alert type="info" title={t('village.page.empty')} />}
      {sections.map((section) => (
        <VillageSectionView key={section.key} section={section} village={village} />
      ))}
      <Link to="/public/track" className="lx-village-track" data-testid="village-track">
        <SearchOutlined aria-hidden /> {t('village.page.track')}
      </Link>
    </Flex>
  );
}
