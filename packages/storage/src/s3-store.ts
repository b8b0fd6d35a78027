import { createHash } from 'node:crypto';
import { type Readable } from 'node:stream';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { type FileStore } from './file-store';

export interface S3StoreOptions {
  bucket: string;
  /** Put before every key (`gongzhi/` → `gongzhi/sha256/<hex>`), so the bucket may hold other things. */
  prefix?: string;
  /** An S3-compatible server's address (MinIO, versitygw, a cloud's S3 endpoint); unset, AWS's. */
  endpoint?: string;
  region: string;
  /** `host/bucket/key` addressing instead of `bucket.host/key`: what most self-hosted servers need. */
  forcePathStyle: boolean;
  /** Unset, the AWS SDK's usual chain (AWS_ACCESS_KEY_ID…, a profile, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A client of one's own (tests watch its requests); the options above then only name the bucket and prefix. */
  client?: S3Client;
}

const STORAGE_KEY = /^sha256\/([0-9a-f]{64})$/;

/**
 * The content-addressed store over the S3 API: the same keys (`sha256/<hex>`) as the file store,
 * an object per content. An upload carries its SHA-256, which the server checks before it keeps
 * the object, so a damaged upload is refused instead of stored under a valid key; an upload of
 * bytes already stored is a HEAD and nothing more.
 */
export function createS3Store(options: S3StoreOptions): FileStore & { close(): void } {
  const client =
    options.client ??
    new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Our own SHA-256 goes with every upload; no second checksum on top of it.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A server that stops answering fails the call (an activity retries; a download says so)
      // instead of holding it forever: 5 s to connect, 60 s of silence on an open socket.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  const prefix = options.prefix ?? '';
  const objectKey = (sha256: string) => `${prefix}sha256/${sha256}`;
  const get = async (sha256: string) => {
    try {
      return await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(sha256) }));
    } catch (error) {
      // Only a missing object is "missing": a missing bucket (also a 404) is a configuration error.
      if (error instanceof S3ServiceException && error.name === 'NoSuchKey') return null;
      throw error;
    }
  };
  return {
    async put(content) {
      const digest = createHash('sha256').update(content).digest();
      const sha256 = digest.toString('hex');
      const stored = { storageKey: `sha256/${sha256}`, sha256, sizeBytes: content.length };
      try {
        await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: objectKey(sha256) }));
        return stored;
      } catch (error) {
        // A HEAD has no body to tell a missing object from a missing bucket: the PUT below does.
        if (!(error instanceof S3ServiceException && error.name === 'NotFound')) throw error;
      }
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(sha256),
          Body: content,
          ContentLength: content.length,
          ChecksumSHA256: digest.toString('base64'),
        }),
      );
      return stored;
    },
    async open(storageKey) {
      const match = STORAGE_KEY.exec(storageKey);
      if (!match) return null;
      const object = await get(match[1]!);
      if (!object?.Body) return null;
      return { stream: object.Body as Readable, sizeBytes: object.ContentLength ?? 0 };
    },
    async verify(storageKey) {
      const match = STORAGE_KEY.exec(storageKey);
      if (!match) return 'missing';
      const object = await get(match[1]!);
      if (!object?.Body) return 'missing';
      const hash = createHash('sha256');
      for await (const chunk of object.Body as Readable) hash.update(chunk as Buffer);
      return hash.digest('hex') === match[1] ? 'ok' : 'mismatch';
    },
    async probe() {
      await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
    },
    close() {
      if (!options.client) client.destroy();
    },
  };
}
