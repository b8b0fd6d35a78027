import type { KnowledgeContent, KnowledgeKind } from '@gongzhi/domain';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { KnowledgeDirectory } from './directory';

export type { KnowledgeContent, KnowledgeKind };
export type KnowledgePage = Awaited<ReturnType<typeof api.listKnowledge>>;
export type KnowledgeEntrySummary = KnowledgePage['items'][number];
export type KnowledgeEntry = Awaited<ReturnType<typeof api.getKnowledgeEntry>>;
export type KnowledgeVersion = Awaited<ReturnType<typeof api.listKnowledgeVersions>>['items'][number];
export type KnowledgeVersionDetail = Awaited<ReturnType<typeof api.getKnowledgeVersion>>;
export type KnowledgeChange = KnowledgeVersionDetail['changes'][number];

/** The kinds in the order the knowledge base presents them (sources last: the others rest on them). */
export const KIND_ORDER: readonly KnowledgeKind[] = ['law', 'violation', 'power', 'template', 'source'];
export const isKnowledgeKind = (value: unknown): value is KnowledgeKind =>
  typeof value === 'string' && (KIND_ORDER as readonly string[]).includes(value);

export interface KnowledgeListQuery {
  kind?: KnowledgeKind;
  q?: string;
  unverified?: boolean;
  page?: number;
  pageSize?: number;
}

export const knowledgeListQueryOptions = (query: KnowledgeListQuery) =>
  queryOptions({
    queryKey: queryKeys.knowledge.list(query),
    queryFn: ({ signal }) => api.listKnowledge({ query, signal }),
    placeholderData: keepPreviousData,
  });

export const useKnowledgeList = (query: KnowledgeListQuery) => useQuery(knowledgeListQueryOptions(query));

export const knowledgeEntryQueryOptions = (kind: KnowledgeKind, key: string) =>
  queryOptions({
    queryKey: queryKeys.knowledge.entry(kind, key),
    queryFn: ({ signal }) => api.getKnowledgeEntry({ params: { kind, key }, signal }),
  });

export const useKnowledgeEntry = (kind: KnowledgeKind, key: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...knowledgeEntryQueryOptions(kind, key), enabled });

export const useKnowledgeVersions = (kind: KnowledgeKind, key: string) =>
  useQuery({
    queryKey: queryKeys.knowledge.versions(kind, key),
    queryFn: ({ signal }) => api.listKnowledgeVersions({ params: { kind, key }, signal }),
  });

/** One version with what changed against `compareTo` (the version before, when not given). */
export const useKnowledgeVersion = (
  kind: KnowledgeKind,
  key: string,
  version: number | null,
  compareTo: number | null,
) =>
  useQuery({
    queryKey: queryKeys.knowledge.version(kind, key, version ?? 0, compareTo),
    queryFn: ({ signal }) =>
      api.getKnowledgeVersion({
        params: { kind, key, version: version ?? 1 },
        query: compareTo === null ? {} : { compareTo },
        signal,
      }),
    enabled: version !== null,
    // A saved version never changes.
    staleTime: Infinity,
  });

/**
 * Every entry of the kinds a page cites (laws for provisions, templates and violations for a
 * power), for titles and links. One page of 100 per kind holds the whole built-in knowledge base
 * (37 laws, 23 violations); past that, a citation shows the key instead of the title.
 */
export function useFirmDirectory(kinds: readonly KnowledgeKind[]): KnowledgeDirectory {
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: queryKeys.knowledge.list({ kind, pageSize: 100 }),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.listKnowledge({ query: { kind, pageSize: 100 }, signal }),
      staleTime: 5 * 60_000,
    })),
  });
  const entries = results.flatMap((result) => result.data?.items ?? []);
  return {
    entries: entries.map(({ kind, key, title, position, unverified }) => ({ kind, key, title, position, unverified })),
    href: (kind, key) => `/knowledge/${kind}/${encodeURIComponent(key)}`,
  };
}
