import { Badge, Card, Flex, Grid, Input, Pagination, Progress, Select, Statistic, Table, type TableProps, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { DueDate, EngagementStatusTag } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import { todayCivil } from '../../../lib/dates';
import { type EngagementListQuery, type EngagementStatus, type EngagementSummary, useEngagements } from '../api/get-engagements';
import { StageStepsMini } from './stage-steps';

const PAGE_SIZE = 50;
type StatusFilter = 'open' | 'all' | EngagementStatus;

/** The list as the page first shows it (open engagements, soonest deadline first): routes prefetch it. */
export const DEFAULT_PORTFOLIO_QUERY: EngagementListQuery = { status: ['running', 'paused'], sort: 'nextDeadline', page: 1, pageSize: PAGE_SIZE };

const statusQuery = (filter: StatusFilter): EngagementStatus[] | undefined =>
  filter === 'all' ? undefined : filter === 'open' ? ['running', 'paused'] : [filter];

/** Every engagement the user is on: stage strip, % done, overdue tasks and the next deadline. */
export function PortfolioTable({ canCreate, onCreate }: { canCreate?: boolean; onCreate?: () => void }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [status, setStatus] = useState<StatusFilter>('open');
  const [sort, setSort] = useState<NonNullable<EngagementListQuery['sort']>>('nextDeadline');
  const [page, setPage] = useState(1);
  const query: EngagementListQuery = { status: statusQuery(status), sort, page, pageSize: PAGE_SIZE, ...(deferredSearch ? { q: deferredSearch } : {}) };
  const engagements = useEngagements(query);
  const items = engagements.data?.items ?? [];
  const today = todayCivil();
  // A phone: one card per engagement (name, status, % done, overdue, next deadline), no columns off the screen.
  const isPhone = Grid.useBreakpoint().md === false;

  const columns: TableProps<EngagementSummary>['columns'] = [
    {
      key: 'name',
      title: t('portfolio.columns.engagement'),
      render: (_, row) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/engagements/${row.id}`} className="gz-strong-link" onClick={(event) => event.stopPropagation()}>
            {row.name}
          </Link>
          <div className="gz-muted gz-small">
            {row.clientName} · {t(`clientKind.${row.clientKind}`)}
          </div>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('portfolio.columns.status'),
      width: 92,
      render: (_, row) => (
        <>
          <EngagementStatusTag status={row.status} />
          {row.attention ? (
            <Tag color="error" variant="filled" title={t('attention.portfolioHint')} data-testid="needs-attention">
              {t('attention.tag')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'stages',
      title: t('portfolio.columns.stages'),
      // On a tablet the stage strip gives way to what needs action: overdue and the next deadline.
      responsive: ['lg'],
      render: (_, row) => {
        const active = row.stages.filter((stage) => stage.status === 'active');
        return (
          <div style={{ minWidth: 170 }}>
            <StageStepsMini stages={row.stages} />
            <div className="gz-small gz-muted gz-ellipsis" style={{ maxWidth: 240 }}>
              {active.length > 0 ? active.map((stage) => text(stage.title)).join(t('common.listSeparator')) : t(`portfolio.noActiveStage.${row.status}`)}
            </div>
          </div>
        );
      },
    },
    {
      key: 'progress',
      title: t('portfolio.columns.progress'),
      width: 120,
      render: (_, row) => (
        <div>
          <Progress percent={row.progress.percent} size="small" status={row.progress.percent === 100 ? 'success' : 'normal'} />
          <div className="gz-small gz-muted gz-num">{t('portfolio.tasksDone', { done: row.progress.done, total: row.progress.total })}</div>
        </div>
      ),
    },
    {
      key: 'overdue',
      title: t('portfolio.columns.overdue'),
      width: 84,
      align: 'right',
      render: (_, row) =>
        row.overdueTaskCount > 0 ? (
          <span className="gz-overdue-count gz-num" data-testid="overdue-count">
            {row.overdueTaskCount}
          </span>
        ) : (
          <span className="gz-muted gz-num">0</span>
        ),
    },
    {
      key: 'nextDeadline',
      title: t('portfolio.columns.nextDeadline'),
      width: 190,
      render: (_, row) =>
        row.nextDeadline ? (
          <div>
            <DueDate date={row.nextDeadline.date} today={today} />
            <div className="gz-small gz-muted gz-ellipsis" style={{ maxWidth: 200 }} title={text(row.nextDeadline.title)}>
              {text(row.nextDeadline.title)}
            </div>
          </div>
        ) : (
          <span className="gz-muted">—</span>
        ),
    },
    {
      key: 'myRole',
      title: t('portfolio.columns.myRole'),
      width: 90,
      responsive: ['xl'],
      render: (_, row) => (row.myRole ? t(`roles.${row.myRole}`) : <span className="gz-muted">—</span>),
    },
  ];

  const overdueTotal = items.reduce((sum, row) => sum + row.overdueTaskCount, 0);
  const stalledTotal = items.reduce((sum, row) => sum + row.stages.filter((stage) => stage.isStalled).length, 0);
  const dueThisWeek = items.filter((row) => row.nextDeadline && row.nextDeadline.date <= addDays(today, 7)).length;

  return (
    <Flex vertical gap={16}>
      <div className="gz-kpis">
        <Card size="small">
          <Statistic title={t('portfolio.kpi.engagements')} value={engagements.data?.total ?? 0} loading={engagements.isPending} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('portfolio.kpi.overdueTasks')}
            value={overdueTotal}
            loading={engagements.isPending}
            styles={{ content: { color: overdueTotal > 0 ? 'var(--gz-danger)' : undefined } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t('portfolio.kpi.stalledStages')}
            value={stalledTotal}
            loading={engagements.isPending}
            styles={{ content: { color: stalledTotal > 0 ? 'var(--gz-danger)' : undefined } }}
          />
        </Card>
        <Card size="small">
          <Statistic title={t('portfolio.kpi.dueThisWeek')} value={dueThisWeek} loading={engagements.isPending} />
        </Card>
      </div>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex className="gz-toolbar" gap={8} wrap align="center">
          <Input
            allowClear
            prefix={<Icon name="search" />}
            placeholder={t('portfolio.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
            style={{ width: 260 }}
            aria-label={t('portfolio.searchPlaceholder')}
          />
          <Select<StatusFilter>
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            style={{ width: 140 }}
            aria-label={t('portfolio.statusFilter')}
            options={(['open', 'running', 'paused', 'completed', 'cancelled', 'all'] as const).map((value) => ({
              value,
              label: value === 'open' || value === 'all' ? t(`portfolio.filter.${value}`) : t(`status.engagement.${value}`),
            }))}
          />
          <Select
            value={sort}
            onChange={setSort}
            style={{ width: 160 }}
            aria-label={t('portfolio.sortLabel')}
            options={(['nextDeadline', '-updatedAt', 'name', '-startDate'] as const).map((value) => ({ value, label: t(`portfolio.sort.${value}`) }))}
          />
          {engagements.isFetching && !engagements.isPending ? <Badge status="processing" text={t('common.refreshing')} /> : null}
        </Flex>
        {engagements.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert error={engagements.error} onRetry={() => void engagements.refetch()} />
          </div>
        ) : isPhone ? (
          <div className="gz-task-cards" style={{ padding: 8 }} data-testid="engagement-cards">
            {items.map((row) => (
              <div key={row.id} className={`gz-task-card ${row.overdueTaskCount > 0 ? 'is-overdue' : ''}`}>
                <Link to={`/engagements/${row.id}`} className="gz-task-card-link">
                  <span className="gz-task-card-title">{row.name}</span>
                  <span className="gz-small gz-muted">
                    {row.clientName} · {t(`clientKind.${row.clientKind}`)}
                  </span>
                  <span className="gz-task-card-meta">
                    <EngagementStatusTag status={row.status} />
                    {row.attention ? (
                      <Tag color="error" variant="filled" data-testid="needs-attention">
                        {t('attention.tag')}
                      </Tag>
                    ) : null}
                    {row.overdueTaskCount > 0 ? <span className="gz-overdue-count gz-num">{t('portfolio.overdueCount', { count: row.overdueTaskCount })}</span> : null}
                  </span>
                  <Progress percent={row.progress.percent} size="small" status={row.progress.percent === 100 ? 'success' : 'normal'} />
                  {row.nextDeadline ? (
                    <span className="gz-small">
                      <DueDate date={row.nextDeadline.date} today={today} /> <span className="gz-muted">{text(row.nextDeadline.title)}</span>
                    </span>
                  ) : null}
                </Link>
              </div>
            ))}
            {items.length === 0 && !engagements.isPending ? (
              <EmptyState
                title={deferredSearch || status !== 'open' ? t('portfolio.emptyFilteredTitle') : t('portfolio.emptyTitle')}
                description={canCreate ? t('portfolio.emptyHintCreate') : t('portfolio.emptyHint')}
              />
            ) : null}
            {(engagements.data?.total ?? 0) > PAGE_SIZE ? (
              <Pagination simple current={page} pageSize={PAGE_SIZE} total={engagements.data?.total} onChange={setPage} style={{ textAlign: 'center' }} />
            ) : null}
          </div>
        ) : (
          <Table<EngagementSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={engagements.isPending}
            onRow={(row) => ({ onClick: () => void navigate(`/engagements/${row.id}`), className: 'gz-clickable-row' })}
            rowClassName={(row) => (row.overdueTaskCount > 0 ? 'gz-row-risk' : '')}
            pagination={
              (engagements.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: engagements.data?.total, onChange: setPage, showSizeChanger: false }
                : false
            }
            // No horizontal scroll: on a tablet, names wrap and every column stays in view.
            tableLayout="auto"
            locale={{
              emptyText: engagements.isPending ? (
                ' '
              ) : (
                <EmptyState
                  title={deferredSearch || status !== 'open' ? t('portfolio.emptyFilteredTitle') : t('portfolio.emptyTitle')}
                  description={canCreate ? t('portfolio.emptyHintCreate') : t('portfolio.emptyHint')}
                  action={
                    canCreate && onCreate ? (
                      <Typography.Link onClick={onCreate}>
                        <Icon name="plus" /> {t('portfolio.create')}
                      </Typography.Link>
                    ) : undefined
                  }
                />
              ),
            }}
          />
        )}
      </Card>
    </Flex>
  );
}

function addDays(civil: string, days: number): string {
  return new Date(Date.parse(`${civil}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
