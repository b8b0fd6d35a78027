import { Alert, Button, Input, Result, Skeleton } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Icon } from '../../../components/icons';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import {
  isCommentToken,
  type PublicAdoptionDraft,
  usePublicAdoptionDraft,
  useSubmitPublicComments,
} from '../api/public-comments';
import {
  checkComments,
  type CommentDraft,
  type CommentErrors,
  type CommentMessage,
  errorCount,
  mergeErrors,
  noErrors,
  noticePeriodParts,
  serverCommentErrors,
} from '../utils/comments';
import { usePublicCommentsTranslation } from '../utils/use-public-comments-translation';

/** Where a comment link stands when it cannot (or no longer) be used, or once it was. */
export type CommentLinkState = 'invalid' | 'used' | 'over' | 'busy' | 'offline' | 'thanks';

/** What an error of the public API means to the resident. */
export function commentLinkStateOf(error: unknown): Exclude<CommentLinkState, 'thanks'> {
  if (isApiError(error, 'link_used')) return 'used';
  if (isApiError(error, 'notice_over')) return 'over';
  if (isApiError(error, 'rate_limited') || isApiError(error, 'temporarily_unavailable')) return 'busy';
  // 404 for an unknown token; 400 for one the API cannot even read.
  if (isApiError(error) && error.isApiErrorBody && (error.status === 404 || error.status === 400)) return 'invalid';
  return 'offline';
}

const STATE_RESULT: Record<CommentLinkState, 'success' | 'info' | 'warning' | 'error'> = {
  invalid: 'warning',
  used: 'success',
  over: 'info',
  busy: 'warning',
  offline: 'error',
  thanks: 'success',
};

/** The resident's page, without the dashboard's shell: a white sheet on a calm background. */
function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="gz-public">
      <main className="gz-public-sheet">{children}</main>
    </div>
  );
}

/** A whole-page state: what happened, in plain words, and a retry where one can help. */
export function CommentLinkStatePage({
  state,
  onRetry,
  retrying,
  sent,
}: {
  state: CommentLinkState;
  onRetry?: () => void;
  retrying?: boolean;
  /** Once sent: the draft commented on and how many comments went, for the resident to see. */
  sent?: { title: string; count: number };
}) {
  const { t } = usePublicCommentsTranslation();
  const canRetry = (state === 'busy' || state === 'offline') && onRetry;
  const receipt = sent ? (
    <div className="gz-comments-receipt" data-testid="comments-receipt">
      <div className="gz-comments-receipt-title">{sent.title}</div>
      <div>{t('sent', { count: sent.count })}</div>
    </div>
  ) : undefined;
  return (
    <PublicLayout>
      <div className="gz-public-state" data-testid="public-state" data-state={state}>
        <Result
          status={STATE_RESULT[state]}
          title={t(`state.${state}.title`)}
          subTitle={t(`state.${state}.hint`)}
          extra={
            canRetry ? (
              <Button type="primary" size="large" icon={<Icon name="refresh" />} loading={retrying} onClick={onRetry}>
                {t('retry')}
              </Button>
            ) : (
              receipt
            )
          }
        />
      </div>
    </PublicLayout>
  );
}

/**
 * `/c/:token`: a resident comments on a draft on public notice (公示征求意见) through a single-use
 * link, on a phone more often than not, without signing in.
 */
export function PublicCommentsPage({ token }: { token: string }) {
  const query = usePublicAdoptionDraft(token);
  useEffect(() => {
    if (query.data) document.title = query.data.title;
  }, [query.data]);

  if (!isCommentToken(token)) return <CommentLinkStatePage state="invalid" />;
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
      <CommentLinkStatePage
        state={commentLinkStateOf(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <PublicCommentForm token={token} draft={query.data} />;
}

/** Brings a card into view (after a refused submit). */
function scrollToCard(id: number): void {
  document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

export function PublicCommentForm({ token, draft }: { token: string; draft: PublicAdoptionDraft }) {
  const { t } = usePublicCommentsTranslation();
  const { locale } = useLocalized();
  const submit = useSubmitPublicComments(token);
  const nextId = useRef(2);
  const [cards, setCards] = useState<CommentDraft[]>([{ id: 1, clause: '', body: '' }]);
  const [signedAs, setSignedAs] = useState('');
  const [isChecked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<CommentErrors>(noErrors);
  const [done, setDone] = useState<CommentLinkState | null>(null);
  const [sentCount, setSentCount] = useState(0);
  // A card just added: its first field takes the focus (and the phone scrolls to it).
  const [focusCard, setFocusCard] = useState<number | null>(null);
  useEffect(() => {
    if (focusCard === null) return;
    document.getElementById(`comment-${focusCard}-clause`)?.focus();
    setFocusCard(null);
  }, [focusCard]);

  if (done) {
    return (
      <CommentLinkStatePage state={done} {...(done === 'thanks' ? { sent: { title: draft.title, count: sentCount } } : {})} />
    );
  }

  const checked = checkComments(cards, signedAs, draft.limits);
  const clientErrors = isChecked && !checked.ok ? checked.errors : noErrors();
  const errors = mergeErrors(clientErrors, serverErrors);
  const errorTotal = errorCount(errors);
  const unexpected = submit.error && !isApiError(submit.error, 'form_invalid') && !isApiError(submit.error, 'validation_failed');
  const failure = unexpected ? commentLinkStateOf(submit.error) : null;
  const period = noticePeriodParts(draft.noticeFrom, draft.noticeTo, locale);
  const say = (message: CommentMessage | undefined) =>
    message ? ('text' in message ? message.text : t(message.key, message.values)) : null;

  const edit = (id: number, field: 'clause' | 'body', value: string) => {
    setCards((current) => current.map((card) => (card.id === id ? { ...card, [field]: value } : card)));
    // The server's word on a field holds until that field changes.
    setServerErrors((current) => {
      const card = current.cards[id];
      if (!card?.[field]) return current;
      const rest = { ...card };
      delete rest[field];
      const next = { ...current, cards: { ...current.cards } };
      if (rest.body || rest.clause) next.cards[id] = rest;
      else delete next.cards[id];
      return next;
    });
  };
  const add = () => {
    const id = nextId.current;
    nextId.current += 1;
    setCards((current) => [...current, { id, clause: '', body: '' }]);
    setFocusCard(id);
  };
  const remove = (id: number) => {
    setCards((current) => current.filter((card) => card.id !== id));
    setServerErrors((current) => {
      if (!current.cards[id]) return current;
      const next = { ...current, cards: { ...current.cards } };
      delete next.cards[id];
      return next;
    });
  };
  const sign = (value: string) => {
    setSignedAs(value);
    setServerErrors((current) => (current.signedAs ? { cards: current.cards } : current));
  };

  const send = () => {
    setChecked(true);
    if (!checked.ok) {
      const first = cards.find((card) => checked.errors.cards[card.id]);
      if (first) scrollToCard(first.id);
      return;
    }
    const sent = cards;
    submit.mutate(checked.body, {
      onSuccess: () => {
        setSentCount(sent.length);
        setDone('thanks');
      },
      onError: (error) => {
        const state = commentLinkStateOf(error);
        if (state === 'used' || state === 'over' || state === 'invalid') return setDone(state);
        const refused = serverCommentErrors(error, sent);
        setServerErrors(refused);
        const first = sent.find((card) => refused.cards[card.id]);
        if (first) scrollToCard(first.id);
      },
    });
  };

  return (
    <PublicLayout>
      <header className="gz-public-head gz-comments-head">
        <div className="gz-comments-kind" data-testid="comments-kind">
          <span className="gz-comments-instrument">{t(`instrument.${draft.instrument}`)}</span>
          <span>{t('kind')}</span>
        </div>
        <h1 className="gz-public-title">{draft.title}</h1>
        {/* Who asks, as the API names it (the residents' committee; for an owners' matter, assisting the owners). */}
        <div className="gz-public-asked" data-testid="comments-asked-by">
          {draft.askedBy}
        </div>
        <div className="gz-public-community" data-testid="comments-community">
          <Icon name="home" size={14} />
          {t('community', { name: draft.community })}
        </div>
      </header>
      <ul className="gz-comments-facts">
        <li data-testid="comments-notice">
          <Icon name="clock" />
          <span>{t('notice', { period: t('period', period) })}</span>
        </li>
        <li data-testid="comments-location">
          <Icon name="flag" />
          <span>{t('location', { location: draft.location })}</span>
        </li>
      </ul>
      <p className="gz-comments-intro">{t('intro')}</p>
      <p className="gz-comments-note" data-testid="comments-note">
        <Icon name="comment" size={14} />
        <span>{t('note')}</span>
      </p>
      <form
        noValidate
        aria-label={draft.title}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <ol className="gz-comment-cards">
          {cards.map((card, index) => {
            const cardErrors = errors.cards[card.id];
            const bodyError = say(cardErrors?.body);
            const clauseError = say(cardErrors?.clause);
            const n = index + 1;
            return (
              <li
                key={card.id}
                className={`gz-comment-card${bodyError || clauseError ? ' has-error' : ''}`}
                data-testid="comment-card"
                data-card-id={card.id}
              >
                <div className="gz-comment-card-head">
                  <span className="gz-comment-card-title">{t('card.title', { n })}</span>
                  {cards.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      icon={<Icon name="trash" size={15} />}
                      aria-label={t('card.removeLabel', { n })}
                      disabled={submit.isPending}
                      onClick={() => remove(card.id)}
                      data-testid="comment-remove"
                    >
                      {t('card.remove')}
                    </Button>
                  ) : null}
                </div>
                <label className="gz-comment-label" htmlFor={`comment-${card.id}-clause`}>
                  {t('card.clause')}
                </label>
                <Input
                  id={`comment-${card.id}-clause`}
                  size="large"
                  value={card.clause}
                  maxLength={draft.limits.clause}
                  placeholder={t('card.clausePlaceholder')}
                  status={clauseError ? 'error' : undefined}
                  aria-invalid={clauseError ? true : undefined}
                  aria-describedby={clauseError ? `comment-${card.id}-clause-error` : undefined}
                  disabled={submit.isPending}
                  onChange={(event) => edit(card.id, 'clause', event.target.value)}
                  data-testid="comment-clause"
                />
                {clauseError ? (
                  <div className="gz-field-error gz-comment-error" id={`comment-${card.id}-clause-error`} role="alert" data-testid="comment-error">
                    {clauseError}
                  </div>
                ) : null}
                <label className="gz-comment-label" htmlFor={`comment-${card.id}-body`}>
                  {t('card.body')}
                  <span className="gz-question-required" aria-hidden="true">
                    *
                  </span>
                </label>
                <Input.TextArea
                  id={`comment-${card.id}-body`}
                  className="gz-comment-body"
                  value={card.body}
                  maxLength={draft.limits.body}
                  showCount
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  placeholder={t('card.bodyPlaceholder')}
                  status={bodyError ? 'error' : undefined}
                  aria-required="true"
                  aria-invalid={bodyError ? true : undefined}
                  aria-describedby={bodyError ? `comment-${card.id}-body-error` : undefined}
                  disabled={submit.isPending}
                  onChange={(event) => edit(card.id, 'body', event.target.value)}
                  data-testid="comment-body"
                />
                {bodyError ? (
                  <div className="gz-field-error gz-comment-error" id={`comment-${card.id}-body-error`} role="alert" data-testid="comment-error">
                    {bodyError}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        {cards.length < draft.limits.comments ? (
          <Button
            type="dashed"
            size="large"
            block
            icon={<Icon name="plus" />}
            className="gz-comment-add"
            disabled={submit.isPending}
            onClick={add}
            data-testid="comment-add"
          >
            {t('add')}
          </Button>
        ) : (
          <p className="gz-comment-limit" data-testid="comment-limit">
            {t('addLimit', { max: draft.limits.comments })}
          </p>
        )}
        <div className="gz-comment-sign">
          <label className="gz-comment-label" htmlFor="comment-signed-as">
            {t('signedAs')}
          </label>
          <Input
            id="comment-signed-as"
            size="large"
            value={signedAs}
            maxLength={draft.limits.signedAs}
            placeholder={t('signedAsPlaceholder')}
            status={errors.signedAs ? 'error' : undefined}
            disabled={submit.isPending}
            onChange={(event) => sign(event.target.value)}
            data-testid="comment-signed-as"
          />
          {errors.signedAs ? (
            <div className="gz-field-error gz-comment-error" id="comment-signed-as-error" role="alert" data-testid="signed-as-error">
              {say(errors.signedAs)}
            </div>
          ) : (
            <div className="gz-comment-hint">{t('signedAsHint')}</div>
          )}
        </div>
        <div className="gz-public-submit">
          {errorTotal > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('errors.fix', { count: errorTotal })}
              data-testid="comments-errors"
            />
          ) : null}
          {failure ? (
            <Alert
              type={failure === 'busy' ? 'warning' : 'error'}
              showIcon
              role="alert"
              title={t(`state.${failure}.title`)}
              description={t('errors.kept')}
              data-testid="comments-submit-failed"
            />
          ) : null}
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            loading={submit.isPending}
            data-testid="comments-submit"
          >
            {failure ? t('resubmit') : t('submit')}
          </Button>
          <p className="gz-public-privacy">{t('privacy')}</p>
        </div>
      </form>
    </PublicLayout>
  );
}
