// The built dashboard (apps/web/dist), served by the API itself when GONGZHI_WEB_DIR names it —
// `pnpm start --production` and the container image. One origin, as through the dev proxy: the
// session cookie, CSRF header and event stream work unchanged, and no CORS is needed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route of the built dashboard: outside the API contract, public, hidden from the OpenAPI document. */
    dashboard?: true;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const isCompressible = (type: string) => /^text\/|javascript|json|svg|manifest/.test(type);

/**
 * What the dashboard page may load: only itself (scripts, API calls, the event stream), inline
 * styles (antd's CSS-in-JS and the boot style in index.html), images from itself or made in the
 * page (data:/blob: previews of photos and charts). No frames of us anywhere.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  /** Compressed copies, made on first request and kept (the files never change while we run). */
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

const compress = {
  br: (body: Buffer) =>
    promisify(brotliCompress)(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 9 }),
};

/** Every file under the build, keyed by its URL path without the leading slash. */
export async function loadDashboard(dir: string): Promise<Map<string, Asset>> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    throw new Error(
      `GONGZHI_WEB_DIR ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): build the dashboard first (pnpm --filter @gongzhi/web build)`,
    );
  }
  const assets = new Map<string, Asset>();
  for (const entry of entries) {
    const path = join(dir, entry);
    const body = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EISDIR') return undefined;
      throw error;
    });
    if (body === undefined) continue;
    const key = relative(dir, path).split(sep).join('/');
    // Build metadata (Vite's .vite/manifest.json) is not the dashboard's to hand out.
    if (key.split('/').some((segment) => segment.startsWith('.'))) continue;
    const type = TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
    // Vite names everything under assets/ after its content: a new build is new URLs.
    const cacheControl = key.startsWith('assets/')
      ? 'public, max-age=31536000, immutable'
      : type.startsWith('text/html')
        ? 'no-cache'
        : 'public, max-age=3600';
    assets.set(key, {
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      cacheControl,
      encoded: {},
    });
  }
  if (!assets.has('index.html'))
    throw new Error(
      `GONGZHI_WEB_DIR ${dir} has no index.html: build the dashboard first (pnpm --filter @gongzhi/web build)`,
    );
  return assets;
}

/** The encoding to send: the one the client weighs highest (brotli on a tie), none when it takes neither (q=0 refuses). */
export function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map(
    acceptEncoding.split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return [name.trim(), Number.isFinite(weight) ? weight : 0] as const;
    }),
  );
  const weightOf = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const [br, gzip] = [weightOf('br'), weightOf('gzip')];
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

async function send(request: FastifyRequest, reply: FastifyReply, asset: Asset): Promise<FastifyReply> {
  reply.header('cache-control', asset.cacheControl).header('etag', asset.etag).type(asset.type);
  if (asset.type.startsWith('text/html'))
    reply.header('content-security-policy', DASHBOARD_CSP).header('x-frame-options', 'DENY');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  if (!isCompressible(asset.type) || asset.body.length < 1024) return reply.send(asset.body);
  reply.header('vary', 'accept-encoding');
  const encoding = encodingFor(request.headers['accept-encoding']);
  if (encoding === undefined) return reply.send(asset.body);
  const encoded = (asset.encoded[encoding] ??= compress[encoding](asset.body));
  return reply.header('content-encoding', encoding).send(await encoded);
}

export default fp<{ dir: string }>(
  async (fastify: FastifyInstance, { dir }) => {
    const assets = await loadDashboard(dir);
    const index = assets.get('index.html') as Asset;
    // HEAD too: monitors and `curl -I` ask for headers only (the API's own routes do not take HEAD).
    fastify.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      config: { dashboard: true },
      schema: { hide: true },
      handler: async (request, reply) => {
        const path = (request.params as { '*': string })['*'];
        // The API's own paths are never the dashboard's: an unknown one is the API's 404.
        if (path === 'api' || path.startsWith('api/')) return reply.callNotFound();
        const asset = assets.get(path === '' ? 'index.html' : path);
        if (asset) return send(request, reply, asset);
        // A missing file is a 404; any other path is a page of the dashboard's own router.
        if (/\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
        return send(request, reply, index);
      },
    });
  },
  { name: 'dashboard' },
);
