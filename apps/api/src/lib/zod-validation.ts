import { type FastifySchemaCompiler } from 'fastify';
import { type z } from 'zod';

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
/**
 * Where a string holding a NUL character is, if anywhere: PostgreSQL text cannot store NUL, so
 * such input is refused up front, whatever field it is in. Iterative, for deeply nested input.
 */
export function findNulCharacter(data: unknown): (string | number)[] | null {
  interface Entry {
    value: unknown;
    key: string | number | null;
    parent: Entry | null;
  }
  const pathOf = (entry: Entry, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let current: Entry | null = entry; current && current.key !== null; current = current.parent) path.unshift(current.key);
    return path;
  };
  const stack: Entry[] = [{ value: data, key: null, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(entry);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, key: index, parent: entry }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return pathOf(entry, key);
        stack.push({ value: item, key, parent: entry });
      }
    }
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const nulAt = findNulCharacter(data);
    if (nulAt) return { error: new RequestValidationError([{ code: 'invalid_format', format: 'regex', path: nulAt, message: 'must not contain NUL characters', input: '' }]) };
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
