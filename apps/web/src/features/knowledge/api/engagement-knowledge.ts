import type { KnowledgeContent, KnowledgeKind } from '@gongzhi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { KnowledgeDirectory } from './directory';

export type EngagementKnowledge = Awaited<ReturnType<typeof api.listEngagementKnowledge>>;
export type EngagementKnowledgeRow = EngagementKnowledge['items'][number];
export type EngagementKnowledgeEntry = Awaited<ReturnType<typeof api.getEngagementKnowledge>>;
export type CopyState = EngagementKnowledgeRow['state'];

/** Every master entry with the engagement's copy of it (filtered on the page: the whole list is small). */
export const useEngagementKnowledge = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.knowledge(engagementId),
    queryFn: ({ signal }) => api.listEngagementKnowledge({ params: { id: engagementId }, signal }),
  });

/** The engagement's content beside the master's newest version, with what the master changes. */
export const useEngagementKnowledgeEntry = (engagementId: string, entry: { kind: KnowledgeKind; key: string } | null) =>
  useQuery({
    queryKey: queryKeys.engagements.knowledgeEntry(engagementId, entry?.kind ?? '', entry?.key ?? ''),
    queryFn: ({ signal }) =>
      api.getEngagementKnowledge({
        params: { id: engagementId, kind: entry?.kind ?? 'law', key: entry?.key ?? '' },
        signal,
      }),
    enabled: entry !== null,
  });

/** The engagement's copy as a directory: citations on its pages name what the engagement holds. */
export function engagementDirectory(
  rows: readonly EngagementKnowledgeRow[],
  href: KnowledgeDirectory['href'],
): KnowledgeDirectory {
  return {
    entries: rows.map(({ kind, key, title, position, unverified }) => ({ kind, key, title, position, unverified })),
    href,
  };
}

/** Brings the named entries (every one not current, when none are named) to the master's newest version. */
export function useTakeEngagementKnowledge(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryIds, keepAdaptation }: { entryIds?: string[]; keepAdaptation: boolean }) =>
      api.takeEngagementKnowledge({
        params: { id: engagementId },
        body: { keepAdaptation, ...(entryIds ? { entryIds } : {}) },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.knowledge(engagementId) }),
  });
}

/** The engagement's own version of an entry, written by its workflow; the firm's master is unchanged. */
export function useAdaptEngagementKnowledge(engagementId: string, kind: KnowledgeKind, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, reason }: { content: KnowledgeContent | Record<string, unknown>; reason: string }) =>
      api.adaptEngagementKnowledge({
        params: { id: engagementId, kind, key },
        body: { content: content as Parameters<typeof api.adaptEngagementKnowledge>[0]['body']['content'], reason },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.knowledge(engagementId) }),
  });
}
