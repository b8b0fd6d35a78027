import { type z } from 'zod';
import { type LocalizedText } from '@gongzhi/domain';
import { type ErrorCode, type ErrorStatus, errorResponseSchema, errorStatus } from './errors';
import { type Permission, canBeForbidden, isAuthenticated } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type SuccessStatus = 200 | 201;

/** `json` (default) or `multipart/form-data` with the body schema's fields as parts. */
export type RequestEncoding = 'json' | 'multipart';
/** `json` (default), a file download, a server-sent-event stream, plain text, or an iCalendar (`text/calendar`). */
export type ResponseEncoding = 'json' | 'binary' | 'event-stream' | 'text' | 'calendar';

export type OperationTag =
  | 'auth'
  | 'users'
  | 'tokens'
  | 'calendar'
  | 'engagements'
  | 'templates'
  | 'tasks'
  | 'deliverables'
  | 'knowledge'
  | 'research'
  | 'cases'
  | 'hotline'
  | 'worklog'
  | 'consultations'
  | 'adoptions'
  | 'audit'
  | 'notifications'
  | 'events'
  | 'system';

/**
 * A runtime expression into the success response's body, as OpenAPI links write it:
 * `$response.body#/id`, `$response.body#/items/0/id` (a JSON Pointer).
 */
export type ResponseBodyExpression = `$response.body#/${string}`;

/**
 * An OpenAPI link: the operation a success response leads to, and where each of its path
 * parameters comes from in the response body. Clients and schemathesis' stateful phase follow them.
 */
export interface OperationLink {
  /** The `id` of the operation the link leads to. */
  readonly operationId: string;
  /** Path parameters of that operation, by name. */
  readonly parameters: Readonly<Record<string, ResponseBodyExpression>>;
}

export interface OperationSpec {
  readonly id: string;
  readonly method: HttpMethod;
  /** Fastify-style path: `/api/tasks/:id/complete`. */
  readonly path: `/${string}`;
  readonly summary: LocalizedText;
  /** For the OpenAPI document: behaviour, side effects, what the error codes mean here. */
  readonly description?: string;
  readonly tag: OperationTag;
  readonly permission: Permission;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly requestEncoding?: RequestEncoding;
  readonly responseEncoding?: ResponseEncoding;
  /** Success responses only; the error responses are derived (see `defineOperation`). */
  readonly responses: Readonly<Partial<Record<SuccessStatus, z.ZodType>>>;
  /** Business errors particular to this operation, beyond those its shape implies. */
  readonly errors?: readonly ErrorCode[];
  /**
   * Links from the success response to the operations that take the ids it carries, by link name
   * (`^[A-Za-z0-9._-]+$`); the OpenAPI document declares them on the success response.
   */
  readonly links?: Readonly<Record<string, OperationLink>>;
}

export type ErrorResponses = Readonly<Partial<Record<ErrorStatus, typeof errorResponseSchema>>>;

export type Operation<S extends OperationSpec = OperationSpec> = Omit<S, 'responses'> & {
  /** Every documented status: the success schema(s) and the one error schema for each error status. */
  readonly responses: S['responses'] & ErrorResponses;
  /** Every error code this operation can answer with, for the OpenAPI text and the matrix test. */
  readonly errorCodes: readonly ErrorCode[];
};

const STATE_CHANGING: ReadonlySet<HttpMethod> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
export const isStateChanging = (method: HttpMethod): boolean => STATE_CHANGING.has(method);

/** `:name` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z][A-Za-z0-9_]*)/g)].map((match) => match[1] as string);
}

/** The error codes any operation of this shape can produce, whatever it does. */
function impliedErrors(spec: OperationSpec): ErrorCode[] {
  const codes: ErrorCode[] = ['validation_failed', 'rate_limited', 'internal'];
  if (isAuthenticated(spec.permission)) codes.push('unauthenticated', 'account_disabled');
  if (canBeForbidden(spec.permission)) codes.push('forbidden');
  // Session cookies need the CSRF header on every state-changing request (logins have no session yet).
  if (isStateChanging(spec.method) && isAuthenticated(spec.permission)) codes.push('csrf_failed');
  if (pathParamNames(spec.path).length > 0) codes.push('not_found');
  if (spec.body) codes.push('payload_too_large', 'unsupported_media_type');
  return codes;
}

/**
 * Declares one API operation. The result carries everything the API needs to register the
 * route (schemas, permission, every response status), the typed client needs to call it, and
 * the tests need to check the whole surface.
 */
export function defineOperation<const S extends OperationSpec>(spec: S): Operation<S> {
  const errorCodes = [...new Set([...impliedErrors(spec), ...(spec.errors ?? [])])];
  const errorResponses: Partial<Record<ErrorStatus, typeof errorResponseSchema>> = {};
  for (const code of errorCodes) errorResponses[errorStatus[code]] = errorResponseSchema;
  return { ...spec, responses: { ...spec.responses, ...errorResponses }, errorCodes } as Operation<S>;
}

/** Links to the operations taking an `id` path parameter, named after them, all from one expression. */
export function linksById(expression: ResponseBodyExpression, operationIds: readonly string[]): Record<string, OperationLink> {
  return Object.fromEntries(operationIds.map((operationId) => [operationId, { operationId, parameters: { id: expression } }]));
}

/** The success status an operation answers with (201 for creations, 200 otherwise). */
export function successStatusOf(operation: Pick<OperationSpec, 'responses'>): SuccessStatus {
  return operation.responses[201] ? 201 : 200;
}
