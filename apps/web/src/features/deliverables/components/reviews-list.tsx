import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { Review } from '../api/get-deliverable';

/** The reviewers' decisions and comments, newest first: the conversation around the document. */
export function ReviewsList({ reviews }: { reviews: readonly Review[] }) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  if (reviews.length === 0) return <EmptyState title={t('deliverable.noReviews')} />;
  return (
    <ol className="gz-reviews" aria-label={t('deliverable.reviews')}>
      {reviews.map((review) => (
        <li key={review.id} className={`gz-review gz-review-${review.decision}`} data-decision={review.decision}>
          <div className="gz-review-head">
            <Tag color={review.decision === 'approve' ? 'success' : 'warning'} variant="filled">
              {t(`review.decision.${review.decision}`)}
            </Tag>
            <strong>{review.reviewer.displayName}</strong>
            <span className="gz-muted gz-small">
              {t('deliverable.revisionN', { n: review.revision })} · {formatInstant(review.at, locale)}
            </span>
          </div>
          {review.comment ? <div className="gz-review-comment">{review.comment}</div> : <div className="gz-muted gz-small">{t('review.noComment')}</div>}
        </li>
      ))}
    </ol>
  );
}
