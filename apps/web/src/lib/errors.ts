import type { ApiContractError, ApiError, ErrorCode } from '@gongzhi/contracts';
import type { TFunction } from 'i18next';

/*
 * The error classes live in the contract chunk, which loads lazily (see api-client.ts); they are
 * recognised by their names so the shell can describe errors without loading the contract.
 */
export const isApiError = (error: unknown, code?: ErrorCode): error is ApiError =>
  error instanceof Error && error.name === 'ApiError' && (code === undefined || (error as ApiError).code === code);

export const isApiContractError = (error: unknown): error is ApiContractError => error instanceof Error && error.name === 'ApiContractError';

export interface DescribedError {
  /** What went wrong, in the UI language (the API's own localized message when it answered). */
  title: string;
  /** What to do about it, when there is something to say beyond the title. */
  hint: string | null;
  /** For the administrator: quote it when reporting a problem. */
  requestId: string | null;
  code: ErrorCode | null;
}

/** Codes whose API message says what happened but not what the user can do next. */
const HINTED_CODES = ['unauthenticated', 'forbidden', 'not_found', 'conflict', 'internal', 'not_ready', 'engagement_not_running', 'stale_revision', 'not_assignee', 'not_reviewer', 'task_not_open'] as const;
type HintedCode = (typeof HINTED_CODES)[number];
const isHinted = (code: ErrorCode): code is HintedCode => (HINTED_CODES as readonly string[]).includes(code);

export function describeError(error: unknown, t: TFunction): DescribedError {
  if (isApiError(error)) {
    if (!error.isApiErrorBody) {
      // A proxy or gateway answered: the API itself is down or restarting.
      return { title: t('errors.unreachable.title'), hint: t('errors.unreachable.hint'), requestId: null, code: error.code };
    }
    return {
      title: error.message,
      hint: isHinted(error.code) ? t(`errors.hints.${error.code}`) : null,
      requestId: error.requestId === 'unknown' ? null : error.requestId,
      code: error.code,
    };
  }
  if (isApiContractError(error)) {
    return { title: t('errors.contract.title'), hint: t('errors.contract.hint'), requestId: null, code: null };
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network or the server is unreachable.
    return { title: t('errors.unreachable.title'), hint: t('errors.unreachable.hint'), requestId: null, code: null };
  }
  return { title: t('errors.unknown.title'), hint: t('errors.unknown.hint'), requestId: null, code: null };
}

/** Client errors will not succeed on retry; network failures and 5xx might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500) return false;
  if (isApiContractError(error)) return false;
  return failureCount < 2;
}
