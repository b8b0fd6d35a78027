import type { KnowledgeContent, KnowledgeKind } from '@gongzhi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { KnowledgeEntry } from './get-knowledge';

type ContentBody = Parameters<typeof api.createKnowledgeEntry>[0]['body']['content'];

/** The editor's content as the request carries it: the kind in the path decides which shape the API checks. */
const asBody = (content: KnowledgeContent | Record<string, unknown>): ContentBody => content as ContentBody;

/** Version 1 of a new entry. */
export function useCreateKnowledgeEntry(kind: KnowledgeKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, reason }: { content: KnowledgeContent | Record<string, unknown>; reason: string }) =>
      api.createKnowledgeEntry({ params: { kind }, body: { content: asBody(content), reason } }),
    onSuccess: (entry: KnowledgeEntry) => {
      queryClient.setQueryData(queryKeys.knowledge.entry(entry.kind, entry.key), entry);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.all }),
  });
}

/**
 * A new version of an entry, written only if nobody saved another since `expectedVersion` (409
 * otherwise). Engagements holding a copy are told; their copies stay until they take it.
 */
export function useReviseKnowledgeEntry(kind: KnowledgeKind, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      content,
      reason,
      expectedVersion,
    }: {
      content: KnowledgeContent | Record<string, unknown>;
      reason: string;
      expectedVersion: number;
    }) =>
      api.reviseKnowledgeEntry({ params: { kind, key }, body: { content: asBody(content), reason, expectedVersion } }),
    onSuccess: (entry: KnowledgeEntry) => {
      queryClient.setQueryData(queryKeys.knowledge.entry(kind, key), entry);
    },
    // Every engagement's copy may now be behind.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.engagements.all }),
      ]),
  });
}
