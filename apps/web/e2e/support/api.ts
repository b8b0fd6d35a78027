import { type ApiClient, createApiClient } from '@gongzhi/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from './browser';

/**
 * The typed API client as one demo user, from Node: a tiny cookie jar stands in for the browser
 * (the session cookie is httpOnly; the client keeps the CSRF token itself).
 */
export async function signInApi(baseUrl: string, username: string): Promise<ApiClient> {
  const cookies = new Map<string, string>();
  const jarFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      if (index > 0) cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
    return response;
  };
  const api = createApiClient({ baseUrl, fetch: jarFetch, locale: 'zh-CN' });
  await api.login({ body: { username, password: DEMO_PASSWORD } });
  return api;
}

/** Waits until the workflow has opened a task (it does so a moment after the engagement starts). */
export async function waitForTask(api: ApiClient, engagementId: string, key: string, status: 'active' | 'changes_requested' | 'in_review' = 'active') {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const page = await api.listTasks({ query: { engagementId, pageSize: 100 } });
    const task = page.items.find((item) => item.key === key);
    if (task?.status === status) return task;
    await sleep(250);
  }
  throw new Error(`task ${key} of ${engagementId} never became ${status}`);
}
