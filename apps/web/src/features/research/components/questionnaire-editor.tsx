import type { FieldError } from '@gongzhi/contracts';
import {
  MAX_QUESTIONS,
  type Question,
  questionListSchema,
  RESPONDENT_AUDIENCES,
  type RespondentAudience,
} from '@gongzhi/domain';
import { Alert, App, Button, Card, Input, Radio } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { isApiError } from '../../../lib/errors';
import { customQuestionKey, draftQuestionnaire, move } from '../utils/draft';
import { type ResearchT, useResearchTranslation } from '../utils/use-research-translation';
import { BankPicker } from './bank-picker';
import { QuestionDialog } from './question-dialog';
import { QuestionSummary } from './question-summary';

export const TITLE_MAX = 200;
export const INTRO_MAX = 2000;
export const REASON_MAX = 500;

export interface QuestionnaireDraftValue {
  audience: RespondentAudience | null;
  title: string;
  intro: string;
  questions: Question[];
}

export interface QuestionnaireEditorSubmit {
  audience: RespondentAudience;
  title: string;
  intro: string;
  questions: Question[];
  /** Revising only: why this version. */
  reason: string;
}

/** Where an error belongs: the title, the intro, the reason, a question (by index), or the form as a whole. */
type ErrorPlace = 'audience' | 'title' | 'intro' | 'reason' | 'questions' | number;
interface PlacedError {
  place: ErrorPlace;
  message: string;
}

/** `questions.3.options.1` → 3; `title` → title; anything else belongs to the form. */
export function placeOfField(field: string): ErrorPlace {
  const question = /^questions\.(\d+)(\.|$)/.exec(field);
  if (question) return Number(question[1]);
  if (field === 'audience' || field === 'title' || field === 'intro' || field === 'reason') return field;
  return 'questions';
}

/** The checks the server makes, before asking it: one message per field, in the UI language. */
export function validateQuestionnaire(
  value: QuestionnaireDraftValue,
  reason: string | null,
  t: ResearchT,
): PlacedError[] {
  const errors: PlacedError[] = [];
  if (value.audience === null) errors.push({ place: 'audience', message: t('editor.audienceRequired') });
  if (!value.title.trim()) errors.push({ place: 'title', message: t('editor.titleRequired') });
  if (!value.intro.trim()) errors.push({ place: 'intro', message: t('editor.introRequired') });
  if (reason !== null && !reason.trim()) errors.push({ place: 'reason', message: t('editor.reasonRequired') });
  if (value.questions.length === 0) errors.push({ place: 'questions', message: t('editor.questionsRequired') });
  else if (value.questions.length > MAX_QUESTIONS)
    errors.push({ place: 'questions', message: t('editor.questionsTooMany', { max: MAX_QUESTIONS }) });
  else {
    const checked = questionListSchema.safeParse(value.questions);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const index = issue.path[0];
        errors.push({ place: typeof index === 'number' ? index : 'questions', message: issue.message });
      }
    }
  }
  return errors;
}

const sameQuestionnaire = (
  a: Omit<QuestionnaireDraftValue, 'audience'>,
  b: Omit<QuestionnaireDraftValue, 'audience'>,
) =>
  a.title.trim() === b.title.trim() &&
  a.intro.trim() === b.intro.trim() &&
  JSON.stringify(a.questions) === JSON.stringify(b.questions);

/**
 * Building a questionnaire: for whom (创建 only), its title and intro (drafted from the client's
 * name, who asks and why, the promise of anonymity), and its questions — the bank's for the
 * audience to start with, removed, reordered, added from the bank or written anew. Revising adds
 * the reason the new version is kept with.
 */
export function QuestionnaireEditor({
  mode,
  clientName,
  initial,
  submitLabel,
  submitting,
  error,
  conflict,
  intro: header,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'revise';
  /** The engagement's client (东城区安定门街道办事处): the draft's title and intro name it. */
  clientName: string;
  initial: QuestionnaireDraftValue;
  submitLabel: string;
  submitting: boolean;
  /** The last save's error: its field errors are shown where they belong. */
  error: unknown;
  /** What to show instead when the save was refused as a conflict (the page knows how to reload). */
  conflict?: ReactNode;
  intro?: ReactNode;
  onSubmit: (value: QuestionnaireEditorSubmit) => void;
  onCancel: () => void;
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { modal } = App.useApp();
  const [value, setValue] = useState<QuestionnaireDraftValue>(initial);
  const [edited, setEdited] = useState({ title: false, intro: false, questions: false });
  const [reason, setReason] = useState('');
  const [isChecked, setChecked] = useState(false);
  const [isUnchanged, setUnchanged] = useState(false);
  const [isBankOpen, setBankOpen] = useState(false);
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  // Server errors hold until what they name is edited (or the next answer replaces them).
  const [serverError, setServerError] = useState<unknown>(null);
  const [dismissed, setDismissed] = useState<Set<ErrorPlace>>(new Set());
  if (serverError !== error) {
    setServerError(error);
    setDismissed(new Set());
  }

  const fieldErrors: readonly FieldError[] =
    isApiError(error) && (error.code === 'form_invalid' || error.code === 'validation_failed') ? error.fieldErrors : [];
  const serverPlaced: PlacedError[] = fieldErrors
    .map((item) => ({ place: placeOfField(item.field), message: item.message }))
    .filter((item) => !dismissed.has(item.place) && !(typeof item.place === 'number' && dismissed.has('questions')));
  const clientPlaced = isChecked ? validateQuestionnaire(value, mode === 'revise' ? reason : null, t) : [];
  const placed = [...clientPlaced, ...serverPlaced];
  const errorAt = (place: ErrorPlace) => placed.filter((item) => item.place === place).map((item) => item.message);

  const touch = (place: ErrorPlace) => setDismissed((current) => new Set(current).add(place));
  const setQuestions = (questions: Question[]) => {
    setValue((current) => ({ ...current, questions }));
    setEdited((current) => ({ ...current, questions: true }));
    setUnchanged(false);
    touch('questions');
  };

  const chooseAudience = (audience: RespondentAudience) => {
    const draft = draftQuestionnaire(clientName, audience);
    const apply = (replaceQuestions: boolean) => {
      setValue((current) => ({
        audience,
        title: edited.title ? current.title : draft.title,
        intro: edited.intro ? current.intro : draft.intro,
        questions: replaceQuestions ? draft.questions : current.questions,
      }));
      if (replaceQuestions) setEdited((current) => ({ ...current, questions: false }));
    };
    if (value.audience !== null && edited.questions) {
      modal.confirm({
        title: t('editor.audienceChangeTitle'),
        content: t('editor.audienceChangeExplain'),
        okText: t('editor.audienceChangeReplace'),
        cancelText: t('editor.audienceChangeKeep'),
        onOk: () => apply(true),
        onCancel: () => apply(false),
      });
      return;
    }
    apply(true);
  };

  const submit = () => {
    setChecked(true);
    const errors = validateQuestionnaire(value, mode === 'revise' ? reason : null, t);
    if (errors.length > 0 || value.audience === null) return;
    const unchanged = mode === 'revise' && sameQuestionnaire(value, initial);
    setUnchanged(unchanged);
    if (unchanged) return;
    onSubmit({
      audience: value.audience,
      title: value.title.trim(),
      intro: value.intro.trim(),
      questions: value.questions,
      reason: reason.trim(),
    });
  };

  const editingQuestion = editing?.index != null ? (value.questions[editing.index] ?? null) : null;
  const isReady = value.audience !== null;
  const formErrors = errorAt('questions');
  const questionErrors = placed.filter((item) => typeof item.place === 'number');

  return (
    <div className="gz-stack gz-research-editor" data-testid="questionnaire-editor">
      {header}
      {mode === 'create' ? (
        <Card size="small" title={t('editor.audienceTitle')}>
          <p className="gz-kb-hint">{t('editor.audienceHint')}</p>
          <Radio.Group
            className="gz-audience-choices"
            value={value.audience}
            onChange={(event) => chooseAudience(event.target.value as RespondentAudience)}
            aria-label={t('editor.audienceTitle')}
          >
            {RESPONDENT_AUDIENCES.map((audience) => (
              <Radio
                key={audience}
                value={audience}
                className="gz-audience-choice"
                data-testid={`audience-${audience}`}
              >
                <span className="gz-audience-name">{t(`audience.${audience}`)}</span>
                <span className="gz-audience-hint">{t(`audienceHint.${audience}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
          {errorAt('audience').map((message) => (
            <div key={message} className="gz-field-error">
              {message}
            </div>
          ))}
        </Card>
      ) : null}

      {isReady ? (
        <>
          <Card size="small" title={t('editor.aboutTitle')}>
            <label className="gz-label" htmlFor="questionnaire-title">
              <span className="gz-required-mark" aria-hidden="true">
                *
              </span>
              {t('editor.title')}
            </label>
            <Input
              id="questionnaire-title"
              value={value.title}
              maxLength={TITLE_MAX}
              showCount
              status={errorAt('title').length > 0 ? 'error' : undefined}
              onChange={(event) => {
                setValue((current) => ({ ...current, title: event.target.value }));
                setEdited((current) => ({ ...current, title: true }));
                setUnchanged(false);
                touch('title');
              }}
              data-testid="questionnaire-title"
            />
            {errorAt('title').map((message) => (
              <div key={message} className="gz-field-error">
                {message}
              </div>
            ))}
            <label className="gz-label" htmlFor="questionnaire-intro" style={{ marginTop: 14 }}>
              <span className="gz-required-mark" aria-hidden="true">
                *
              </span>
              {t('editor.intro')}
            </label>
            <Input.TextArea
              id="questionnaire-intro"
              value={value.intro}
              maxLength={INTRO_MAX}
              showCount
              autoSize={{ minRows: 4, maxRows: 12 }}
              status={errorAt('intro').length > 0 ? 'error' : undefined}
              onChange={(event) => {
                setValue((current) => ({ ...current, intro: event.target.value }));
                setEdited((current) => ({ ...current, intro: true }));
                setUnchanged(false);
                touch('intro');
              }}
              data-testid="questionnaire-intro"
            />
            <div className="gz-kb-hint" style={{ marginTop: 6 }}>
              {t('editor.introHint')}
            </div>
            {errorAt('intro').map((message) => (
              <div key={message} className="gz-field-error">
                {message}
              </div>
            ))}
          </Card>

          <Card
            size="small"
            title={t('editor.questionsTitle', { count: value.questions.length })}
            extra={
              <div className="gz-editor-add">
                <Button
                  size="small"
                  icon={<Icon name="book" />}
                  onClick={() => setBankOpen(true)}
                  data-testid="open-bank"
                >
                  {t('editor.fromBank')}
                </Button>
                <Button
                  size="small"
                  icon={<Icon name="plus" />}
                  onClick={() => setEditing({ index: null })}
                  data-testid="add-custom"
                >
                  {t('editor.custom')}
                </Button>
              </div>
            }
          >
            {value.questions.length === 0 ? <p className="gz-muted">{t('editor.noQuestions')}</p> : null}
            <ol className="gz-edit-questions" data-testid="editor-questions">
              {value.questions.map((question, index) => {
                const messages = errorAt(index);
                return (
                  <li
                    key={question.key}
                    className={`gz-edit-question ${messages.length > 0 ? 'has-error' : ''}`}
                    data-question={question.key}
                    data-testid="editor-question"
                  >
                    <div className="gz-edit-question-main">
                      <div className="gz-edit-question-text">
                        <span className="gz-question-no gz-num">{index + 1}.</span>
                        <span>{question.text}</span>
                      </div>
                      <QuestionSummary question={question} />
                      {messages.map((message) => (
                        <div key={message} className="gz-field-error">
                          {message}
                        </div>
                      ))}
                    </div>
                    <div className="gz-edit-question-actions">
                      <Button
                        size="small"
                        type="text"
                        icon={<Icon name="up" />}
                        disabled={index === 0}
                        aria-label={t('editor.moveUp', { n: index + 1 })}
                        onClick={() => setQuestions(move(value.questions, index, index - 1))}
                        data-testid="move-up"
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<Icon name="down" />}
                        disabled={index === value.questions.length - 1}
                        aria-label={t('editor.moveDown', { n: index + 1 })}
                        onClick={() => setQuestions(move(value.questions, index, index + 1))}
                        data-testid="move-down"
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<Icon name="edit" />}
                        aria-label={t('editor.editQuestion', { n: index + 1 })}
                        onClick={() => setEditing({ index })}
                        data-testid="edit-question"
                      />
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<Icon name="trash" />}
                        aria-label={t('editor.removeQuestion', { n: index + 1 })}
                        onClick={() => setQuestions(value.questions.filter((_, at) => at !== index))}
                        data-testid="remove-question"
                      />
                    </div>
                  </li>
                );
              })}
            </ol>
            {formErrors.map((message) => (
              <div key={message} className="gz-field-error" role="alert">
                {message}
              </div>
            ))}
          </Card>
        </>
      ) : null}

      <Card size="small" className="gz-kb-editor-footer">
        {mode === 'revise' ? (
          <>
            <label className="gz-label" htmlFor="questionnaire-reason">
              <span className="gz-required-mark" aria-hidden="true">
                *
              </span>
              {t('editor.reason')}
            </label>
            <Input.TextArea
              id="questionnaire-reason"
              value={reason}
              maxLength={REASON_MAX}
              showCount
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('editor.reasonPlaceholder')}
              status={errorAt('reason').length > 0 ? 'error' : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                touch('reason');
              }}
              data-testid="questionnaire-reason"
            />
            {errorAt('reason').map((message) => (
              <div key={message} className="gz-field-error">
                {message}
              </div>
            ))}
          </>
        ) : null}
        {error ? (
          <div style={{ marginTop: 12 }} data-testid="editor-error">
            {isApiError(error, 'conflict') && conflict ? (
              conflict
            ) : fieldErrors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={error instanceof Error ? error.message : t('editor.fieldErrorsTitle')}
                description={
                  <ul className="gz-kb-error-list">
                    {fieldErrors.map((item, index) => {
                      const place = placeOfField(item.field);
                      return (
                        <li key={`${item.field}-${index}`}>
                          {typeof place === 'number'
                            ? tc('common.labelValue', {
                                label: t('editor.questionN', { n: place + 1 }),
                                value: item.message,
                              })
                            : item.message}
                        </li>
                      );
                    })}
                  </ul>
                }
              />
            ) : (
              <ErrorAlert error={error} />
            )}
          </div>
        ) : null}
        {isChecked && questionErrors.length > 0 && !error ? (
          <div className="gz-field-error" role="alert" style={{ marginTop: 8 }}>
            {t('editor.questionsHaveErrors', { count: new Set(questionErrors.map((item) => item.place)).size })}
          </div>
        ) : null}
        {isUnchanged ? (
          <div className="gz-field-error" role="alert" data-testid="editor-unchanged">
            {t('editor.unchanged')}
          </div>
        ) : null}
        <div className="gz-kb-editor-actions">
          <Button onClick={onCancel}>{tc('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<Icon name="check" />}
            loading={submitting}
            onClick={submit}
            data-testid="questionnaire-save"
          >
            {submitLabel}
          </Button>
        </div>
      </Card>

      <BankPicker
        open={isBankOpen}
        audience={value.audience}
        questions={value.questions}
        onClose={() => setBankOpen(false)}
        onAdd={(added) => {
          setQuestions([
            ...value.questions,
            ...added.filter((question) => !value.questions.some((item) => item.key === question.key)),
          ]);
          setBankOpen(false);
        }}
      />
      <QuestionDialog
        open={editing !== null}
        question={editingQuestion}
        questionKey={editingQuestion?.key ?? customQuestionKey(value.questions)}
        onCancel={() => setEditing(null)}
        onSave={(question) => {
          const index = editing?.index;
          setQuestions(
            index != null
              ? value.questions.map((item, at) => (at === index ? question : item))
              : [...value.questions, question],
          );
          setEditing(null);
        }}
      />
    </div>
  );
}
