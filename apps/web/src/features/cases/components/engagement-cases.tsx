import { type CaseStep, caseStepLabels, supervisionLabels } from '@gongzhi/domain';
import { Button, Card, Empty, Flex, Grid, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { useLocalized } from '../../../lib/i18n';
import { type CaseSummary, useCases, useDepartmentScorecards } from '../api/cases';
import { dueText, SUPERVISION_COLORS, TIER_COLORS } from '../utils/case-display';
import { useCasesTranslation } from '../utils/use-cases-translation';
import { CaseDrawer } from './case-drawer';
import { CaseFiguresCard } from './case-figures';
import { CasePeriods } from './case-periods';
import { ModelHouseholdsCard } from './model-households';
import { ReportCaseDrawer } from './report-case-drawer';

type Filter = 'all' | 'open' | 'supervised' | 'closed';

/**
 * The engagement's problem cases (问题案件): counts, a board filtered on the page, each case in a
 * drawer with its history and the actions open to the viewer, and the departments' scorecards.
 */
export function EngagementCases({
  engagementId,
  communities,
  canReport,
  canRecordHouseholds,
  isClient,
}: {
  engagementId: string;
  communities: { key: string; name: string }[];
  canReport: boolean;
  canRecordHouseholds: boolean;
  /** The client's contact: told what is theirs to do on a case (verify a proposed resolution). */
  isClient: boolean;
}) {
  const { t } = useCasesTranslation();
  const { text } = useLocalized();
  const isNarrow = !Grid.useBreakpoint().md;
  const cases = useCases(engagementId);
  const scorecards = useDepartmentScorecards(engagementId);
  const [filter, setFilter] = useState<Filter>('open');
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const [isReporting, setIsReporting] = useState(false);

  if (cases.isPending) return <BlockSkeleton rows={6} />;
  if (cases.isError) return <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />;
  const items = cases.data.items;
  const shown = items.filter((item) =>
    filter === 'all' ? true : filter === 'open' ? item.status === 'open' : filter === 'supervised' ? item.status === 'open' && item.supervision !== 'normal' : item.status !== 'open',
  );
  const count = (test: (item: CaseSummary) => boolean) => items.filter(test).length;

  const problemCell = (item: CaseSummary) => (
    <div style={{ minWidth: 0 }}>
      <Typography.Link onClick={() => setOpenCaseId(item.id)} data-testid="case-link">
        {item.title}
      </Typography.Link>
      <div className="gz-muted">
        {item.community.name} · {item.place}
        {item.violation ? ` · ${item.violation.title}` : ` · ${t('outsideCatalogue')}`}
        {item.violation?.unverified ? (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t('unverified')}
          </Tag>
        ) : null}
      </div>
    </div>
  );
  const stateTags = (item: CaseSummary) => (
    <Flex gap={4} wrap>
      <Tag color={TIER_COLORS[item.tier]}>{t(`tierShort.${item.tier}`)}</Tag>
      <Tag>{text(caseStepLabels[item.step as CaseStep])}</Tag>
      {item.status === 'open' && item.supervision !== 'normal' ? <Tag color={SUPERVISION_COLORS[item.supervision]}>{text(supervisionLabels[item.supervision])}</Tag> : null}
      {item.status !== 'open' ? <Tag color={item.status === 'resolved' ? 'success' : 'default'}>{t(item.status === 'resolved' ? 'counts.resolved' : 'filters.closed')}</Tag> : null}
    </Flex>
  );

  return (
    <div className="gz-stack" data-testid="engagement-cases">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 760 }}>
            {t('intro')}
          </Typography.Paragraph>
          {canReport ? (
            <Button type="primary" onClick={() => setIsReporting(true)} data-testid="report-case">
              {t('report')}
            </Button>
          ) : null}
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Tag>{`${t('counts.open')} ${count((item) => item.status === 'open')}`}</Tag>
          <Tag color="gold">{`${t('counts.yellow')} ${count((item) => item.status === 'open' && item.supervision === 'yellow')}`}</Tag>
          <Tag color="red">{`${t('counts.red')} ${count((item) => item.status === 'open' && item.supervision === 'red')}`}</Tag>
          <Tag color="success">{`${t('counts.resolved')} ${count((item) => item.status === 'resolved')}`}</Tag>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: isNarrow ? 8 : 0 } }}>
        <div style={{ padding: isNarrow ? 0 : 12 }}>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(['open', 'supervised', 'closed', 'all'] as const).map((value) => ({ value, label: t(`filters.${value}`) }))}
          />
        </div>
        {shown.length === 0 ? (
          <Empty description={<>{t('empty')}<div className="gz-muted">{t('emptyHint')}</div></>} style={{ padding: 24 }} />
        ) : isNarrow ? (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {shown.map((item) => (
              <Card key={item.id} size="small" onClick={() => setOpenCaseId(item.id)} data-testid="case-card" hoverable>
                {problemCell(item)}
                <div style={{ marginTop: 8 }}>{stateTags(item)}</div>
                <div className="gz-muted gz-num" style={{ marginTop: 4 }}>
                  {item.dueOn} · {dueText(t, item)}
                  {item.department ? ` · ${item.department}` : ''}
                </div>
              </Card>
            ))}
          </Flex>
        ) : (
          <Table<CaseSummary>
            rowKey="id"
            size="small"
            pagination={shown.length > 20 ? { pageSize: 20 } : false}
            dataSource={shown}
            columns={[
              { key: 'problem', title: t('columns.problem'), render: (_, item) => problemCell(item) },
              { key: 'state', title: t('columns.step'), width: 260, render: (_, item) => stateTags(item) },
              {
                key: 'due',
                title: t('columns.due'),
                width: 170,
                render: (_, item) => (
                  <div className="gz-num">
                    {item.status === 'open' ? item.dueOn : ''}
                    <div className={item.status === 'open' && (item.businessDaysLeft ?? 0) < 0 ? 'gz-danger' : 'gz-muted'}>{dueText(t, item)}</div>
                  </div>
                ),
              },
              { key: 'department', title: t('columns.department'), width: 200, render: (_, item) => item.department ?? '—' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('scorecards.title')}>
        {scorecards.data && scorecards.data.items.length > 0 ? (
          <Table
            rowKey="department"
            size="small"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={scorecards.data.items}
            columns={[
              { key: 'department', title: t('scorecards.department'), dataIndex: 'department' },
              { key: 'referred', title: t('scorecards.referred'), dataIndex: 'referred', align: 'right' },
              { key: 'accepted', title: t('scorecards.accepted'), align: 'right', render: (_, row) => t('scorecards.withOnTime', { count: row.accepted, onTime: row.acceptedOnTime }) },
              { key: 'sentBack', title: t('scorecards.sentBack'), dataIndex: 'sentBack', align: 'right' },
              { key: 'replied', title: t('scorecards.replied'), align: 'right', render: (_, row) => t('scorecards.withOnTime', { count: row.replied, onTime: row.repliedOnTime }) },
              { key: 'overdueNow', title: t('scorecards.overdueNow'), dataIndex: 'overdueNow', align: 'right' },
              { key: 'cards', title: t('scorecards.cards'), align: 'right', render: (_, row) => `${row.yellowCards} / ${row.redCards}` },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('scorecards.empty')}</Typography.Text>
        )}
      </Card>
      <CaseFiguresCard engagementId={engagementId} />
      <ModelHouseholdsCard engagementId={engagementId} communities={communities} canRecord={canRecordHouseholds} onOpenCase={setOpenCaseId} />
      <CasePeriods engagementId={engagementId} />
      <CaseDrawer engagementId={engagementId} caseId={openCaseId} isClient={isClient} onClose={() => setOpenCaseId(null)} />
      {isReporting ? <ReportCaseDrawer engagementId={engagementId} communities={communities} onClose={() => setIsReporting(false)} onReported={(id) => setOpenCaseId(id)} /> : null}
    </div>
  );
}
