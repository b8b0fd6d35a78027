import { App, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import type { DeliverableDetail } from '../api/get-deliverable';
import { useReviewDeliverable } from '../api/review-deliverable';

type Decision = 'approve' | 'request_changes';

/** Approve, or send back with a comment (required then): the partner's decision on the revision under review. */
export function ReviewForm({ deliverable }: { deliverable: DeliverableDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const review = useReviewDeliverable(deliverable.id);
  // The decision is on the revision as shown here, content included: a different one is refused.
  const current = deliverable.revisions.find((candidate) => candidate.revision === deliverable.latestRevision) ?? deliverable.revisions[0];
  const revision = current?.revision ?? 1;
  const sha256 = current?.sha256 ?? '';
  const commentMissing = decision === 'request_changes' && comment.trim() === '';

  const submit = () => {
    setTried(true);
    if (!decision || commentMissing) return;
    const trimmed = comment.trim();
    const body = decision === 'approve' ? { decision, revision, sha256, ...(trimmed ? { comment: trimmed } : {}) } : { decision, revision, sha256, comment: trimmed };
    // mutateAsync, not mutate's callbacks: the accepted decision changes the deliverable, and
    // this form unmounts before per-call callbacks would run.
    review.mutateAsync(body).then(
      () => {
        void message.success(t(decision === 'approve' ? 'review.approvedDone' : 'review.changesDone'));
        setDecision(null);
        setComment('');
        setTried(false);
      },
      () => undefined, // shown below the form from review.error
    );
  };

  return (
    <div className="gz-review-form" data-testid="review-form">
      <div style={{ marginBottom: 8 }}>{t('review.reviewing', { n: revision })}</div>
      <Radio.Group
        value={decision}
        onChange={(event) => setDecision(event.target.value as Decision)}
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'approve', label: t('review.decision.approve') },
          { value: 'request_changes', label: t('review.decision.request_changes') },
        ]}
      />
      {tried && !decision ? <div className="gz-field-error">{t('review.pickDecision')}</div> : null}
      <Input.TextArea
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        placeholder={decision === 'request_changes' ? t('review.commentRequiredPlaceholder') : t('review.commentPlaceholder')}
        aria-label={t('review.comment')}
        status={tried && commentMissing ? 'error' : undefined}
        autoSize={{ minRows: 4, maxRows: 12 }}
        maxLength={10_000}
        style={{ marginTop: 12 }}
      />
      {tried && commentMissing ? <div className="gz-field-error">{t('review.commentRequired')}</div> : null}
      {review.error ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={review.error} compact />
        </div>
      ) : null}
      <Button type="primary" className="gz-review-submit" style={{ marginTop: 12 }} onClick={submit} loading={review.isPending} danger={decision === 'request_changes'} data-testid="review-submit">
        {decision === 'request_changes' ? t('review.submitChanges') : decision === 'approve' ? t('review.submitApprove') : t('review.submit')}
      </Button>
    </div>
  );
}
