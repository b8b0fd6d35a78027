import { type Answer, MAX_TEXT_ANSWER, type Question } from '@gongzhi/domain';
import { Checkbox, Input, Radio } from 'antd';
import type { AnswerDraft, AnswerErrors } from '../utils/answers';
import { useResearchTranslation } from '../utils/use-research-translation';

export type AnswerVariant = 'public' | 'entry';

/**
 * A questionnaire's questions as inputs: a radio list (单选), checkboxes that stop at the
 * question's `maxChoices` (多选), 1…points buttons between the end labels (评分), a text box
 * (文字). The respondent's page shows them large for a thumb (`public`); the lawyer's entry form
 * denser, for typing in paper forms one after another (`entry`).
 */
export function AnswerFields({
  questions,
  values,
  errors,
  variant,
  disabled,
  onChange,
}: {
  questions: readonly Question[];
  values: AnswerDraft;
  errors: AnswerErrors;
  variant: AnswerVariant;
  disabled?: boolean;
  onChange: (key: string, value: Answer | undefined) => void;
}) {
  return (
    <ol className={`gz-answers gz-answers-${variant}`}>
      {questions.map((question, index) => (
        <li key={question.key}>
          <QuestionField
            question={question}
            index={index}
            value={values[question.key]}
            error={errors[question.key]}
            disabled={disabled}
            onChange={(value) => onChange(question.key, value)}
          />
        </li>
      ))}
    </ol>
  );
}

function QuestionField({
  question,
  index,
  value,
  error,
  disabled,
  onChange,
}: {
  question: Question;
  index: number;
  value: Answer | undefined;
  error: string | undefined;
  disabled?: boolean;
  onChange: (value: Answer | undefined) => void;
}) {
  const { t } = useResearchTranslation();
  const titleId = `question-${question.key}-title`;
  const errorId = `question-${question.key}-error`;
  const chosen = Array.isArray(value) ? value : [];
  const hint =
    question.type === 'multiple'
      ? question.maxChoices !== undefined
        ? t('answer.maxChoices', { n: question.maxChoices, chosen: chosen.length })
        : t('answer.anyChoices')
      : question.type === 'scale'
        ? t('answer.scaleHint', { points: question.points })
        : null;

  return (
    <div
      role="group"
      aria-labelledby={titleId}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      className={`gz-question ${error ? 'has-error' : ''}`}
      data-question={question.key}
      data-testid="answer-question"
    >
      <div className="gz-question-title" id={titleId}>
        <span className="gz-question-no gz-num">{index + 1}.</span>
        <span className="gz-question-text">
          {question.text}
          {question.required ? (
            <span className="gz-question-required" title={t('answer.required')} aria-label={t('answer.required')}>
              *
            </span>
          ) : (
            <span className="gz-question-optional">{t('answer.optional')}</span>
          )}
        </span>
      </div>
      {hint ? <div className="gz-question-hint">{hint}</div> : null}
      <QuestionInput question={question} value={value} disabled={disabled} onChange={onChange} labelledBy={titleId} />
      {error ? (
        <div className="gz-field-error gz-question-error" id={errorId} role="alert" data-testid="question-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

function QuestionInput({
  question,
  value,
  disabled,
  labelledBy,
  onChange,
}: {
  question: Question;
  value: Answer | undefined;
  disabled?: boolean;
  labelledBy: string;
  onChange: (value: Answer | undefined) => void;
}) {
  const { t } = useResearchTranslation();
  switch (question.type) {
    case 'single':
      return (
        <>
          <Radio.Group
            className="gz-choices"
            value={typeof value === 'string' ? value : null}
            onChange={(event) => onChange(event.target.value as string)}
            disabled={disabled}
            aria-labelledby={labelledBy}
          >
            {question.options.map((option) => (
              <Radio key={option} value={option} className="gz-choice">
                {option}
              </Radio>
            ))}
          </Radio.Group>
          {!question.required && typeof value === 'string' ? (
            <button type="button" className="gz-link-button gz-question-clear" onClick={() => onChange(undefined)}>
              {t('answer.clear')}
            </button>
          ) : null}
        </>
      );
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [];
      const isFull = question.maxChoices !== undefined && chosen.length >= question.maxChoices;
      return (
        <Checkbox.Group
          className="gz-choices"
          value={chosen}
          onChange={(next) => {
            const picked = question.options.filter((option) => (next as string[]).includes(option));
            onChange(picked.length > 0 ? picked : undefined);
          }}
          disabled={disabled}
          aria-labelledby={labelledBy}
        >
          {question.options.map((option) => (
            <Checkbox key={option} value={option} className="gz-choice" disabled={isFull && !chosen.includes(option)}>
              {option}
            </Checkbox>
          ))}
        </Checkbox.Group>
      );
    }
    case 'scale': {
      const points = Array.from({ length: question.points }, (_, index) => index + 1);
      return (
        <div className="gz-scale">
          <div
            className="gz-scale-points"
            role="radiogroup"
            aria-labelledby={labelledBy}
            style={{ gridTemplateColumns: `repeat(${question.points}, minmax(0, 1fr))` }}
          >
            {points.map((point) => (
              <button
                key={point}
                type="button"
                role="radio"
                aria-checked={value === point}
                aria-label={
                  point === 1 || point === question.points
                    ? t('answer.scalePointLabeled', {
                        n: point,
                        label: point === 1 ? question.lowLabel : question.highLabel,
                      })
                    : t('answer.scalePoint', { n: point })
                }
                className={`gz-scale-point gz-num ${value === point ? 'is-selected' : ''}`}
                disabled={disabled}
                // Choosing the chosen point again takes it back, where the question may stay unanswered.
                onClick={() => onChange(value === point && !question.required ? undefined : point)}
                data-testid={`scale-${question.key}-${point}`}
              >
                {point}
              </button>
            ))}
          </div>
          <div className="gz-scale-ends" aria-hidden="true">
            <span>{t('answer.scaleEnd', { n: 1, label: question.lowLabel })}</span>
            <span>{t('answer.scaleEnd', { n: question.points, label: question.highLabel })}</span>
          </div>
        </div>
      );
    }
    case 'text':
      return (
        <Input.TextArea
          className="gz-question-textarea"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          disabled={disabled}
          maxLength={MAX_TEXT_ANSWER}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder={t('answer.textPlaceholder')}
          aria-labelledby={labelledBy}
        />
      );
  }
}
