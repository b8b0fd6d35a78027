import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder while a page's data loads: the page's shape, not a spinner in a void. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton active title={{ width: '30%' }} paragraph={{ rows: 1, width: ['50%'] }} />
      <div className="gz-skeleton-card">
        <Skeleton active paragraph={{ rows }} />
      </div>
    </div>
  );
}

export function BlockSkeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}
