import { type FastifyInstance } from 'fastify';
import { type ApiClient, type Locale, createApiClient } from '@gongzhi/contracts';

/**
 * The dashboard's typed client, talking to the app through `app.inject` with a cookie jar of
 * its own: one "browser" per user. Every 2xx answer is checked against the contract by the
 * client itself, so these tests also prove the API keeps its contract.
 */
export function browserFor(app: FastifyInstance, options: { locale?: Locale; token?: string } = {}): { api: ApiClient; cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const url = new URL(request.url);
    const response = await app.inject({ method: request.method as 'GET', url: `${url.pathname}${url.search}`, headers, ...(body ? { payload: body } : {}) });
    for (const cookie of response.cookies) {
      const expires = cookie.expires ? new Date(cookie.expires) : null;
      if (cookie.value === '' || (expires && expires.getTime() <= Date.now())) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [String(value)]) responseHeaders.append(name, item);
    }
    return new Response(response.statusCode === 204 ? null : response.rawPayload, { status: response.statusCode, headers: responseHeaders });
  };
  return { api: createApiClient({ baseUrl: 'http://gongzhi.test', fetch, ...(options.locale ? { locale: options.locale } : {}), ...(options.token ? { token: options.token } : {}) }), cookies };
}
