import {
  type NoticeCreateBody,
  type NoticesListQuery,
  type NoticeUpdateBody,
  noticeAttachmentsApi,
  noticeCommentsApi,
  noticesApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload } from '../../api/client';

export const noticesKey = ['notices'] as const;

export type NoticesFilter = Partial<Pick<NoticesListQuery, 'status' | 'kind' | 'q' | 'awaitingClose'>>;

export function useNotices(filter: NoticesFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...noticesKey, 'list', filter, page, pageSize],
    queryFn: () =>
      api(noticesApi.list, { query: { ...filter, limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useNotice(id: string) {
  return useQuery({
    queryKey: [...noticesKey, 'one', id],
    queryFn: () => api(noticesApi.get, { params: { id } }),
  });
}

/** Every write of a notice refreshes the lists and the notice. */
function useNoticeMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}

export const useCreateNotice = () =>
  useNoticeMutation((body: NoticeCreateBody) => api(noticesApi.create, { body }));

export const useUpdateNotice = () =>
  useNoticeMutation(({ id, body }: { id: string; body: NoticeUpdateBody }) =>
    api(noticesApi.update, { params: { id }, body }),
  );

export const usePublishNotice = () =>
  useNoticeMutation(({ id, version }: { id: string; version: number }) =>
    api(noticesApi.publish, { params: { id }, body: { version } }),
  );

export const useCloseNotice = () =>
  useNoticeMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      outcome: 'no_objection' | 'objections_handled';
      note: string;
    }) => api(noticesApi.close, { params: { id }, body }),
  );

export const useWithdrawNotice = () =>
  useNoticeMutation(({ id, ...body }: { id: string; version: number; reason: string }) =>
    api(noticesApi.withdraw, { params: { id }, body }),
  );

export const useAnswerComment = () =>
  useNoticeMutation(({ id, commentId, answer }: { id: string; commentId: string; answer: string }) =>
    api(noticeCommentsApi.answer, { params: { id, commentId }, body: { answer } }),
  );

export const useObjectionToAppeal = () =>
  useNoticeMutation(
    ({
      id,
      commentId,
      ...body
    }: {
      id: string;
      commentId: string;
      categoryCode: string;
      villageCode: string | null;
    }) => api(noticeCommentsApi.toAppeal, { params: { id, commentId }, body }),
  );

export const useUploadNoticeFile = () =>
  useNoticeMutation(({ id, file }: { id: string; file: File }) =>
    upload(noticeAttachmentsApi.create, { params: { id }, query: { fileName: file.name } }, file, {
      contentType: file.type,
    }),
  );
