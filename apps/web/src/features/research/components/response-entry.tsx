import type { Answer, Question } from '@gongzhi/domain';
import { Alert, App, Button, Card, Input, Result, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-state';
import { ErrorPage } from '../../../components/error-page';
import { Icon } from '../../../components/icons';
import { PageSkeleton } from '../../../components/loading';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { todayCivil } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import { type Questionnaire, useQuestionnaire } from '../api/get-questionnaires';
import { useRecordQuestionnaireResponse } from '../api/record-response';
import {
  type AnswerDraft,
  type AnswerErrors,
  checkDraft,
  firstWithError,
  scrollToQuestion,
  serverAnswerErrors,
} from '../utils/answers';
import { useResearchTranslation } from '../utils/use-research-translation';
import { AnswerFields } from './answer-fields';
import { type ResearchEngagement, questionnaireUrl, researchTabUrl } from './questionnaire-edit-page';
import { AudienceTag, VersionLabel } from './research-bits';
import { newIdempotencyKey } from '../../../lib/idempotency';

/** The community select's value for "no community: the whole street". */
const WHOLE_STREET = '';

/**
 * 录入答卷: a lawyer types in paper forms and interviews, one after another. The community and the
 * day stay between forms; the answers clear after each save, and the page counts this sitting's.
 */
export function ResponseEntryPage({
  engagement,
  questionnaireId,
  crumbs,
}: {
  engagement: ResearchEngagement;
  questionnaireId: string;
  crumbs: Crumb[];
}) {
  const { t } = useResearchTranslation();
  const navigate = useNavigate();
  const query = useQuestionnaire(engagement.id, questionnaireId);
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
  const backTo = questionnaireUrl(engagement.id, questionnaire.id);
  const header = (
    <PageHeader
      crumbs={[...crumbs, { label: questionnaire.title, to: backTo }, { label: t('view.enterResponse') }]}
      title={t('entry.title')}
      subtitle={questionnaire.title}
      tags={
        <>
          <AudienceTag audience={questionnaire.audience} />
          <VersionLabel version={questionnaire.version} />
        </>
      }
    />
  );
  if (!questionnaire.can.enterResponse) {
    return (
      <>
        {header}
        <Result
          status="info"
          title={questionnaire.status === 'closed' ? t('entry.closedTitle') : t('entry.notAllowedTitle')}
          subTitle={questionnaire.status === 'closed' ? t('entry.closedHint') : t('entry.notAllowedHint')}
          extra={<Button onClick={() => void navigate(backTo)}>{t('backToQuestionnaire')}</Button>}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <ResponseEntryForm engagement={engagement} questionnaire={questionnaire} onDone={() => void navigate(backTo)} />
    </>
  );
}

export function ResponseEntryForm({
  engagement,
  questionnaire,
  onDone,
}: {
  engagement: Pick<ResearchEngagement, 'id' | 'communities'>;
  questionnaire: Pick<Questionnaire, 'id' | 'questions'>;
  onDone: () => void;
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const { message } = App.useApp();
  const record = useRecordQuestionnaireResponse(engagement.id, questionnaire.id);
  // One key per paper form: a retried or double-clicked save enters it once; the next form takes a new one.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const questions = questionnaire.questions as Question[];
  const today = todayCivil();
  const [community, setCommunity] = useState<string | undefined>(
    engagement.communities.length === 0 ? WHOLE_STREET : undefined,
  );
  const [answeredOn, setAnsweredOn] = useState(today);
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [formKey, setFormKey] = useState(0);
  const [isChecked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<AnswerErrors>({});
  const [entered, setEntered] = useState(0);

  const checked = checkDraft(questions, draft, locale);
  // The server names a question by its key, or the response's own fields.
  const isQuestion = (key: string) => questions.some((question) => question.key === key);
  const answerErrors: AnswerErrors = {
    ...Object.fromEntries(Object.entries(serverErrors).filter(([key]) => isQuestion(key))),
    ...(isChecked && !checked.ok ? checked.errors : {}),
  };
  const communityError =
    (isChecked && community === undefined ? t('entry.communityRequired') : null) ?? serverErrors.community ?? null;
  const dateError =
    (isChecked
      ? !answeredOn
        ? t('entry.dateRequired')
        : answeredOn > today
          ? t('entry.dateInFuture')
          : null
      : null) ??
    serverErrors.answeredOn ??
    null;
  const otherErrors = Object.entries(serverErrors)
    .filter(([key]) => !isQuestion(key) && key !== 'community' && key !== 'answeredOn')
    .map(([, message]) => message);
  const errorCount =
    Object.keys(answerErrors).length + (communityError ? 1 : 0) + (dateError ? 1 : 0) + otherErrors.length;
  const refusedOther =
    record.error && !(isApiError(record.error, 'form_invalid') && Object.keys(serverErrors).length > 0)
      ? record.error
      : null;

  const forget = (key: string) =>
    setServerErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  const change = (key: string, value: Answer | undefined) => {
    setDraft((current) => ({ ...current, [key]: value }));
    forget(key);
  };

  const save = () => {
    setChecked(true);
    if (community === undefined) {
      document.getElementById('entry-community')?.focus();
      return;
    }
    if (!answeredOn || answeredOn > today) {
      document.getElementById('entry-date')?.focus();
      return;
    }
    if (!checked.ok) {
      const first = firstWithError(questions, checked.errors);
      if (first) scrollToQuestion(first.key);
      return;
    }
    record.mutate(
      { community: community === WHOLE_STREET ? null : community, answeredOn, answers: checked.answers, idempotencyKey },
      {
        onSuccess: () => {
          setIdempotencyKey(newIdempotencyKey());
          const n = entered + 1;
          setEntered(n);
          // Ready for the next paper form: same community and day, blank answers.
          setDraft({});
          setServerErrors({});
          setChecked(false);
          setFormKey((key) => key + 1);
          void message.success(t('entry.saved', { n }));
          window.scrollTo?.({ top: 0, behavior: 'smooth' });
        },
        onError: (error) => {
          const refused = serverAnswerErrors(error);
          setServerErrors(refused);
          const first = firstWithError(questions, refused);
          if (first) scrollToQuestion(first.key);
        },
      },
    );
  };

  return (
    <div className="gz-stack gz-entry" data-testid="response-entry">
      {entered > 0 ? (
        <Alert
          type="success"
          showIcon
          data-testid="entered-count"
          title={t('entry.entered', { count: entered })}
          description={t('entry.enteredHint')}
          action={
            <Button size="small" onClick={onDone}>
              {t('entry.finish')}
            </Button>
          }
        />
      ) : (
        <p className="gz-kb-hint" style={{ margin: 0 }}>
          {t('entry.hint')}
        </p>
      )}
      <Card size="small" title={t('entry.aboutForm')}>
        <div className="gz-entry-meta">
          <div className="gz-entry-field">
            <label className="gz-label" htmlFor="entry-community">
              <span className="gz-required-mark" aria-hidden="true">
                *
              </span>
              {t('entry.community')}
            </label>
            <Select<string>
              id="entry-community"
              value={community}
              onChange={(value) => {
                setCommunity(value);
                forget('community');
              }}
              placeholder={t('entry.communityPlaceholder')}
              status={communityError ? 'error' : undefined}
              options={[
                ...engagement.communities.map((item) => ({ value: item.key, label: item.name })),
                { value: WHOLE_STREET, label: t('entry.wholeStreet') },
              ]}
              style={{ width: '100%' }}
              data-testid="entry-community"
            />
            {communityError ? <div className="gz-field-error">{communityError}</div> : null}
          </div>
          <div className="gz-entry-field">
            <label className="gz-label" htmlFor="entry-date">
              <span className="gz-required-mark" aria-hidden="true">
                *
              </span>
              {t('entry.answeredOn')}
            </label>
            <Input
              id="entry-date"
              type="date"
              value={answeredOn}
              max={today}
              onChange={(event) => {
                setAnsweredOn(event.target.value);
                forget('answeredOn');
              }}
              status={dateError ? 'error' : undefined}
              data-testid="entry-date"
            />
            {dateError ? <div className="gz-field-error">{dateError}</div> : null}
          </div>
        </div>
      </Card>
      <Card size="small" title={t('entry.answers', { count: questions.length })}>
        <form
          noValidate
          aria-label={t('entry.title')}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <AnswerFields
            key={formKey}
            questions={questions}
            values={draft}
            errors={answerErrors}
            variant="entry"
            disabled={record.isPending}
            onChange={change}
          />
          {errorCount > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('entry.fixErrors', { count: errorCount })}
              description={otherErrors.length > 0 ? otherErrors.join(tc('common.sentenceSeparator')) : undefined}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {refusedOther ? (
            <div style={{ marginBottom: 12 }}>
              <ErrorAlert error={refusedOther} />
            </div>
          ) : null}
          <div className="gz-kb-editor-actions">
            <Button onClick={onDone}>{entered > 0 ? t('entry.finish') : tc('common.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              icon={<Icon name="check" />}
              loading={record.isPending}
              data-testid="save-response"
            >
              {t('entry.save')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
