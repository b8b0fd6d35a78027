import { MAX_PAGE_SIZE } from '@gongzhi/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type TaskPage = Awaited<ReturnType<typeof api.listTasks>>;
export type TaskSummary = TaskPage['items'][number];
export type TaskStatus = TaskSummary['status'];

export type TaskListQuery = NonNullable<NonNullable<Parameters<typeof api.listTasks>[0]>['query']>;

export const tasksQueryOptions = (query: TaskListQuery) =>
  queryOptions({
    queryKey: queryKeys.tasks.list(query),
    queryFn: ({ signal }) => api.listTasks({ query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useTasks = (query: NonNullable<TaskListQuery>, enabled = true) => useQuery({ ...tasksQueryOptions(query), enabled });

/** Every task of one engagement (all pages): for its timeline and its task table. */
export const engagementTasksQueryOptions = (engagementId: string) =>
  queryOptions({
    queryKey: queryKeys.tasks.ofEngagement(engagementId),
    queryFn: async ({ signal }) => {
      const tasks: TaskSummary[] = [];
      for (let page = 1; ; page += 1) {
        const result = await api.listTasks({ query: { engagementId, sort: 'dueDate', page, pageSize: MAX_PAGE_SIZE }, signal });
        tasks.push(...result.items);
        if (tasks.length >= result.total || result.items.length === 0) return tasks;
      }
    },
    refetchInterval: 60_000,
  });

export const useEngagementTasks = (engagementId: string) => useQuery(engagementTasksQueryOptions(engagementId));
