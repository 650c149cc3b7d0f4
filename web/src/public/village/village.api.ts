import { villagePageApi } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { useLocale } from '../../i18n/i18n';

// The server lets a page be cached for a minute.
const PAGE_STALE_MS = 60_000;

/**
 * The village page: its village and the sections the modules contribute, in the server's order;
 * null for a code that is no village (answered on the page, not as an error toast).
 */
export function useVillagePage(code: string) {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['public', 'village-page', code, locale],
    queryFn: async () => {
      try {
        return await api(villagePageApi.get, { params: { code } });
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND') || isApiError(error, 'VALIDATION_FAILED')) return null;
        throw error;
      }
    },
    staleTime: PAGE_STALE_MS,
  });
}
