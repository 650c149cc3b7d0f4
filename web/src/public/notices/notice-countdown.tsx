import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';

/** What is left of a notice's period, ticking each minute; before and after it, says so. */
export function NoticeCountdown(props: { startsAt: string | null; endsAt: string | null }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!props.startsAt || !props.endsAt) return null;
  if (now < Date.parse(props.startsAt)) return <span>{t('notices.public.notStarted')}</span>;
  const left = Date.parse(props.endsAt) - now;
  if (left <= 0) return <span>{t('notices.public.ended')}</span>;
  const minutes = Math.floor(left / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  return (
    <strong data-testid="notice-countdown">
      {days > 0
        ? t('notices.public.remaining', { days, hours: hours % 24 })
        : t('notices.public.remainingHours', { hours, minutes: minutes % 60 })}
    </strong>
  );
}
