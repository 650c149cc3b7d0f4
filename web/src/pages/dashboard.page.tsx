import { AuditOutlined, ClusterOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { type Me, type Permission, roleReach, type UiKey } from '@lianxin/common';
import { Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n';
import { useCan, useMe } from '../session/session';
import { formatDateTime } from '../shared/dates';
import { areaKindLabel, permissionLabel, rankLabel, roleLabel } from '../shared/labels';
import { PageHeader } from '../shared/page-header';

const shortcuts: { path: string; label: UiKey; icon: ReactNode; permission: Permission }[] = [
  { path: '/households', label: 'nav.households', icon: <HomeOutlined />, permission: 'households.read' },
  { path: '/areas', label: 'nav.areas', icon: <ClusterOutlined />, permission: 'areas.read' },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

// The charts load with the dashboard, so the sign-in page does not wait for ECharts.
const AreaDashboard = lazy(() =>
  import('../modules/assessment/area-dashboard').then((m) => ({ default: m.AreaDashboard })),
);

const MyAssessmentCard = lazy(() =>
  import('../modules/assessment/my-assessment.card').then((m) => ({ default: m.MyAssessmentCard })),
);

/**
 * The console's home: the dashboard of the caller's area, or their account for a role without
 * one; below it, for an assessed cadre, their own annual assessment.
 */
export function DashboardPage() {
  const can = useCan();
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 64 }}>
          <Spin />
        </Flex>
      }
    >
      {can('dashboard.read') ? <AreaDashboard /> : <AccountOverview />}
      <MyAssessmentCard />
    </Suspense>
  );
}

/** What the caller's reach lets them see: an area subtree, their unit's work, or their own reports. */
function introOf(t: ReturnType<typeof useT>, me: Me, areaPath: string): string {
  const reach = roleReach[me.role];
  if (reach === 'area') return t('dashboard.intro', { area: areaPath });
  if (reach === 'own') return t('dashboard.intro.own');
  return t(`dashboard.intro.${reach}`, { unit: me.unit?.name ?? areaPath });
}

/** Who you are, where you work and what you may do. */
function AccountOverview() {
  const t = useT();
  const me = useMe();
  const areaPath = me.areaPath.map((a) => a.name).join(' / ');
  const allowed = shortcuts.filter((s) => me.permissions.includes(s.permission));

  return (
    <>
      <PageHeader title={t('dashboard.greeting', { name: me.name })} />
      <Typography.Paragraph type="secondary">{introOf(t, me, areaPath)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.profile')} size="small" data-testid="dashboard-profile">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'username', label: t('dashboard.username'), children: me.username },
                { key: 'role', label: t('dashboard.role'), children: roleLabel(t, me.role) },
                {
                  key: 'area',
                  label: t('dashboard.area'),
                  span: 'filled',
                  children: (
                    <Space size={4} wrap>
                      {me.areaPath.map((a) => (
                        <Tag key={a.code}>
                          {a.name}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {' '}
                            {areaKindLabel(t, a.kind)}
                          </Typography.Text>
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                ...(me.unit ? [{ key: 'unit', label: t('users.unit'), children: me.unit.name }] : []),
                {
                  key: 'rank',
                  label: t('dashboard.rank'),
                  children: me.rank ? rankLabel(t, me.rank) : t('dashboard.notSet'),
                },
                { key: 'phone', label: t('dashboard.phone'), children: me.phone ?? t('dashboard.notSet') },
                {
                  key: 'lastLogin',
                  label: t('dashboard.lastLogin'),
                  span: 'filled',
                  children: formatDateTime(me.lastLoginAt) || '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.permissions')} size="small" data-testid="dashboard-permissions">
            {me.permissions.length === 0 ? (
              <Empty description={t('dashboard.noPermissions')} />
            ) : (
              <Space size={[8, 8]} wrap>
                {me.permissions.map((p) => (
                  <Tag key={p} color="blue">
                    {permissionLabel(t, p)}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        {allowed.length > 0 && (
          <Col span={24}>
            <Card title={t('dashboard.shortcuts')} size="small">
              <Row gutter={[16, 16]}>
                {allowed.map((s) => (
                  <Col key={s.path} xs={12} md={8} lg={6}>
                    <Link to={s.path}>
                      <Card hoverable size="small">
                        <Space>
                          {s.icon}
                          {t(s.label)}
                        </Space>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
