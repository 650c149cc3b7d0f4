import { useT } from '../i18n/i18n';

/** The product mark: a heart (连心, "hearts linked") on red. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#c8102e" />
      <path d="M32 50 14 32.5a9.5 9.5 0 0 1 13.4-13.4L32 23.7l4.6-4.6A9.5 9.5 0 0 1 50 32.5Z" fill="#fff" />
    </svg>
  );
}

/** The product mark at the top of the side menu. */
export function Logo({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <div className="lx-logo" style={{ justifyContent: collapsed ? 'center' : 'flex-start' }}>
      <LogoMark />
      {!collapsed && <span className="lx-logo-text">{t('app.name')}</span>}
    </div>
  );
}
