import { z } from 'zod';
import { instantSchema, line } from './common';
import { defineOperation } from './operation';

export const healthSchema = z.object({ status: z.literal('ok') }).strict().meta({ id: 'Health' });

const dependencyCheck = z.object({ ok: z.boolean(), latencyMs: z.number().min(0) }).strict();

export const readinessSchema = z
  .object({ status: z.literal('ready'), checks: z.object({ database: dependencyCheck, temporal: dependencyCheck, files: dependencyCheck }).strict(), at: instantSchema })
  .strict()
  .meta({ id: 'Readiness' });

export const getHealth = defineOperation({
  id: 'getHealth',
  method: 'GET',
  path: '/api/health',
  tag: 'system',
  summary: { zh: '存活检查', en: 'Liveness' },
  description: 'The process answers; touches no dependency.',
  permission: { auth: 'public' },
  responses: { 200: healthSchema },
});

export const getReadiness = defineOperation({
  id: 'getReadiness',
  method: 'GET',
  path: '/api/ready',
  tag: 'system',
  summary: { zh: '就绪检查', en: 'Readiness' },
  description: 'The database, Temporal and the file store (its directory, or its S3 bucket) answer. 503 `not_ready` (the error shape, naming the failing dependency) otherwise.',
  permission: { auth: 'public' },
  responses: { 200: readinessSchema },
  errors: ['not_ready'],
});

export const getMetrics = defineOperation({
  id: 'getMetrics',
  method: 'GET',
  path: '/metrics',
  tag: 'system',
  summary: { zh: '监控指标', en: 'Metrics' },
  description:
    'Prometheus text exposition format (text/plain; version=0.0.4). Not public: send `Authorization: Bearer <GONGZHI_METRICS_TOKEN>` (the scrape secret the API is configured with; when none is configured, no scraper gets in) or sign in as an administrator (session, or an API token with the `read` and `admin` scopes). 401 without credentials, 403 for other users.',
  permission: { auth: 'role', roles: ['admin'], rules: ['metrics-token'] },
  responseEncoding: 'text',
  responses: { 200: line(10_000_000).meta({ description: 'Prometheus text format' }) },
});
