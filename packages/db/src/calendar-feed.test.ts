// What a calendar feed is read from: a done task's form says when its event was held (`heldOn`,
// or `meetingDate` for the kick-off talk), found in SQL; a client contact sees only the events of
// work released to the client (no deliverable, or an approved one), the team sees them all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCalendarSource } from './calendar-feed';
import { type Db } from './client';
import { toDbDate } from './dates';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseServerUrl'));
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

const user = (role: 'pm' | 'client') => db.user.create({ data: { username: `${role}-${randomUUID().slice(0, 8)}`, displayName: role === 'pm' ? '李婧' : '赵建华', passwordHash: 'scrypt$test', roles: [role] } });

describe('the events of a calendar feed', () => {
  it('takes held-on days from done tasks’ forms, and gives a client contact only the released ones', async () => {
    const [pm, client] = [await user('pm'), await user('client')];
    const id = randomUUID();
    await db.engagement.create({
      data: {
        id,
        name: '和平里街道创新社区治理法律服务项目',
        clientName: '和平里街道办事处',
        clientKind: 'street',
        templateKey: 'community-governance',
        templateVersion: 1,
        startDate: toDbDate('2026-09-01'),
        workflowId: `engagement-${id}`,
        plan: { stages: [] },
        createdById: pm.id,
        members: { create: [{ userId: pm.id, role: 'pm' }, { userId: client.id, role: 'client' }] },
        stages: { create: [{ key: 'training', order: 1, titleZh: '法律培训', titleEn: 'Training', plannedStart: toDbDate('2026-09-01'), plannedEnd: toDbDate('2026-10-31') }] },
      },
    });
    const task = (key: string, formData: Record<string, string | number> | null, deliverable?: 'draft' | 'approved') =>
      db.task.create({
        data: {
          engagementId: id,
          stageKey: 'training',
          key,
          templateTaskKey: key,
          scope: 'engagement',
          titleZh: `任务 ${key}`,
          titleEn: `Task ${key}`,
          role: 'pm',
          assigneeId: pm.id,
          status: 'done',
          dueDate: toDbDate('2026-10-15'),
          reminderDate: toDbDate('2026-10-13'),
          escalationDate: toDbDate('2026-10-17'),
          workflowId: `engagement-${id}`,
          completedAt: new Date('2026-10-15T08:00:00Z'),
          ...(formData ? { formData } : {}),
          ...(deliverable ? { deliverable: { create: { engagementId: id, key, titleZh: '培训签到表', titleEn: 'Sign-in sheet', kind: 'docx', requiresReview: true, status: deliverable } } } : {}),
        },
      });
    await task('released', { heldOn: '2026-10-14', participants: 40 });
    await task('kick-off', { meetingDate: '2026-09-03', attendees: '街道办事处主任' });
    await task('approved', { heldOn: '2026-10-20' }, 'approved');
    await task('unreleased', { heldOn: '2026-10-22' }, 'draft');
    await task('no-date', { minutes: '纪要' });
    await task('not-a-date', { heldOn: 3 });
    await task('no-form', null);

    const heldOn = async (userId: string) =>
      (await loadCalendarSource(db, { kind: 'person', userId })).events.map((event) => [event.titleZh, event.heldOn]).sort();
    expect(await heldOn(pm.id)).toEqual([
      ['任务 approved', '2026-10-20'],
      ['任务 kick-off', '2026-09-03'],
      ['任务 released', '2026-10-14'],
      ['任务 unreleased', '2026-10-22'],
    ]);
    expect(await heldOn(client.id)).toEqual([
      ['任务 approved', '2026-10-20'],
      ['任务 kick-off', '2026-09-03'],
      ['任务 released', '2026-10-14'],
    ]);
    // An engagement's feed (its PM's) has them all.
    expect((await loadCalendarSource(db, { kind: 'engagement', userId: pm.id, engagementId: id })).events).toHaveLength(4);
  });
});
