import { Card, Flex, Progress, Statistic, Table, type TableProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { DueDate, EngagementStatusTag } from '../../../components/status-tags';
import { daysBetween, todayCivil } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { type EngagementSummary, useEngagements } from '../api/get-engagements';
import { StageStepsMini } from './stage-steps';

export interface RiskRow {
  engagement: EngagementSummary;
  overdue: number;
  stalled: EngagementSummary['stages'];
  /** Stalled stages weigh more than single overdue tasks: a stalled stage holds up everything after it. */
  score: number;
}

/** Engagements with any overdue task or stalled stage, worst first. */
export function rankRisk(engagements: readonly EngagementSummary[]): RiskRow[] {
  return engagements
    .map((engagement) => {
      const stalled = engagement.stages.filter((stage) => stage.isStalled);
      return { engagement, overdue: engagement.overdueTaskCount, stalled, score: engagement.overdueTaskCount + stalled.length * 5 };
    })
    .filter((row) => row.score > 0)
    .sort((a, b) => b.score - a.score || a.engagement.name.localeCompare(b.engagement.name, 'zh-CN'));
}

interface StalledRow {
  key: string;
  engagement: EngagementSummary;
  stage: EngagementSummary['stages'][number];
}

export function RiskView() {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const engagements = useEngagements({ status: ['running', 'paused'], sort: 'nextDeadline', page: 1, pageSize: 100 });
  const today = todayCivil();

  if (engagements.isError) return <ErrorAlert error={engagements.error} onRetry={() => void engagements.refetch()} />;
  const items = engagements.data?.items ?? [];
  const ranked = rankRisk(items);
  const stalled: StalledRow[] = ranked.flatMap((row) => row.stalled.map((stage) => ({ key: `${row.engagement.id}-${stage.key}`, engagement: row.engagement, stage })));
  const overdueTotal = items.reduce((sum, row) => sum + row.overdueTaskCount, 0);

  const riskColumns: TableProps<RiskRow>['columns'] = [
    {
      key: 'name',
      title: t('portfolio.columns.engagement'),
      render: (_, row) => (
        <div>
          <Link to={`/engagements/${row.engagement.id}`} className="gz-strong-link">
            {row.engagement.name}
          </Link>
          <div className="gz-small gz-muted">{row.engagement.clientName}</div>
        </div>
      ),
    },
    { key: 'status', title: t('portfolio.columns.status'), width: 90, render: (_, row) => <EngagementStatusTag status={row.engagement.status} /> },
    { key: 'stages', title: t('portfolio.columns.stages'), responsive: ['md'], render: (_, row) => <StageStepsMini stages={row.engagement.stages} /> },
    {
      key: 'overdue',
      title: t('portfolio.columns.overdue'),
      width: 84,
      align: 'right',
      render: (_, row) => <span className={row.overdue > 0 ? 'gz-overdue-count gz-num' : 'gz-muted gz-num'}>{row.overdue}</span>,
    },
    {
      key: 'stalled',
      title: t('risk.stalledStages'),
      render: (_, row) =>
        row.stalled.length === 0 ? (
          <span className="gz-muted">—</span>
        ) : (
          row.stalled.map((stage) => (
            <Tag key={stage.key} color="error" variant="outlined">
              {text(stage.title)}
            </Tag>
          ))
        ),
    },
    {
      key: 'progress',
      title: t('portfolio.columns.progress'),
      width: 120,
      render: (_, row) => <Progress percent={row.engagement.progress.percent} size="small" />,
    },
    {
      key: 'next',
      title: t('portfolio.columns.nextDeadline'),
      width: 150,
      render: (_, row) => (row.engagement.nextDeadline ? <DueDate date={row.engagement.nextDeadline.date} today={today} /> : <span className="gz-muted">—</span>),
    },
  ];

  const stalledColumns: TableProps<StalledRow>['columns'] = [
    { key: 'engagement', title: t('portfolio.columns.engagement'), render: (_, row) => <Link to={`/engagements/${row.engagement.id}`}>{row.engagement.name}</Link> },
    { key: 'stage', title: t('risk.stage'), render: (_, row) => text(row.stage.title) },
    { key: 'plannedEnd', title: t('risk.plannedEnd'), width: 120, render: (_, row) => <span className="gz-num">{row.stage.plannedEnd}</span> },
    {
      key: 'late',
      title: t('risk.daysLate'),
      width: 100,
      align: 'right',
      render: (_, row) => <span className="gz-overdue-count gz-num">{t('risk.days', { count: Math.max(0, daysBetween(row.stage.plannedEnd, today)) })}</span>,
    },
    {
      key: 'progress',
      title: t('portfolio.columns.progress'),
      width: 160,
      render: (_, row) => <Progress percent={row.stage.progress.percent} size="small" status="exception" format={(percent) => `${percent ?? 0}%`} />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <div className="gz-kpis">
        <Card size="small">
          <Statistic title={t('risk.kpi.open')} value={engagements.data?.total ?? 0} loading={engagements.isPending} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('risk.kpi.atRisk')}
            value={ranked.length}
            loading={engagements.isPending}
            styles={{ content: { color: ranked.length > 0 ? 'var(--gz-danger)' : undefined } }}
          />
        </Card>
        <Card size="small">
          <Statistic title={t('portfolio.kpi.overdueTasks')} value={overdueTotal} loading={engagements.isPending} styles={{ content: { color: overdueTotal > 0 ? 'var(--gz-danger)' : undefined } }} />
        </Card>
        <Card size="small">
          <Statistic title={t('portfolio.kpi.stalledStages')} value={stalled.length} loading={engagements.isPending} styles={{ content: { color: stalled.length > 0 ? 'var(--gz-danger)' : undefined } }} />
        </Card>
      </div>
      <Card size="small" title={t('risk.rankedTitle')} styles={{ body: { padding: 0 } }}>
        <Table<RiskRow>
          rowKey={(row) => row.engagement.id}
          size="middle"
          columns={riskColumns}
          dataSource={ranked}
          loading={engagements.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: engagements.isPending ? ' ' : <EmptyState title={t('risk.emptyTitle')} description={t('risk.emptyHint')} /> }}
        />
      </Card>
      {stalled.length > 0 ? (
        <Card size="small" title={t('risk.stalledTitle')} styles={{ body: { padding: 0 } }}>
          <Table<StalledRow> rowKey="key" size="small" columns={stalledColumns} dataSource={stalled} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
      ) : null}
    </Flex>
  );
}
