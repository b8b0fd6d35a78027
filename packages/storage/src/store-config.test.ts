import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultFilesDir } from './default-dir';
import { describeStore, storeConfigFromEnv, storeConfigOf, storeEnvShape } from './store-config';

const parse = (env: Record<string, string>) => storeConfigOf(z.object(storeEnvShape).parse(env));

describe('the store configuration', () => {
  it('keeps files on disk by default, in the directory given or the repository default', () => {
    expect(parse({})).toEqual({ config: { kind: 'files', dir: defaultFilesDir() }, problems: [] });
    expect(parse({ GONGZHI_FILES_DIR: '/srv/gongzhi/files' }).config).toEqual({ kind: 'files', dir: '/srv/gongzhi/files' });
  });

  it('reads an S3 bucket on a self-hosted server, path-style unless told otherwise', () => {
    const { config } = parse({ GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_S3_ENDPOINT: 'http://10.0.0.5:7070', GONGZHI_S3_PREFIX: 'beijing/', GONGZHI_S3_ACCESS_KEY_ID: 'key', GONGZHI_S3_SECRET_ACCESS_KEY: 'secret' });
    expect(config).toEqual({ kind: 's3', bucket: 'gongzhi-files', prefix: 'beijing/', region: 'us-east-1', endpoint: 'http://10.0.0.5:7070', forcePathStyle: true, credentials: { accessKeyId: 'key', secretAccessKey: 'secret' } });
    expect(describeStore(config!)).toBe('files in s3://gongzhi-files/beijing/ (http://10.0.0.5:7070)');
    // On AWS itself: virtual-hosted addressing and the SDK's own credential chain.
    expect(parse({ GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_S3_REGION: 'cn-north-1' }).config).toEqual({ kind: 's3', bucket: 'gongzhi-files', prefix: '', region: 'cn-north-1', forcePathStyle: false });
    expect(parse({ GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_S3_ENDPOINT: 'https://s3.example.cn', GONGZHI_S3_FORCE_PATH_STYLE: 'false' }).config).toMatchObject({ forcePathStyle: false });
  });

  it('names every half-made choice instead of quietly keeping files on disk', () => {
    expect(parse({ GONGZHI_S3_ENDPOINT: 'http://10.0.0.5:7070' }).problems).toEqual(['GONGZHI_S3_ENDPOINT: set without GONGZHI_S3_BUCKET (files would silently stay on disk)']);
    // A misspelt bucket variable leaves the others alone: each is named.
    expect(parse({ GONGZHI_S3_REGION: 'cn-north-1', GONGZHI_S3_PREFIX: 'beijing/', GONGZHI_S3_FORCE_PATH_STYLE: 'true' }).problems).toHaveLength(3);
    expect(parse({ GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_FILES_DIR: '/srv/files', GONGZHI_S3_ACCESS_KEY_ID: 'key' }).problems).toEqual([
      'GONGZHI_FILES_DIR: set together with GONGZHI_S3_BUCKET; choose one store',
      'GONGZHI_S3_ACCESS_KEY_ID, GONGZHI_S3_SECRET_ACCESS_KEY: set both or neither',
    ]);
    expect(z.object(storeEnvShape).safeParse({ GONGZHI_S3_BUCKET: 'Gongzhi_Files' }).success).toBe(false);
    for (const prefix of ['/abs/', '../', 'a/./', 'gongzhi']) expect(z.object(storeEnvShape).safeParse({ GONGZHI_S3_BUCKET: 'b-1', GONGZHI_S3_PREFIX: prefix }).success).toBe(false);
  });

  it('reads straight from an environment too, blank values unset and malformed ones named', () => {
    expect(storeConfigFromEnv({ GONGZHI_FILES_DIR: '/srv/files', GONGZHI_S3_BUCKET: '' }).config).toEqual({ kind: 'files', dir: '/srv/files' });
    expect(storeConfigFromEnv({ GONGZHI_S3_BUCKET: 'Bad_Bucket' }).problems).toEqual([expect.stringMatching(/^GONGZHI_S3_BUCKET: must be an S3 bucket name/)]);
  });
});
