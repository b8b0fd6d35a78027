import { type z } from 'zod';
import { type createEngagementBodySchema } from '@gongzhi/contracts';
import { type Credentials, type TestApi, waitFor } from './harness';

/** A create-engagement body for the test team (PM, partner, two lawyers, the client contact). */
export function engagementBody(api: TestApi, overrides: Partial<z.input<typeof createEngagementBodySchema>> = {}): z.input<typeof createEngagementBodySchema> {
  return {
    name: '某某街道创新社区治理法律服务项目',
    clientName: '某某街道办事处',
    clientKind: 'street',
    communities: [{ name: '朝阳社区' }, { key: 'heping', name: '和平社区' }],
    departments: [{ name: '城管执法中队' }],
    team: { pm: api.users.pm.id, partner: api.users.partner.id, lawyers: [api.users.lawyer.id, api.users.lawyer2.id], client: api.users.client.id },
    startDate: '2030-03-04',
    templateKey: 'community-governance',
    ...overrides,
  };
}

export const FIRST_TASK_KEY = 'proposal.draft-service-plan';

/** Creates an engagement through the API as the PM and waits until its first task is open. */
export async function createEngagement(api: TestApi, credentials?: Credentials, overrides: Parameters<typeof engagementBody>[1] = {}) {
  const response = await api.request(credentials ?? (await api.sessionFor('pm')), { method: 'POST', url: '/api/engagements', payload: engagementBody(api, overrides) });
  if (response.statusCode !== 201) throw new Error(`creating an engagement failed: ${response.statusCode} ${response.body}`);
  const engagement = response.json<{ id: string }>();
  const firstTask = await waitFor(
    () => api.db.task.findUniqueOrThrow({ where: { engagementId_key: { engagementId: engagement.id, key: FIRST_TASK_KEY } }, include: { deliverable: true } }),
    (task) => task.status === 'active',
  );
  return { engagement: response.json<{ id: string; name: string }>(), firstTask };
}
