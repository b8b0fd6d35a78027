// Global setup for the E2E run: the whole product as `pnpm start` runs it (support/stack.ts),
// with the dashboard's production build behind `vite preview` so the LCP measured is the real
// bundle's. GONGZHI_E2E_BASE_URL=http://127.0.0.1:5173 skips all of it and tests a stack you
// already run; GONGZHI_E2E_SKIP_BUILD=1 serves the existing dist/.
import type { TestProject } from 'vitest/node';
import { serveDashboard, startStack } from './support/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the dashboard is served (its /api is the stack's API). */
    webUrl: string;
  }
}

const log = (message: string) => void process.stderr.write(`[e2e] ${message}\n`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const existing = process.env.GONGZHI_E2E_BASE_URL;
  if (existing) {
    log(`testing the running stack at ${existing}`);
    project.provide('webUrl', existing.replace(/\/$/, ''));
    return async () => undefined;
  }
  const stack = await startStack();
  try {
    const dashboard = await serveDashboard(stack.apiUrl, { build: !process.env.GONGZHI_E2E_SKIP_BUILD });
    log(`dashboard (production build) at ${dashboard.url}, API at ${stack.apiUrl}`);
    project.provide('webUrl', dashboard.url);
    return async () => {
      await dashboard.close();
      await stack.stop();
      log('stack stopped');
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
