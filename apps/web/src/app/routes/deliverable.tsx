import type { QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { deliverableQueryOptions, useDeliverable } from '../../features/deliverables/api/get-deliverable';
import { DeliverableView } from '../../features/deliverables/components/deliverable-view';
import { useWatchEngagement } from '../../features/live-updates/components/live-updates-provider';
import { useLocalized } from '../../lib/i18n';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function DeliverableRoute() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useDeliverable(id);
  useWatchEngagement(query.data?.engagement.id);
  useDocumentTitle(query.data ? text(query.data.title) : t('deliverable.title'));
  const isPartner = hasRole(user.roles, 'partner');
  return (
    <DeliverableView
      id={id}
      crumbs={(engagement) => [
        isPartner ? { label: t('nav.reviews'), to: '/reviews' } : { label: t('nav.portfolio'), to: '/engagements' },
        { label: engagement.name, to: `/engagements/${engagement.id}` },
      ]}
    />
  );
}

export function prefetch(queryClient: QueryClient, params: Record<string, string | undefined>): void {
  if (params.id) void queryClient.query(deliverableQueryOptions(params.id)).catch(() => undefined);
}
