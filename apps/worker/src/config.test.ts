import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from './config';

const env = { DATABASE_URL: 'postgres://gongzhi@127.0.0.1:5432/gongzhi' };

describe('parseWorkerConfig', () => {
  it('leaves the workflow cache to Temporal unless GONGZHI_WORKER_MAX_CACHED_WORKFLOWS bounds it', () => {
    expect(parseWorkerConfig(env).maxCachedWorkflows).toBeUndefined();
    expect(parseWorkerConfig({ ...env, GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: '' }).maxCachedWorkflows).toBeUndefined();
    expect(parseWorkerConfig({ ...env, GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: '500' }).maxCachedWorkflows).toBe(500);
  });

  it('refuses a cache size that is not a whole number of 0 or more, naming the variable', () => {
    expect(() => parseWorkerConfig({ ...env, GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/GONGZHI_WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => parseWorkerConfig({ ...env, GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow('GONGZHI_WORKER_MAX_CACHED_WORKFLOWS must be 0 or more');
    expect(() => parseWorkerConfig({ ...env, GONGZHI_WORKER_MAX_CACHED_WORKFLOWS: '2.5' })).toThrow('GONGZHI_WORKER_MAX_CACHED_WORKFLOWS must be a whole number');
  });
});
