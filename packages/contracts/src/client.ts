import { type z } from 'zod';
import { type Locale } from './common';
import { type ErrorBody, type ErrorCode, errorResponseSchema } from './errors';
import { type EngagementEvent, engagementEventSchema } from './events';
import { type Operation, type SuccessStatus, isStateChanging, successStatusOf } from './operation';
import { type OperationId, type Operations, operations } from './operations';

export const CSRF_HEADER = 'x-csrf-token';

/** Thrown for every non-2xx answer; `body` is the API's error shape (synthesised if the answer was not one). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly body: ErrorBody,
    /** False when something between us and the API answered (a proxy's 502 page) and the body was synthesised. */
    readonly isApiErrorBody: boolean,
  ) {
    super(body.message);
    this.code = body.code;
  }
  get fieldErrors(): NonNullable<ErrorBody['fieldErrors']> {
    return this.body.fieldErrors ?? [];
  }
  get requestId(): string {
    return this.body.requestId;
  }
}

/** A 2xx answer that does not match its contract: the client and API disagree, a bug either side. */
export class ApiContractError extends Error {
  override readonly name = 'ApiContractError';
  constructor(
    readonly operationId: string,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {
    super(`${operationId}: response does not match the contract: ${issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ')}`);
  }
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (RFC 5987 `filename*` preferred); null when absent. */
  fileName: string | null;
  contentType: string | null;
}

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * Query values as the handler receives them (numbers, booleans, arrays), not as strings; keys the
 * server defaults (page, sort) may be left out.
 */
export type QueryArg<Q extends z.ZodType> = { [K in keyof z.output<Q> & RequiredKeys<z.input<Q>>]: z.output<Q>[K] } & {
  [K in Exclude<keyof z.output<Q>, RequiredKeys<z.input<Q>>>]?: z.output<Q>[K];
};

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export type OperationArgs<Op> = (Op extends { params: infer P extends z.ZodType } ? { params: z.output<P> } : unknown) &
  (Op extends { query: infer Q extends z.ZodType } ? { query?: QueryArg<Q> } : unknown) &
  (Op extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : unknown) &
  RequestOptions;

type SuccessSchemaOf<Op> = Op extends { responses: infer R } ? R[keyof R & SuccessStatus] : never;

export type OperationResult<Op> = Op extends { responseEncoding: 'binary' }
  ? DownloadedFile
  : Op extends { responseEncoding: 'event-stream' }
    ? Response
    : Op extends { responseEncoding: 'text' | 'calendar' }
      ? string
      : SuccessSchemaOf<Op> extends z.ZodType
        ? z.output<SuccessSchemaOf<Op>>
        : never;

export type ClientMethod<Op> =
  RequiredKeys<OperationArgs<Op>> extends never
    ? (args?: OperationArgs<Op>) => Promise<OperationResult<Op>>
    : (args: OperationArgs<Op>) => Promise<OperationResult<Op>>;

export type ApiClient = { readonly [K in OperationId]: ClientMethod<Operations[K]> } & {
  /** The absolute URL of an operation, e.g. for `new EventSource(url, { withCredentials: true })`. */
  url<K extends OperationId>(id: K, args?: Pick<OperationArgs<Operations[K]>, Extract<keyof OperationArgs<Operations[K]>, 'params' | 'query'>>): string;
  /** The session's CSRF token, captured from login and getMe; null until then and after logout. */
  getCsrfToken(): string | null;
  setCsrfToken(token: string | null): void;
};

export interface ApiClientOptions {
  /** Origin (and prefix) of the API, `https://gongzhi.example.cn`; paths already start with `/api`. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** A personal API token: sent as `Authorization: Bearer`; token requests need no CSRF header. */
  token?: string;
  /** The language error messages should come in; sent as Accept-Language. */
  locale?: Locale | (() => Locale);
  /** Check every 2xx JSON answer against its schema (default true): contract drift fails loudly. */
  validateResponses?: boolean;
}

const statusFallbackCode = (status: number): ErrorCode =>
  (
    ({ 400: 'validation_failed', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'validation_failed', 429: 'rate_limited', 503: 'not_ready' }) as Partial<
      Record<number, ErrorCode>
    >
  )[status] ?? (status >= 500 ? 'internal' : 'validation_failed');

/** Fills `:name` segments; every one must be given. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new TypeError(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** Query values in their wire form: repeated keys for arrays, `true`/`false`, decimal numbers. */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/.exec(disposition)?.[1]?.trim() ?? null;
}

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : key);
    else form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}

/**
 * The typed client: one method per operation of the registry, each taking `{ params, query, body }`
 * as that operation declares them and resolving to its parsed success body. Cookies travel with
 * `credentials: 'include'`; the CSRF token from login/getMe goes out on every state-changing call.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const validate = options.validateResponses ?? true;
  let csrfToken: string | null = null;

  const urlOf = (operation: Operation, args: { params?: unknown; query?: unknown } | undefined) =>
    `${baseUrl}${buildPath(operation.path, args?.params as Record<string, unknown> | undefined)}${buildQuery(args?.query as Record<string, unknown> | undefined)}`;

  async function call(operation: Operation, args: (RequestOptions & { params?: unknown; query?: unknown; body?: unknown }) | undefined): Promise<unknown> {
    const encoding = operation.responseEncoding ?? 'json';
    const headers = new Headers(args?.headers);
    headers.set('accept', encoding === 'json' ? 'application/json' : encoding === 'event-stream' ? 'text/event-stream' : '*/*');
    const locale = typeof options.locale === 'function' ? options.locale() : options.locale;
    if (locale) headers.set('accept-language', locale === 'en' ? 'en' : 'zh-CN,zh;q=0.9');
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    else if (isStateChanging(operation.method) && csrfToken) headers.set(CSRF_HEADER, csrfToken);

    let body: RequestInit['body'];
    if (operation.body && args?.body !== undefined) {
      if (operation.requestEncoding === 'multipart') body = toFormData(args.body as Record<string, unknown>);
      else {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(args.body);
      }
    }

    const response = await doFetch(urlOf(operation, args), {
      method: operation.method,
      headers,
      body,
      credentials: 'include',
      signal: args?.signal,
    });

    if (!response.ok) throw await errorFrom(operation.id, response);

    switch (encoding) {
      case 'event-stream':
        return response;
      case 'text':
      case 'calendar':
        return response.text();
      case 'binary':
        return {
          blob: await response.blob(),
          fileName: fileNameFrom(response.headers.get('content-disposition')),
          contentType: response.headers.get('content-type'),
        } satisfies DownloadedFile;
      case 'json': {
        const json: unknown = await response.json();
        const schema = operation.responses[successStatusOf(operation)] as z.ZodType;
        let result = json;
        if (validate) {
          const parsed = schema.safeParse(json);
          if (!parsed.success) throw new ApiContractError(operation.id, parsed.error.issues);
          result = parsed.data;
        }
        if (result && typeof result === 'object' && 'csrfToken' in result && (typeof result.csrfToken === 'string' || result.csrfToken === null)) {
          csrfToken = result.csrfToken;
        }
        if (operation.id === 'logout') csrfToken = null;
        return result;
      }
    }
  }

  const methods = Object.fromEntries(
    Object.values(operations).map((operation: Operation) => [operation.id, (args?: Parameters<typeof call>[1]) => call(operation, args)]),
  );
  return {
    ...methods,
    url: (id: OperationId, args?: { params?: unknown; query?: unknown }) => urlOf(operations[id] as Operation, args),
    getCsrfToken: () => csrfToken,
    setCsrfToken: (token: string | null) => {
      csrfToken = token;
    },
  } as unknown as ApiClient;
}

async function errorFrom(operationId: string, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = errorResponseSchema.safeParse(json);
  if (parsed.success) return new ApiError(operationId, response.status, parsed.data.error, true);
  return new ApiError(
    operationId,
    response.status,
    {
      code: statusFallbackCode(response.status),
      message: `HTTP ${response.status} ${response.statusText}`.trim(),
      requestId: response.headers.get('x-request-id') ?? 'unknown',
    },
    false,
  );
}

/**
 * Reads an engagement's server-sent events from a `streamEngagementEvents` response (Node, or
 * browsers where EventSource will not do), validating each against the event schema. Ends when
 * the stream ends; abort the request's signal to stop.
 */
export async function* readEngagementEvents(response: Response): AsyncGenerator<{ id: string | null; event: EngagementEvent }> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const frame = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf('\n\n');
        let id: string | null = null;
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const content = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') id = content;
          else if (field === 'data') data.push(content);
        }
        if (data.length > 0) yield { id, event: engagementEventSchema.parse(JSON.parse(data.join('\n'))) };
      }
    }
  } finally {
    reader.releaseLock();
  }
}
