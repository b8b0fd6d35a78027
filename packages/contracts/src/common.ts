import { z } from 'zod';
import { civilDateSchema as domainCivilDateSchema, localizedTextSchema } from '@gongzhi/domain';

/** Row ids are UUIDs; anything else in an id position is refused before a query runs. */
export const idSchema = z.uuid().meta({ description: 'UUID' });

/** An instant, ISO 8601 in UTC (`2025-03-01T02:00:00.000Z`). Civil dates use `civilDateSchema`. */
export const instantSchema = z.iso.datetime().meta({ description: 'Instant, ISO 8601 UTC' });

/**
 * A civil date, `YYYY-MM-DD` in Asia/Shanghai: the domain's schema (a real calendar date, leap
 * years included), declared `format: date` so the document says what the refinement checks.
 */
export const civilDateSchema = domainCivilDateSchema.meta({ format: 'date' });

/**
 * The first day of an engagement: a real date in 2000–2099, so every date planned from it (due
 * dates, reminders, the workflow's timers) stays within what the engine and the database handle.
 * The pattern is the whole rule (month lengths, 29 February in leap years), so the document says
 * exactly what is accepted; no `format: date` beside it, which generators read as "any date, then
 * filter by the pattern" and give up on.
 */
export const startDateSchema = z
  .string()
  .regex(
    /^20(?:[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[02468][048]|[13579][26])-02-29)$/,
    'a real date in 2000–2099, YYYY-MM-DD',
  )
  .meta({ description: 'A real date in 2000–2099, YYYY-MM-DD' });

export { localizedTextSchema };

export const localeSchema = z.enum(['zh-CN', 'en']).meta({ id: 'Locale', description: 'UI and message language; zh-CN is the default' });
export type Locale = z.infer<typeof localeSchema>;

/**
 * Text PostgreSQL can store: no NUL character. The API refuses NUL in every string of a request
 * before validation (400 `invalid_characters`, as it does lone UTF-16 surrogates, which a
 * JSON Schema pattern cannot portably name); the pattern says so in the document.
 */
export const STORABLE_TEXT = /^[^\u0000]*$/;

/** A non-empty line of text with a ceiling, so no field can carry an unbounded payload. */
export const line = (max: number) => z.string().min(1).max(max).regex(STORABLE_TEXT, 'no NUL characters');
/** Free text that may be empty. */
export const prose = (max: number) => z.string().max(max).regex(STORABLE_TEXT, 'no NUL characters');

export const userRefSchema = z
  .object({ id: idSchema, displayName: line(100) })
  .strict()
  .meta({ id: 'UserRef', description: 'A user as other screens show them' });
export type UserRef = z.infer<typeof userRefSchema>;

export const progressSchema = z
  .object({ total: z.number().int().min(0), done: z.number().int().min(0), percent: z.number().int().min(0).max(100) })
  .strict()
  .meta({ id: 'Progress', description: 'Done / total tasks (cancelled ones excluded); percent rounded down' });

export const okSchema = z.object({ ok: z.literal(true) }).strict().meta({ id: 'Ok' });

export const idParamsSchema = z.object({ id: idSchema }).strict();

/*
 * Query-string values arrive as strings (or arrays of strings when a key repeats). These
 * helpers decode them into typed values while rendering to JSON Schema as what the wire
 * carries; the typed client sends the decoded form and serialises it itself.
 */

/** An integer in the query string or path, `?page=2`, `/revisions/3/file`. */
export const queryInt = (min: number, max: number) => z.coerce.number<number>().int().min(min).max(max);

/** `true` or `false` in the query string, decoded to a boolean. */
export const queryFlag = () =>
  z.codec(z.enum(['true', 'false']), z.boolean(), {
    decode: (value) => value === 'true',
    encode: (value) => (value ? 'true' : 'false'),
  });

/** A repeatable query key, `?status=active&status=in_review`, always decoded to an array. */
export const queryList = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z.codec(z.union([item, z.array(item).min(1).max(max)]), z.array(item).min(1).max(max), {
    // An enum's input and output are the same strings; the casts only restate that for the compiler.
    decode: (value) => (Array.isArray(value) ? value : [value]) as z.input<T>[],
    encode: (value) => value as z.output<T>[],
  });

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const pageQueryShape = {
  page: queryInt(1, 10_000).default(1),
  pageSize: queryInt(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

/** One page of a list: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z
    .object({
      items: z.array(item).max(MAX_PAGE_SIZE),
      total: z.number().int().min(0),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
    })
    .strict();

/** An engagement as a line elsewhere names it. */
export const engagementRefSchema = z.object({ id: idSchema, name: line(200) }).strict().meta({ id: 'EngagementRef' });

/** A stage as a line elsewhere names it: its template key and bilingual title. */
export const stageRefSchema = z.object({ key: line(100), title: localizedTextSchema }).strict().meta({ id: 'StageRef' });

/** A community or functional department of an engagement: its key and its (Chinese) name. */
export const placeSchema = z.object({ key: line(100), name: line(100) }).strict().meta({ id: 'Place' });

/**
 * A caller's key for a create: repeating the request with the same key answers with what the first
 * one created instead of creating another; the same key with a different body is 409 `conflict`.
 */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/)
  .meta({ description: 'Repeating the request with the same key answers with what the first one created; the same key with a different body is 409 `conflict`. 8–100 letters, digits, `-`, `_`.' });

/** `:id`, an engagement: the path of every engagement-scoped collection. */
export const engagementParamsSchema = z.object({ id: idSchema }).strict();

/** What a command to an engagement's workflow may meet besides its own refusals. */
export const ENGAGEMENT_WRITE_ERRORS = ['form_invalid', 'engagement_not_running', 'temporarily_unavailable', 'engagement_needs_attention'] as const;
