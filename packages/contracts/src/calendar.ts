import { z } from 'zod';
import { idParamsSchema, idSchema, instantSchema, line } from './common';
import { defineOperation, linksById } from './operation';

/** How many live addresses one person may hold (one per phone, computer or calendar app, and per engagement). */
export const MAX_CALENDAR_FEEDS = 10;

export const calendarFeedSchema = z
  .object({
    id: idSchema,
    /** What the person called it: 手机日历, Outlook … */
    name: line(100),
    /** Null: the person's own calendar across their engagements; otherwise the engagement's (for its PM or partner). */
    engagement: z.object({ id: idSchema, name: line(200) }).strict().nullable(),
    createdAt: instantSchema,
    /** When a calendar app last fetched it. */
    lastReadAt: instantSchema.nullable(),
    revokedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'CalendarFeed' });

export const createCalendarFeedBodySchema = z
  .object({
    name: line(100),
    /** Leave out for one's own calendar; an engagement's id for its feed (its PM or partner only). */
    engagementId: idSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateCalendarFeedBody' });

export const createdCalendarFeedSchema = z
  .object({
    feed: calendarFeedSchema,
    /**
     * The address to subscribe to, from the API's origin (`/api/public/calendar/…`): prefix the
     * dashboard's origin (https://… or webcal://…). Shown this once; only its hash is stored.
     */
    path: line(300),
  })
  .strict()
  .meta({ id: 'CreatedCalendarFeed' });

export const listCalendarFeeds = defineOperation({
  id: 'listCalendarFeeds',
  method: 'GET',
  path: '/api/me/calendar-feeds',
  tag: 'calendar',
  summary: { zh: '我的日历订阅', en: 'My calendar feeds' },
  description: 'Live and revoked addresses, newest first; the addresses themselves are not shown again.',
  permission: { auth: 'user', rules: ['own-resource'] },
  responses: { 200: z.object({ items: z.array(calendarFeedSchema).max(100) }).strict() },
  links: linksById('$response.body#/items/0/id', ['revokeCalendarFeed']),
});

export const createCalendarFeed = defineOperation({
  id: 'createCalendarFeed',
  method: 'POST',
  path: '/api/me/calendar-feeds',
  tag: 'calendar',
  summary: { zh: '生成日历订阅地址', en: 'Create a calendar feed' },
  description: `A secret iCalendar (RFC 5545) address for a calendar app (iPhone, Outlook, 企业微信/钉钉 calendars): one's own open tasks' due dates, deliverables awaiting one's review (a partner), 会诊 deadlines (those asked, the requester, the partner), problem cases' step deadlines (the PM), and the events of one's live engagements — 公示 periods, residents' meetings and owners' votes, events held (training, symposiums, promotion; as recorded on done tasks, for a client contact only released work) and field-research sessions (the firm's team only) — or, with \`engagementId\`, one engagement's for its PM or partner (404 for an engagement one is not on, 403 for another role on its team). The address is in this response only. At most ${MAX_CALENDAR_FEEDS} live addresses per person (409 beyond).`,
  permission: { auth: 'user', rules: ['session-only'] },
  body: createCalendarFeedBodySchema,
  responses: { 201: createdCalendarFeedSchema },
  errors: ['conflict', 'form_invalid', 'forbidden', 'not_found'],
  links: linksById('$response.body#/feed/id', ['revokeCalendarFeed']),
});

export const revokeCalendarFeed = defineOperation({
  id: 'revokeCalendarFeed',
  method: 'DELETE',
  path: '/api/me/calendar-feeds/:id',
  tag: 'calendar',
  summary: { zh: '停用日历订阅地址', en: 'Revoke a calendar feed' },
  description: 'The address stops answering at once (404). Idempotent: revoking a revoked feed answers with it unchanged.',
  permission: { auth: 'user', rules: ['own-resource', 'session-only'] },
  params: idParamsSchema,
  responses: { 200: calendarFeedSchema },
});

export const calendarFeedTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }).strict();

export const getCalendarFeed = defineOperation({
  id: 'getCalendarFeed',
  method: 'GET',
  path: '/api/public/calendar/:token',
  tag: 'calendar',
  summary: { zh: '日历订阅（iCalendar）', en: 'A calendar feed (iCalendar)' },
  description:
    'What a calendar app fetches: `text/calendar` (RFC 5545), all-day events on their Asia/Shanghai day (deadlines marked free, a reminder at 09:00 the day before on one’s own work), stable UIDs, built from the record as of now (calendar apps re-fetch every few hours, so moved dates follow). No sign-in — the address is the secret; 30 fetches a minute per address (429 beyond); 404 for an unknown or revoked one (disabling a person revokes all of theirs), or for an engagement feed whose owner is no longer its PM or partner.',
  permission: { auth: 'public' },
  params: calendarFeedTokenParamsSchema,
  responseEncoding: 'calendar',
  responses: { 200: z.string().meta({ description: 'An iCalendar (VCALENDAR with VEVENTs)' }) },
});
