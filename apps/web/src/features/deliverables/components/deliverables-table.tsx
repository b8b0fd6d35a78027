import { App, Button, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Icon } from '../../../components/icons';
import { DeliverableStatusTag } from '../../../components/status-tags';
import { describeError } from '../../../lib/errors';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { useDownloadRevision } from '../api/download-revision';
import type { DeliverableSummary } from '../api/get-deliverables';

/**
 * An engagement's deliverables. `approvedOnly` is the client's view: only what the partner
 * approved, each with its download.
 */
export function DeliverablesTable({ deliverables, approvedOnly }: { deliverables: readonly DeliverableSummary[]; approvedOnly?: boolean }) {
  const { t } = useTranslation();
  const { text, locale } = useLocalized();
  const { message } = App.useApp();
  const download = useDownloadRevision();
  const rows = approvedOnly ? deliverables.filter((row) => row.status === 'approved') : deliverables;

  const columns: TableProps<DeliverableSummary>['columns'] = [
    {
      key: 'title',
      title: t('reviewQueue.columns.deliverable'),
      render: (_, row) => (
        <div style={{ minWidth: 200 }}>
          {approvedOnly ? <strong>{text(row.title)}</strong> : <Link to={`/deliverables/${row.id}`} className="gz-strong-link">{text(row.title)}</Link>}
          <div className="gz-small gz-muted">
            {text(row.stage.title)}
            {row.community ? ` · ${row.community.name}` : ''}
            {row.department ? ` · ${row.department.name}` : ''}
          </div>
        </div>
      ),
    },
    ...(approvedOnly ? [] : [{ key: 'status', title: t('tasks.columns.status'), width: 110, render: (_: unknown, row: DeliverableSummary) => <DeliverableStatusTag status={row.status} /> }]),
    ...(approvedOnly ? [] : [{ key: 'author', title: t('reviewQueue.columns.author'), width: 110, render: (_: unknown, row: DeliverableSummary) => row.task.assignee.displayName }]),
    { key: 'revision', title: t('reviewQueue.columns.revision'), width: 80, align: 'right', render: (_, row) => <span className="gz-num">{row.latestRevision ? t('deliverable.revisionShort', { n: row.latestRevision }) : '—'}</span> },
    { key: 'updated', title: t('deliverable.updatedAt'), width: 150, responsive: ['md'], render: (_, row) => <span className="gz-num">{formatInstant(row.updatedAt, locale)}</span> },
    {
      key: 'download',
      title: '',
      width: 100,
      render: (_, row) =>
        row.latestRevision && (approvedOnly || row.status !== 'none') ? (
          <Button
            size="small"
            type="link"
            icon={<Icon name="download" />}
            loading={download.isPending && download.variables?.deliverableId === row.id}
            data-testid={`download-${row.id}`}
            onClick={() =>
              download.mutate(
                { deliverableId: row.id, revision: row.latestRevision as number, fallbackName: text(row.title) },
                { onError: (error) => void message.error(describeError(error, t).title) },
              )
            }
          >
            {t('deliverable.download')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Table<DeliverableSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: approvedOnly ? <EmptyState title={t('client.noApprovedTitle')} description={t('client.noApprovedHint')} /> : <EmptyState title={t('deliverable.emptyTitle')} description={t('deliverable.emptyHint')} />,
      }}
    />
  );
}
