import { Badge, Button, Card, Flex, Grid, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { type QuestionnaireSummary, useQuestionnaires } from '../api/get-questionnaires';
import { useResearchTranslation } from '../utils/use-research-translation';
import { CommunityProblems } from './community-problems';
import { CommunityProfiles } from './community-profiles';
import { QuestionnaireStatusTag, VersionLabel } from './research-bits';
import { type Place, ResearchSessions } from './research-sessions';

export const newQuestionnaireUrl = (engagementId: string) => `/engagements/${engagementId}/questionnaires/new`;

/**
 * The engagement's field research (实地调研): a questionnaire per audience, how many answered and
 * how many of its links were used. The team opens one for its results; the PM and lawyers create
 * them; the client reads. For the firm's team (`fieldNotes`), the symposium and interview records,
 * the community problem list they make and each community's profile (社区概况) follow.
 */
export function EngagementResearch({ engagementId, fieldNotes }: { engagementId: string; fieldNotes?: { communities: Place[] } }) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const query = useQuestionnaires(engagementId);

  if (query.isPending) return <BlockSkeleton rows={6} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, can } = query.data;
  const url = (row: QuestionnaireSummary) => `/engagements/${engagementId}/questionnaires/${row.id}`;

  const createButton = can.create ? (
    <Button
      type="primary"
      icon={<Icon name="plus" />}
      onClick={() => void navigate(newQuestionnaireUrl(engagementId))}
      data-testid="new-questionnaire"
    >
      {t('create')}
    </Button>
  ) : null;

  const columns: TableProps<QuestionnaireSummary>['columns'] = [
    {
      key: 'questionnaire',
      title: t('list.columns.questionnaire'),
      render: (_, row) => (
        <div className="gz-kb-title-cell">
          <Link to={url(row)} className="gz-strong-link" data-testid="open-questionnaire">
            {row.title}
          </Link>
          <div className="gz-muted gz-small gz-kb-title-meta">
            {t(`audience.${row.audience}`)} · {t('list.questionCount', { count: row.questionCount })}
            {isNarrow ? (
              <>
                {' · '}
                <VersionLabel version={row.version} />
              </>
            ) : null}
          </div>
          {isNarrow ? (
            <div className="gz-research-row-facts">
              <QuestionnaireStatusTag status={row.status} />
              <span className="gz-num">{t('list.responses', { count: row.responses })}</span>
              <span className="gz-num gz-muted">
                {t('list.linksShort', { used: row.linksUsed, issued: row.linksIssued })}
              </span>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'version',
      title: t('list.columns.version'),
      width: 90,
      responsive: ['md'],
      render: (_, row) => <VersionLabel version={row.version} />,
    },
    {
      key: 'status',
      title: t('list.columns.status'),
      width: 96,
      responsive: ['md'],
      render: (_, row) => <QuestionnaireStatusTag status={row.status} />,
    },
    {
      key: 'responses',
      title: t('list.columns.responses'),
      width: 90,
      align: 'right',
      responsive: ['md'],
      render: (_, row) => (
        <span className="gz-num" data-testid="questionnaire-responses">
          {row.responses}
        </span>
      ),
    },
    {
      key: 'links',
      title: t('list.columns.links'),
      width: 120,
      align: 'right',
      responsive: ['md'],
      render: (_, row) => (
        <span className="gz-num" data-testid="questionnaire-links">
          {t('list.links', { used: row.linksUsed, issued: row.linksIssued })}
        </span>
      ),
    },
    {
      key: 'updated',
      title: t('list.columns.updatedAt'),
      width: 150,
      responsive: ['lg'],
      render: (_, row) => <span className="gz-num gz-muted">{formatInstant(row.updatedAt, locale)}</span>,
    },
  ];

  return (
    <div className="gz-stack" data-testid="engagement-research">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <p className="gz-kb-hint" style={{ margin: 0, flex: '1 1 320px' }}>
          {t('tabIntro')}
        </p>
        {items.length > 0 ? createButton : null}
      </Flex>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {query.isFetching ? (
          <div className="gz-toolbar">
            <Badge status="processing" text={tc('common.refreshing')} />
          </div>
        ) : null}
        <Table<QuestionnaireSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          tableLayout="auto"
          onRow={(row) => ({ 'data-questionnaire': row.id, 'data-status': row.status }) as object}
          pagination={
            items.length > 20 ? { pageSize: 20, showSizeChanger: false, size: isNarrow ? 'small' : undefined } : false
          }
          locale={{
            emptyText: (
              <EmptyState
                title={t('list.emptyTitle')}
                description={can.create ? t('list.emptyHint') : t('list.emptyHintReadOnly')}
                action={createButton}
              />
            ),
          }}
        />
      </Card>
      {fieldNotes ? (
        <>
          <ResearchSessions engagementId={engagementId} communities={fieldNotes.communities} />
          <CommunityProblems engagementId={engagementId} />
          <CommunityProfiles engagementId={engagementId} />
        </>
      ) : null}
    </div>
  );
}
