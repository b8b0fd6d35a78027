import { proxyActivities } from '@temporalio/workflow';
import type { ConvertibleKind } from '@gongzhi/documents';
import type { PdfActivities, PdfRendition } from '../activities/pdf-renditions';

const rendering = proxyActivities<PdfActivities>({
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '20 seconds', maximumAttempts: 3, nonRetryableErrorTypes: ['pdf_source_missing'] },
});

/**
 * A PDF copy of one stored file, by its content (`pdf-<sha256>`): the API asks and waits; two
 * people asking at once share one conversion.
 */
export async function pdfRenditionWorkflow(input: { sourceSha256: string; kind: ConvertibleKind }): Promise<PdfRendition> {
  return rendering.renderPdf(input);
}
