import { TIERS } from '@gongzhi/domain';
import { Card, Flex, Grid, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { type CaseFigures, useCaseFigures } from '../api/cases';
import { TIER_COLORS } from '../utils/case-display';
import { useCasesTranslation } from '../utils/use-cases-translation';

type Group = CaseFigures['overall'];
type Row = Group & { key: string; name: string; unverified: boolean };
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** How far cases had to go and how fast they were resolved: per tier, and per community or violation type. */
export function CaseFiguresCard({ engagementId }: { engagementId: string }) {
  const { t } = useCasesTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const figures = useCaseFigures(engagementId);
  const [by, setBy] = useState<'community' | 'violation'>('community');
  if (figures.isPending) return <BlockSkeleton rows={4} />;
  if (figures.isError) return <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />;
  const { overall } = figures.data;
  const days = (group: Group) => (group.days.median === null ? '—' : t('figures.daysValue', { median: group.days.median, p90: group.days.p90 ?? '—' }));
  const rows: Row[] =
    by === 'community'
      ? figures.data.byCommunity.map((group) => ({ ...group, key: group.community, name: group.community, unverified: false }))
      : figures.data.byViolation.map((group) => ({ ...group, key: group.violation?.key ?? '__none__', name: group.violation?.title ?? t('outsideCatalogue'), unverified: group.violation?.unverified ?? false }));

  return (
    <Card size="small" title={t('figures.title')} data-testid="case-figures">
      <Flex gap={12} wrap>
        {TIERS.map((tier) => (
          <Card key={tier} size="small" style={{ flex: '1 1 180px' }}>
            <Tag color={TIER_COLORS[tier]}>{t(`tierShort.${tier}`)}</Tag>
            <div style={{ fontSize: 22, marginTop: 4 }} className="gz-num">
              {percent(overall.tiers[tier].rate)}
            </div>
            <div className="gz-muted">{t('figures.tierLine', { resolved: overall.tiers[tier].resolved, reached: overall.tiers[tier].reached })}</div>
          </Card>
        ))}
        <Card size="small" style={{ flex: '1 1 180px' }}>
          <Typography.Text type="secondary">{t('figures.days')}</Typography.Text>
          <div style={{ fontSize: 18, marginTop: 4 }} className="gz-num">
            {days(overall)}
          </div>
          <div className="gz-muted">{t('figures.totals', { reported: overall.reported, resolved: overall.resolved, open: overall.open })}</div>
        </Card>
      </Flex>
      <div style={{ margin: '12px 0 8px' }}>
        <Segmented
          value={by}
          onChange={(value) => setBy(value as 'community' | 'violation')}
          options={[
            { value: 'community', label: t('figures.byCommunity') },
            { value: 'violation', label: t('figures.byViolation') },
          ]}
        />
      </div>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={rows.length > 15 ? { pageSize: 15 } : false}
        scroll={{ x: isNarrow ? 640 : undefined }}
        dataSource={rows}
        columns={[
          {
            key: 'name',
            title: by === 'community' ? t('fields.community') : t('fields.violation'),
            render: (_, row) => (
              <>
                {row.name} {row.unverified ? <Tag color="orange">{t('unverified')}</Tag> : null}
              </>
            ),
          },
          { key: 'reported', title: t('figures.reported'), dataIndex: 'reported', align: 'right', width: 70 },
          { key: 'open', title: t('counts.open'), dataIndex: 'open', align: 'right', width: 70 },
          ...TIERS.map((tier) => ({
            key: tier,
            title: t(`tierShort.${tier}`),
            align: 'right' as const,
            width: 110,
            render: (_: unknown, row: Row) => t('figures.tierCell', { resolved: row.tiers[tier].resolved, reached: row.tiers[tier].reached }),
          })),
          { key: 'days', title: t('figures.days'), align: 'right', width: 170, render: (_, row) => days(row) },
        ]}
      />
      <div className="gz-muted" style={{ marginTop: 8 }}>
        {t('figures.note')}
      </div>
    </Card>
  );
}
