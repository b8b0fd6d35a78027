import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE } from '@gongzhi/contracts';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type User = Awaited<ReturnType<typeof api.listUsers>>['items'][number];
type Role = User['roles'][number];

/** Everyone who may be put on a team in this role (enabled accounts, by display name). */
export const usersByRoleQueryOptions = (role: Role) =>
  queryOptions({
    queryKey: queryKeys.users.list({ role }),
    queryFn: async ({ signal }) => {
      const users: User[] = [];
      for (let page = 1; ; page += 1) {
        const result = await api.listUsers({ query: { role, page, pageSize: MAX_PAGE_SIZE }, signal });
        users.push(...result.items);
        if (users.length >= result.total || result.items.length === 0) return users;
      }
    },
    staleTime: 5 * 60_000,
  });

export const useUsersByRole = (role: Role, enabled = true) => useQuery({ ...usersByRoleQueryOptions(role), enabled });
