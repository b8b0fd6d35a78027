import { App, Card, Grid, Select, Table, Tag } from 'antd';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { describeError } from '../../../lib/errors';
import { useTranslation } from 'react-i18next';
import { type CommunityProblemList, useCommunityProblems, useTagProblem } from '../api/research-sessions';
import { useResearchTranslation } from '../utils/use-research-translation';
import { useViolationOptions } from './research-sessions';

const OUTSIDE = '__outside__';

/**
 * 社区问题清单: the problems research raised, tallied by catalogue violation (the most widespread
 * first), and those still to tag, each tagged in place.
 */
export function CommunityProblems({ engagementId }: { engagementId: string }) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const query = useCommunityProblems(engagementId);
  const tag = useTagProblem(engagementId);
  const violations = useViolationOptions(engagementId, t);
  const isNarrow = !Grid.useBreakpoint().md;

  if (query.isPending) return <BlockSkeleton rows={4} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, byViolation, untagged, outsideCatalogue, can } = query.data;
  const toTag = items.filter((item) => !item.violation && !item.outsideCatalogue);
  const choose = (problemId: string, value: string) =>
    tag.mutate(
      { problemId, violation: value === OUTSIDE ? null : value, outsideCatalogue: value === OUTSIDE },
      { onError: (error) => void message.error(describeError(error, tc).title) },
    );

  return (
    <Card size="small" title={t('problems.title')} data-testid="community-problems">
      <p className="gz-kb-hint" style={{ marginTop: 0 }}>
        {t('problems.intro')}
      </p>
      {items.length === 0 ? (
        <p className="gz-muted">{t('problems.empty')}</p>
      ) : (
        <>
          <p className="gz-num" data-testid="problems-summary">
            {t('problems.summary', { total: items.length, tagged: items.length - untagged - outsideCatalogue, untagged, outside: outsideCatalogue })}
          </p>
          <Table<CommunityProblemList['byViolation'][number]>
            rowKey={(row) => row.violation.key}
            size="small"
            pagination={false}
            dataSource={byViolation}
            data-testid="problems-by-violation"
            columns={[
              {
                key: 'violation',
                title: t('problems.columns.violation'),
                render: (_, row) => (
                  <span>
                    {row.violation.title} {row.violation.unverified ? <Tag color="orange">{t('problems.unverified')}</Tag> : null}
                    {isNarrow ? <div className="gz-muted gz-small">{row.communities.map((community) => community.name).join(tc('common.listSeparator'))}</div> : null}
                  </span>
                ),
              },
              { key: 'communities', title: t('problems.columns.communities'), responsive: ['md'], render: (_, row) => row.communities.map((community) => community.name).join(tc('common.listSeparator')) },
              { key: 'count', title: t('problems.columns.count'), width: 80, align: 'right', render: (_, row) => <span className="gz-num">{row.problems}</span> },
            ]}
          />
          {toTag.length > 0 ? (
            <div className="gz-stack" style={{ marginTop: 16, gap: 8 }} data-testid="problems-to-tag">
              <div className="gz-field-label">{t('problems.untaggedTitle')}</div>
              {toTag.map((problem) => (
                <div key={problem.id} className="gz-problem-row" data-testid="problem-to-tag">
                  <span style={{ flex: '1 1 240px' }}>
                    {problem.description}
                    <span className="gz-muted gz-small"> · {problem.community?.name ?? t('sessions.streetwide')} · {problem.session.heldOn}</span>
                  </span>
                  {can.tag ? (
                    <Select
                      style={{ flex: '1 1 220px' }}
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('problems.tagPlaceholder')}
                      options={[...violations, { value: OUTSIDE, label: t('problems.outside') }]}
                      // An action, not a stored choice: the list refreshes with the problem tagged (or not, after an error).
                      value={null}
                      onChange={(value: string) => choose(problem.id, value)}
                      disabled={tag.isPending}
                      data-testid="tag-problem"
                    />
                  ) : null}
                </div>
              ))}
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
