import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { buildApp } from '../../app';
import { type TestApi, createTestApi, standaloneAppConfig } from '../../testing/harness';
import { DASHBOARD_CSP, encodingFor, loadDashboard } from './dashboard';

let api: TestApi;
let app: FastifyInstance;
let webDir: string;
const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab12.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('共治 '.repeat(2000))});\n`;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
  webDir = await mkdtemp(join(tmpdir(), 'gongzhi-web-'));
  await mkdir(join(webDir, 'assets'));
  await writeFile(join(webDir, 'index.html'), INDEX);
  await writeFile(join(webDir, 'assets', 'index-Ab12.js'), SCRIPT);
  await writeFile(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await mkdir(join(webDir, '.vite'));
  await writeFile(join(webDir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-Ab12.js"}}');
  app = buildApp({ config: standaloneAppConfig({ databaseUrl: api.databaseUrl, store: { kind: 'files', dir: api.filesDir }, dashboardDir: webDir }) });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await api?.close();
  if (webDir) await rm(webDir, { recursive: true, force: true });
});

describe('the built dashboard, served by the API', () => {
  it('serves index.html at / and at every page of the dashboard, never cached without asking, framed by nobody', async () => {
    for (const url of ['/', '/engagements/0190a1b2-0000-7000-8000-000000000001/tasks', '/my-tasks?filter=overdue']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    const first = await app.inject({ method: 'GET', url: '/' });
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves hashed assets for a year, compressed as the browser asks', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/index-Ab12.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);

    const br = await app.inject({
      method: 'GET',
      url: '/assets/index-Ab12.js',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gzip = await app.inject({
      method: 'GET',
      url: '/assets/index-Ab12.js',
      headers: { 'accept-encoding': 'gzip, br;q=0' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    // HEAD: the headers alone, as monitors and `curl -I` ask.
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-Ab12.js' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(plain.headers.etag);
    expect(head.body).toBe('');

    expect(encodingFor('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(encodingFor('br;q=0.8, gzip;q=0.8')).toBe('br');
    expect(encodingFor('*')).toBe('br');
    expect(encodingFor('identity, *;q=0')).toBeUndefined();
    expect(encodingFor('deflate')).toBeUndefined();

    const favicon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(favicon.headers['content-type']).toBe('image/svg+xml');
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves the API its own answers: its routes, its 404s in the error shape, its OpenAPI document without the dashboard', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    for (const url of [
      '/api/no-such-thing',
      '/api',
      '/assets/index-gone.js',
      '/..%2F..%2Fpackage.json',
      '/.vite/manifest.json',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-CN' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const post = await app.inject({ method: 'POST', url: '/', payload: {} });
    expect(post.statusCode).toBeGreaterThanOrEqual(400);
    expect(post.statusCode).toBeLessThan(500);
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/') && path !== '/metrics')).toEqual([]);
  });

  it('refuses to start on a directory that holds no built dashboard, saying how to build it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'gongzhi-web-empty-'));
    try {
      await expect(loadDashboard(empty)).rejects.toThrow(
        /has no index\.html: build the dashboard first \(pnpm --filter @gongzhi\/web build\)/,
      );
      await expect(loadDashboard(join(empty, 'missing'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
