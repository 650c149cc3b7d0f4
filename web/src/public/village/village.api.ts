import { villagePageApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { useLocale } from '../../i18n/i18n';

// The server lets a page be cached for a minute.
const PAGE_STALE_MS = 60_000;

/** The village page: its village and the sections the modules contribute, in the server's order. */
export function useVillagePage(code: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['public', 'village-page', code, locale],
    queryFn: () => api(villagePageApi.get, { params: { code } }),
    staleTime: PAGE_STALE_MS,
    // An unknown village stays unknown; a dropped connection is worth another try.
    retry: (count, error) => count < 2 && !isApiError(error, 'NOT_FOUND'),
  });
}
