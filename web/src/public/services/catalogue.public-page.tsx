import { EnvironmentOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { type ServiceCategory, serviceCategories } from '@lianxin/common';
import { Button, Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useDebounced } from '../../shared/use-debounced';
import { useVillageChoice } from '../village/village-choice';
import { usePublicServiceItems } from './services.public-api';
import './services-public.css';

/** 便民服务: search the catalogue or pick a category, open an item's guide; centres and tracking. */
export function ServicesCataloguePage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [village] = useVillageChoice();
  const [q, setQ] = useState(params.get('q') ?? '');
  const category = (serviceCategories as readonly string[]).includes(params.get('category') ?? '')
    ? (params.get('category') as ServiceCategory)
    : undefined;
  const search = useDebounced(q.trim(), 300);
  const items = usePublicServiceItems({
    ...(search ? { q: search } : {}),
    ...(category ? { category } : {}),
    ...(village ? { areaCode: village } : {}),
  });
  const pick = (next: ServiceCategory | undefined) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set('category', next);
    else copy.delete('category');
    setParams(copy, { replace: true });
  };

  return (
    <Flex vertical gap={14} data-testid="services-catalogue">
      <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
        {t('servicesWeb.public.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('servicesWeb.public.lead')}</Typography.Text>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder={t('servicesWeb.public.search')}
        aria-label={t('servicesWeb.public.search')}
        data-testid="services-search"
      />
      <div className="lx-svc-tabs" role="toolbar">
        {[undefined, ...serviceCategories].map((c) => (
          <button
            key={c ?? 'all'}
            type="button"
            className="lx-svc-tab"
            aria-pressed={category === c}
            onClick={() => pick(c)}
            data-testid={`services-tab-${c ?? 'all'}`}
          >
            {t(`servicesWeb.category.${c ?? 'all'}`)}
          </button>
        ))}
      </div>
      {items.isPending ? (
        <Spin />
      ) : (items.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('servicesWeb.public.noItems')} />
      ) : (
        <ul className="lx-svc-list" data-testid="services-items">
          {items.data?.items.map((item) => (
            <li key={item.id}>
              <Link to={`/public/services/items/${item.id}`} data-testid={`services-item-${item.name}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <span>
                    <span className="lx-svc-list-title">{item.name}</span>
                    <span className="lx-svc-list-hint" style={{ display: 'block' }}>
                      {t(`servicesWeb.category.${item.category}`)} · {item.unitName} ·{' '}
                      {t('servicesWeb.workingDays', { days: item.promisedDays })}
                      {item.proxyAllowed && (
                        <Tag color="green" style={{ marginLeft: 6 }}>
                          {t('servicesWeb.item.proxy')}
                        </Tag>
                      )}
                    </span>
                  </span>
                  <RightOutlined aria-hidden />
                </Flex>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Button
        block
        size="large"
        icon={<EnvironmentOutlined />}
        onClick={() => navigate('/public/services/centres')}
        data-testid="services-go-centres"
      >
        {t('servicesWeb.public.centres')}
      </Button>
      <Button
        block
        size="large"
        icon={<SearchOutlined />}
        onClick={() => navigate('/public/services/track')}
        data-testid="services-go-track"
      >
        {t('servicesWeb.public.track')}
      </Button>
    </Flex>
  );
}
