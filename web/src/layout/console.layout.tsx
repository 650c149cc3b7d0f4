import {
  ApiOutlined,
  DownOutlined,
  EnvironmentOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { roleReach } from '@lianxin/common';
import {
  App,
  Avatar,
  Button,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Spin,
  Typography,
  theme,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n';
import { ApiTokensDrawer } from '../modules/account/api-tokens.drawer';
import { ChangePasswordModal } from '../modules/account/change-password.modal';
import { useCan, useMe, useSignOut } from '../session/session';
import { roleLabel } from '../shared/labels';
import { useModalTarget } from '../shared/use-modal-target';
import { ScreenWatermark } from '../shared/watermark';
import type { NavGroup } from './console-module';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { TodosBell } from './todos-bell';

const COLLAPSED_KEY = 'lianxin.siderCollapsed';

/** The deepest menu entry the page is under: /households/import is its own entry, /households/:id is not. */
function selectedMenuKey(menuPaths: readonly string[], pathname: string): string {
  const matches = menuPaths.filter(
    (path) => path !== '/' && (pathname === path || pathname.startsWith(`${path}/`)),
  );
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/';
}

/** The console frame: dark side menu by domain, header with area path, language and account. */
export function ConsoleLayout({ navigation }: { navigation: readonly NavGroup[] }) {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const signOut = useSignOut();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  // On a phone the menu folds away entirely and the page gets the whole width (the worklist).
  const phone = Grid.useBreakpoint().md === false;
  const passwordModal = useModalTarget<true>();
  const [tokensOpen, setTokensOpen] = useState(false);

  const toggleCollapsed = () => {
    setCollapsed((was) => {
      localStorage.setItem(COLLAPSED_KEY, was ? '0' : '1');
      return !was;
    });
  };

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      navigation.flatMap((group, i): NonNullable<MenuProps['items']> => {
        const items = group.items
          .filter((item) => !item.permission || can(item.permission))
          .filter((item) => !item.areaOnly || roleReach[me.role] === 'area')
          .map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }));
        if (items.length === 0) return [];
        if (!group.title) return items;
        return [{ type: 'group' as const, key: `group-${i}`, label: t(group.title), children: items }];
      }),
    [navigation, can, t, me.role],
  );
  const menuPaths = useMemo(
    () => navigation.flatMap((group) => group.items.map((item) => item.path)),
    [navigation],
  );

  const accountItems: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined />, label: t('header.changePassword') },
    { key: 'tokens', icon: <ApiOutlined />, label: t('header.apiTokens') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];

  const onAccountClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') passwordModal.show(true);
    if (key === 'tokens') setTokensOpen(true);
    if (key === 'logout') {
      signOut.mutate(undefined, {
        onSettled: () => {
          message.success(t('header.loggedOut'));
          navigate('/login', { replace: true });
        },
      });
    }
  };

  const areaPath = me.areaPath.map((a) => a.name).join(' / ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        collapsedWidth={phone ? 0 : 80}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Logo collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedMenuKey(menuPaths, location.pathname)]}
          items={menuItems}
          onClick={({ key }) => {
            navigate(key);
            if (phone) setCollapsed(true);
          }}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            padding: '0 16px 0 0',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            lineHeight: 'normal',
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggleCollapsed}
                aria-label={t(collapsed ? 'header.expand' : 'header.collapse')}
                style={{ width: 64, height: 64, flex: 'none' }}
              />
              <EnvironmentOutlined style={{ color: token.colorPrimary }} aria-label={t('header.areaPath')} />
              <Typography.Text ellipsis data-testid="header-area-path" title={areaPath}>
                {areaPath}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={4}>
              <TodosBell />
              <LanguageSwitch />
              <Dropdown
                menu={{ items: accountItems, onClick: onAccountClick }}
                trigger={['click']}
                placement="bottomRight"
              >
                <Button
                  type="text"
                  aria-label={t('header.account')}
                  data-testid="user-menu"
                  style={{ height: 48 }}
                >
                  <Flex align="center" gap={8}>
                    <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                    <Flex vertical align="flex-start" style={{ lineHeight: 1.2 }}>
                      <Typography.Text strong data-testid="current-user-name">
                        {me.name}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {roleLabel(t, me.role)}
                      </Typography.Text>
                    </Flex>
                    <DownOutlined style={{ fontSize: 10 }} />
                  </Flex>
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: phone ? 12 : 24, minWidth: 0 }}>
          <ScreenWatermark>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ScreenWatermark>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, paddingTop: 0 }}>
          {t('app.footer', { year: new Date().getFullYear() })}
        </Layout.Footer>
      </Layout>
      {passwordModal.target && (
        <ChangePasswordModal
          open={passwordModal.open}
          onClose={passwordModal.hide}
          afterClose={passwordModal.afterClose}
        />
      )}
      <ApiTokensDrawer open={tokensOpen} onClose={() => setTokensOpen(false)} />
    </Layout>
  );
}
