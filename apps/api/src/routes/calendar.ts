import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { MAX_CALENDAR_FEEDS, operations } from '@gongzhi/contracts';
import { type CalendarScope, findLiveCalendarFeed, loadCalendarSource, teamRoleOf } from '@gongzhi/db';
import { ApiError, notFound } from '../lib/api-error';
import { recordAudit } from '../lib/audit';
import { registerOperation } from '../lib/operation-route';
import { newSecret, sha256Hex } from '../lib/secrets';
import { callerOfRequest } from '../plugins/app/access';
import { calendarEntriesOf, type FeedLocale, renderCalendar } from '../views/calendar-views';
import { isoOrNull, iso } from '../views/common';

/** Calendar addresses carry a recognisable prefix, like API tokens: easy to grep for in a leak. */
const FEED_TOKEN_PREFIX = 'gzc_';
/** Fetches of one address per minute: calendar apps refresh every few minutes at most. */
const FEED_READ_LIMIT = { max: 30, timeWindow: 60_000 };
/** Who may subscribe to an engagement's calendar: the team's PM and partner. */
const ENGAGEMENT_FEED_ROLES = new Set(['pm', 'partner']);

export const calendarFeedPath = (token: string) => `/api/public/calendar/${token}`;

const feedSelect = { id: true, name: true, createdAt: true, lastReadAt: true, revokedAt: true, engagement: { select: { id: true, name: true } } } as const;
type FeedView = { id: string; name: string; createdAt: Date; lastReadAt: Date | null; revokedAt: Date | null; engagement: { id: string; name: string } | null };

const viewOf = (feed: FeedView) => ({ id: feed.id, name: feed.name, engagement: feed.engagement, createdAt: iso(feed.createdAt), lastReadAt: isoOrNull(feed.lastReadAt), revokedAt: isoOrNull(feed.revokedAt) });

/**
 * 订阅日历: a person's secret iCal addresses (their own, or an engagement's for its PM or partner)
 * and the feed a calendar app fetches. The addresses are the person's own settings, written here
 * like API tokens; the feed reads the record and writes only when it was last fetched.
 */
export default async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock } = fastify;

  registerOperation(fastify, operations.listCalendarFeeds, async (request) => {
    const { identity } = callerOfRequest(request);
    const feeds = await db.calendarFeed.findMany({ where: { userId: identity.user.id }, select: feedSelect, orderBy: { createdAt: 'desc' }, take: 100 });
    return { items: feeds.map(viewOf) };
  });

  registerOperation(fastify, operations.createCalendarFeed, async (request) => {
    const { identity } = callerOfRequest(request);
    const engagementId = request.body.engagementId ?? null;
    const name = request.body.name.trim();
    if (name === '') throw new ApiError('form_invalid', { domainFieldErrors: [{ field: 'name', code: 'required', message: { zh: '请为这个订阅地址起个名字，例如“手机日历”', en: 'Name the address, e.g. “Phone calendar”' } }] });
    if (engagementId !== null) {
      const role = await teamRoleOf(db, engagementId, identity.user.id);
      if (role === null) throw notFound();
      if (!ENGAGEMENT_FEED_ROLES.has(role)) {
        throw new ApiError('forbidden', { message: { zh: '只有本项目的项目经理和合伙人可以订阅项目日历；个人日历里已有您自己的任务', en: 'Only the engagement’s PM and partner can subscribe to its calendar; your own calendar already has your tasks' } });
      }
    }
    const live = await db.calendarFeed.count({ where: { userId: identity.user.id, revokedAt: null } });
    if (live >= MAX_CALENDAR_FEEDS) {
      throw new ApiError('conflict', { message: { zh: `有效的日历订阅地址已达上限（${MAX_CALENDAR_FEEDS} 个），请先停用不用的地址`, en: `You already have ${MAX_CALENDAR_FEEDS} live calendar addresses; revoke one first` } });
    }
    const token = `${FEED_TOKEN_PREFIX}${newSecret(32)}`;
    const feed = await db.calendarFeed.create({ data: { userId: identity.user.id, engagementId, name, tokenHash: sha256Hex(token), createdAt: clock.now() }, select: feedSelect });
    await recordAudit(db, request.id, { action: 'calendar_feed.created', actorId: identity.user.id, entityType: 'calendar_feed', entityId: feed.id, after: { name: feed.name, engagementId } });
    return { feed: viewOf(feed), path: calendarFeedPath(token) };
  });

  registerOperation(fastify, operations.revokeCalendarFeed, async (request) => {
    const { identity } = callerOfRequest(request);
    const feed = await db.calendarFeed.findFirst({ where: { id: request.params.id, userId: identity.user.id }, select: feedSelect });
    if (!feed) throw notFound();
    if (feed.revokedAt) return viewOf(feed);
    const revoked = await db.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt: clock.now() }, select: feedSelect });
    await recordAudit(db, request.id, { action: 'calendar_feed.revoked', actorId: identity.user.id, entityType: 'calendar_feed', entityId: feed.id, before: { revokedAt: null }, after: { revokedAt: isoOrNull(revoked.revokedAt) } });
    return viewOf(revoked);
  });

  registerOperation(
    fastify,
    operations.getCalendarFeed,
    async (request, reply) => {
      const feed = await findLiveCalendarFeed(db, sha256Hex(request.params.token));
      if (!feed) throw notFound();
      let scope: CalendarScope = { kind: 'person', userId: feed.userId };
      if (feed.engagementId !== null) {
        // An engagement's calendar follows the team: a PM moved off it no longer receives it.
        const role = await teamRoleOf(db, feed.engagementId, feed.userId);
        if (role === null || !ENGAGEMENT_FEED_ROLES.has(role)) throw notFound();
        scope = { kind: 'engagement', userId: feed.userId, engagementId: feed.engagementId };
      }
      const now = clock.now();
      const locale: FeedLocale = feed.user.locale === 'en' ? 'en' : 'zh-CN';
      const brand = locale === 'en' ? 'Gongzhi' : '共治';
      const owner = {
        kind: scope.kind,
        userId: feed.userId,
        locale,
        title: feed.engagement ? `${brand} · ${feed.engagement.name}` : locale === 'en' ? `Gongzhi · ${feed.user.displayName}` : `共治 · ${feed.user.displayName}的日程`,
      };
      const text = renderCalendar(calendarEntriesOf(await loadCalendarSource(db, scope), owner), owner, `${request.protocol}://${request.host}`, now);
      await db.calendarFeed.update({ where: { id: feed.id }, data: { lastReadAt: now } });
      return reply
        .code(200)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="gongzhi.ics"')
        // The address is the secret: no shared cache keeps a copy.
        .header('cache-control', 'private, no-store')
        .send(text);
    },
    // Per address: calendar services (Outlook.com, 企业微信, 钉钉) fetch many people's feeds from a
    // few shared addresses, so the limit is per feed — generous for any calendar app's refreshes.
    { config: { rateLimit: { ...FEED_READ_LIMIT, keyGenerator: (request: FastifyRequest) => `calendar:${(request.params as { token?: string }).token ?? ''}` } } },
  );
}
