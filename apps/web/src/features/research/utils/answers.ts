import { type FieldError, type Locale, pickText } from '@gongzhi/contracts';
import { type Answer, type Answers, checkAnswers, type Question } from '@gongzhi/domain';
import { isApiError } from '../../../lib/errors';

/** What the inputs hold while someone answers: a question not yet answered is absent or undefined. */
export type AnswerDraft = Record<string, Answer | undefined>;

/** One message per question key, in the UI language. */
export type AnswerErrors = Record<string, string>;

/**
 * The check the server makes (the domain's `checkAnswers`), before sending: either the answers to
 * send (trimmed, blanks left out) or one message per question.
 */
export function checkDraft(
  questions: readonly Question[],
  draft: AnswerDraft,
  locale: Locale,
): { ok: true; answers: Answers } | { ok: false; errors: AnswerErrors } {
  const input: Record<string, unknown> = {};
  for (const question of questions) {
    const value = draft[question.key];
    if (value !== undefined) input[question.key] = value;
  }
  const result = checkAnswers(questions, input);
  if (result.ok) return { ok: true, answers: result.answers };
  const errors: AnswerErrors = {};
  for (const error of result.errors) errors[error.field] ??= pickText(error.message, locale);
  return { ok: false, errors };
}

/** A refused response's field errors by question key (the API names `answers.<key>` or the key). */
export function serverAnswerErrors(error: unknown): AnswerErrors {
  if (!isApiError(error) || (error.code !== 'form_invalid' && error.code !== 'validation_failed')) return {};
  const errors: AnswerErrors = {};
  for (const item of error.fieldErrors as readonly FieldError[])
    errors[item.field.replace(/^answers\./, '')] ??= item.message;
  return errors;
}

/** The first question (in order) that has an error. */
export const firstWithError = (questions: readonly Question[], errors: AnswerErrors): Question | undefined =>
  questions.find((question) => errors[question.key] !== undefined);

/** Brings a question into view (after a refused submit). */
export function scrollToQuestion(key: string): void {
  const element = document.querySelector<HTMLElement>(`[data-question="${CSS.escape(key)}"]`);
  element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}
