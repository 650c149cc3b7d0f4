import { ConfigProvider, Flex, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { Link, Outlet } from 'react-router';
import { useLocale, useT } from '../i18n/i18n';
import { LogoMark } from '../layout/logo';
import { useSwitchLocale } from '../session/session';
import './public.css';

// Bigger type and controls than the console: residents use their phones, often outdoors.
// 16 px inputs also keep iOS from zooming into a field on focus.
const residentTheme = {
  token: { fontSize: 16, controlHeightLG: 48, borderRadiusLG: 10 },
  // Village lists are long: rows tall enough to hit with a thumb.
  components: { Select: { optionHeight: 44, optionFontSize: 16, optionPadding: '11px 12px' } },
};

/** The residents' pages: a red bar with the product mark and one language button, one column below. */
export function PublicLayout() {
  const t = useT();
  const { locale } = useLocale();
  const switchLocale = useSwitchLocale();

  useEffect(() => {
    document.title = t('public.brand');
  }, [t]);

  return (
    <ConfigProvider theme={residentTheme} componentSize="large">
      <div className="lx-public">
        <header className="lx-public-header">
          <Link to="/public" className="lx-public-brand">
            <LogoMark size={30} />
            <span>{t('public.brand')}</span>
          </Link>
          {/* A plain button: on a red bar a themed text button turns grey on touch (hover sticks). */}
          <button
            type="button"
            className="lx-public-lang"
            lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
            aria-label={t('lang.switch')}
            onClick={() => switchLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
            data-testid="public-language"
          >
            {t('public.langToggle')}
          </button>
        </header>
        <main className="lx-public-main">
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 64 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </main>
        <footer className="lx-public-footer">
          <span>{t('app.footer', { year: new Date().getFullYear() })}</span>
          <Link to="/login">{t('public.staffLogin')}</Link>
        </footer>
      </div>
    </ConfigProvider>
  );
}
