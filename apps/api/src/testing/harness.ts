// The API on the real stack for tests: a fresh database on the test PostgreSQL server, an
// in-process worker on a private task queue of the test Temporal server, and the app itself
// (called through `app.inject`, or listening on a free port where a real socket is needed).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { CSRF_HEADER } from '@gongzhi/contracts';
import { DEMO_PASSWORD, type Db, hashPassword, importBuiltInKnowledge, seedDemoUsers } from '@gongzhi/db';
import { createTestDatabase } from '@gongzhi/db/testing';
import { DOCX_MIME, makeDocx, waitFor } from '@gongzhi/testing';
import { TOKEN_SCOPES, type TokenScope } from '@gongzhi/domain';
import { type StoreConfig, createStore } from '@gongzhi/storage';
import { createEngagementActivities } from '@gongzhi/workflows/activities';
import { type AppConfig, buildApp } from '../app';
import { DEFAULT_AUTH_THROTTLE } from '../lib/auth-throttle';
import { newApiTokenSecret } from '../lib/secrets';
import { SESSION_COOKIE, createSession } from '../lib/sessions';

/** Team members (on the test engagements) and outsiders of each role (on none of them). */
export const TEST_USERS = {
  admin: { roles: ['admin'] },
  pm: { roles: ['pm'] },
  partner: { roles: ['partner'] },
  lawyer: { roles: ['lawyer'] },
  lawyer2: { roles: ['lawyer'] },
  client: { roles: ['client'] },
  outsiderPm: { roles: ['pm'] },
  outsiderPartner: { roles: ['partner'] },
  outsiderLawyer: { roles: ['lawyer'] },
  outsiderClient: { roles: ['client'] },
} as const;
export type TestUserName = keyof typeof TEST_USERS;

/** How a test request authenticates: a browser session (cookie + CSRF token) or a Bearer token. */
export type Credentials = { kind: 'session'; cookie: string; csrfToken: string } | { kind: 'token'; token: string } | { kind: 'none' };

export interface TestApi {
  app: FastifyInstance;
  /** A separate client on the same database, for arranging and asserting. */
  db: Db;
  databaseUrl: string;
  filesDir: string;
  users: Record<TestUserName, { id: string; username: string }>;
  /** A new session for a user, made directly (no scrypt): what a login would give. */
  sessionFor(user: TestUserName): Promise<Credentials & { kind: 'session' }>;
  /** A new personal API token for a user: every scope unless told otherwise (the access check is what tests probe). */
  tokenFor(user: TestUserName, options?: { scopes?: readonly TokenScope[] }): Promise<Credentials & { kind: 'token'; id: string }>;
  /** `app.inject` with the credentials' cookie, CSRF header or Authorization header. */
  request(credentials: Credentials, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Stops the in-process worker (nobody polls the task queue until `startWorker`). */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

let isRuntimeInstalled = false;

export interface TestApiOptions {
  databaseServerUrl: string;
  temporalAddress: string;
  workflowBundlePath: string;
  now?: () => Date;
  /** How long a command waits for Temporal before 503 (the API's default is 30 s). */
  commandTimeoutMs?: number;
  loginRateLimit?: AppConfig['loginRateLimit'];
  /** The production delays unless a test tightens them. */
  authThrottle?: Partial<AppConfig['authThrottle']>;
  metricsToken?: string;
  eventStreams?: Partial<AppConfig['eventStreams']>;
  /** Where the API and the worker keep files: a temporary directory (`filesDir`) unless told otherwise. */
  store?: StoreConfig;
}

export async function createTestApi(options: TestApiOptions): Promise<TestApi> {
  if (!isRuntimeInstalled) {
    // Worker lifecycle chatter drowns test output; warnings and errors still show.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    isRuntimeInstalled = true;
  }
  const database = await createTestDatabase(options.databaseServerUrl);
  const { db } = database;
  await seedDemoUsers(db, { hashPassword });
  // As the worker does at boot: the firm's knowledge base is there before any engagement.
  await importBuiltInKnowledge(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [username, { roles }] of Object.entries(TEST_USERS)) {
    await db.user.upsert({ where: { username }, update: { roles: [...roles] }, create: { username, displayName: `测试用户 ${username}`, passwordHash, roles: [...roles] } });
  }
  const rows = await db.user.findMany({ where: { username: { in: Object.keys(TEST_USERS) } }, select: { id: true, username: true } });
  const users = Object.fromEntries(rows.map((row) => [row.username, row])) as TestApi['users'];

  const filesDir = await mkdtemp(join(tmpdir(), 'gongzhi-api-files-'));
  const store: StoreConfig = options.store ?? { kind: 'files', dir: filesDir };
  const taskQueue = `api-test-${randomUUID()}`;
  // One in-process worker at a time; outage tests stop it and start another.
  const runWorker = async () => {
    const connection = await NativeConnection.connect({ address: options.temporalAddress });
    const files = createStore(store);
    const worker = await Worker.create({ connection, taskQueue, workflowBundle: { codePath: options.workflowBundlePath }, activities: createEngagementActivities({ db, files }) });
    const running = worker.run();
    return {
      async stop() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        files.close();
        await connection.close();
      },
    };
  };
  let worker: Awaited<ReturnType<typeof runWorker>> | null = await runWorker();

  const app = buildApp({
    config: {
      databaseUrl: database.url,
      temporal: { address: options.temporalAddress, namespace: 'default', taskQueue, ...(options.commandTimeoutMs ? { commandTimeoutMs: options.commandTimeoutMs } : {}) },
      store,
      cookieSecure: false,
      webOrigin: null,
      sessionTtlMs: 12 * 3_600_000,
      loginRateLimit: options.loginRateLimit ?? { perAddressPerMinute: 1000 },
      authThrottle: { ...DEFAULT_AUTH_THROTTLE, ...options.authThrottle },
      metricsToken: options.metricsToken ?? null,
      eventStreams: { maxPerUser: 5, revalidateEveryMs: 5_000, ...options.eventStreams },
    },
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();

  const headersOf = (credentials: Credentials): Record<string, string> => {
    switch (credentials.kind) {
      case 'session':
        return { cookie: `${SESSION_COOKIE}=${credentials.cookie}`, [CSRF_HEADER]: credentials.csrfToken };
      case 'token':
        return { authorization: `Bearer ${credentials.token}` };
      case 'none':
        return {};
    }
  };

  return {
    app,
    db,
    databaseUrl: database.url,
    filesDir,
    users,
    async sessionFor(user) {
      // On the app's clock, which a test may have moved.
      const session = await createSession(db, { userId: users[user].id, ttlMs: 3_600_000, ...(options.now ? { now: options.now() } : {}) });
      return { kind: 'session', cookie: session.token, csrfToken: session.csrfToken };
    },
    async tokenFor(user, { scopes = TOKEN_SCOPES } = {}) {
      const { secret, prefix, tokenHash } = newApiTokenSecret();
      const { id } = await db.apiToken.create({ data: { userId: users[user].id, name: `test ${randomUUID()}`, prefix, tokenHash, scopes: [...scopes] } });
      return { kind: 'token', token: secret, id };
    },
    request(credentials, requestOptions) {
      return app.inject({ ...requestOptions, headers: { ...headersOf(credentials), ...(requestOptions.headers as Record<string, string> | undefined) } });
    },
    async stopWorker() {
      await worker?.stop();
      worker = null;
    },
    async startWorker() {
      worker ??= await runWorker();
    },
    async close() {
      await app.close();
      await worker?.stop();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A minimal but valid .docx holding `content`: uploads must pass the server's content checks. */
/**
 * The configuration of a second app beside the harness's (its database, no worker, an unreachable
 * Temporal unless told): for tests of how the app itself is set up.
 */
export function standaloneAppConfig(overrides: Partial<AppConfig> & Pick<AppConfig, 'databaseUrl' | 'store'>): AppConfig {
  return {
    temporal: { address: '127.0.0.1:1', namespace: 'default' },
    cookieSecure: false,
    webOrigin: null,
    sessionTtlMs: 3_600_000,
    loginRateLimit: { perAddressPerMinute: 10 },
    authThrottle: DEFAULT_AUTH_THROTTLE,
    metricsToken: null,
    eventStreams: { maxPerUser: 5, revalidateEveryMs: 5_000 },
    ...overrides,
  };
}

export const docxBytes = (content: string): Buffer => makeDocx(content);

export { DOCX_MIME, waitFor };

/** A multipart/form-data body, built by hand so tests control every byte (bad types, extra parts). */
export function multipartBody(parts: ({ name: string; value: string } | { name: string; fileName: string; contentType: string; content: Buffer })[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongzhi${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('fileName' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.contentType}\r\n\r\n`));
      chunks.push(part.content, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
