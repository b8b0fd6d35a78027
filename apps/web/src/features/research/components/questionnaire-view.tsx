import type { Question } from '@gongzhi/domain';
import { Alert, App, Badge, Button, type ButtonProps, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { Icon } from '../../../components/icons';
import { PageSkeleton } from '../../../components/loading';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { formatInstant } from '../../../lib/dates';
import { describeError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import { type Questionnaire, useQuestionnaire } from '../api/get-questionnaires';
import { useCloseQuestionnaire } from '../api/write-questionnaire';
import { useResearchTranslation } from '../utils/use-research-translation';
import { useExportResults } from '../api/export-results';
import { IssueLinksDialog } from './issue-links-dialog';
import { type ResearchEngagement, questionnaireUrl, researchTabUrl } from './questionnaire-edit-page';
import { QuestionnaireResults } from './questionnaire-results';
import { QuestionSummary } from './question-summary';
import { AudienceTag, QuestionnaireStatusTag, VersionLabel } from './research-bits';

type View = 'results' | 'questions';

/** The questionnaire as its respondents read it: the intro, then every question with what it offers. */
function QuestionnaireContent({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useResearchTranslation();
  return (
    <Card size="small" data-testid="questionnaire-content">
      <div className="gz-kb-sublabel">{t('view.intro')}</div>
      <p className="gz-kb-prose">{questionnaire.intro}</p>
      <div className="gz-kb-sublabel">{t('view.questions', { count: questionnaire.questions.length })}</div>
      <ol className="gz-edit-questions">
        {questionnaire.questions.map((question, index) => (
          <li key={question.key} className="gz-edit-question">
            <div className="gz-edit-question-main">
              <div className="gz-edit-question-text">
                <span className="gz-question-no gz-num">{index + 1}.</span>
                <span>{question.text}</span>
              </div>
              <QuestionSummary question={question as Question} />
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

function Kpis({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useResearchTranslation();
  const communities = questionnaire.results.byCommunity.filter((row) => row.community !== null).length;
  const tiles = [
    { key: 'responses', title: t('view.kpi.responses'), value: String(questionnaire.results.responses) },
    {
      key: 'links',
      title: t('view.kpi.links'),
      value: t('list.links', { used: questionnaire.linksUsed, issued: questionnaire.linksIssued }),
    },
    { key: 'questions', title: t('view.kpi.questions'), value: String(questionnaire.questions.length) },
    { key: 'communities', title: t('view.kpi.communities'), value: String(communities) },
  ];
  return (
    <div className="gz-kpis">
      {tiles.map((tile) => (
        <div key={tile.key} className="gz-kb-tile gz-research-kpi" data-testid={`kpi-${tile.key}`}>
          <span className="gz-kpi-title">{tile.title}</span>
          <span className="gz-kb-tile-count gz-num">{tile.value}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * A questionnaire's page: what it is (audience, status, version), what the caller may do with it
 * (`can`: 生成填写链接, 录入答卷, 修订, 结束收集), and its results — or its content, as respondents read it.
 */
export function QuestionnaireView({
  engagement,
  questionnaireId,
  crumbs,
}: {
  engagement: ResearchEngagement;
  questionnaireId: string;
  crumbs: Crumb[];
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'questions' ? 'questions' : 'results';
  const query = useQuestionnaire(engagement.id, questionnaireId);
  const close = useCloseQuestionnaire(engagement.id, questionnaireId);
  const exportResults = useExportResults(engagement.id, questionnaireId, `${query.data?.title ?? questionnaireId}.xlsx`);
  const [isLinksOpen, setLinksOpen] = useState(false);

  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError)
    return (
      <ErrorPage
        error={query.error}
        onRetry={() => void query.refetch()}
        backTo={researchTabUrl(engagement.id)}
        backLabel={t('backToList')}
      />
    );
  const questionnaire = query.data;
  const { can } = questionnaire;
  const url = questionnaireUrl(engagement.id, questionnaire.id);

  const confirmClose = () =>
    modal.confirm({
      title: t('view.closeTitle', { title: questionnaire.title }),
      content: t('view.closeExplain'),
      okText: t('view.close'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-close' } as ButtonProps,
      cancelText: tc('common.cancel'),
      onOk: () =>
        close.mutateAsync().then(
          () => void message.success(t('view.closed')),
          (error: unknown) => void message.error(describeError(error, tc).title),
        ),
    });

  const actions = (
    <>
      {can.issueLinks ? (
        <Button
          type="primary"
          icon={<Icon name="globe" />}
          onClick={() => setLinksOpen(true)}
          data-testid="issue-links"
        >
          {t('view.issueLinks')}
        </Button>
      ) : null}
      {can.enterResponse ? (
        <Button icon={<Icon name="edit" />} onClick={() => void navigate(`${url}/enter`)} data-testid="enter-response">
          {t('view.enterResponse')}
        </Button>
      ) : null}
      <Button
        icon={<Icon name="download" />}
        loading={exportResults.isPending}
        onClick={() => exportResults.mutate(undefined, { onError: (error: unknown) => void message.error(describeError(error, tc).title) })}
        data-testid="export-results"
      >
        {t('view.exportResults')}
      </Button>
      {can.revise ? (
        <Button
          icon={<Icon name="file" />}
          onClick={() => void navigate(`${url}/edit`)}
          data-testid="revise-questionnaire"
        >
          {t('revise')}
        </Button>
      ) : null}
      {can.close ? (
        <Button
          danger
          icon={<Icon name="close" />}
          loading={close.isPending}
          onClick={confirmClose}
          data-testid="close-questionnaire"
        >
          {t('view.close')}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: questionnaire.title }]}
        title={questionnaire.title}
        tags={
          <>
            <AudienceTag audience={questionnaire.audience} />
            <QuestionnaireStatusTag status={questionnaire.status} />
            <VersionLabel version={questionnaire.version} />
          </>
        }
        subtitle={
          <span className="gz-num">
            {questionnaire.createdBy ? t('view.createdBy', { name: questionnaire.createdBy.displayName }) : null}
            {t('view.updatedAt', { at: formatInstant(questionnaire.updatedAt, locale) })}
            {query.isFetching ? (
              <>
                {' '}
                <Badge status="processing" text={tc('common.refreshing')} />
              </>
            ) : null}
          </span>
        }
        extra={can.issueLinks || can.enterResponse || can.revise || can.close ? actions : undefined}
      />
      <div className="gz-stack">
        {questionnaire.status === 'closed' ? (
          <Alert
            type="info"
            showIcon
            data-testid="closed-banner"
            title={
              questionnaire.closedAt
                ? t('view.closedBanner', { at: formatInstant(questionnaire.closedAt, locale) })
                : t('view.closedBannerNoDate')
            }
            description={t('view.closedHint')}
          />
        ) : null}
        <Kpis questionnaire={questionnaire} />
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(key === 'results' ? {} : { view: key }, { replace: true })}
          items={[
            {
              key: 'results',
              label: t('view.tabs.results'),
              children: <QuestionnaireResults questionnaire={questionnaire} />,
            },
            {
              key: 'questions',
              label: t('view.tabs.questions'),
              children: <QuestionnaireContent questionnaire={questionnaire} />,
            },
          ]}
        />
      </div>
      {can.issueLinks ? (
        <IssueLinksDialog
          open={isLinksOpen}
          engagementId={engagement.id}
          questionnaire={questionnaire}
          communities={engagement.communities}
          onClose={() => setLinksOpen(false)}
        />
      ) : null}
    </>
  );
}
