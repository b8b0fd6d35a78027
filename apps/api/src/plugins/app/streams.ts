import fp from 'fastify-plugin';
import { operations } from '@gongzhi/contracts';
import { type WorkerRole } from '@gongzhi/domain';
import { decideEngagementAccess, seesApprovedOnly } from '../../lib/access-policy';
import { ApiError } from '../../lib/api-error';

/** An open live-update stream: whose, by which credential, on what, and how to end it. */
export interface OpenStream {
  userId: string;
  /** The session it was opened with (its Session row id), or null for a token. */
  sessionId: string | null;
  tokenId: string | null;
  engagementId: string;
  /** What the access check decided at opening: a change of it ends the stream. */
  seesApprovedOnly: boolean;
  /** Ends the stream (idempotent); it unregisters itself. */
  close(): void;
}

export interface StreamRegistry {
  /**
   * Registers a stream about to open; throws 429 `rate_limited` when the user already holds the
   * most this process allows. The returned function unregisters it.
   */
  add(stream: OpenStream): () => void;
  /**
   * Ends the streams opened with a session, a token, or by a user (optionally sparing one
   * session: a password change keeps the session that made it). Returns how many.
   */
  close(match: { sessionId: string } | { tokenId: string } | { userId: string; exceptSessionId?: string | null }): number;
  /** Checks every open stream against the database now (the timer does it every few seconds). */
  revalidate(): Promise<number>;
  count(): number;
}

declare module 'fastify' {
  interface FastifyInstance {
    streams: StreamRegistry;
  }
}

export interface StreamsPluginOptions {
  maxPerUser: number;
  revalidateEveryMs: number;
}

const asWorkerRole = (role: string | undefined): WorkerRole | null => (role === 'pm' || role === 'partner' || role === 'lawyer' || role === 'client' ? role : null);

/**
 * Every open event stream of this process, by session, token and user. A stream must end when
 * the access it was opened with ends: this process's own sign-outs, password changes, disables
 * and token revocations close the matching streams at once (`close`); what other API processes
 * did (or an expiry, a role change, a removal from the team) is caught by re-checking every
 * stream against the database every few seconds, with four indexed queries whatever the count.
 */
export default fp<StreamsPluginOptions>(
  async (fastify, { maxPerUser, revalidateEveryMs }) => {
    const open = new Set<OpenStream>();

    const registry: StreamRegistry = {
      add(stream) {
        let held = 0;
        for (const other of open) if (other.userId === stream.userId) held += 1;
        if (held >= maxPerUser) {
          throw new ApiError('rate_limited', {
            message: {
              zh: `同时打开的实时更新连接过多（每人最多 ${maxPerUser} 个），请关闭其他页面或标签页后再试`,
              en: `Too many live-update connections open at once (at most ${maxPerUser} per person); close other pages or tabs and try again`,
            },
            retryAfterSeconds: 30,
          });
        }
        open.add(stream);
        return () => void open.delete(stream);
      },
      close(match) {
        const ending = [...open].filter((stream) =>
          'sessionId' in match
            ? stream.sessionId === match.sessionId
            : 'tokenId' in match
              ? stream.tokenId === match.tokenId
              : stream.userId === match.userId && (!match.exceptSessionId || stream.sessionId !== match.exceptSessionId),
        );
        for (const stream of ending) stream.close();
        return ending.length;
      },
      revalidate,
      count: () => open.size,
    };

    async function revalidate(): Promise<number> {
      const streams = [...open];
      if (streams.length === 0) return 0;
      const { db, clock } = fastify;
      const ids = (pick: (stream: OpenStream) => string | null) => [...new Set(streams.map(pick).filter((id): id is string => id !== null))];
      const [sessions, tokens, users, members] = await Promise.all([
        db.session.findMany({ where: { id: { in: ids((stream) => stream.sessionId) } }, select: { id: true, revokedAt: true, expiresAt: true } }),
        db.apiToken.findMany({ where: { id: { in: ids((stream) => stream.tokenId) } }, select: { id: true, revokedAt: true, expiresAt: true } }),
        db.user.findMany({ where: { id: { in: ids((stream) => stream.userId) } }, select: { id: true, roles: true, disabledAt: true } }),
        db.engagementMember.findMany({
          where: { userId: { in: ids((stream) => stream.userId) }, engagementId: { in: ids((stream) => stream.engagementId) } },
          select: { userId: true, engagementId: true, role: true },
        }),
      ]);
      const now = clock.now();
      const isLive = (row: { revokedAt: Date | null; expiresAt: Date | null } | undefined) => !!row && !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
      let closed = 0;
      for (const stream of streams) {
        // Closed meanwhile by its reader or by close().
        if (!open.has(stream)) continue;
        const user = users.find((candidate) => candidate.id === stream.userId);
        const credential = stream.sessionId ? sessions.find((row) => row.id === stream.sessionId) : tokens.find((row) => row.id === stream.tokenId);
        let isAllowed = !!user && !user.disabledAt && isLive(credential);
        if (user && isAllowed) {
          const teamRole = asWorkerRole(members.find((member) => member.userId === stream.userId && member.engagementId === stream.engagementId)?.role);
          const caller = { userId: user.id, roles: user.roles, authMethod: stream.sessionId ? ('session' as const) : ('token' as const) };
          isAllowed =
            decideEngagementAccess(operations.streamEngagementEvents.permission, caller, { teamRole, isAssignee: false, isApproved: false }).ok &&
            seesApprovedOnly(caller, teamRole) === stream.seesApprovedOnly;
        }
        if (!isAllowed) {
          stream.close();
          closed += 1;
        }
      }
      return closed;
    }

    let isChecking = false;
    const timer = setInterval(() => {
      if (isChecking || open.size === 0) return;
      isChecking = true;
      revalidate()
        .catch((error: unknown) => fastify.log.warn({ err: error }, 'could not re-check the open event streams'))
        .finally(() => {
          isChecking = false;
        });
    }, revalidateEveryMs);
    timer.unref();

    fastify.decorate('streams', registry);
    // Streams never end on their own: close them first, or the server would wait for them forever.
    fastify.addHook('preClose', async () => {
      clearInterval(timer);
      for (const stream of [...open]) stream.close();
    });
  },
  { name: 'streams', dependencies: ['db'] },
);
