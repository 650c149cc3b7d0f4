import { type IndicatorInfo, type IndicatorSurface, indicatorsApi, type Locale } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/i18n';

// The indicators the server's modules registered (`GET /indicators`): their names and definitions
// in both languages, where they appear, and which way is better. They change only with a release.

export const indicatorsKey = ['indicators'] as const;

export function useIndicators() {
  return useQuery({
    queryKey: indicatorsKey,
    queryFn: () => api(indicatorsApi.list, {}),
    staleTime: 60 * 60_000,
  });
}

/** The registered indicators of one surface, in the server's order (none while loading). */
export function useSurfaceIndicators(surface: IndicatorSurface): IndicatorInfo[] {
  const { data } = useIndicators();
  return useMemo(() => (data ?? []).filter((i) => i.surfaces.includes(surface)), [data, surface]);
}

export interface IndicatorText {
  name: string;
  definition: string;
  info: IndicatorInfo | undefined;
}

/** An indicator's name and definition in a language; an unknown key (or one still loading) stands as itself. */
export function indicatorText(
  indicators: IndicatorInfo[] | undefined,
  key: string,
  locale: Locale,
): IndicatorText {
  const info = indicators?.find((i) => i.key === key);
  return info
    ? { name: info.name[locale], definition: info.definition[locale], info }
    : { name: key, definition: '', info: undefined };
}

/** Looks up indicators' names and definitions in the UI language. */
export function useIndicatorText(): (key: string) => IndicatorText {
  const { data } = useIndicators();
  const { locale } = useLocale();
  return useCallback((key: string) => indicatorText(data, key, locale), [data, locale]);
}
