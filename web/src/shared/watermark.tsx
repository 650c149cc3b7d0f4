import { securitySettingsApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { Watermark } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useMe } from '../session/session';
import './watermark.css';

export const securitySettingsKey = ['security-settings'] as const;

/** The district's console security settings (the screen watermark); every signed-in account reads them. */
export function useSecuritySettings() {
  return useQuery({
    queryKey: securitySettingsKey,
    queryFn: () => api(securitySettingsApi.get, {}),
    staleTime: 5 * 60_000,
  });
}

const currentMinute = () => dayjs().format('YYYY-MM-DD HH:mm');

/** The current minute, as the watermark shows it; moves on each minute. */
function useMinute(): string {
  const [minute, setMinute] = useState(currentMinute);
  useEffect(() => {
    const timer = window.setInterval(() => setMinute(currentMinute()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return minute;
}

/**
 * The screen watermark over the console's pages, which show residents' personal data: the
 * signed-in user's name and username and the time, faint and repeated, so a photographed or
 * printed screen names its source (as Chinese government back offices do). It takes no clicks,
 * is kept on paper, and reaches the modals and drawers opened from the page. On unless the
 * district turns it off (/security-settings); the frame stays the same either way, so turning it
 * off or on never remounts the page under it.
 */
export function ScreenWatermark({ children }: { children: ReactNode }) {
  const me = useMe();
  const settings = useSecuritySettings();
  const minute = useMinute();
  // Until the setting is read, the watermark is drawn: it is on by default.
  const on = settings.data?.watermark !== false;
  return (
    <Watermark
      className="lx-watermark"
      content={on ? [`${me.name} ${me.username}`, minute] : []}
      font={{ color: 'rgba(0, 0, 0, 0.07)', fontSize: 15 }}
      gap={[120, 120]}
    >
      <div data-testid="screen-watermark" data-watermark={on ? 'on' : 'off'}>
        {children}
      </div>
    </Watermark>
  );
}
