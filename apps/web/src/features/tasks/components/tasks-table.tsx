import { Button, Grid, Pagination, Table, type TableProps, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Icon } from '../../../components/icons';
import { DueDate, TaskStatusTag } from '../../../components/status-tags';
import { todayCivil } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { TaskSummary } from '../api/get-tasks';

const isClosed = (task: Pick<TaskSummary, 'status'>) => task.status === 'done' || task.status === 'cancelled';

/**
 * The order of a work list: overdue first (the longest overdue at the top), then open work by
 * due date (soonest first), work sent back for changes before new work on the same day, closed
 * tasks last. The API sorts the same way; this keeps the table right after live updates too.
 */
export function orderWorklist<T extends Pick<TaskSummary, 'dueDate' | 'isOverdue' | 'status' | 'key'>>(tasks: readonly T[]): T[] {
  const rank = (task: T) => (isClosed(task) ? 2 : task.isOverdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.dueDate.localeCompare(b.dueDate) ||
      Number(b.status === 'changes_requested') - Number(a.status === 'changes_requested') ||
      a.key.localeCompare(b.key),
  );
}

export interface TasksTableProps {
  tasks: readonly TaskSummary[];
  loading?: boolean;
  showEngagement?: boolean;
  showAssignee?: boolean;
  /** Offered on open tasks when the viewer may reassign (the PM). */
  onReassign?: (task: TaskSummary) => void;
  empty: ReactNode;
  today?: string;
  pageSize?: number;
}

/**
 * A phone's work list: one card per task, the whole card a link (a thumb-sized target), status
 * and due date on it rather than in columns off the screen.
 */
function TaskCards({ tasks, loading, showEngagement, showAssignee, onReassign, empty, today, pageSize }: Required<Pick<TasksTableProps, 'today' | 'pageSize'>> & Omit<TasksTableProps, 'today' | 'pageSize'>) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const [page, setPage] = useState(1);
  const rows = orderWorklist(tasks);
  if (rows.length === 0) return <div className="gz-task-cards-empty">{loading ? null : empty}</div>;
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  return (
    <div className="gz-task-cards" data-testid="task-cards">
      {shown.map((task) => (
        <div key={task.id} className={`gz-task-card ${task.isOverdue ? 'is-overdue' : ''}`} data-task-id={task.id}>
          <Link to={`/tasks/${task.id}`} className="gz-task-card-link">
            <span className="gz-task-card-title">{text(task.title)}</span>
            <span className="gz-small gz-muted">
              {text(task.stage.title)}
              {task.community ? ` · ${task.community.name}` : ''}
              {task.department ? ` · ${task.department.name}` : ''}
            </span>
            {showEngagement ? <span className="gz-small gz-muted gz-ellipsis">{task.engagement.name}</span> : null}
            <span className="gz-task-card-meta">
              <TaskStatusTag status={task.status} />
              {task.isGate ? (
                <Tag variant="filled" color="gold">
                  {t('tasks.gate')}
                </Tag>
              ) : null}
              <DueDate date={task.dueDate} isOverdue={task.isOverdue} isDone={isClosed(task)} today={today} />
            </span>
            {showAssignee ? (
              <span className="gz-small">
                {task.assignee.displayName}
                <span className="gz-muted"> · {t(`roles.${task.role}`)}</span>
              </span>
            ) : null}
          </Link>
          {onReassign && !isClosed(task) ? (
            <Button size="small" type="link" className="gz-task-card-action" icon={<Icon name="swap" />} onClick={() => onReassign(task)}>
              {t('tasks.reassign')}
            </Button>
          ) : null}
        </div>
      ))}
      {rows.length > pageSize ? <Pagination simple current={page} pageSize={pageSize} total={rows.length} onChange={setPage} style={{ textAlign: 'center' }} /> : null}
    </div>
  );
}

export function TasksTable(props: TasksTableProps) {
  const screens = Grid.useBreakpoint();
  // A phone gets cards; before the first measurement (and in tests without a window size), the table.
  if (screens.md === false) return <TaskCards {...props} today={props.today ?? todayCivil()} pageSize={props.pageSize ?? 50} />;
  return <TasksGrid {...props} />;
}

function TasksGrid({ tasks, loading, showEngagement, showAssignee, onReassign, empty, today = todayCivil(), pageSize = 50 }: TasksTableProps) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const navigate = useNavigate();
  const rows = orderWorklist(tasks);

  const columns: TableProps<TaskSummary>['columns'] = [
    {
      key: 'title',
      title: t('tasks.columns.task'),
      render: (_, task) => (
        <div style={{ minWidth: 200 }}>
          <Link to={`/tasks/${task.id}`} className="gz-strong-link" onClick={(event) => event.stopPropagation()}>
            {text(task.title)}
          </Link>
          <div className="gz-small gz-muted">
            {text(task.stage.title)}
            {task.community ? ` · ${task.community.name}` : ''}
            {task.department ? ` · ${task.department.name}` : ''}
          </div>
        </div>
      ),
    },
    ...(showEngagement
      ? [
          {
            key: 'engagement',
            title: t('tasks.columns.engagement'),
            responsive: ['md' as const],
            render: (_: unknown, task: TaskSummary) => (
              <Link to={`/engagements/${task.engagement.id}`} onClick={(event) => event.stopPropagation()} className="gz-ellipsis" style={{ maxWidth: 220, display: 'inline-block' }}>
                {task.engagement.name}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('tasks.columns.status'),
      width: 150,
      render: (_, task) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <TaskStatusTag status={task.status} />
          {task.isGate ? (
            <Tooltip title={t('tasks.gateHint')}>
              <Tag variant="filled" color="gold">
                {t('tasks.gate')}
              </Tag>
            </Tooltip>
          ) : task.hasDeliverable ? (
            <Tooltip title={t('tasks.hasDeliverable')}>
              <span className="gz-muted">
                <Icon name="file" />
              </span>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      key: 'due',
      title: t('tasks.columns.due'),
      width: 170,
      render: (_, task) => <DueDate date={task.dueDate} isOverdue={task.isOverdue} isDone={isClosed(task)} today={today} />,
    },
    ...(showAssignee
      ? [
          {
            key: 'assignee',
            title: t('tasks.columns.assignee'),
            width: 130,
            render: (_: unknown, task: TaskSummary) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {task.assignee.displayName}
                <span className="gz-muted gz-small"> · {t(`roles.${task.role}`)}</span>
              </span>
            ),
          },
        ]
      : []),
    ...(onReassign
      ? [
          {
            key: 'actions',
            title: '',
            width: 80,
            render: (_: unknown, task: TaskSummary) =>
              isClosed(task) ? null : (
                <Button
                  size="small"
                  type="link"
                  icon={<Icon name="swap" />}
                  onClick={(event) => {
                    event.stopPropagation();
                    onReassign(task);
                  }}
                >
                  {t('tasks.reassign')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      rowClassName={(task) => (task.isOverdue ? 'gz-row-overdue' : '')}
      onRow={(task) => ({ onClick: () => void navigate(`/tasks/${task.id}`), className: 'gz-clickable-row', 'data-task-id': task.id } as HTMLAttributes<HTMLElement>)}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      locale={{ emptyText: loading ? ' ' : empty }}
    />
  );
}
