import fp from 'fastify-plugin';
import { ENGAGEMENT_STATUSES, civilDateAt } from '@gongzhi/domain';
import { toDbDate } from '@gongzhi/db';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: { render(): Promise<string> };
  }
}

/** Upper bounds of the request-duration histogram, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  labels: string;
  count: number;
  sum: number;
  buckets: number[];
}

const escapeLabel = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const labelsOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabel(value)}"`)
    .join(',');

/**
 * Prometheus text exposition, by hand (no client library needed for a handful of series):
 * request counts and durations by route pattern, method and status, and business gauges read
 * from the database at scrape time. Routes are labelled by their contract path, never by the
 * raw URL, so ids cannot blow up the series count.
 */
export default fp<{ now: () => Date }>(
  async (fastify, { now }) => {
    const series = new Map<string, Series>();
    const startedAt = Date.now();

    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.config.operation?.path ?? (request.routeOptions.url ? request.routeOptions.url : 'unmatched');
      const labels = labelsOf({ method: request.method, route, status: String(reply.statusCode) });
      let entry = series.get(labels);
      if (!entry) series.set(labels, (entry = { labels, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) }));
      const seconds = reply.elapsedTime / 1000;
      entry.count += 1;
      entry.sum += seconds;
      BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) entry.buckets[index]! += 1;
      });
    });

    async function businessGauges(): Promise<string[]> {
      const { db } = fastify;
      const today = toDbDate(civilDateAt(now()));
      const [engagements, openTasks, overdue, awaitingReview, sessions] = await Promise.all([
        db.engagement.groupBy({ by: ['status'], _count: { _all: true } }),
        db.task.groupBy({ by: ['status'], where: { status: { in: ['active', 'in_review', 'changes_requested'] } }, _count: { _all: true } }),
        db.task.count({ where: { status: { notIn: ['done', 'cancelled'] }, dueDate: { lt: today }, engagement: { status: 'running' } } }),
        db.deliverable.count({ where: { status: 'submitted' } }),
        db.session.count({ where: { revokedAt: null, expiresAt: { gt: now() } } }),
      ]);
      const lines: string[] = [];
      const gauge = (name: string, help: string, samples: [Record<string, string>, number][]) => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
        for (const [labels, value] of samples) lines.push(`${name}${Object.keys(labels).length ? `{${labelsOf(labels)}}` : ''} ${value}`);
      };
      gauge(
        'gongzhi_engagements',
        'Engagements by status.',
        ENGAGEMENT_STATUSES.map((status) => [{ status }, engagements.find((row) => row.status === status)?._count._all ?? 0]),
      );
      gauge(
        'gongzhi_tasks_open',
        'Tasks someone is expected to act on, by status.',
        (['active', 'in_review', 'changes_requested'] as const).map((status) => [{ status }, openTasks.find((row) => row.status === status)?._count._all ?? 0]),
      );
      gauge('gongzhi_tasks_overdue', 'Unfinished tasks of running engagements past their due day (Asia/Shanghai).', [[{}, overdue]]);
      gauge('gongzhi_deliverables_awaiting_review', 'Deliverables submitted and waiting for a partner.', [[{}, awaitingReview]]);
      gauge('gongzhi_sessions_active', 'Signed-in browser sessions not expired or revoked.', [[{}, sessions]]);
      gauge('gongzhi_event_streams', 'Open server-sent-event streams in this process.', [[{}, fastify.changes.subscriberCount()]]);
      return lines;
    }

    fastify.decorate('metrics', {
      async render() {
        const lines = [
          '# HELP gongzhi_http_requests_total Requests answered, by method, route and status.',
          '# TYPE gongzhi_http_requests_total counter',
        ];
        const all = [...series.values()].sort((a, b) => a.labels.localeCompare(b.labels));
        for (const entry of all) lines.push(`gongzhi_http_requests_total{${entry.labels}} ${entry.count}`);
        lines.push('# HELP gongzhi_http_request_duration_seconds Time to answer, by method, route and status.', '# TYPE gongzhi_http_request_duration_seconds histogram');
        for (const entry of all) {
          BUCKETS.forEach((bound, index) => lines.push(`gongzhi_http_request_duration_seconds_bucket{${entry.labels},le="${bound}"} ${entry.buckets[index]}`));
          lines.push(`gongzhi_http_request_duration_seconds_bucket{${entry.labels},le="+Inf"} ${entry.count}`);
          lines.push(`gongzhi_http_request_duration_seconds_sum{${entry.labels}} ${entry.sum}`);
          lines.push(`gongzhi_http_request_duration_seconds_count{${entry.labels}} ${entry.count}`);
        }
        lines.push(...(await businessGauges()));
        lines.push('# HELP gongzhi_process_uptime_seconds Seconds since this API process started.', '# TYPE gongzhi_process_uptime_seconds gauge');
        lines.push(`gongzhi_process_uptime_seconds ${(Date.now() - startedAt) / 1000}`);
        lines.push('# HELP gongzhi_process_resident_memory_bytes Resident memory of this process.', '# TYPE gongzhi_process_resident_memory_bytes gauge');
        lines.push(`gongzhi_process_resident_memory_bytes ${process.memoryUsage.rss()}`);
        return `${lines.join('\n')}\n`;
      },
    });
  },
  { name: 'metrics', dependencies: ['db', 'changes'] },
);
