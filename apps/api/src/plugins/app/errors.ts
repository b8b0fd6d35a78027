import fp from 'fastify-plugin';
import { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  type ErrorCode,
  type FieldError,
  type Locale,
  createErrorResponse,
  errorResponseSchema,
  errorStatus,
  fieldErrorsFromIssues,
  localizeFieldErrors,
  negotiateLocale,
  operationList,
  pickText,
} from '@gongzhi/contracts';
import { ApiError } from '../../lib/api-error';
import { RequestValidationError } from '../../lib/zod-validation';

const DOCUMENTATION_PATHS: { pattern: RegExp; methods: string[] }[] = [
  { pattern: /^\/api\/openapi\.json$/, methods: ['GET'] },
  { pattern: /^\/api\/docs(\/.*)?$/, methods: ['GET'] },
];
const OPERATION_PATHS = operationList.map((operation) => ({
  pattern: new RegExp(`^${operation.path.replace(/[.]/g, '\\.').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`),
  method: operation.method,
}));

/** The methods the contract (and the documentation) offers at a concrete path. */
function methodsOf(path: string): string[] {
  const methods = new Set<string>();
  for (const operation of OPERATION_PATHS) if (operation.pattern.test(path)) methods.add(operation.method);
  for (const documentation of DOCUMENTATION_PATHS) if (documentation.pattern.test(path)) documentation.methods.forEach((method) => methods.add(method));
  return [...methods].sort();
}

interface Classified {
  code: ErrorCode;
  fieldErrors?: FieldError[];
  message?: string;
  retryAfterSeconds?: number;
}

/** What a 503 asks the caller to wait before retrying. */
export const RETRY_AFTER_SECONDS = 5;

const PART_PREFIX: Record<string, string> = { querystring: 'query.', params: 'params.', headers: 'headers.' };

// Fastify's and its plugins' own error codes, as the contract names them.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_PROTO_VIOLATION: 'validation_failed',
};

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'not_ready',
};

/** Every failure, whoever raised it, as one contract error code. */
export function classifyError(error: unknown, locale: Locale): Classified {
  if (error instanceof ApiError) {
    const fieldErrors = error.options.fieldErrors ?? (error.options.domainFieldErrors ? localizeFieldErrors(error.options.domainFieldErrors, locale) : undefined);
    return {
      code: error.code,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(error.localizedMessage ? { message: pickText(error.localizedMessage, locale) } : {}),
      ...(error.options.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.options.retryAfterSeconds } : {}),
    };
  }
  if (error instanceof RequestValidationError) {
    const prefix = PART_PREFIX[error.validationContext ?? 'body'] ?? '';
    const fieldErrors = fieldErrorsFromIssues(error.issues, locale).map((fieldError) => ({ ...fieldError, field: `${prefix}${fieldError.field}`.slice(0, 200) }));
    return { code: 'validation_failed', fieldErrors };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (!fastifyError || typeof fastifyError !== 'object' || isResponseSerializationError(fastifyError)) return { code: 'internal' };
  const byCode = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (byCode) return { code: byCode };
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { code: STATUS_CODES[status] ?? 'validation_failed' };
  // JSON syntax errors and prototype poisoning arrive as 400s above; anything else is ours.
  return { code: 'internal' };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, classified: Classified): FastifyReply {
  const locale = negotiateLocale(request.headers['accept-language']);
  const body = createErrorResponse(classified.code, { locale, requestId: request.id, ...(classified.message ? { message: classified.message } : {}), ...(classified.fieldErrors ? { fieldErrors: classified.fieldErrors } : {}) });
  // The answer keeps the contract even when the details would not (field names echo the caller's input).
  const checked = errorResponseSchema.safeParse(body).success ? body : createErrorResponse(classified.code, { locale, requestId: request.id });
  // An outage is temporary: tell clients (and proxies) when to come back.
  if (classified.retryAfterSeconds !== undefined) reply.header('retry-after', String(classified.retryAfterSeconds));
  else if (classified.code === 'temporarily_unavailable' || classified.code === 'engagement_needs_attention' || classified.code === 'not_ready') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(errorStatus[classified.code]).type('application/json; charset=utf-8').send(checked);
}

const UNREADABLE_PATH = {
  zh: '请求路径无法识别：其中的参数过长（超过 {max} 个字符）或编码有误。',
  en: 'The request path cannot be read: a parameter in it is too long (over {max} characters) or badly encoded.',
};

/**
 * Fastify's router refuses a path before routing when a parameter is over `maxParamLength` (a
 * 414 of its own) or is not valid percent-encoding: both are the caller's bad input, answered as
 * a 400 in the one error shape and the caller's language, with the headers every answer carries
 * (`frameworkErrors` in app.ts). Any other error raised there (an async route constraint failing)
 * is ours: a 500, logged.
 */
export function answerBeforeRouting(maxParamLength: number, setHeaders: (request: FastifyRequest, reply: FastifyReply) => void) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    setHeaders(request, reply);
    if (error.code !== 'FST_ERR_MAX_PARAM_LENGTH' && error.code !== 'FST_ERR_BAD_URL') {
      request.log.error({ err: error }, 'request failed before routing');
      void sendError(request, reply, { code: 'internal' });
      return;
    }
    const locale = negotiateLocale(request.headers['accept-language']);
    void sendError(request, reply, { code: 'validation_failed', message: pickText(UNREADABLE_PATH, locale).replace('{max}', String(maxParamLength)) });
  };
}

/**
 * One error shape for everything: our refusals, Fastify's validation and parser errors, plugin
 * errors (rate limit, multipart) and crashes, in the caller's language. Details of 5xx errors
 * go to the log, never to the caller.
 */
export default fp(
  async (fastify) => {
    // A path the API does not have is a 404; a path it has, asked with another method, a 405
    // naming the methods it does have.
    const answerUnmatched = (request: FastifyRequest, reply: FastifyReply) => {
      const allowed = methodsOf(request.url.split('?')[0] ?? '');
      if (allowed.length === 0) return sendError(request, reply, { code: 'not_found' });
      reply.header('allow', allowed.join(', '));
      return sendError(request, reply, { code: 'method_not_allowed' });
    };
    fastify.setErrorHandler((error, request, reply) => {
      // Fastify refuses some requests before routing (a QUERY without a content type): those that
      // matched no route are answered as unmatched, whatever Fastify's objection.
      if (!request.routeOptions.url) return answerUnmatched(request, reply);
      const locale = negotiateLocale(request.headers['accept-language']);
      const classified = classifyError(error, locale);
      if (classified.code === 'internal') request.log.error({ err: error }, 'request failed');
      else request.log.debug({ code: classified.code, err: error }, 'request refused');
      return sendError(request, reply, classified);
    });
    fastify.setNotFoundHandler(answerUnmatched);
  },
  { name: 'errors' },
);
