import { Button, Card, Grid, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { civilDateOf, daysBetween, formatInstant, todayCivil } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { type DeliverableSummary, REVIEW_QUEUE_QUERY, useDeliverables } from '../api/get-deliverables';

/** How long a submission has waited: days (coloured from the first, red from the third) and when it came. */
function Waiting({ submittedAt, today }: { submittedAt: string | null; today: string }) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  if (!submittedAt) return <span className="gz-muted">—</span>;
  const days = daysBetween(civilDateOf(submittedAt), today);
  return (
    <div title={formatInstant(submittedAt, locale)}>
      <span className={days >= 3 ? 'gz-due gz-due-overdue' : days >= 1 ? 'gz-due gz-due-soon' : 'gz-due gz-due-later'}>
        {days === 0 ? t('reviewQueue.today') : t('reviewQueue.days', { count: days })}
      </span>
      <div className="gz-small gz-muted gz-num">{formatInstant(submittedAt, locale)}</div>
    </div>
  );
}

/** 待审阅: what waits for this partner's decision, the longest-waiting first. */
export function ReviewQueue({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const navigate = useNavigate();
  const queue = useDeliverables(REVIEW_QUEUE_QUERY);
  const today = todayCivil();
  // A phone: one card per submission, the whole card the way to its review.
  const isPhone = Grid.useBreakpoint().md === false;

  const columns: TableProps<DeliverableSummary>['columns'] = [
    {
      key: 'title',
      title: t('reviewQueue.columns.deliverable'),
      render: (_, row) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/deliverables/${row.id}`} className="gz-strong-link" onClick={(event) => event.stopPropagation()}>
            {text(row.title)}
          </Link>
          <div className="gz-small gz-muted">
            {text(row.stage.title)}
            {row.community ? ` · ${row.community.name}` : ''}
          </div>
        </div>
      ),
    },
    { key: 'engagement', title: t('tasks.columns.engagement'), responsive: ['md'], render: (_, row) => row.engagement.name },
    { key: 'author', title: t('reviewQueue.columns.author'), width: 110, render: (_, row) => row.task.assignee.displayName },
    { key: 'revision', title: t('reviewQueue.columns.revision'), width: 80, align: 'right', render: (_, row) => <span className="gz-num">{row.latestRevision ? t('deliverable.revisionShort', { n: row.latestRevision }) : '—'}</span> },
    {
      key: 'waiting',
      title: t('reviewQueue.columns.waiting'),
      width: 170,
      render: (_, row) => <Waiting submittedAt={row.submittedAt} today={today} />,
    },
    {
      key: 'action',
      title: '',
      width: 90,
      render: (_, row) => (
        <Button size="small" type="primary" ghost onClick={(event) => { event.stopPropagation(); void navigate(`/deliverables/${row.id}`); }}>
          {t('reviewQueue.review')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={compact ? t('reviewQueue.title') : undefined} styles={{ body: { padding: 0 } }}>
      {queue.isError ? (
        <div style={{ padding: 16 }}>
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        </div>
      ) : isPhone ? (
        <div className="gz-task-cards" style={{ padding: 8 }} data-testid="review-cards">
          {(queue.data?.items ?? []).map((row) => (
            <div key={row.id} className="gz-task-card">
              <Link to={`/deliverables/${row.id}`} className="gz-task-card-link">
                <span className="gz-task-card-title">{text(row.title)}</span>
                <span className="gz-small gz-muted">
                  {text(row.stage.title)}
                  {row.community ? ` · ${row.community.name}` : ''}
                </span>
                <span className="gz-small gz-muted gz-ellipsis">{row.engagement.name}</span>
                <span className="gz-task-card-meta">
                  <span>{row.task.assignee.displayName}</span>
                  {row.latestRevision ? <span className="gz-num gz-muted">{t('deliverable.revisionShort', { n: row.latestRevision })}</span> : null}
                </span>
                <Waiting submittedAt={row.submittedAt} today={today} />
              </Link>
            </div>
          ))}
          {queue.data?.items.length === 0 ? <EmptyState title={t('reviewQueue.emptyTitle')} description={t('reviewQueue.emptyHint')} /> : null}
        </div>
      ) : (
        <Table<DeliverableSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={queue.data?.items ?? []}
          loading={queue.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => void navigate(`/deliverables/${row.id}`), className: 'gz-clickable-row' })}
          locale={{ emptyText: queue.isPending ? ' ' : <EmptyState title={t('reviewQueue.emptyTitle')} description={t('reviewQueue.emptyHint')} /> }}
        />
      )}
    </Card>
  );
}
