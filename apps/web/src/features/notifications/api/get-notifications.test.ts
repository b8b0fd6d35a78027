import { describe, expect, it } from 'vitest';
import { notificationPath } from './get-notifications';

const engagement = { id: '10000000-0000-4000-8000-000000000001', name: '和平里街道创新社区治理法律服务项目' };

describe('notificationPath', () => {
  it('leads a knowledge base change to the engagement’s knowledge tab, on the entries that fell behind', () => {
    expect(
      notificationPath({ kind: 'knowledge.changed', subject: { type: 'engagement', id: engagement.id }, engagement }),
    ).toBe(`/engagements/${engagement.id}?tab=knowledge&state=behind`);
  });

  it('leads a 会诊 notice to the engagement’s consultations', () => {
    expect(notificationPath({ kind: 'consultation.requested', subject: null, engagement })).toBe(`/engagements/${engagement.id}?tab=consultations`);
    expect(notificationPath({ kind: 'consultation.concluded', subject: { type: 'engagement', id: engagement.id }, engagement: null })).toBe(`/engagements/${engagement.id}?tab=consultations`);
  });

  it('leads other notices to their task, deliverable or engagement', () => {
    expect(notificationPath({ kind: 'task.assigned', subject: { type: 'task', id: 't1' }, engagement })).toBe(
      '/tasks/t1',
    );
    expect(
      notificationPath({ kind: 'deliverable.approved', subject: { type: 'deliverable', id: 'd1' }, engagement }),
    ).toBe('/deliverables/d1');
    expect(notificationPath({ kind: 'engagement.needs_attention', subject: null, engagement })).toBe(
      `/engagements/${engagement.id}`,
    );
  });
});
