import {
  bodiesApi,
  type DemocracyAuthorisationCreateBody,
  type DemocracyMemberCreateBody,
  type DemocracyMemberUpdateBody,
  type DemocracySettings,
  democracyAuthorisationsApi,
  democracyMembersApi,
  democracySettingsApi,
  democracyStatsApi,
  type MatterCreateBody,
  type MattersListQuery,
  type MeetingAttendanceBody,
  type MeetingCreateBody,
  type MeetingDecisionBody,
  mattersApi,
  matterWorkApi,
  meetingsApi,
} from '@lianxin/common';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrlOf, upload } from '../../api/client';

// Matters, meetings and bodies share one key: a vote changes the matter, a member the rolls to come.
export const democracyKey = ['democracy'] as const;

export function useMatters(query: Partial<MattersListQuery>) {
  return useQuery({
    queryKey: [...democracyKey, 'matters', query],
    queryFn: () => api(mattersApi.list, { query: { limit: 200, ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useMatter(id: string) {
  return useQuery({
    queryKey: [...democracyKey, 'matter', id],
    queryFn: () => api(mattersApi.get, { params: { id } }),
  });
}

/** A matter's meetings, each with its attendance, quorum, votes and minutes. */
export function useMatterMeetings(matterId: string) {
  const list = useQuery({
    queryKey: [...democracyKey, 'meetings', { matterId }],
    queryFn: () => api(meetingsApi.list, { query: { matterId, limit: 200 } }),
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((m) => ({
      queryKey: [...democracyKey, 'meeting', m.id],
      queryFn: () => api(meetingsApi.get, { params: { id: m.id } }),
    })),
  });
  return {
    isLoading: list.isLoading,
    meetings: details.flatMap((d) => (d.data ? [d.data] : [])),
  };
}

export function useMeetings(query: { areaCode?: string; status?: 'scheduled' | 'decided' | 'cancelled' }) {
  return useQuery({
    queryKey: [...democracyKey, 'meetings', query],
    queryFn: () => api(meetingsApi.list, { query: { limit: 200, ...query } }),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [...democracyKey, 'meeting', id],
    queryFn: () => api(meetingsApi.get, { params: { id } }),
  });
}

export function useDemocracySettings() {
  return useQuery({
    queryKey: [...democracyKey, 'settings'],
    queryFn: () => api(democracySettingsApi.get, {}),
    staleTime: 5 * 60_000,
  });
}

export function useVillageBodies(villageCode: string | undefined) {
  return useQuery({
    queryKey: [...democracyKey, 'bodies', villageCode],
    queryFn: () => api(bodiesApi.get, { params: { villageCode: villageCode ?? '' } }),
    enabled: villageCode !== undefined,
  });
}

export function useDemocracyStats(query: { areaCode?: string; from: string; to: string }) {
  return useQuery({
    queryKey: [...democracyKey, 'stats', query],
    queryFn: () => api(democracyStatsApi.get, { query }),
  });
}

/** Every write refreshes what the democracy pages show. */
function useDemocracyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: democracyKey }),
  });
}

export const useCreateMatter = () =>
  useDemocracyMutation((body: MatterCreateBody) => api(mattersApi.create, { body }));

export const useSkipStep = () =>
  useDemocracyMutation(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api(mattersApi.skip, { params: { id }, body: { version, reason } }),
  );

export const useWithdrawMatter = () =>
  useDemocracyMutation(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api(mattersApi.withdraw, { params: { id }, body: { version, reason } }),
  );

export const usePublishMatter = () =>
  useDemocracyMutation(
    ({
      id,
      what,
      version,
      body,
    }: {
      id: string;
      what: 'resolution' | 'result';
      version: number;
      body: string;
    }) =>
      api(what === 'resolution' ? mattersApi.publishResolution : mattersApi.publishResult, {
        params: { id },
        body: { version, body },
      }),
  );

export const useCloseMatter = () =>
  useDemocracyMutation(({ id, version }: { id: string; version: number }) =>
    api(mattersApi.close, { params: { id }, body: { version } }),
  );

export const useAddTask = () =>
  useDemocracyMutation(
    ({ id, title, dueOn, assignee }: { id: string; title: string; dueOn: string | null; assignee: string }) =>
      api(matterWorkApi.addTask, { params: { id }, body: { title, dueOn, assignee } }),
  );

export const useTaskDone = () =>
  useDemocracyMutation(({ id, taskId, done }: { id: string; taskId: string; done: boolean }) =>
    api(matterWorkApi.updateTask, { params: { id, taskId }, body: { done } }),
  );

export const useAddSpending = () =>
  useDemocracyMutation(
    ({ id, amount, spentOn, note }: { id: string; amount: number; spentOn: string; note: string }) =>
      api(matterWorkApi.addSpending, { params: { id }, body: { amount, spentOn, note } }),
  );

export const useCreateMeeting = () =>
  useDemocracyMutation((body: MeetingCreateBody) => api(meetingsApi.create, { body }));

export const useSaveAttendance = () =>
  useDemocracyMutation(({ id, body }: { id: string; body: MeetingAttendanceBody }) =>
    api(meetingsApi.attendance, { params: { id }, body }),
  );

export const useDecideMeeting = () =>
  useDemocracyMutation(({ id, body }: { id: string; body: MeetingDecisionBody }) =>
    api(meetingsApi.decide, { params: { id }, body }),
  );

export const useCreateMember = () =>
  useDemocracyMutation((body: DemocracyMemberCreateBody) => api(democracyMembersApi.create, { body }));

export const useUpdateMember = () =>
  useDemocracyMutation(({ id, body }: { id: string; body: DemocracyMemberUpdateBody }) =>
    api(democracyMembersApi.update, { params: { id }, body }),
  );

export const useRemoveMember = () =>
  useDemocracyMutation(({ id, version }: { id: string; version: number }) =>
    api(democracyMembersApi.remove, { params: { id }, body: { version } }),
  );

export const useUploadMatterFile = () =>
  useDemocracyMutation(({ id, file, purpose }: { id: string; file: File; purpose: 'document' | 'photo' }) =>
    upload(matterWorkApi.addAttachment, { params: { id }, query: { fileName: file.name, purpose } }, file, {
      contentType: file.type,
    }),
  );

/** Where the browser fetches a matter's file (the session cookie goes with it). */
export function matterFileUrl(id: string, attachmentId: string): string {
  return apiUrlOf(matterWorkApi.attachment, { params: { id, attachmentId } });
}

export function useAuthorisations(villageCode: string | undefined) {
  return useQuery({
    queryKey: [...democracyKey, 'authorisations', villageCode],
    queryFn: () => api(democracyAuthorisationsApi.list, { query: { villageCode: villageCode ?? '' } }),
    enabled: villageCode !== undefined,
  });
}

export const useCreateAuthorisation = () =>
  useDemocracyMutation((body: DemocracyAuthorisationCreateBody) =>
    api(democracyAuthorisationsApi.create, { body }),
  );

export const useUpdateDemocracySettings = () =>
  useDemocracyMutation((body: DemocracySettings) => api(democracySettingsApi.update, { body }));
