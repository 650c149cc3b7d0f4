import {
  type AccountabilityCreateBody,
  type ProjectCreateBody,
  type ProjectsListQuery,
  projectsApi,
  type SpendingCreateBody,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

export const projectsKey = ['projects'] as const;

export function useProjects(
  filter: Partial<Pick<ProjectsListQuery, 'late'>>,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...projectsKey, 'list', filter, page, pageSize],
    queryFn: () =>
      api(projectsApi.list, { query: { ...filter, limit: pageSize, offset: (page - 1) * pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...projectsKey, 'one', id],
    queryFn: () => api(projectsApi.get, { params: { id } }),
  });
}

function useProjectMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  });
}

export const useCreateProject = () =>
  useProjectMutation((body: ProjectCreateBody) => api(projectsApi.create, { body }));

export const useCompleteStage = () =>
  useProjectMutation(({ id, stageId, completedOn }: { id: string; stageId: string; completedOn: string }) =>
    api(projectsApi.completeStage, { params: { id, stageId }, body: { completedOn } }),
  );

export const useAddSpending = () =>
  useProjectMutation(({ id, body }: { id: string; body: SpendingCreateBody }) =>
    api(projectsApi.addSpending, { params: { id }, body }),
  );

export const useAddAccountability = () =>
  useProjectMutation(({ id, body }: { id: string; body: AccountabilityCreateBody }) =>
    api(projectsApi.addAccountability, { params: { id }, body }),
  );

export const usePublishProjectNotice = () =>
  useProjectMutation(({ id, note }: { id: string; note: string }) =>
    api(projectsApi.publishNotice, { params: { id }, body: { note } }),
  );
