import {
  type Appeal,
  type AppealAction,
  type AppealActionBody,
  type AppealCandidate,
  type AppealCategoryBody,
  type AppealCreateBody,
  type AppealSettings,
  type AppealsListQuery,
  appealActionsApi,
  appealAttachmentsApi,
  appealCategoriesApi,
  appealSettingsApi,
  appealsApi,
  type CallbackBody,
  type ContractInput,
  callbacksApi,
  type NotificationsListQuery,
  notificationsApi,
} from '@lianxin/common';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, apiUrlOf, type TransferProgress, upload } from '../../api/client';

export const appealsKey = ['appeals'] as const;
export const appealCategoriesKey = ['appeal-categories'] as const;
export const appealSettingsKey = ['appeal-settings'] as const;
export const callbacksKey = ['callbacks'] as const;
export const notificationsKey = ['notifications'] as const;

/** The list filter without paging: what the queue page keeps in the address. */
export type AppealsFilter = Partial<Omit<AppealsListQuery, 'cursor' | 'limit'>>;

/**
 * A queue read page after page ("load more"): the server only knows the page after a cursor.
 * `withTotal` has the first page say how many appeals match.
 */
export function useAppealsList(
  filter: AppealsFilter,
  limit = 20,
  options: { enabled?: boolean; withTotal?: boolean } = {},
) {
  const withTotal = options.withTotal ?? false;
  return useInfiniteQuery({
    queryKey: [...appealsKey, 'list', filter, limit, withTotal],
    queryFn: ({ pageParam }) =>
      api(appealsApi.list, {
        query: {
          ...filter,
          cursor: pageParam,
          limit,
          ...(withTotal && !pageParam ? { withTotal: 'true' as const } : {}),
        },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One page of a search (the merge target picker looks appeals up by tracking code or title). */
export function useAppealSearch(q: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appealsKey, 'search', q],
    queryFn: () => api(appealsApi.list, { query: { q, status: 'open', limit: 10 } }),
    enabled: (options.enabled ?? true) && q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function appealKey(id: string) {
  return [...appealsKey, 'one', id] as const;
}

export function useAppeal(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: appealKey(id),
    queryFn: () => api(appealsApi.get, { params: { id } }),
    enabled: options.enabled ?? true,
  });
}

/**
 * Every write on an appeal answers with the whole appeal: it replaces the cached one, and the
 * queues, callbacks and figures (which count statuses) are refetched.
 */
function useAppealWrite<V>(write: (variables: V) => Promise<Appeal>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (appeal) => {
      queryClient.setQueryData(appealKey(appeal.id), appeal);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...appealsKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...appealsKey, 'stats'] }),
        queryClient.invalidateQueries({ queryKey: callbacksKey }),
        queryClient.invalidateQueries({ queryKey: notificationsKey }),
      ]);
    },
  });
}

/** Takes in an appeal; the Idempotency-Key makes a retried save (a lost answer) count once. */
export function useCreateAppeal() {
  return useAppealWrite(({ body, idempotencyKey }: { body: AppealCreateBody; idempotencyKey: string }) =>
    api(appealsApi.create, { body }, { headers: { 'Idempotency-Key': idempotencyKey } }),
  );
}

export interface AppealActionVariables {
  id: string;
  action: AppealAction;
  body: AppealActionBody<AppealAction>;
}

export function useAppealAction() {
  return useAppealWrite(({ id, action, body }: AppealActionVariables) =>
    api(appealActionsApi[action], { params: { id }, body }),
  );
}

export function useRecordCallback() {
  return useAppealWrite(({ id, body }: { id: string; body: CallbackBody }) =>
    api(appealsApi.recordCallback, { params: { id }, body }),
  );
}

/** The reporter's full number, to call back; the server records each reveal in the audit log. */
export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) => api(appealsApi.revealPhone, { params: { id } }),
  });
}

/** Where the browser loads an attachment itself (an <img> thumbnail, a download link): same origin, with the session cookie. */
export function attachmentUrl(appealId: string, attachmentId: string): string {
  return apiUrlOf(appealAttachmentsApi.get, { params: { id: appealId, attachmentId } });
}

/** Sends a photo or PDF as it is (its own content type as the body's); the appeal's list grows by one. */
export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: {
      appealId: string;
      file: File;
      onProgress: (progress: TransferProgress) => void;
    }) =>
      upload(
        appealAttachmentsApi.create,
        { params: { id: variables.appealId }, query: { fileName: variables.file.name } },
        variables.file,
        { onProgress: variables.onProgress, contentType: variables.file.type },
      ),
    onSuccess: (attachment, { appealId }) => {
      queryClient.setQueryData<Appeal>(appealKey(appealId), (appeal) =>
        appeal ? { ...appeal, attachments: [...appeal.attachments, attachment] } : appeal,
      );
      return queryClient.invalidateQueries({ queryKey: appealKey(appealId) });
    },
  });
}

export type Handler = AppealCandidate;

/** Who may be assigned: active accounts of the unit that holds the appeal. */
export function useAppealHandlers(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appealsKey, 'handlers', id],
    queryFn: () => api(appealsApi.listHandlers, { params: { id } }),
    enabled: options.enabled ?? true,
  });
}

export type SimilarQuery = ContractInput<typeof appealsApi.listSimilar>['query'];

/** Open appeals of the same village and category that read alike (asked only when all are known). */
export function useSimilarAppeals(query: SimilarQuery | null) {
  return useQuery({
    queryKey: [...appealsKey, 'similar', query],
    queryFn: () => (query === null ? [] : api(appealsApi.listSimilar, { query })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type StatsQuery = ContractInput<typeof appealsApi.getStats>['query'];

export function useAppealStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...appealsKey, 'stats', query],
    queryFn: () => api(appealsApi.getStats, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCallbackTasks() {
  return useQuery({
    queryKey: callbacksKey,
    queryFn: async () => (await api(callbacksApi.list, { query: { limit: 200 } })).items,
  });
}

export function useAppealCategories() {
  return useQuery({
    queryKey: appealCategoriesKey,
    queryFn: () => api(appealCategoriesApi.list, {}),
    staleTime: 5 * 60_000,
  });
}

export function useSaveAppealCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string | null; body: AppealCategoryBody }) =>
      code === null
        ? api(appealCategoriesApi.create, { body })
        : api(appealCategoriesApi.update, { params: { code }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appealCategoriesKey }),
  });
}

export function useAppealSettings() {
  return useQuery({
    queryKey: appealSettingsKey,
    queryFn: () => api(appealSettingsApi.get, {}),
  });
}

export function useSaveAppealSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealSettings) => api(appealSettingsApi.update, { body }),
    onSuccess: (settings) => queryClient.setQueryData(appealSettingsKey, settings),
  });
}

export type NotificationsFilter = Pick<NotificationsListQuery, 'status' | 'appealId'>;

export function useNotifications(filter: NotificationsFilter, limit: number) {
  return useQuery({
    queryKey: [...notificationsKey, filter, limit],
    queryFn: async () => (await api(notificationsApi.list, { query: { ...filter, limit } })).items,
    placeholderData: keepPreviousData,
  });
}
