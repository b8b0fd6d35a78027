import type { FieldError, Locale } from '@gongzhi/contracts';
import { isApiError } from '../../../lib/errors';
import type { PublicAdoptionDraft, PublicCommentsBody } from '../api/public-comments';
import type { PublicCommentsKey } from './use-public-comments-translation';

/** One comment card as the resident types it; `id` keeps its messages on it when another card is removed. */
export interface CommentDraft {
  id: number;
  clause: string;
  body: string;
}

/** What the comment page asks of a set of comments (the API's limits, from the page's data). */
export type CommentLimits = PublicAdoptionDraft['limits'];

/** A message for the resident: a catalogue key and its values, or the server's own (localized) words. */
export type CommentMessage = { key: PublicCommentsKey; values?: Record<string, number> } | { text: string };

/** Messages by card id (`body`, `clause`), and for the signature. */
export interface CommentErrors {
  cards: Record<number, { body?: CommentMessage; clause?: CommentMessage }>;
  signedAs?: CommentMessage;
}

export const noErrors = (): CommentErrors => ({ cards: {} });

export const errorCount = (errors: CommentErrors): number =>
  Object.values(errors.cards).reduce((sum, card) => sum + (card.body ? 1 : 0) + (card.clause ? 1 : 0), 0) +
  (errors.signedAs ? 1 : 0);

/** Both sets of messages, the first's winning where both speak of the same field. */
export function mergeErrors(first: CommentErrors, second: CommentErrors): CommentErrors {
  const cards: CommentErrors['cards'] = {};
  for (const id of new Set([...Object.keys(first.cards), ...Object.keys(second.cards)].map(Number))) {
    const card = { ...second.cards[id], ...first.cards[id] };
    if (card.body || card.clause) cards[id] = card;
  }
  const signedAs = first.signedAs ?? second.signedAs;
  return signedAs ? { cards, signedAs } : { cards };
}

/**
 * Checks the comments as the server will (a comment needs words; each field within its limit) and
 * gives the body to send: text trimmed, an empty clause left out (the draft as a whole), an empty
 * signature left out (anonymous).
 */
export function checkComments(
  cards: readonly CommentDraft[],
  signedAs: string,
  limits: CommentLimits,
): { ok: true; body: PublicCommentsBody } | { ok: false; errors: CommentErrors } {
  const errors = noErrors();
  for (const card of cards) {
    const body = card.body.trim();
    const clause = card.clause.trim();
    const messages: CommentErrors['cards'][number] = {};
    if (!body) messages.body = { key: 'errors.bodyRequired' };
    else if (body.length > limits.body) messages.body = { key: 'errors.bodyTooLong', values: { max: limits.body } };
    if (clause.length > limits.clause) messages.clause = { key: 'errors.clauseTooLong', values: { max: limits.clause } };
    if (messages.body || messages.clause) errors.cards[card.id] = messages;
  }
  const signature = signedAs.trim();
  if (signature.length > limits.signedAs)
    errors.signedAs = { key: 'errors.signedAsTooLong', values: { max: limits.signedAs } };
  if (errorCount(errors) > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      comments: cards.map((card) => {
        const clause = card.clause.trim();
        return clause ? { clause, body: card.body.trim() } : { body: card.body.trim() };
      }),
      ...(signature ? { signedAs: signature } : {}),
    },
  };
}

/**
 * The server's refusal, on the cards it names: `comments.<n>.body` is the n-th card sent (the
 * cards in their order on the page). Its messages come in the page's language.
 */
export function serverCommentErrors(error: unknown, cards: readonly CommentDraft[]): CommentErrors {
  const errors = noErrors();
  if (!isApiError(error) || (error.code !== 'form_invalid' && error.code !== 'validation_failed')) return errors;
  for (const item of error.fieldErrors as readonly FieldError[]) {
    const named = /^comments\.(\d+)(?:\.(body|clause))?$/.exec(item.field);
    if (named) {
      const card = cards[Number(named[1])];
      if (!card) continue;
      const field = named[2] === 'clause' ? 'clause' : 'body';
      errors.cards[card.id] = { ...errors.cards[card.id] };
      errors.cards[card.id]![field] ??= { text: item.message };
    } else if (item.field === 'signedAs') {
      errors.signedAs ??= { text: item.message };
    }
  }
  return errors;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const formatDate = (civil: string, locale: Locale, withYear: boolean): string => {
  const key = `${locale}:${withYear}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      // A civil date: read and written at midnight UTC, whatever the phone's zone.
      timeZone: 'UTC',
      ...(withYear ? { year: 'numeric' } : {}),
      month: 'long',
      day: 'numeric',
    });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(new Date(`${civil}T00:00:00Z`));
};

/**
 * The notice period as people write it: the year once when both days share it — at the start in
 * Chinese (2026年11月27日 … 12月7日), at the end in English (27 November … 7 December 2026).
 */
export function noticePeriodParts(from: string, to: string, locale: Locale): { from: string; to: string } {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  if (!sameYear) return { from: formatDate(from, locale, true), to: formatDate(to, locale, true) };
  return locale === 'en'
    ? { from: formatDate(from, locale, false), to: formatDate(to, locale, true) }
    : { from: formatDate(from, locale, true), to: formatDate(to, locale, false) };
}
