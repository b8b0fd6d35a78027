import { describe, expect, it } from 'vitest';
import { parseApiConfig } from './config';

describe('parseApiConfig', () => {
  it('fills the defaults around the one required variable', () => {
    const config = parseApiConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/gongzhi' });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@127.0.0.1:5432/gongzhi',
      temporal: { address: '127.0.0.1:7233', namespace: 'default' },
      http: { host: '127.0.0.1', port: 3000, trustProxy: false },
      cookieSecure: false,
      webOrigin: null,
      sessionTtlMs: 12 * 3_600_000,
    });
    expect(config.filesDir).toMatch(/[/\\]\.data[/\\]files$/);
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
    expect(config).toMatchObject({ temporal: { address: 'temporal:7233', namespace: 'firm' }, http: { port: 8080, host: '0.0.0.0' }, filesDir: '/srv/files', cookieSecure: true, webOrigin: 'https://gongzhi.example.cn' });
    expect(() => parseApiConfig({ GONGZHI_API_PORT: 'eighty', GONGZHI_COOKIE_SECURE: 'yes' })).toThrow(/DATABASE_URL[\s\S]*GONGZHI_API_PORT[\s\S]*GONGZHI_COOKIE_SECURE/);
  });
});
