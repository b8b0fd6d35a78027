// The S3 store against a real S3 server (versitygw over a directory, ../../infra/src/s3-server.ts).
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type S3Server, startS3Server } from '@gongzhi/infra/s3-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store } from './s3-store';
import { describeFileStore } from './store-suite';

let server: S3Server;
let store: ReturnType<typeof createS3Store>;
const PREFIX = 'gongzhi/';

beforeAll(async () => {
  server = await startS3Server();
  store = createS3Store({ bucket: server.bucket, prefix: PREFIX, endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials });
}, 10 * 60_000);
afterAll(async () => {
  store?.close();
  await server?.stop();
});

describeFileStore('the S3 store', {
  store: () => store,
  // The posix backend keeps each object as a file: change it on disk, as bit rot would.
  tamper: (sha256, content) => writeFile(join(server.dataDir, server.bucket, PREFIX, 'sha256', sha256), content),
});

describe('the S3 store on a real S3 server', () => {
  it('keeps every object under its prefix, so the bucket can hold other things', async () => {
    const stored = await store.put(Buffer.from('违法行为清单 第1稿'));
    // (versitygw keeps its own temporary files in `.sgwtmp`.)
    expect((await readdir(join(server.dataDir, server.bucket))).filter((name) => !name.startsWith('.'))).toEqual(['gongzhi']);
    expect(await readdir(join(server.dataDir, server.bucket, 'gongzhi', 'sha256'))).toContain(stored.sha256);
    // Another store on the same bucket without the prefix sees none of it.
    const unprefixed = createS3Store({ bucket: server.bucket, endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials });
    try {
      expect(await unprefixed.open(stored.storageKey)).toBeNull();
    } finally {
      unprefixed.close();
    }
  });

  it('lets the server refuse an upload whose bytes do not match the SHA-256 sent with them', async () => {
    // What the store relies on: the digest it sends is checked before the object is kept.
    const client = new S3Client({ region: server.region, endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials, requestChecksumCalculation: 'WHEN_REQUIRED' });
    try {
      const claimed = createHash('sha256').update('行权手册').digest();
      await expect(
        client.send(new PutObjectCommand({ Bucket: server.bucket, Key: `${PREFIX}sha256/${claimed.toString('hex')}`, Body: Buffer.from('别的内容'), ChecksumSHA256: claimed.toString('base64') })),
      ).rejects.toThrow();
      expect(await store.verify(`sha256/${claimed.toString('hex')}`)).toBe('missing');
    } finally {
      client.destroy();
    }
  });

  it('reads back what another store process wrote (two API instances share the bucket)', async () => {
    const other = createS3Store({ bucket: server.bucket, prefix: PREFIX, endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials });
    try {
      const stored = await other.put(Buffer.from('调研报告 定稿'));
      expect(await text((await store.open(stored.storageKey))!.stream)).toBe('调研报告 定稿');
    } finally {
      other.close();
    }
  });

  it('sends the SHA-256 with every upload, and does not upload bytes already stored', async () => {
    const client = new S3Client({ region: server.region, endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials, requestChecksumCalculation: 'WHEN_REQUIRED' });
    const requests: { command: string; checksum: string | undefined }[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
        requests.push({ command: context.commandName ?? '', checksum: headers['x-amz-checksum-sha256'] });
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    const watched = createS3Store({ bucket: server.bucket, prefix: PREFIX, region: server.region, forcePathStyle: true, client });
    try {
      const content = Buffer.from(`居民公约 ${Date.now()}`);
      await watched.put(content);
      await watched.put(content);
      expect(requests).toEqual([
        { command: 'HeadObjectCommand', checksum: undefined },
        { command: 'PutObjectCommand', checksum: createHash('sha256').update(content).digest('base64') },
        { command: 'HeadObjectCommand', checksum: undefined },
      ]);
    } finally {
      client.destroy();
    }
  });

  it('treats a missing bucket as a configuration error, never as a missing file', async () => {
    const lost = createS3Store({ bucket: 'no-such-bucket', endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server.credentials });
    try {
      await expect(lost.open(`sha256/${'3'.repeat(64)}`)).rejects.toThrow(/bucket/i);
      await expect(lost.verify(`sha256/${'3'.repeat(64)}`)).rejects.toThrow(/bucket/i);
      await expect(lost.put(Buffer.from('x'))).rejects.toThrow(/bucket/i);
      await expect(lost.probe()).rejects.toThrow();
    } finally {
      lost.close();
    }
  });

  it('fails loudly, not as "missing", when the server refuses the credentials', async () => {
    const wrong = createS3Store({ bucket: server.bucket, prefix: PREFIX, endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: { accessKeyId: server.credentials.accessKeyId, secretAccessKey: 'not-the-secret' } });
    try {
      await expect(wrong.put(Buffer.from('x'))).rejects.toThrow();
      await expect(wrong.verify(`sha256/${'2'.repeat(64)}`)).rejects.toThrow();
    } finally {
      wrong.close();
    }
  });
});
