import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type ResearchSessionList = Awaited<ReturnType<typeof api.listResearchSessions>>;
export type ResearchSession = ResearchSessionList['items'][number];
export type ResearchSessionBody = Parameters<typeof api.recordResearchSession>[0]['body'];
export type CommunityProblemList = Awaited<ReturnType<typeof api.listCommunityProblems>>;
export type CommunityProblem = CommunityProblemList['items'][number];

export const researchSessionsQueryOptions = (engagementId: string) =>
  queryOptions({
    queryKey: queryKeys.engagements.researchSessions(engagementId),
    queryFn: ({ signal }) => api.listResearchSessions({ params: { id: engagementId }, signal }),
  });

/** The engagement's symposiums and interviews, in the order held, and whether the caller may record one. */
export const useResearchSessions = (engagementId: string) => useQuery(researchSessionsQueryOptions(engagementId));

/** The engagement's community problems, tallied by catalogue violation. */
export const useCommunityProblems = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.communityProblems(engagementId),
    queryFn: ({ signal }) => api.listCommunityProblems({ params: { id: engagementId }, signal }),
  });

/** Both lists change with any write: a record carries its problems, a tag shows in the record. */
function useRefreshResearch(engagementId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.engagements.researchSessions(engagementId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.engagements.communityProblems(engagementId) }),
    ]);
}

/** A new record (version 1) or a revision of one (409 `conflict` when someone saved since `expectedVersion`). */
export function useSaveResearchSession(engagementId: string) {
  const refresh = useRefreshResearch(engagementId);
  return useMutation({
    mutationFn: ({ sessionId, body, expectedVersion, idempotencyKey }: { sessionId: string | null; body: ResearchSessionBody; expectedVersion?: number; idempotencyKey?: string }) =>
      sessionId === null
        ? api.recordResearchSession({ params: { id: engagementId }, body: { ...body, ...(idempotencyKey ? { idempotencyKey } : {}) } })
        : api.reviseResearchSession({ params: { id: engagementId, sessionId }, body: { ...body, expectedVersion: expectedVersion ?? 1 } }),
    onSettled: refresh,
  });
}

/** Tags one problem with a catalogue violation, marks it outside the catalogue, or takes the tag off. */
export function useTagProblem(engagementId: string) {
  const refresh = useRefreshResearch(engagementId);
  return useMutation({
    mutationFn: ({ problemId, violation, outsideCatalogue }: { problemId: string; violation: string | null; outsideCatalogue: boolean }) =>
      api.tagCommunityProblem({ params: { id: engagementId, problemId }, body: { violation, outsideCatalogue } }),
    onSettled: refresh,
  });
}
