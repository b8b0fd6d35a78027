import { describe, expect, it } from 'vitest';
import { parseApiConfig } from './config';

describe('parseApiConfig', () => {
  it('fills the defaults around the one required variable', () => {
    const config = parseApiConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/gongzhi' });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@127.0.0.1:5432/gongzhi',
      temporal: { address: '127.0.0.1:7233', namespace: 'default' },
      http: { host: '127.0.0.1', port: 3000, trustProxy: false },
      // Secure unless told otherwise: only the plain-http dev and test stacks turn it off.
      cookieSecure: true,
      webOrigin: null,
      sessionTtlMs: 12 * 3_600_000,
      metricsToken: null,
      loginRateLimit: { perAddressPerMinute: 20 },
      authThrottle: {
        address: { freeFailures: 5, maxDelayMs: 900_000 },
        accountAddress: { freeFailures: 3, maxDelayMs: 900_000 },
        account: { freeFailures: 10, maxDelayMs: 60_000 },
        passwordReset: { freeFailures: 10 },
      },
      eventStreams: { maxPerUser: 5 },
    });
    expect(config.store).toMatchObject({ kind: 'files', dir: expect.stringMatching(/[/\\]\.data[/\\]files$/) });
  });

  it('reads every variable, and names each one that is missing or malformed', () => {
    const config = parseApiConfig({
      DATABASE_URL: 'postgresql://db/gongzhi',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'firm',
      GONGZHI_API_PORT: '8080',
      GONGZHI_API_HOST: '0.0.0.0',
      GONGZHI_FILES_DIR: '/srv/files',
      GONGZHI_COOKIE_SECURE: 'true',
      GONGZHI_WEB_ORIGIN: 'https://gongzhi.example.cn',
    });
    expect(config).toMatchObject({ temporal: { address: 'temporal:7233', namespace: 'firm' }, http: { port: 8080, host: '0.0.0.0' }, store: { kind: 'files', dir: '/srv/files' }, cookieSecure: true, webOrigin: 'https://gongzhi.example.cn' });
    expect(() => parseApiConfig({ GONGZHI_API_PORT: 'eighty', GONGZHI_COOKIE_SECURE: 'yes' })).toThrow(/DATABASE_URL[\s\S]*GONGZHI_API_PORT[\s\S]*GONGZHI_COOKIE_SECURE/);
  });

  it('reads the throttle, metrics and stream settings, and names a retired variable instead of ignoring it', () => {
    const config = parseApiConfig({
      DATABASE_URL: 'postgres://db/gongzhi',
      GONGZHI_COOKIE_SECURE: 'false',
      GONGZHI_METRICS_TOKEN: 'a'.repeat(40),
      GONGZHI_LOGIN_FREE_FAILURES_PER_ADDRESS: '8',
      GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '4',
      GONGZHI_LOGIN_FREE_FAILURES_PER_ACCOUNT: '20',
      GONGZHI_LOGIN_MAX_DELAY_SECONDS: '600',
      GONGZHI_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: '30',
      GONGZHI_PASSWORD_RESETS_PER_ADMIN: '3',
      GONGZHI_EVENT_STREAMS_PER_USER: '8',
    });
    expect(config).toMatchObject({
      cookieSecure: false,
      metricsToken: 'a'.repeat(40),
      authThrottle: {
        address: { freeFailures: 8, maxDelayMs: 600_000 },
        accountAddress: { freeFailures: 4, maxDelayMs: 600_000 },
        account: { freeFailures: 20, maxDelayMs: 30_000 },
        passwordChange: { freeFailures: 4, maxDelayMs: 600_000 },
        passwordReset: { freeFailures: 3 },
      },
      eventStreams: { maxPerUser: 8 },
    });
    expect(() => parseApiConfig({ DATABASE_URL: 'postgres://db/gongzhi', GONGZHI_METRICS_TOKEN: 'short' })).toThrow(/GONGZHI_METRICS_TOKEN/);
    expect(() => parseApiConfig({ DATABASE_URL: 'postgres://db/gongzhi', GONGZHI_LOGIN_FAILURE_LIMIT: '10' })).toThrow(/GONGZHI_LOGIN_FAILURE_LIMIT: no longer used/);
  });

  it('keeps files in an S3 bucket when one is named, and refuses a half-made choice', () => {
    const config = parseApiConfig({ DATABASE_URL: 'postgres://db/gongzhi', GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_S3_ENDPOINT: 'http://s3.internal:7070', GONGZHI_S3_ACCESS_KEY_ID: 'key', GONGZHI_S3_SECRET_ACCESS_KEY: 'secret' });
    expect(config.store).toEqual({ kind: 's3', bucket: 'gongzhi-files', prefix: '', region: 'us-east-1', endpoint: 'http://s3.internal:7070', forcePathStyle: true, credentials: { accessKeyId: 'key', secretAccessKey: 'secret' } });
    expect(() => parseApiConfig({ DATABASE_URL: 'postgres://db/gongzhi', GONGZHI_S3_ENDPOINT: 'http://s3.internal:7070' })).toThrow(/GONGZHI_S3_ENDPOINT: set without GONGZHI_S3_BUCKET/);
    expect(() => parseApiConfig({ DATABASE_URL: 'postgres://db/gongzhi', GONGZHI_S3_BUCKET: 'gongzhi-files', GONGZHI_FILES_DIR: '/srv/files' })).toThrow(/choose one store/);
  });
});
