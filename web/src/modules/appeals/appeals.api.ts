import {
  Appeal,
  type AppealAction,
  type AppealActionBody,
  AppealAttachment,
  AppealCategory,
  type AppealCategoryBody,
  type AppealCreateBody,
  AppealSettings,
  AppealStats,
  type AppealsListQuery,
  AppealsPage,
  type CallbackBody,
  CallbackTask,
  Notification,
  type notificationStatuses,
  SimilarAppeal,
} from '@lianxin/common';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, apiUpload, apiUrl, type TransferProgress } from '../../api/client';

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
      apiGet('/appeals', AppealsPage, {
        ...filter,
        cursor: pageParam,
        limit,
        ...(withTotal && !pageParam ? { withTotal: 'true' } : {}),
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
    queryFn: () => apiGet('/appeals', AppealsPage, { q, status: 'open', limit: 10 }),
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
    queryFn: () => apiGet(`/appeals/${id}`, Appeal),
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
    apiSend('POST', '/appeals', body, Appeal, { headers: { 'Idempotency-Key': idempotencyKey } }),
  );
}

/** The URL segment of each action (server: appeals.routes.ts). */
export const actionPaths: Record<AppealAction, string> = {
  accept: 'accept',
  start: 'start',
  assign: 'assign',
  escalate: 'escalate',
  send_down: 'send-down',
  return: 'return',
  defer: 'defer',
  approve_deferral: 'approve-deferral',
  reject_deferral: 'reject-deferral',
  resolve: 'resolve',
  merge: 'merge',
  note: 'notes',
};

export interface AppealActionVariables {
  id: string;
  action: AppealAction;
  body: AppealActionBody<AppealAction>;
}

export function useAppealAction() {
  return useAppealWrite(({ id, action, body }: AppealActionVariables) =>
    apiSend('POST', `/appeals/${id}/${actionPaths[action]}`, body, Appeal),
  );
}

export function useRecordCallback() {
  return useAppealWrite(({ id, body }: { id: string; body: CallbackBody }) =>
    apiSend('POST', `/appeals/${id}/callback`, body, Appeal),
  );
}

const RevealedPhone = z.object({ phone: z.string().nullable() });

/** The reporter's full number, to call back; the server records each reveal in the audit log. */
export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/appeals/${id}/reveal-phone`, undefined, RevealedPhone),
  });
}

/** Where the browser loads an attachment itself (an <img> thumbnail, a download link): same origin, with the session cookie. */
export function attachmentUrl(appealId: string, attachmentId: string): string {
  return apiUrl(`/appeals/${appealId}/attachments/${attachmentId}`);
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
      apiUpload(
        `/appeals/${variables.appealId}/attachments`,
        { fileName: variables.file.name },
        variables.file,
        AppealAttachment,
        variables.onProgress,
        variables.file.type,
      ),
    onSuccess: (attachment, { appealId }) => {
      queryClient.setQueryData<Appeal>(appealKey(appealId), (appeal) =>
        appeal ? { ...appeal, attachments: [...appeal.attachments, attachment] } : appeal,
      );
      return queryClient.invalidateQueries({ queryKey: appealKey(appealId) });
    },
  });
}

const Handler = z.object({ id: z.string(), name: z.string(), role: z.string(), areaCode: z.string() });
export type Handler = z.infer<typeof Handler>;

/** Who may be assigned: active accounts of the unit that holds the appeal. */
export function useAppealHandlers(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...appealsKey, 'handlers', id],
    queryFn: () => apiGet(`/appeals/${id}/handlers`, z.array(Handler)),
    enabled: options.enabled ?? true,
  });
}

export interface SimilarQuery {
  villageCode: string;
  categoryCode: string;
  text: string;
  excludeId?: string;
}

/** Open appeals of the same village and category that read alike (asked only when all are known). */
export function useSimilarAppeals(query: SimilarQuery | null) {
  return useQuery({
    queryKey: [...appealsKey, 'similar', query],
    queryFn: () => apiGet('/appeals/similar', z.array(SimilarAppeal), { ...query }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export interface StatsQuery {
  areaCode?: string;
  from: string;
  to: string;
}

export function useAppealStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...appealsKey, 'stats', query],
    queryFn: () => apiGet('/appeals/stats', AppealStats, { ...query }),
    placeholderData: keepPreviousData,
  });
}

const CallbackList = z.object({ items: z.array(CallbackTask) });

export function useCallbackTasks() {
  return useQuery({
    queryKey: callbacksKey,
    queryFn: async () => (await apiGet('/callbacks', CallbackList, { limit: 200 })).items,
  });
}

export function useAppealCategories() {
  return useQuery({
    queryKey: appealCategoriesKey,
    queryFn: () => apiGet('/appeal-categories', z.array(AppealCategory)),
    staleTime: 5 * 60_000,
  });
}

export function useSaveAppealCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string | null; body: AppealCategoryBody }) =>
      code === null
        ? apiSend('POST', '/appeal-categories', body, AppealCategory)
        : apiSend('PUT', `/appeal-categories/${code}`, body, AppealCategory),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appealCategoriesKey }),
  });
}

export function useAppealSettings() {
  return useQuery({
    queryKey: appealSettingsKey,
    queryFn: () => apiGet('/appeal-settings', AppealSettings),
  });
}

export function useSaveAppealSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AppealSettings) => apiSend('PUT', '/appeal-settings', body, AppealSettings),
    onSuccess: (settings) => queryClient.setQueryData(appealSettingsKey, settings),
  });
}

const NotificationList = z.object({ items: z.array(Notification) });

export interface NotificationsFilter {
  status?: (typeof notificationStatuses)[number];
  appealId?: string;
}

export function useNotifications(filter: NotificationsFilter, limit: number) {
  return useQuery({
    queryKey: [...notificationsKey, filter, limit],
    queryFn: async () => (await apiGet('/notifications', NotificationList, { ...filter, limit })).items,
    placeholderData: keepPreviousData,
  });
}
