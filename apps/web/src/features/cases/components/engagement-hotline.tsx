import { Alert, Button, Card, Empty, Flex, Grid, Select, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { type HotlineFigures, type HotlineImport, useDownloadHotlineReport, useHotlineFigures, useHotlineImports, useHotlineSettings } from '../api/hotline';
import { useCasesTranslation } from '../utils/use-cases-translation';
import { HotlineImportDrawer } from './hotline-import-drawer';
import { HotlineSettingsDrawer } from './hotline-settings-drawer';

const HotlineChart = lazy(() => import('./hotline-chart'));

type Series = HotlineFigures['series'][number];
const rate = (value: number | null) => (value === null ? '—' : value.toFixed(2));
const change = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${(value * 100).toFixed(1)}%`);
const share = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const STATUS_COLORS: Record<HotlineImport['status'], string> = { staged: 'gold', imported: 'success', superseded: 'default' };

/**
 * The street's 12345 figures: the before/after comparison per 1,000 households (covered against the
 * street's other communities, campaign months marked, cases resolved beside it), the 三率, the
 * imports month by month and the settings the comparison rests on.
 */
export function EngagementHotline({ engagementId, canImport, canConfigure }: { engagementId: string; canImport: boolean; canConfigure: boolean }) {
  const { t } = useCasesTranslation();
  const { locale } = useLocalized();
  const isNarrow = !Grid.useBreakpoint().md;
  const figures = useHotlineFigures(engagementId);
  const imports = useHotlineImports(engagementId);
  const settings = useHotlineSettings(engagementId);
  const download = useDownloadHotlineReport(engagementId);
  const [seriesKey, setSeriesKey] = useState('all-mapped');
  const [importing, setImporting] = useState<{ staged: HotlineImport | null } | null>(null);
  const [isConfiguring, setIsConfiguring] = useState(false);

  if (figures.isPending) return <BlockSkeleton rows={8} />;
  if (figures.isError) return <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />;
  const data = figures.data;
  const seriesTitle = (series: Series) => (series.key === 'all-mapped' ? t('hotline.allMapped') : (series.title ?? series.key));
  const selected = data.series.find((series) => series.key === seriesKey) ?? data.series[0];
  const missing = [...data.households.coveredWithout, ...data.households.uncoveredWithout];
  const ratesByMonth = [...new Set(data.rates.map((row) => row.month))].reverse().map((month) => ({
    month,
    covered: data.rates.find((row) => row.month === month && row.group === 'covered'),
    uncovered: data.rates.find((row) => row.month === month && row.group === 'uncovered'),
  }));
  const unverifiedTag = (series: Series) => (series.unverified ? <Tag color="orange">{t('unverified')}</Tag> : null);

  const groupStats = (label: string, group: Series['covered']) => (
    <Card size="small" style={{ flex: '1 1 260px' }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Statistic title={t('hotline.baseline')} value={rate(group.baseline)} />
        <Statistic title={t('hotline.engagement')} value={rate(group.engagement)} />
        <Statistic title={t('hotline.change')} value={change(group.change)} styles={{ content: { color: group.change === null ? undefined : group.change < 0 ? '#389e0d' : '#cf1322' } }} />
      </Flex>
      <div className="gz-muted">{t('hotline.withoutCampaigns', { value: rate(group.engagementWithoutCampaigns) })}</div>
    </Card>
  );

  return (
    <div className="gz-stack" data-testid="engagement-hotline">
      <Card size="small">
        <Flex justify="space-between" align="start" gap={12} wrap>
          <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 760 }}>
            {t('hotline.intro')}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            {canImport ? (
              <Button type="primary" onClick={() => setImporting({ staged: null })} data-testid="hotline-upload">
                {t('hotline.upload')}
              </Button>
            ) : null}
            {canConfigure && settings.data ? <Button onClick={() => setIsConfiguring(true)}>{t('hotline.settings')}</Button> : null}
            {data.ticketCount > 0 ? (
              <Button loading={download.isPending} onClick={() => download.mutate()} data-testid="hotline-export">
                {t('hotline.export')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {data.synthetic ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('hotline.synthetic')} data-testid="hotline-synthetic" /> : null}
        {download.error ? <ErrorAlert error={download.error} compact /> : null}
      </Card>

      {data.ticketCount === 0 ? (
        <Card size="small">
          <Empty description={<>{t('hotline.noData')}<div className="gz-muted">{t('hotline.noDataHint')}</div></>} />
        </Card>
      ) : (
        <>
          <Card
            size="small"
            title={
              <Flex gap={8} align="center" wrap style={{ padding: '6px 0' }}>
                <span>{t('hotline.series')}</span>
                <Select
                  value={selected?.key}
                  onChange={setSeriesKey}
                  style={{ minWidth: isNarrow ? 200 : 280 }}
                  options={data.series.map((series) => ({ value: series.key, label: series.unverified ? t('violationUnverified', { title: seriesTitle(series) }) : seriesTitle(series) }))}
                  data-testid="hotline-series"
                />
              </Flex>
            }
          >
            {selected ? (
              <>
                <div className="gz-muted" style={{ marginBottom: 8 }}>
                  {selected.key === 'all-mapped' ? t('hotline.categoryCount', { count: selected.categories.length }) : t('hotline.categories', { names: selected.categories.join(t('hotline.listSeparator')) })} · {t('hotline.baselineMonths', { imported: data.baselineMonths.imported, of: data.baselineMonths.of })} ·{' '}
                  {t('hotline.households', { covered: data.households.covered, uncovered: data.households.uncovered })}
                </div>
                <Flex gap={12} wrap>
                  {groupStats(t('hotline.covered'), selected.covered)}
                  {groupStats(t('hotline.uncovered'), selected.uncovered)}
                </Flex>
                <Suspense fallback={<BlockSkeleton rows={6} />}>
                  <HotlineChart figures={data} seriesKey={selected.key} isNarrow={isNarrow} />
                </Suspense>
                <div className="gz-muted">{t('hotline.excluded', { unattributed: data.unattributed, unmapped: data.unmapped, total: data.ticketCount })}</div>
                {missing.length > 0 ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('hotline.missingHouseholds', { names: missing.join(t('hotline.listSeparator')) })} /> : null}
              </>
            ) : null}
          </Card>

          <Card size="small" title={`${t('hotline.perThousand')} · ${t('hotline.baseline')} / ${t('hotline.engagement')}`} styles={{ body: { padding: isNarrow ? 8 : 0 } }}>
            <Table<Series>
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 720 }}
              dataSource={data.series}
              onRow={(series) => ({ onClick: () => setSeriesKey(series.key), style: { cursor: 'pointer' } })}
              columns={[
                { key: 'violation', title: t('hotline.series'), render: (_, series) => <>{seriesTitle(series)} {unverifiedTag(series)}</> },
                { key: 'cb', title: `${t('hotline.covered')} · ${t('hotline.periods.baseline')}`, align: 'right', render: (_, series) => rate(series.covered.baseline) },
                { key: 'ce', title: `${t('hotline.covered')} · ${t('hotline.engagement')}`, align: 'right', render: (_, series) => rate(series.covered.engagement) },
                { key: 'cc', title: t('hotline.change'), align: 'right', render: (_, series) => change(series.covered.change) },
                { key: 'ub', title: `${t('hotline.uncovered')} · ${t('hotline.periods.baseline')}`, align: 'right', render: (_, series) => rate(series.uncovered.baseline) },
                { key: 'ue', title: `${t('hotline.uncovered')} · ${t('hotline.engagement')}`, align: 'right', render: (_, series) => rate(series.uncovered.engagement) },
                { key: 'uc', title: t('hotline.change'), align: 'right', render: (_, series) => change(series.uncovered.change) },
              ]}
            />
          </Card>

          <Card size="small" title={t('hotline.rates')} styles={{ body: { padding: isNarrow ? 8 : 0 } }}>
            <Table
              rowKey="month"
              size="small"
              pagination={ratesByMonth.length > 12 ? { pageSize: 12 } : false}
              scroll={{ x: 720 }}
              dataSource={ratesByMonth}
              columns={[
                { key: 'month', title: t('hotline.month'), dataIndex: 'month', width: 90 },
                ...(['covered', 'uncovered'] as const).map((group) => ({
                  key: group,
                  title: t(`hotline.${group}`),
                  children: (['response', 'resolution', 'satisfaction'] as const).map((measure) => ({
                    key: `${group}-${measure}`,
                    title: t(`hotline.${measure}`),
                    align: 'right' as const,
                    render: (_: unknown, row: (typeof ratesByMonth)[number]) => share(row[group]?.[measure] ?? null),
                  })),
                })),
              ]}
            />
            <div className="gz-muted" style={{ padding: 8 }}>
              {t('hotline.ratesNote')}
            </div>
          </Card>
        </>
      )}

      <Card size="small" title={t('hotline.imports')} styles={{ body: { padding: isNarrow ? 8 : 0 } }}>
        {imports.isError ? (
          <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />
        ) : (
          <Table<HotlineImport>
            rowKey="id"
            size="small"
            loading={imports.isPending}
            pagination={(imports.data?.items.length ?? 0) > 12 ? { pageSize: 12 } : false}
            scroll={{ x: 640 }}
            dataSource={imports.data?.items ?? []}
            data-testid="hotline-imports"
            columns={[
              { key: 'month', title: t('hotline.columns.month'), dataIndex: 'month', width: 90 },
              { key: 'file', title: t('hotline.columns.file'), dataIndex: 'fileName', ellipsis: true },
              {
                key: 'status',
                title: t('hotline.columns.status'),
                width: 200,
                render: (_, row) => (
                  <Flex gap={4} align="center" wrap>
                    <Tag color={STATUS_COLORS[row.status]}>{t(`hotline.status.${row.status}`)}</Tag>
                    {row.status === 'staged' && canImport ? (
                      <Button size="small" type="link" onClick={() => setImporting({ staged: row })}>
                        {t('hotline.continue')}
                      </Button>
                    ) : null}
                  </Flex>
                ),
              },
              { key: 'tickets', title: t('hotline.columns.tickets'), align: 'right', width: 80, render: (_, row) => row.ticketCount ?? '—' },
              { key: 'by', title: t('hotline.columns.by'), width: 100, render: (_, row) => (row.importedBy ?? row.stagedBy).displayName },
              { key: 'at', title: t('hotline.columns.at'), width: 150, render: (_, row) => <span className="gz-num">{formatInstant(row.importedAt ?? row.stagedAt, locale)}</span> },
            ]}
          />
        )}
      </Card>
      {importing ? <HotlineImportDrawer engagementId={engagementId} staged={importing.staged} onClose={() => setImporting(null)} /> : null}
      {isConfiguring && settings.data ? <HotlineSettingsDrawer engagementId={engagementId} settings={settings.data} onClose={() => setIsConfiguring(false)} /> : null}
    </div>
  );
}
