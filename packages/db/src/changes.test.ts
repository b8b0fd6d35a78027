import { afterAll, describe, expect, inject, it } from 'vitest';
import { listenForChanges } from './changes';
import { withConnection } from './server';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;

afterAll(async () => {
  await database?.drop();
});

const waitFor = async (isDone: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!isDone()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('listenForChanges', () => {
  it('delivers notifications of its channel, reconnects after the server drops it, and stops on close', async () => {
    database = await createTestDatabase(inject('databaseServerUrl'));
    const received: string[] = [];
    let reconnects = 0;
    const listener = await listenForChanges({
      url: database.url,
      channel: 'gongzhi_changes',
      onMessage: (payload) => received.push(payload),
      onReconnect: () => reconnects++,
      retryDelayMs: 50,
    });
    await database.db.$executeRaw`select pg_notify('gongzhi_changes', '{"n":1}')`;
    await database.db.$executeRaw`select pg_notify('other_channel', '{"n":2}')`;
    await waitFor(() => received.length === 1);
    expect(received).toEqual(['{"n":1}']);

    // Kill the listening backend, as a server restart would.
    await withConnection(database.url, (client) =>
      client.query(`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and datname = current_database()`),
    );
    await waitFor(() => reconnects === 1);
    await database.db.$executeRaw`select pg_notify('gongzhi_changes', '{"n":3}')`;
    await waitFor(() => received.length === 2);
    expect(received[1]).toBe('{"n":3}');

    await listener.close();
    await database.db.$executeRaw`select pg_notify('gongzhi_changes', '{"n":4}')`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(2);
  });
});
