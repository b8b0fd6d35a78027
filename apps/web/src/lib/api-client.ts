import type { ApiClient, OperationId } from '@gongzhi/contracts';
import { currentLocale } from './i18n';

let loading: Promise<ApiClient> | undefined;

/**
 * The contract (every operation's zod schemas) is the largest piece of the client; it loads in
 * its own chunk, in parallel with the first page's, so the shell paints without waiting for it.
 */
export function loadApiClient(): Promise<ApiClient> {
  loading ??= import('@gongzhi/contracts').then(({ createApiClient }) =>
    // Same origin (Vite proxies `/api`), so the httpOnly session cookie travels; error messages
    // come back in the UI language.
    createApiClient({ baseUrl: '', locale: () => currentLocale() }),
  );
  return loading;
}

type Operations = Pick<ApiClient, OperationId>;

/**
 * The one API client of the dashboard: `api.getMe()`, `api.completeTask({ params, body })` —
 * the typed client of @gongzhi/contracts, each call waiting for the contract chunk first.
 */
export const api: Operations = new Proxy({} as Operations, {
  get: (_target, name) =>
    async (...args: unknown[]): Promise<unknown> => {
      const client = (await loadApiClient()) as unknown as Record<string | symbol, (...callArgs: unknown[]) => Promise<unknown>>;
      const method = client[name];
      if (typeof method !== 'function') throw new TypeError(`no API operation ${String(name)}`);
      return method(...args);
    },
});

/** The absolute URL of an operation (an EventSource needs one), once the contract is loaded. */
export async function operationUrl(...args: Parameters<ApiClient['url']>): Promise<string> {
  return (await loadApiClient()).url(...args);
}
