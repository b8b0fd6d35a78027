import { type FastifySchemaCompiler } from 'fastify';
import { type z } from 'zod';
import { UNSTORABLE_TEXT } from '@gongzhi/contracts';
import { findUnstorableText } from '@gongzhi/domain';

/** A request part (params, query, body) that failed its contract schema; keeps zod's issues whole. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly statusCode = 400;
  /** Set by Fastify: `body`, `querystring`, `params` or `headers`. */
  validationContext?: string;
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/**
 * Validates (and decodes: coerced numbers, query lists and flags, defaults) with the contract's
 * zod schemas. Unlike fastify-type-provider-zod's compiler it keeps the zod issues, so the error
 * handler can answer with `fieldErrorsFromIssues` as the contract describes.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const unstorableAt = findUnstorableText(data);
    if (unstorableAt) {
      return { error: new RequestValidationError([{ code: 'custom', path: unstorableAt, params: { reason: UNSTORABLE_TEXT }, message: 'must not contain NUL characters or invalid Unicode', input: '' }]) };
    }
    let result: ReturnType<typeof schema.safeParse>;
    try {
      result = schema.safeParse(data);
    } catch (error) {
      // A refinement that throws on input it did not expect (e.g. a date check meeting
      // `0000-00-00`) has still judged the input invalid: that is the caller's 400, not our 500.
      return { error: new RequestValidationError([{ code: 'custom', path: [], message: error instanceof Error ? error.message : 'invalid input', input: data }]) };
    }
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };
