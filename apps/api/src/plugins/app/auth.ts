import fp from 'fastify-plugin';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { DEVICE_COOKIE, KNOWN_DEVICE_TTL_MS } from '../../lib/known-devices';
import { type Identity, SESSION_COOKIE, findSessionIdentity, findTokenIdentity } from '../../lib/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null when signed out (set by the access plugin for every contract route). */
    identity: Identity | null;
  }
  interface FastifyInstance {
    auth: {
      /** Reads the Bearer token, else the session cookie; null when neither is valid. */
      identify(request: FastifyRequest): Promise<Identity | null>;
      setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void;
      clearSessionCookie(reply: FastifyReply): void;
      /** The raw session token of the request's cookie (to derive its CSRF token). */
      sessionTokenOf(request: FastifyRequest): string | null;
      /** The browser's known-device token (see lib/known-devices.ts), unchecked. */
      deviceTokenOf(request: FastifyRequest): string | undefined;
      setDeviceCookie(reply: FastifyReply, token: string): void;
    };
  }
}

export interface AuthPluginOptions {
  cookieSecure: boolean;
  now: () => Date;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * Sessions and personal API tokens. A browser holds a random session token in an httpOnly,
 * SameSite=Lax cookie (only its hash is stored, so the session is revocable server-side);
 * integrations send `Authorization: Bearer <token>`. A request carrying an Authorization header
 * is judged by it alone, so a bad token never falls back to a cookie.
 */
export default fp<AuthPluginOptions>(
  async (fastify, { cookieSecure, now }) => {
    fastify.decorateRequest('identity', null);
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure } as const;
    const sessionTokenOf = (request: FastifyRequest): string | null => {
      const token = request.cookies[SESSION_COOKIE];
      return token && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
    };
    fastify.decorate('auth', {
      async identify(request) {
        const authorization = request.headers.authorization;
        if (authorization !== undefined) {
          const secret = BEARER.exec(authorization)?.[1];
          return secret ? findTokenIdentity(fastify.db, secret, now()) : null;
        }
        const token = sessionTokenOf(request);
        return token ? findSessionIdentity(fastify.db, token, now()) : null;
      },
      setSessionCookie(reply, token, expiresAt) {
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      },
      clearSessionCookie(reply) {
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
      },
      sessionTokenOf,
      deviceTokenOf: (request) => request.cookies[DEVICE_COOKIE],
      setDeviceCookie(reply, token) {
        // Only the sign-in route reads it, and never from another site's form.
        reply.setCookie(DEVICE_COOKIE, token, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: cookieSecure, maxAge: KNOWN_DEVICE_TTL_MS / 1000 });
      },
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
