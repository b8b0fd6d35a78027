import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';
import { queryKeys } from '../../../lib/query-keys';

export type EngagementOutcomes = Awaited<ReturnType<typeof api.getEngagementOutcomes>>;
export type OutcomeConvention = EngagementOutcomes['conventions'][number];
export type OutcomeTier = EngagementOutcomes['cases']['tiers'][number];
export type OutcomeEvent = EngagementOutcomes['events']['items'][number];
export type OutcomeDeliverable = EngagementOutcomes['deliverables']['items'][number];
export type OutcomeHotline = NonNullable<EngagementOutcomes['hotline']>;

/** 项目成效, as the engagement's records show it today; any change to its work refreshes it (live updates). */
export const useEngagementOutcomes = (engagementId: string) =>
  useQuery({
    queryKey: queryKeys.engagements.outcomes(engagementId),
    queryFn: ({ signal }) => api.getEngagementOutcomes({ params: { id: engagementId }, signal }),
  });

/** The 项目成效证明材料 workbook, drafted on a worker from the same records as the page. */
export const useDownloadOutcomesWorkbook = (engagementId: string) =>
  useMutation({ mutationFn: async () => saveDownloadedFile(await api.downloadOutcomesWorkbook({ params: { id: engagementId } }), 'outcomes-evidence.xlsx') });
