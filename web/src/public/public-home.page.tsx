import { EditOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';

/** 我要反映 / 查询进度: the two things a resident comes for, as two big buttons. */
export function PublicHomePage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ fontSize: 17, margin: '8px 0 0' }}>
        {t('public.home.lead')}
      </Typography.Paragraph>
      <Button
        type="primary"
        block
        className="lx-public-big"
        onClick={() => navigate('/public/submit')}
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
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('public.home.how')}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('public.home.emergency')} />
    </Flex>
  );
}
