import { Alert, Card, Collapse, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeliverableStatusTag } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import type { DeliverableDetail } from '../api/get-deliverable';
import { RevisionsList } from './revisions-list';
import { ReviewsList } from './reviews-list';
import { GenerateDraft } from './generate-draft';
import { PendingUploads } from './pending-uploads';
import { UploadFileForm } from './upload-file-form';

/**
 * The task page's deliverable: what the reviewer said last, the upload of the next revision,
 * and the history. The latest "changes requested" comment is the first thing a lawyer reads.
 */
export function DeliverablePanel({ deliverable }: { deliverable: DeliverableDetail }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const lastReview = deliverable.reviews[0];
  const nextRevision = (deliverable.latestRevision ?? 0) + 1;
  const toSubmit = deliverable.uploads[0];
  return (
    <Card
      size="small"
      title={
        <span>
          {t('deliverable.title')} · {text(deliverable.title)}
        </span>
      }
      extra={
        <span>
          <Tag variant="filled">{t(`deliverable.kind.${deliverable.kind}`)}</Tag>
          {deliverable.requiresReview ? (
            <Tag variant="filled" color="purple">
              {t('deliverable.requiresReview')}
            </Tag>
          ) : null}
          <DeliverableStatusTag status={deliverable.status} />
        </span>
      }
      data-testid="deliverable-panel"
    >
      {deliverable.status === 'changes_requested' && lastReview?.decision === 'request_changes' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('deliverable.changesRequestedBy', { name: lastReview.reviewer.displayName, n: lastReview.revision })}
          description={<div className="gz-review-comment" data-testid="latest-review-comment">{lastReview.comment}</div>}
        />
      ) : null}
      {deliverable.status === 'approved' && lastReview ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('deliverable.approvedBy', { name: lastReview.reviewer.displayName, n: lastReview.revision })} description={lastReview.comment ?? undefined} />
      ) : null}
      {deliverable.status === 'submitted' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('deliverable.awaitingReview', { n: deliverable.latestRevision ?? 1 })} /> : null}
      {toSubmit && deliverable.can.upload ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('deliverable.draftReady', { n: nextRevision, file: toSubmit.fileName })} />
      ) : null}
      <GenerateDraft deliverable={deliverable} />
      <PendingUploads uploads={deliverable.uploads} />
      {deliverable.can.upload ? <UploadFileForm deliverable={deliverable} /> : null}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        // Closed: the reviewer's comment, the upload and the form come first; the history is one click away.
        defaultActiveKey={[]}
        items={[
          {
            key: 'revisions',
            label: t('deliverable.revisionsCount', { count: deliverable.revisions.length }),
            children: <RevisionsList deliverableId={deliverable.id} revisions={deliverable.revisions} />,
          },
          {
            key: 'reviews',
            label: t('deliverable.reviewsCount', { count: deliverable.reviews.length }),
            children: <ReviewsList reviews={deliverable.reviews} />,
          },
        ]}
      />
      <div style={{ marginTop: 4 }}>
        <Link to={`/deliverables/${deliverable.id}`}>{t('deliverable.openPage')}</Link>
      </div>
    </Card>
  );
}
