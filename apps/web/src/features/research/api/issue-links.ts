import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type IssuedLinks = Awaited<ReturnType<typeof api.issueQuestionnaireLinks>>;

/** Single-use answer links; their tokens are in this answer only (the server keeps hashes). */
export function useIssueQuestionnaireLinks(engagementId: string, questionnaireId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ count, community }: { count: number; community: string | null }) =>
      api.issueQuestionnaireLinks({ params: { id: engagementId, questionnaireId }, body: { count, community } }),
    // The questionnaire counts its links.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.engagements.questionnaires(engagementId) }),
  });
}

/** A link as the respondent opens it: this dashboard's origin and the path the API gave. */
export const linkUrl = (origin: string, path: string): string =>
  `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;

const csvCell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The links as a spreadsheet a PM prints or mails: a header row, then one numbered row per link.
 * UTF-8 with a byte-order mark and CRLF line ends, so Excel on Windows shows the Chinese as text.
 */
export function linksCsv(
  header: readonly [string, string, string],
  rows: readonly { community: string; url: string }[],
): string {
  const lines = [
    header.map(csvCell).join(','),
    ...rows.map((row, index) => [index + 1, row.community, row.url].map(csvCell).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
