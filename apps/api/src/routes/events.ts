import { type FastifyInstance } from 'fastify';
import { type EngagementEvent, operations } from '@gongzhi/contracts';
import { registerOperation } from '../lib/operation-route';
import { accessOf, callerOfRequest } from '../plugins/app/access';
import { type ChangeSignal } from '../plugins/app/changes';
import { deliverableStatusOf } from '../lib/deliverable-status';
import { LISTED_KINDS } from '../views/notification-views';

/** Comment lines keep proxies from closing an idle stream. */
const PING_INTERVAL_MS = 25_000;

/** Event ids increase across the process's life and, being time-based, across restarts. */
let lastEventId = Date.now() * 1000;
const nextEventId = () => String(++lastEventId);

export default async function eventRoutes(fastify: FastifyInstance): Promise<void> {
  const { db, clock } = fastify;

  /** Turns one change notification into the events this caller may see (usually one). */
  async function eventsFor(engagementId: string, signal: ChangeSignal, approvedOnly: boolean): Promise<EngagementEvent[]> {
    const at = clock.now().toISOString();
    const engagementEvent = async (): Promise<EngagementEvent[]> => {
      const engagement = await db.engagement.findUnique({ where: { id: engagementId }, select: { status: true } });
      return engagement ? [{ engagementId, at, type: 'engagement.updated', data: { status: engagement.status } }] : [];
    };
    if (signal.kind === 'resync') return engagementEvent();
    const { change } = signal;
    switch (change.type) {
      case 'task.updated':
      case 'deliverable.updated': {
        if (!change.key) return engagementEvent();
        const task = await db.task.findUnique({
          where: { engagementId_key: { engagementId, key: change.key } },
          select: { id: true, status: true, assigneeId: true, deliverable: { select: { id: true, status: true, currentRevision: true, revisions: { select: { revision: true }, orderBy: { revision: 'desc' }, take: 1 }, uploads: { select: { id: true }, take: 1 } } } },
        });
        if (!task) return [];
        const events: EngagementEvent[] = [];
        if (change.type === 'task.updated') events.push({ engagementId, at, type: 'task.updated', data: { taskId: task.id, status: task.status, assigneeId: task.assigneeId } });
        const deliverable = task.deliverable;
        if (deliverable && (!approvedOnly || deliverable.status === 'approved')) {
          const newest = deliverable.revisions[0]?.revision ?? null;
          const status = deliverableStatusOf({ status: deliverable.status, hasUploads: deliverable.uploads.length > 0 });
          events.push({ engagementId, at, type: 'deliverable.updated', data: { deliverableId: deliverable.id, status, revision: approvedOnly ? deliverable.currentRevision || null : newest } });
        }
        return events;
      }
      case 'stage.updated': {
        if (!change.key) return engagementEvent();
        const stage = await db.stage.findUnique({ where: { engagementId_key: { engagementId, key: change.key } }, select: { key: true, status: true } });
        return stage ? [{ engagementId, at, type: 'stage.updated', data: { stageKey: stage.key, status: stage.status } }] : [];
      }
      case 'questionnaire.updated': {
        if (!change.key) return [];
        const questionnaire = await db.questionnaire.findFirst({ where: { id: change.key, engagementId }, select: { id: true, status: true, version: true, _count: { select: { responses: true } } } });
        return questionnaire
          ? [{ engagementId, at, type: 'questionnaire.updated', data: { questionnaireId: questionnaire.id, status: questionnaire.status, version: questionnaire.version, responses: questionnaire._count.responses } }]
          : [];
      }
      case 'research.updated': {
        // The firm's working notes: not on the client's stream.
        if (!change.key || approvedOnly) return [];
        const session = await db.researchSession.findFirst({ where: { id: change.key, engagementId }, select: { id: true, version: true } });
        return session ? [{ engagementId, at, type: 'research.updated', data: { sessionId: session.id, version: session.version } }] : [];
      }
      case 'profile.updated': {
        // The firm's working notes: not on the client's stream.
        if (!change.key || approvedOnly) return [];
        const profile = await db.communityProfile.findFirst({ where: { engagementId, community: { key: change.key } }, select: { version: true } });
        return profile ? [{ engagementId, at, type: 'profile.updated', data: { community: change.key, version: profile.version } }] : [];
      }
      case 'case.updated': {
        // The client's contact follows the cases too: they report and verify them. Without a case (the
        // periods, the 德治典型) it is a change of the engagement's case work as a whole.
        if (!change.key) return engagementEvent();
        const row = await db.problemCase.findFirst({ where: { id: change.key, engagementId }, select: { id: true, version: true, step: true, supervision: true, status: true } });
        return row ? [{ engagementId, at, type: 'case.updated', data: { caseId: row.id, version: row.version, step: row.step, supervision: row.supervision as 'normal' | 'yellow' | 'red', status: row.status } }] : [];
      }
      case 'hotline.updated':
        // The street office follows its own figures.
        return [{ engagementId, at, type: 'hotline.updated', data: { month: change.key ?? null } }];
      case 'engagement.updated':
        return engagementEvent();
      default:
        // Notifications are looked for after every change (below); unknown types carry nothing more.
        return [];
    }
  }

  registerOperation(fastify, operations.streamEngagementEvents, async (request, reply) => {
    const caller = callerOfRequest(request);
    const access = accessOf(request);
    const engagementId = access.engagementId;
    const { identity } = caller;
    let close = () => undefined as void;
    // Before anything is written, so a refusal (too many streams) is an ordinary error answer.
    const unregister = fastify.streams.add({
      userId: caller.userId,
      sessionId: identity.sessionId,
      tokenId: identity.tokenId,
      engagementId,
      seesApprovedOnly: access.seesApprovedOnly,
      close: () => close(),
    });
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies must not buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 3000\n\n');
    let isOpen = true;

    const send = (event: EngagementEvent) => {
      // A stream ended mid-query (sign-out, revalidation) writes nothing more.
      if (!isOpen) return;
      raw.write(`id: ${nextEventId()}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    // Notifications for this user in this engagement, from the moment the stream opened.
    let notificationsSince = clock.now();
    const seenNotifications = new Set<string>();
    const sendNewNotifications = async () => {
      const rows = await db.notification.findMany({
        where: { userId: caller.userId, engagementId, kind: { in: LISTED_KINDS }, createdAt: { gte: notificationsSince } },
        select: { id: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
        take: 50,
      });
      for (const row of rows) {
        if (seenNotifications.has(row.id)) continue;
        seenNotifications.add(row.id);
        send({ engagementId, at: row.createdAt.toISOString(), type: 'notification', data: { notificationId: row.id } });
      }
      if (seenNotifications.size > 500) {
        seenNotifications.clear();
        notificationsSince = clock.now();
      }
    };

    // Changes are handled one at a time, in arrival order.
    let queue = Promise.resolve();
    const unsubscribe = fastify.changes.subscribe(engagementId, (signal) => {
      queue = queue
        .then(async () => {
          if (!isOpen) return;
          for (const event of await eventsFor(engagementId, signal, access.seesApprovedOnly)) send(event);
          await sendNewNotifications();
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'could not relay a change to an event stream'));
    });
    const ping = setInterval(() => raw.write(': ping\n\n'), PING_INTERVAL_MS);
    close = () => {
      if (!isOpen) return;
      isOpen = false;
      clearInterval(ping);
      unsubscribe();
      unregister();
      raw.end();
    };
    request.raw.on('close', close);
    raw.on('close', close);
    raw.on('error', close);

    // Every stream opens with the engagement's current status: a new page has its starting point,
    // and a client resuming after a gap (Last-Event-ID) may have missed anything, so it refetches.
    for (const event of await eventsFor(engagementId, { kind: 'resync' }, access.seesApprovedOnly)) send(event);
    return reply;
  });
}
