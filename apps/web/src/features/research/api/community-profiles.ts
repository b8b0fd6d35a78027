import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type CommunityProfileList = Awaited<ReturnType<typeof api.listCommunityProfiles>>;
export type CommunityProfile = CommunityProfileList['items'][number];
export type CommunityProfileDetails = NonNullable<CommunityProfile['profile']>;
export type CommunityProfileBody = Parameters<typeof api.saveCommunityProfile>[0]['body'];

export const communityProfilesQueryOptions = (engagementId: string) =>
  queryOptions({
    // Under `engagements`: the live-update stream refreshes it when anyone saves a profile.
    queryKey: queryKeys.engagements.communityProfiles(engagementId),
    queryFn: ({ signal }) => api.listCommunityProfiles({ params: { id: engagementId }, signal }),
  });

/** Every community of the engagement in plan order, with its profile when one is recorded. */
export const useCommunityProfiles = (engagementId: string) => useQuery(communityProfilesQueryOptions(engagementId));

/** A community's profile as a new version (409 `conflict` when someone saved since `body.expectedVersion`). */
export function useSaveCommunityProfile(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ community, body }: { community: string; body: CommunityProfileBody }) =>
      api.saveCommunityProfile({ params: { id: engagementId, community }, body }),
    // The saved version at once: editing again right away starts from it, not from the one just replaced.
    onSuccess: (saved) =>
      queryClient.setQueryData<CommunityProfileList>(queryKeys.engagements.communityProfiles(engagementId), (list) =>
        list ? { ...list, items: list.items.map((item) => (item.community.key === saved.community.key ? saved : item)) } : list,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.communityProfiles(engagementId) }),
  });
}
