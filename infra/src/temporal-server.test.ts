import { randomUUID } from 'node:crypto';
import { withDatabase } from '@gongzhi/db';
import { withConnection } from '@gongzhi/db/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPortFree } from './ports';
import { startPostgresProcess, type PostgresProcess } from './postgres-process';
import { isProcessGroupAlive } from './process-group';
import { ensureTemporalServer, setUpTemporalSchemas, standardTemporalServerPorts, startTemporalServer, type TemporalPostgres } from './temporal-server';

async function withClient<T>(address: string, work: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: '5s' });
  try {
    return await work(new Client({ connection, namespace: 'default' }));
  } finally {
    await connection.close();
  }
}

async function schemaVersion(serverUrl: string, database: string): Promise<string> {
  return withConnection(withDatabase(serverUrl, database), async (client) => {
    const { rows } = await client.query<{ curr_version: string }>('SELECT curr_version FROM schema_version');
    return rows.map((row) => row.curr_version).join(',');
  });
}

async function tableNames(serverUrl: string, database: string): Promise<string[]> {
  return withConnection(withDatabase(serverUrl, database), async (client) => {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    return rows.map((row) => row.tablename);
  });
}

describe('the Temporal server on PostgreSQL', () => {
  let binaries: { server: string; sqlTool: string };
  let postgres: PostgresProcess;
  let databases: TemporalPostgres;

  beforeAll(async () => {
    binaries = await ensureTemporalServer(process.env);
    postgres = await startPostgresProcess({ kind: 'scratch' });
    const suffix = randomUUID().slice(0, 8);
    databases = { serverUrl: postgres.url, database: `temporal_${suffix}`, visibilityDatabase: `temporal_${suffix}_visibility` };
  }, 20 * 60_000);

  afterAll(async () => {
    await postgres?.stop();
  });

  it('sets up both schemas with its own tool, and a second set-up changes nothing', async () => {
    await setUpTemporalSchemas(binaries.sqlTool, databases);
    const main = await tableNames(postgres.url, databases.database);
    const visibility = await tableNames(postgres.url, databases.visibilityDatabase);
    expect(main).toEqual(expect.arrayContaining(['executions', 'history_node', 'namespaces', 'schema_version', 'task_queues']));
    expect(visibility).toEqual(expect.arrayContaining(['executions_visibility', 'schema_version']));
    const versions = [await schemaVersion(postgres.url, databases.database), await schemaVersion(postgres.url, databases.visibilityDatabase)];
    expect(versions[0]).toMatch(/^1\.\d+$/);

    await setUpTemporalSchemas(binaries.sqlTool, databases);
    expect(await tableNames(postgres.url, databases.database)).toEqual(main);
    expect([await schemaVersion(postgres.url, databases.database), await schemaVersion(postgres.url, databases.visibilityDatabase)]).toEqual(versions);
  });

  it('keeps a workflow across a restart (its state is in PostgreSQL), and stop() ends the process and frees the port', async () => {
    const workflowId = `durable-${randomUUID()}`;
    const first = await startTemporalServer({ binary: binaries.server, postgres: databases });
    const port = Number(first.address.split(':')[1]);
    try {
      await withClient(first.address, async (client) => {
        // No worker polls this queue: the workflow stays open, waiting, as engagements do.
        await client.workflow.start('waitsForEver', { taskQueue: 'nobody-polls', workflowId, args: [{ engagement: '朝阳区呼家楼街道' }] });
        expect((await client.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
      });
    } finally {
      await first.stop();
    }
    expect(first.pid === undefined ? false : isProcessGroupAlive(first.pid)).toBe(false);
    expect(await isPortFree(port)).toBe(true);

    // A new process on other ports, the same databases: the namespace and the workflow are there.
    const second = await startTemporalServer({ binary: binaries.server, postgres: databases });
    try {
      await withClient(second.address, async (client) => {
        const handle = client.workflow.getHandle(workflowId);
        const description = await handle.describe();
        expect(description.status.name).toBe('RUNNING');
        expect(description.type).toBe('waitsForEver');
        const history = await handle.fetchHistory();
        const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
        expect(started?.taskQueue?.name).toBe('nobody-polls');
        // Visibility (the second database) answers list queries.
        const listed: string[] = [];
        for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) listed.push(execution.workflowId);
        expect(listed).toEqual([workflowId]);
        await handle.terminate('test over');
      });
    } finally {
      await second.stop();
    }
  }, 5 * 60_000);

  it('fails with the schema tool’s reason when the user may not create tables in the databases', async () => {
    const suffix = randomUUID().slice(0, 8);
    const limited = { serverUrl: '', database: `limited_${suffix}`, visibilityDatabase: `limited_${suffix}_visibility` };
    await withConnection(postgres.url, async (client) => {
      await client.query(`CREATE ROLE limited_${suffix} LOGIN PASSWORD 'limited-password'`);
      // Owned by the superuser: since PostgreSQL 15 others may not create tables in its public schema.
      await client.query(`CREATE DATABASE ${limited.database}`);
      await client.query(`CREATE DATABASE ${limited.visibilityDatabase}`);
    });
    const url = new URL(postgres.url);
    url.username = `limited_${suffix}`;
    url.password = 'limited-password';
    await expect(setUpTemporalSchemas(binaries.sqlTool, { ...limited, serverUrl: url.toString() })).rejects.toThrow(
      /temporal-sql-tool setup-schema failed[\s\S]*permission denied/,
    );
  });

  it('fails with PostgreSQL’s reason when it refuses the credentials', async () => {
    const wrong = new URL(postgres.url);
    wrong.password = 'not-the-password';
    const suffix = randomUUID().slice(0, 8);
    await expect(
      setUpTemporalSchemas(binaries.sqlTool, { serverUrl: wrong.toString(), database: `refused_${suffix}`, visibilityDatabase: `refused_${suffix}_v` }),
    ).rejects.toThrow(/password authentication failed/);
  });
});

describe('standardTemporalServerPorts', () => {
  it('lays the services out around the frontend port as Temporal does, membership below 32768', () => {
    expect(standardTemporalServerPorts(7233)).toEqual({
      frontend: 7233,
      http: 7243,
      history: 7234,
      matching: 7235,
      worker: 7239,
      frontendMembership: 6933,
      historyMembership: 6934,
      matchingMembership: 6935,
      workerMembership: 6939,
    });
    expect(() => standardTemporalServerPorts(40_000)).toThrow(/between 1324 and 33061/);
  });
});
