import { type AssessmentConfig, assessmentsApi } from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

// 年度考核: a year's configuration, status and scores; every write changes what the page shows.
export const assessmentKey = ['assessment'] as const;

export function useAssessment(year: number) {
  return useQuery({
    queryKey: [...assessmentKey, year],
    queryFn: () => api(assessmentsApi.get, { params: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** The caller's own score of a year, or null when they were not assessed (the server's 404). */
export function useOwnAssessment(year: number) {
  return useQuery({
    queryKey: [...assessmentKey, year, 'me'],
    queryFn: () =>
      api(assessmentsApi.getOwn, { params: { year } }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    staleTime: 5 * 60_000,
  });
}

function useAssessmentWrite<V, R>(year: number, write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...assessmentKey, year] }),
  });
}

export function useSaveAssessmentConfig(year: number) {
  return useAssessmentWrite(year, (config: AssessmentConfig) =>
    api(assessmentsApi.configure, { params: { year }, body: config }),
  );
}

export function useComputeAssessment(year: number) {
  return useAssessmentWrite(year, () => api(assessmentsApi.compute, { params: { year } }));
}

export function useCommentScore(year: number) {
  return useAssessmentWrite(year, ({ cadreId, comment }: { cadreId: string; comment: string }) =>
    api(assessmentsApi.comment, { params: { year, cadreId }, body: { comment } }),
  );
}

export function useFinalizeAssessment(year: number) {
  return useAssessmentWrite(year, () => api(assessmentsApi.finalize, { params: { year } }));
}
