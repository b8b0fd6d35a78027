import type { Answer, Question } from '@gongzhi/domain';
import { Alert, Button, Result, Skeleton } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Icon } from '../../../components/icons';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import {
  isLinkToken,
  type PublicQuestionnaire,
  usePublicQuestionnaire,
  useSubmitPublicQuestionnaire,
} from '../api/public-questionnaire';
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

/** Where a link stands when it cannot (or no longer) be answered, or once it was. */
export type LinkState = 'invalid' | 'used' | 'closed' | 'busy' | 'offline' | 'thanks';

/** What an error of the public API means to the respondent. */
export function linkStateOf(error: unknown): Exclude<LinkState, 'thanks'> {
  if (isApiError(error, 'link_used')) return 'used';
  if (isApiError(error, 'questionnaire_closed')) return 'closed';
  if (isApiError(error, 'rate_limited')) return 'busy';
  // 404 for an unknown token; 400 for one the API cannot even read.
  if (isApiError(error) && error.isApiErrorBody && (error.status === 404 || error.status === 400)) return 'invalid';
  return 'offline';
}

const STATE_RESULT: Record<LinkState, 'success' | 'info' | 'warning' | 'error'> = {
  invalid: 'warning',
  used: 'success',
  closed: 'info',
  busy: 'warning',
  offline: 'error',
  thanks: 'success',
};

/** The respondent's page, without the dashboard's shell: a white sheet on a calm background. */
function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="gz-public">
      <main className="gz-public-sheet">{children}</main>
    </div>
  );
}

/** A whole-page state: what happened, in plain words, and a retry where one can help. */
export function LinkStatePage({
  state,
  onRetry,
  retrying,
}: {
  state: LinkState;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const { t } = useResearchTranslation();
  const canRetry = (state === 'busy' || state === 'offline') && onRetry;
  return (
    <PublicLayout>
      <div className="gz-public-state" data-testid="public-state" data-state={state}>
        <Result
          status={STATE_RESULT[state]}
          title={t(`public.state.${state}.title`)}
          subTitle={t(`public.state.${state}.hint`)}
          extra={
            canRetry ? (
              <Button type="primary" size="large" icon={<Icon name="refresh" />} loading={retrying} onClick={onRetry}>
                {t('public.retry')}
              </Button>
            ) : undefined
          }
        />
      </div>
    </PublicLayout>
  );
}

/**
 * `/q/:token`: a respondent answers through a single-use link, on a phone more often than not. The
 * page checks the answers as the server will (the domain's `checkAnswers`) before sending, and
 * keeps them on screen when sending fails for a reason worth retrying.
 */
export function PublicQuestionnairePage({ token }: { token: string }) {
  const query = usePublicQuestionnaire(token);
  useEffect(() => {
    if (query.data) document.title = query.data.title;
  }, [query.data]);

  if (!isLinkToken(token)) return <LinkStatePage state="invalid" />;
  if (query.isPending) {
    return (
      <PublicLayout>
        <div aria-busy="true" className="gz-public-loading">
          <Skeleton active title={{ width: '70%' }} paragraph={{ rows: 8 }} />
        </div>
      </PublicLayout>
    );
  }
  if (query.isError) {
    return (
      <LinkStatePage
        state={linkStateOf(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <PublicAnswerForm token={token} questionnaire={query.data} />;
}

export function PublicAnswerForm({ token, questionnaire }: { token: string; questionnaire: PublicQuestionnaire }) {
  const { t } = useResearchTranslation();
  const { locale } = useLocalized();
  const submit = useSubmitPublicQuestionnaire(token);
  const questions = questionnaire.questions as Question[];
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [isChecked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<AnswerErrors>({});
  const [done, setDone] = useState<LinkState | null>(null);

  if (done) return <LinkStatePage state={done} />;

  const checked = checkDraft(questions, draft, locale);
  const clientErrors: AnswerErrors = isChecked && !checked.ok ? checked.errors : {};
  const errors: AnswerErrors = { ...serverErrors, ...clientErrors };
  const errorCount = Object.keys(errors).length;
  const answeredCount = questions.filter((question) => draft[question.key] !== undefined).length;
  const failure = submit.error && !isApiError(submit.error, 'form_invalid') ? linkStateOf(submit.error) : null;

  const change = (key: string, value: Answer | undefined) => {
    setDraft((current) => ({ ...current, [key]: value }));
    // The server's word on an answer holds until that answer changes.
    setServerErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  };

  const send = () => {
    setChecked(true);
    if (!checked.ok) {
      const first = firstWithError(questions, checked.errors);
      if (first) scrollToQuestion(first.key);
      return;
    }
    submit.mutate(checked.answers, {
      onSuccess: () => setDone('thanks'),
      onError: (error) => {
        const state = linkStateOf(error);
        if (state === 'used' || state === 'closed') return setDone(state);
        const refused = serverAnswerErrors(error);
        setServerErrors(refused);
        const first = firstWithError(questions, refused);
        if (first) scrollToQuestion(first.key);
      },
    });
  };

  return (
    <PublicLayout>
      <header className="gz-public-head">
        <div className="gz-public-asked" data-testid="public-asked-by">
          {questionnaire.askedBy}
        </div>
        <h1 className="gz-public-title">{questionnaire.title}</h1>
        {questionnaire.community ? (
          <div className="gz-public-community" data-testid="public-community">
            <Icon name="home" size={14} />
            {t('public.community', { name: questionnaire.community })}
          </div>
        ) : null}
      </header>
      <p className="gz-public-intro">{questionnaire.intro}</p>
      <div className="gz-public-note">
        <span>
          <span className="gz-question-required" aria-hidden="true">
            *
          </span>
          {t('public.requiredNote')}
        </span>
        <span className="gz-num">{t('public.progress', { answered: answeredCount, total: questions.length })}</span>
      </div>
      <form
        noValidate
        aria-label={questionnaire.title}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <AnswerFields
          questions={questions}
          values={draft}
          errors={errors}
          variant="public"
          disabled={submit.isPending}
          onChange={change}
        />
        <div className="gz-public-submit">
          {errorCount > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('public.fixErrors', { count: errorCount })}
              data-testid="public-errors"
            />
          ) : null}
          {failure ? (
            <Alert
              type={failure === 'busy' ? 'warning' : 'error'}
              showIcon
              role="alert"
              title={t(`public.state.${failure}.title`)}
              description={t('public.keptAnswers')}
              data-testid="public-submit-failed"
            />
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            loading={submit.isPending}
            data-testid="public-submit"
          >
            {failure ? t('public.resubmit') : t('public.submit')}
          </Button>
          <p className="gz-public-privacy">{t('public.privacy')}</p>
        </div>
      </form>
    </PublicLayout>
  );
}
