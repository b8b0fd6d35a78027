import { Connection } from '@temporalio/client';
import { createTestDatabase } from '@gongzhi/db/testing';
import { describe, expect, it } from 'vitest';
import { injectTestStack } from './test-context';

// Runs under the `test-stack` vitest project, whose globalSetup is ./test-stack.ts.
describe('the test stack', () => {
  it('provides a Temporal server with the default namespace', async () => {
    const { temporalAddress } = injectTestStack();
    const connection = await Connection.connect({ address: temporalAddress, connectTimeout: '5s' });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });

  it('provides a PostgreSQL server on which tests create their own migrated databases', async () => {
    const { databaseServerUrl } = injectTestStack();
    const first = await createTestDatabase(databaseServerUrl);
    const second = await createTestDatabase(databaseServerUrl);
    try {
      expect(first.url).not.toBe(second.url);
      expect(await first.db.user.count()).toBe(0);
      const [{ version }] = await first.db.$queryRaw<[{ version: string }]>`SELECT version()`;
      expect(version).toMatch(/^PostgreSQL \d+/);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });
});
