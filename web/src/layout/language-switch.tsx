import { GlobalOutlined } from '@ant-design/icons';
import { isLocale, locales } from '@lianxin/common';
import { Button, Dropdown } from 'antd';
import { useLocale, useT } from '../i18n/i18n';
import { useSwitchLocale } from '../session/session';

/** The language menu of the header and the login page. */
export function LanguageSwitch() {
  const t = useT();
  const { locale } = useLocale();
  const switchLocale = useSwitchLocale();
  return (
    <Dropdown
      menu={{
        items: locales.map((l) => ({ key: l, label: t(`lang.${l}`), 'data-testid': `language-${l}` })),
        selectable: true,
        selectedKeys: [locale],
        onClick: ({ key }) => {
          if (isLocale(key) && key !== locale) switchLocale(key);
        },
      }}
      trigger={['click']}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('lang.switch')}
        data-testid="language-switch"
      >
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
