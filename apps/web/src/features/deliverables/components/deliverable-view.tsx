import { Alert, Card, Col, Descriptions, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { PageSkeleton } from '../../../components/loading';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { DeliverableStatusTag } from '../../../components/status-tags';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { useDeliverable } from '../api/get-deliverable';
import { ReviewForm } from './review-form';
import { RevisionsList } from './revisions-list';
import { ReviewsList } from './reviews-list';
import { PendingUploads } from './pending-uploads';
import { UploadFileForm } from './upload-file-form';

export function DeliverableView({ id, crumbs }: { id: string; crumbs: (engagement: { id: string; name: string }) => Crumb[] }) {
  const { t } = useTranslation();
  const { text, locale } = useLocalized();
  const query = useDeliverable(id);
  if (query.isPending) return <PageSkeleton />;
  if (query.isError) return <ErrorPage error={query.error} onRetry={() => void query.refetch()} backTo="/" />;
  const deliverable = query.data;
  const canReview = deliverable.can.review && deliverable.status === 'submitted';

  return (
    <>
      <PageHeader
        crumbs={[...crumbs(deliverable.engagement), { label: text(deliverable.title) }]}
        title={text(deliverable.title)}
        tags={
          <>
            <DeliverableStatusTag status={deliverable.status} />
            <Tag variant="filled">{t(`deliverable.kind.${deliverable.kind}`)}</Tag>
          </>
        }
        subtitle={
          <>
            {deliverable.engagement.name} · {text(deliverable.stage.title)}
            {deliverable.community ? ` · ${deliverable.community.name}` : ''}
            {deliverable.department ? ` · ${deliverable.department.name}` : ''}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('deliverable.revisions')} data-testid="revisions-card">
            {deliverable.can.upload ? (
              <div style={{ marginBottom: 16 }}>
                <UploadFileForm deliverable={deliverable} />
              </div>
            ) : null}
            <PendingUploads uploads={deliverable.uploads} />
            <RevisionsList deliverableId={deliverable.id} revisions={deliverable.revisions} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {canReview ? (
            <Card size="small" title={t('review.title')} style={{ marginBottom: 16 }} className="gz-card-accent">
              <ReviewForm deliverable={deliverable} />
            </Card>
          ) : deliverable.status === 'submitted' ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('deliverable.awaitingReview', { n: deliverable.latestRevision ?? 1 })} />
          ) : null}
          <Card size="small" title={t('deliverable.reviews')} style={{ marginBottom: 16 }}>
            <ReviewsList reviews={deliverable.reviews} />
          </Card>
          <Card size="small" title={t('deliverable.about')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'task', label: t('deliverable.task'), children: <Link to={`/tasks/${deliverable.task.id}`}>{text(deliverable.task.title)}</Link> },
                { key: 'assignee', label: t('deliverable.author'), children: deliverable.task.assignee.displayName },
                { key: 'engagement', label: t('tasks.columns.engagement'), children: <Link to={`/engagements/${deliverable.engagement.id}`}>{deliverable.engagement.name}</Link> },
                ...(deliverable.submittedAt ? [{ key: 'submitted', label: t('deliverable.submittedAt'), children: formatInstant(deliverable.submittedAt, locale) }] : []),
                { key: 'updated', label: t('deliverable.updatedAt'), children: formatInstant(deliverable.updatedAt, locale) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
