import { ADOPTION_LIMITS } from '@gongzhi/domain';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Tag } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import {
  type AdoptionComment,
  type IssuedCommentLinks,
  useAdoptionComments,
  useAnswerAdoptionComment,
  useIssueAdoptionCommentLinks,
} from '../api/adoptions';
import { commentLinkUrl, isValidLinkCount } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';

const DEFAULT_LINK_COUNT = 20;

/**
 * 公示意见: what residents sent through the procedure's links (oldest first), each with the team's
 * answer or none yet; how many links went out and came back. The PM or a lawyer answers (`can.answer`,
 * until the procedure is adopted or withdrawn) and, while the draft is on notice, issues links
 * (`can.issueLinks`).
 */
export function AdoptionCommentsSection({
  engagementId,
  adoptionId,
  currentRound,
}: {
  engagementId: string;
  adoptionId: string;
  /** The notice's round: past 1, each comment says which draft it was on. */
  currentRound: number;
}) {
  const { t } = useAdoptionsTranslation();
  const query = useAdoptionComments(engagementId, adoptionId);
  const [editing, setEditing] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);

  const body = () => {
    if (query.isPending) return <BlockSkeleton rows={3} />;
    if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} compact />;
    const { items, links, can } = query.data;
    return (
      <>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <span className="gz-muted gz-small gz-num" data-testid="adoption-comment-links">
            {t('comments.links', { issued: links.issued, used: links.used })}
          </span>
          {can.issueLinks ? (
            <Button
              size="small"
              icon={<Icon name="plus" />}
              onClick={() => setIssuing(true)}
              data-testid="adoption-comment-issue"
            >
              {t('comments.issue')}
            </Button>
          ) : null}
        </Flex>
        {items.length === 0 ? (
          <span className="gz-muted" data-testid="adoption-comments-empty">
            {t('comments.empty')}
          </span>
        ) : null}
        {items.map((comment) => (
          <CommentItem
            key={comment.id}
            engagementId={engagementId}
            adoptionId={adoptionId}
            comment={comment}
            showRound={currentRound > 1}
            canAnswer={can.answer}
            isEditing={editing === comment.id}
            onEdit={() => setEditing(comment.id)}
            onDone={() => setEditing(null)}
          />
        ))}
        {issuing ? (
          <CommentLinksModal engagementId={engagementId} adoptionId={adoptionId} onClose={() => setIssuing(false)} />
        ) : null}
      </>
    );
  };

  return (
    <section className="gz-adoption-section" data-testid="adoption-comments-section">
      <h4 className="gz-adoption-heading">{t('comments.title')}</h4>
      {body()}
    </section>
  );
}

function CommentItem({
  engagementId,
  adoptionId,
  comment,
  showRound,
  canAnswer,
  isEditing,
  onEdit,
  onDone,
}: {
  engagementId: string;
  adoptionId: string;
  comment: AdoptionComment;
  showRound: boolean;
  canAnswer: boolean;
  isEditing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { locale } = useLocalized();
  const at = (instant: string) => formatInstant(instant, locale);
  const { answer } = comment;
  return (
    <div
      className="gz-adoption-comment"
      data-testid="adoption-comment"
      data-comment-id={comment.id}
      data-answered={answer ? 'true' : 'false'}
    >
      <Flex gap={4} wrap align="center">
        <Tag
          color={comment.clause ? 'blue' : 'default'}
          className="gz-adoption-clause"
          data-testid="adoption-comment-clause"
        >
          {comment.clause || t('comments.wholeDraft')}
        </Tag>
        {showRound ? <Tag>{t('comments.round', { round: comment.round })}</Tag> : null}
      </Flex>
      <p className="gz-adoption-text" data-testid="adoption-comment-body">
        {comment.body}
      </p>
      <div className="gz-muted gz-small gz-num" style={{ marginTop: 4 }} data-testid="adoption-comment-signer">
        {t('comments.submitted', { signer: comment.signedAs || t('comments.anonymous'), at: at(comment.submittedAt) })}
      </div>
      {isEditing ? (
        <AnswerForm engagementId={engagementId} adoptionId={adoptionId} comment={comment} onDone={onDone} />
      ) : answer ? (
        <div className="gz-adoption-answer" data-testid="adoption-comment-answer">
          <p className="gz-adoption-text" style={{ marginTop: 0 }}>
            {answer.text}
          </p>
          <div className="gz-muted gz-small gz-num" style={{ marginTop: 4 }}>
            {answer.by
              ? t('comments.answeredBy', { name: answer.by.displayName, at: at(answer.at) })
              : t('comments.answeredAt', { at: at(answer.at) })}
          </div>
        </div>
      ) : (
        <div className="gz-adoption-answer gz-muted" data-testid="adoption-comment-unanswered">
          {t('comments.unanswered')}
        </div>
      )}
      {canAnswer && !isEditing ? (
        <Button
          size="small"
          type="link"
          style={{ paddingInline: 0, marginTop: 4 }}
          onClick={onEdit}
          data-testid="adoption-comment-answer-button"
        >
          {answer ? t('comments.editAnswer') : t('comments.answer')}
        </Button>
      ) : null}
    </div>
  );
}

/** The answer, inline under its comment: required, at most the API's length; the API's refusal shown as it says it. */
function AnswerForm({
  engagementId,
  adoptionId,
  comment,
  onDone,
}: {
  engagementId: string;
  adoptionId: string;
  comment: AdoptionComment;
  onDone: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { message } = App.useApp();
  const mutation = useAnswerAdoptionComment(engagementId, adoptionId);
  const [text, setText] = useState(comment.answer?.text ?? '');
  const [isTouched, setTouched] = useState(false);
  const trimmed = text.trim();
  const isMissing = isTouched && trimmed === '';
  const id = `adoption-answer-${comment.id}`;

  const save = () => {
    setTouched(true);
    if (trimmed === '') return;
    mutation.mutate(
      { commentId: comment.id, answer: trimmed },
      {
        onSuccess: () => {
          void message.success(t('comments.saved'));
          onDone();
        },
      },
    );
  };

  return (
    <Form layout="vertical" component="div" className="gz-adoption-answer-form" data-testid="adoption-answer-form">
      <Form.Item
        label={t('comments.answerLabel')}
        htmlFor={id}
        required
        validateStatus={isMissing ? 'error' : undefined}
        help={isMissing ? t('comments.answerRequired') : undefined}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          id={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => setTouched(true)}
          maxLength={ADOPTION_LIMITS.commentAnswer}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('comments.answerPlaceholder')}
          data-testid="adoption-answer-text"
        />
      </Form.Item>
      {mutation.error ? (
        <div style={{ marginBottom: 8 }}>
          <ErrorAlert error={mutation.error} compact />
        </div>
      ) : null}
      <Flex gap={8} wrap justify="flex-end">
        <Button size="small" onClick={onDone} disabled={mutation.isPending}>
          {t('comments.cancel')}
        </Button>
        <Button
          size="small"
          type="primary"
          loading={mutation.isPending}
          onClick={save}
          data-testid="adoption-answer-submit"
        >
          {t('comments.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * 生成意见链接: how many single-use links; then the links, shown this once (the server keeps only
 * their hashes), as full addresses to copy and hand out.
 */
export function CommentLinksModal({
  engagementId,
  adoptionId,
  onClose,
}: {
  engagementId: string;
  adoptionId: string;
  onClose: () => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { message, modal } = App.useApp();
  const issue = useIssueAdoptionCommentLinks(engagementId, adoptionId);
  const [count, setCount] = useState<number | null>(DEFAULT_LINK_COUNT);
  const [issued, setIssued] = useState<IssuedCommentLinks | null>(null);
  const [isCopied, setCopied] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const max = ADOPTION_LIMITS.linksPerIssue;
  const isCountValid = isValidLinkCount(count);
  const urls = issued ? issued.links.map((link) => commentLinkUrl(window.location.origin, link.path)) : [];

  const requestClose = () => {
    if (!issued || isCopied) return onClose();
    modal.confirm({
      title: t('comments.closeUnsavedTitle'),
      content: t('comments.closeUnsavedExplain'),
      okText: t('comments.closeAnyway'),
      okButtonProps: { danger: true },
      cancelText: t('comments.keepOpen'),
      onOk: onClose,
    });
  };

  const generate = () => {
    if (!isValidLinkCount(count)) return;
    issue.mutate(count, { onSuccess: (result) => setIssued(result) });
  };

  const copyAll = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(urls.join('\n'));
      setCopied(true);
      void message.success(t('comments.copied', { count: urls.length }));
    } catch {
      // Outside a secure context (http on an intranet address) there is no clipboard API: the
      // links are selected for the user's own copy.
      const list = listRef.current;
      const selection = window.getSelection();
      if (list && selection) selection.selectAllChildren(list);
      void message.warning(t('comments.copyManually'));
    }
  };

  return (
    <Modal
      open
      title={issued ? t('comments.issuedTitle', { count: urls.length }) : t('comments.issueTitle')}
      onCancel={requestClose}
      mask={{ closable: !issued }}
      keyboard={!issued}
      width={issued ? 720 : 480}
      destroyOnHidden
      footer={
        issued ? (
          <div className="gz-links-footer">
            <Button
              icon={<Icon name="checklist" />}
              onClick={() => void copyAll()}
              data-testid="adoption-comment-links-copy"
            >
              {t('comments.copyAll')}
            </Button>
            <Button type="primary" onClick={requestClose} data-testid="adoption-comment-links-done">
              {t('comments.done')}
            </Button>
          </div>
        ) : (
          <div className="gz-links-footer">
            <Button onClick={requestClose}>{t('comments.cancel')}</Button>
            <Button
              type="primary"
              loading={issue.isPending}
              disabled={!isCountValid}
              onClick={generate}
              data-testid="adoption-comment-links-generate"
            >
              {t('comments.generate')}
            </Button>
          </div>
        )
      }
    >
      {issued ? (
        <div className="gz-stack" data-testid="adoption-comment-links-issued">
          <Alert type="warning" showIcon title={t('comments.onceNote')} data-testid="adoption-comment-links-once" />
          <ol className="gz-links-list gz-mono" ref={listRef}>
            {urls.map((url) => (
              <li key={url} data-testid="adoption-comment-link">
                {url}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <Form layout="vertical" component="div" data-testid="adoption-comment-links-form">
          <Alert type="info" showIcon title={t('comments.issueExplain')} style={{ marginBottom: 16 }} />
          <Form.Item
            label={t('comments.count')}
            htmlFor="adoption-comment-links-count"
            required
            extra={t('comments.countHint', { max })}
            validateStatus={isCountValid ? undefined : 'error'}
            help={isCountValid ? undefined : t('comments.countInvalid', { max })}
          >
            <InputNumber
              id="adoption-comment-links-count"
              min={1}
              max={max}
              precision={0}
              value={count}
              onChange={(value) => setCount(value)}
              style={{ width: 160 }}
            />
          </Form.Item>
          {issue.error ? <ErrorAlert error={issue.error} /> : null}
        </Form>
      )}
    </Modal>
  );
}
