import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ReviewQueue } from '../../features/deliverables/components/review-queue';
import { deliverablesQueryOptions, REVIEW_QUEUE_QUERY } from '../../features/deliverables/api/get-deliverables';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function ReviewsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.reviews'));
  return (
    <>
      <PageHeader title={t('reviewQueue.title')} subtitle={t('reviewQueue.subtitle')} />
      <ReviewQueue />
    </>
  );
}

export function prefetch(queryClient: QueryClient): void {
  void queryClient.query(deliverablesQueryOptions(REVIEW_QUEUE_QUERY)).catch(() => undefined);
}
