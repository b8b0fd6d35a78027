import { type ErrorCode, type FieldError, errorStatus } from '@gongzhi/contracts';
import { type FieldError as DomainFieldError, type LocalizedText } from '@gongzhi/domain';

/**
 * A refusal the API answers with on purpose: a stable code from the contract, optionally a
 * bilingual message (the catalogue's otherwise) and per-field errors. The error handler turns it
 * into the one error shape, in the caller's language.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly localizedMessage: LocalizedText | undefined;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      message?: LocalizedText;
      fieldErrors?: FieldError[];
      /** The domain's bilingual field errors (task forms), localized when answered. */
      domainFieldErrors?: DomainFieldError[];
      /** Sent as `Retry-After`: when a throttled caller may try again. */
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(options.message?.en ?? code);
    this.statusCode = errorStatus[code];
    this.localizedMessage = options.message;
  }
}

export const notFound = (): ApiError => new ApiError('not_found');
export const forbidden = (): ApiError => new ApiError('forbidden');
/** A withdrawal sent with a blank reason (the contract only bounds its length). */
export const reasonRequired = (): ApiError => new ApiError('form_invalid', { domainFieldErrors: [{ field: 'reason', code: 'required', message: { zh: '请填写撤销理由', en: 'Give the reason' } }] });
