import type { Question } from '@gongzhi/domain';
import { Alert, App, Button, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { PageSkeleton } from '../../../components/loading';
import { StaleSaveAlert } from '../../../components/stale-save-alert';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { type Questionnaire, useQuestionnaire } from '../api/get-questionnaires';
import { useCreateQuestionnaire, useReviseQuestionnaire } from '../api/write-questionnaire';
import { type ResearchT, useResearchTranslation } from '../utils/use-research-translation';
import { type QuestionnaireDraftValue, QuestionnaireEditor } from './questionnaire-editor';
import { AudienceTag, QuestionnaireStatusTag, VersionLabel } from './research-bits';
import { newIdempotencyKey } from '../../../lib/idempotency';

/** A community as the research operations name it: by its key within the engagement. */
export interface ResearchCommunity {
  key: string;
  name: string;
}

/** The engagement as the research pages need it (the route reads it). */
export interface ResearchEngagement {
  id: string;
  name: string;
  clientName: string;
  communities: readonly ResearchCommunity[];
}

/** The engagement detail, as the research pages take it. */
export const researchEngagementOf = ({
  id,
  name,
  clientName,
  communities,
}: ResearchEngagement): ResearchEngagement => ({ id, name, clientName, communities });

export const researchTabUrl = (engagementId: string) => `/engagements/${engagementId}?tab=research`;

/** Where a research page sits: the user's list of engagements (or home), the engagement, its questionnaires. */
export const researchCrumbs = (
  engagement: Pick<ResearchEngagement, 'id' | 'name'>,
  root: Crumb,
  t: ResearchT,
): Crumb[] => [
  root,
  { label: engagement.name, to: `/engagements/${engagement.id}` },
  { label: t('title'), to: researchTabUrl(engagement.id) },
];
export const questionnaireUrl = (engagementId: string, questionnaireId: string) =>
  `/engagements/${engagementId}/questionnaires/${questionnaireId}`;

const EMPTY: QuestionnaireDraftValue = { audience: null, title: '', intro: '', questions: [] };

/** A new questionnaire (version 1, open for responses). */
export function QuestionnaireCreatePage({ engagement, crumbs }: { engagement: ResearchEngagement; crumbs: Crumb[] }) {
  const { t } = useResearchTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateQuestionnaire(engagement.id);
  // One key per page: a retried or double-clicked save creates one questionnaire.
  const [idempotencyKey] = useState(newIdempotencyKey);
  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: t('create') }]}
        title={t('editor.createTitle')}
        subtitle={engagement.name}
      />
      <QuestionnaireEditor
        mode="create"
        clientName={engagement.clientName}
        initial={EMPTY}
        submitLabel={t('editor.saveNew')}
        submitting={create.isPending}
        error={create.error}
        onCancel={() => void navigate(researchTabUrl(engagement.id))}
        onSubmit={({ audience, title, intro, questions }) =>
          create.mutate(
            { audience, title, intro, questions, idempotencyKey },
            {
              onSuccess: (questionnaire) => {
                void message.success(t('editor.created', { title: questionnaire.title }));
                void navigate(questionnaireUrl(engagement.id, questionnaire.id));
              },
            },
          )
        }
      />
    </>
  );
}

/**
 * Revising: starts from the version on screen and saves only if it is still the current one
 * (`expectedVersion`); a conflict keeps the edit on screen and offers the current version.
 */
export function QuestionnaireRevisePage({
  engagement,
  questionnaireId,
  crumbs,
}: {
  engagement: ResearchEngagement;
  questionnaireId: string;
  crumbs: Crumb[];
}) {
  const { t } = useResearchTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useQuestionnaire(engagement.id, questionnaireId);
  const revise = useReviseQuestionnaire(engagement.id, questionnaireId);
  // The version this edit started from: later refetches must not move it under the editor.
  const [base, setBase] = useState<Questionnaire | null>(null);
  if (base === null && query.data) setBase(query.data);
  const backTo = questionnaireUrl(engagement.id, questionnaireId);

  if (query.isError && !base)
    return (
      <ErrorPage
        error={query.error}
        onRetry={() => void query.refetch()}
        backTo={researchTabUrl(engagement.id)}
        backLabel={t('backToList')}
      />
    );
  if (!base) return <PageSkeleton rows={12} />;
  if (!base.can.revise) {
    return (
      <Result
        status="info"
        title={base.status === 'closed' ? t('editor.closedTitle') : t('editor.notAllowedTitle')}
        subTitle={base.status === 'closed' ? t('editor.closedHint') : t('editor.notAllowedHint')}
        extra={<Button onClick={() => void navigate(backTo)}>{t('backToQuestionnaire')}</Button>}
      />
    );
  }

  const conflict = (
    <StaleSaveAlert
      error={revise.error}
      hint={t('editor.conflictHint')}
      loadLabel={t('editor.loadLatest')}
      testId="questionnaire-conflict"
      onLoadLatest={async () => {
        const latest = await query.refetch();
        if (latest.data) {
          setBase(latest.data);
          revise.reset();
        }
      }}
    />
  );

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: base.title, to: backTo }, { label: t('revise') }]}
        title={t('editor.reviseTitle', { title: base.title })}
        tags={
          <>
            <AudienceTag audience={base.audience} />
            <QuestionnaireStatusTag status={base.status} />
            <VersionLabel version={base.version} />
          </>
        }
      />
      <QuestionnaireEditor
        key={base.version}
        mode="revise"
        clientName={engagement.clientName}
        initial={{
          audience: base.audience,
          title: base.title,
          intro: base.intro,
          questions: base.questions as Question[],
        }}
        submitLabel={t('editor.saveVersion', { n: base.version + 1 })}
        submitting={revise.isPending}
        error={revise.error}
        conflict={conflict}
        intro={
          <Alert
            type="info"
            showIcon
            title={t('editor.basedOn', { n: base.version })}
            description={t('editor.reviseHint')}
          />
        }
        onCancel={() => void navigate(backTo)}
        onSubmit={({ title, intro, questions, reason }) =>
          revise.mutate(
            { title, intro, questions, reason, expectedVersion: base.version },
            {
              onSuccess: (saved) => {
                void message.success(t('editor.revised', { n: saved.version }));
                void navigate(backTo);
              },
            },
          )
        }
      />
    </>
  );
}
