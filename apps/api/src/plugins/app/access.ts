import fp from 'fastify-plugin';
import { type FastifyRequest } from 'fastify';
import { CSRF_HEADER, type Operation, type Permission, isStateChanging } from '@gongzhi/contracts';
import { type WorkerRole } from '@gongzhi/domain';
import { type Caller, decideCallerAccess, decideEngagementAccess, decideTokenScopes, missingScopesMessage, seesApprovedOnly } from '../../lib/access-policy';
import { ApiError } from '../../lib/api-error';
import { revisionStatusOf } from '../../lib/deliverable-status';
import { matchesHash, sha256Hex } from '../../lib/secrets';
import { type Identity } from '../../lib/sessions';

/** What the access check established about an engagement-scoped request, for its handler. */
export interface EngagementAccess {
  engagementId: string;
  /** The caller's role on the team; null for an admin who is not on it. */
  teamRole: WorkerRole | null;
  /** A client: the handler shows approved deliverables and revisions only. */
  seesApprovedOnly: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    access: EngagementAccess | null;
  }
}

export const callerOf = (identity: Identity): Caller => ({ userId: identity.user.id, roles: identity.user.roles, authMethod: identity.method });

/** The signed-in caller of a route whose permission required one (the access hook has checked). */
export function callerOfRequest(request: FastifyRequest): Caller & { identity: Identity } {
  if (!request.identity) throw new ApiError('unauthenticated');
  return { ...callerOf(request.identity), identity: request.identity };
}

export function accessOf(request: FastifyRequest): EngagementAccess {
  if (!request.access) throw new Error(`route ${request.routeOptions.url} has no engagement access`);
  return request.access;
}

/** Routes outside the contract: the API's own documentation (and the built dashboard, flagged `dashboard`). */
const isDocumentationRoute = (url: string) => url === '/api/openapi.json' || url === '/api/docs' || url.startsWith('/api/docs/');

type EngagementPermission = Extract<Permission, { auth: 'engagement' }>;

export interface AccessPluginOptions {
  /** The metrics scrape secret (GONGZHI_METRICS_TOKEN); null: no scraper is let in without a user. */
  metricsToken: string | null;
}

/** The scrape secret presented as `Authorization: Bearer <secret>`, compared in constant time. */
function isMetricsToken(authorization: string | undefined, metricsTokenHash: string | null): boolean {
  if (!metricsTokenHash || !authorization?.startsWith('Bearer ')) return false;
  return matchesHash(authorization.slice('Bearer '.length), metricsTokenHash);
}

interface ResourceFacts {
  engagementId: string;
  teamRole: WorkerRole | null;
  isAssignee: boolean;
  isApproved: boolean;
}

/**
 * Access control for every route, derived from the permission its contract operation declares:
 * who is calling (session or token), CSRF for cookie sessions on state-changing requests, the
 * caller's roles, and for engagement resources the caller's place on that engagement's team.
 * Routes only ever see callers this let through.
 */
export default fp<AccessPluginOptions>(
  async (fastify, { metricsToken }) => {
    fastify.decorateRequest('access', null);
    const metricsTokenHash = metricsToken ? sha256Hex(metricsToken) : null;

    fastify.addHook('onRoute', (route) => {
      if (!route.config?.operation && !route.config?.dashboard && !isDocumentationRoute(route.url)) {
        throw new Error(`route ${route.method} ${route.url} is not a contract operation: register it with registerOperation`);
      }
    });

    // Identity and the checks that need no resource, before the body is even read.
    fastify.addHook('onRequest', async (request) => {
      const operation = request.routeOptions.config.operation;
      if (!operation || operation.permission.auth === 'public') return;
      // The scraper has no user: its secret opens the operations that accept it, and nothing else.
      if (operation.permission.rules?.includes('metrics-token') && isMetricsToken(request.headers.authorization, metricsTokenHash)) return;
      const identity = await fastify.auth.identify(request);
      request.identity = identity;
      if (!identity) throw new ApiError('unauthenticated');
      if (identity.user.isDisabled) throw new ApiError('account_disabled');
      if (identity.method === 'session' && isStateChanging(operation.method)) {
        const presented = request.headers[CSRF_HEADER];
        if (typeof presented !== 'string' || !identity.csrfTokenHash || !matchesHash(presented, identity.csrfTokenHash)) throw new ApiError('csrf_failed');
      }
      const decision = decideCallerAccess(operation.permission, callerOf(identity));
      if (!decision.ok) throw new ApiError(decision.code);
      const scopes = decideTokenScopes(operation, identity.scopes);
      if (!scopes.ok) throw new ApiError('forbidden', { message: missingScopesMessage(scopes.missing) });
    });

    // The body's encoding, and the resource named by :id, once the path is known to be well-formed.
    fastify.addHook('preValidation', async (request) => {
      const operation = request.routeOptions.config.operation;
      if (!operation) return;
      checkEncoding(operation, request);
      if (operation.permission.auth !== 'engagement' || !request.identity) return;
      const params = operation.params?.safeParse(request.params);
      // A malformed id is the validator's to answer (400).
      if (!params?.success) return;
      const { id, rev } = params.data as { id: string; rev?: number };
      const caller = callerOf(request.identity);
      const facts = await resourceFacts(operation.permission, id, rev, caller.userId);
      if (!facts) throw new ApiError('not_found');
      const decision = decideEngagementAccess(operation.permission, caller, facts);
      if (!decision.ok) throw new ApiError(decision.code);
      request.access = { engagementId: facts.engagementId, teamRole: facts.teamRole, seesApprovedOnly: seesApprovedOnly(caller, facts.teamRole) };
    });

    function checkEncoding(operation: Operation, request: FastifyRequest): void {
      if (!operation.body) return;
      const isMultipart = request.isMultipart();
      if ((operation.requestEncoding === 'multipart') !== isMultipart) throw new ApiError('unsupported_media_type');
    }

    async function resourceFacts(permission: EngagementPermission, id: string, rev: number | undefined, userId: string): Promise<ResourceFacts | null> {
      const { db } = fastify;
      const members = { where: { userId }, select: { role: true } } as const;
      switch (permission.resource) {
        case 'engagement': {
          const engagement = await db.engagement.findUnique({ where: { id }, select: { id: true, members } });
          if (!engagement) return null;
          return { engagementId: engagement.id, teamRole: teamRoleOf(engagement.members), isAssignee: false, isApproved: false };
        }
        case 'task': {
          const task = await db.task.findUnique({ where: { id }, select: { engagementId: true, assigneeId: true, engagement: { select: { members } } } });
          if (!task) return null;
          return { engagementId: task.engagementId, teamRole: teamRoleOf(task.engagement.members), isAssignee: task.assigneeId === userId, isApproved: false };
        }
        case 'deliverable': {
          const deliverable = await db.deliverable.findUnique({
            where: { id },
            select: {
              engagementId: true,
              status: true,
              currentRevision: true,
              task: { select: { assigneeId: true } },
              engagement: { select: { members } },
              // Only the revision asked for (downloads); no revision is numbered 0.
              revisions: { where: { revision: rev ?? 0 }, select: { revision: true, review: { select: { decision: true } } } },
            },
          });
          if (!deliverable) return null;
          let isApproved = deliverable.status === 'approved';
          if (rev !== undefined) {
            const revision = deliverable.revisions[0];
            isApproved = !!revision && revisionStatusOf(deliverable, { revision: revision.revision, reviewDecision: revision.review?.decision ?? null }) === 'approved';
          }
          return { engagementId: deliverable.engagementId, teamRole: teamRoleOf(deliverable.engagement.members), isAssignee: deliverable.task.assigneeId === userId, isApproved };
        }
      }
    }
  },
  { name: 'access', dependencies: ['auth', 'db'] },
);

function teamRoleOf(members: readonly { role: string }[]): WorkerRole | null {
  const role = members[0]?.role;
  return role === 'pm' || role === 'partner' || role === 'lawyer' || role === 'client' ? role : null;
}
