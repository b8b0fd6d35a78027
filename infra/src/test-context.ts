// Typed access, inside tests, to the servers started by the `@gongzhi/infra/test-stack` globalSetup.
import { inject } from 'vitest';
import type { TestStackContext } from './test-stack';

/** Fails with the fix spelled out when the package's vitest.config.ts lacks the globalSetup. */
export function injectTestStack(): TestStackContext {
  const databaseServerUrl = inject('databaseServerUrl');
  const temporalAddress = inject('temporalAddress');
  if (databaseServerUrl === undefined || temporalAddress === undefined) {
    throw new Error(
      "The test stack is not running: add `globalSetup: ['@gongzhi/infra/test-stack']` to this package's vitest.config.ts",
    );
  }
  return { databaseServerUrl, temporalAddress };
}
