import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { saveDownloadedFile } from '../../../lib/download';

/** The results as an Excel workbook (drafted on a worker), handed to the browser as a download. */
export function useExportResults(engagementId: string, questionnaireId: string, fallbackName: string) {
  return useMutation({
    mutationFn: async () => saveDownloadedFile(await api.exportQuestionnaireResults({ params: { id: engagementId, questionnaireId } }), fallbackName),
  });
}
