import { type PublicNoticeCommentBody, publicNoticesApi } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrlOf, isApiError } from '../../api/client';

export function usePublicNotice(id: string) {
  return useQuery({
    queryKey: ['public', 'notice', id],
    queryFn: () => api(publicNoticesApi.get, { params: { id } }),
    retry: (count, error) => count < 2 && !isApiError(error, 'NOT_FOUND'),
  });
}

export function useSendNoticeComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicNoticeCommentBody) => api(publicNoticesApi.comment, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['public', 'notice', id] }),
  });
}

/** Where the browser fetches a notice's file (public, cached by the server for five minutes). */
export function attachmentUrl(id: string, attachmentId: string): string {
  return apiUrlOf(publicNoticesApi.attachment, { params: { id, attachmentId } });
}
