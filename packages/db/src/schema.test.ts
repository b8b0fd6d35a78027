import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type Db, isUniqueViolation, withTransaction } from './client';
import { fromDbDate, toDbDate } from './dates';
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

async function createUser(username = `user-${randomUUID().slice(0, 8)}`) {
  return db.user.create({ data: { username, displayName: '王浩然', passwordHash: 'scrypt$test', roles: ['lawyer'] } });
}

async function createEngagement() {
  const pm = await createUser();
  const id = randomUUID();
  const engagement = await db.engagement.create({
    data: {
      id,
      name: '某某街道创新社区治理',
      clientName: '某某街道办事处',
      clientKind: 'street',
      templateKey: 'community-governance',
      templateVersion: 1,
      startDate: toDbDate('2026-03-02'),
      workflowId: `engagement-${id}`,
      plan: { stages: [] },
      createdById: pm.id,
      communities: { create: [{ key: 'c1', name: '幸福社区' }] },
      departments: { create: [{ key: 'fire', name: '消防救援机构' }] },
      stages: {
        create: [{ key: 'research', order: 2, titleZh: '实地调研', titleEn: 'Field research', plannedStart: toDbDate('2026-03-02'), plannedEnd: toDbDate('2026-04-10') }],
      },
    },
  });
  return { engagement, pm };
}

function taskData(engagementId: string, assigneeId: string, overrides: Record<string, unknown> = {}) {
  return {
    engagementId,
    stageKey: 'research',
    key: 'research.questionnaire~c1',
    templateTaskKey: 'questionnaire',
    scope: 'community' as const,
    communityKey: 'c1',
    titleZh: '书面调查问卷',
    titleEn: 'Questionnaires',
    role: 'lawyer' as const,
    assigneeId,
    dueDate: toDbDate('2026-03-20'),
    reminderDate: toDbDate('2026-03-18'),
    escalationDate: toDbDate('2026-03-23'),
    workflowId: `engagement-${engagementId}`,
    ...overrides,
  };
}

describe('audit_event', () => {
  it('accepts new events and rejects every UPDATE, DELETE and TRUNCATE', async () => {
    const event = await db.auditEvent.create({
      data: { key: `audit-${randomUUID()}`, action: 'task.completed', entityType: 'task', entityId: 't1', after: { status: 'done' } },
    });
    expect(typeof event.id).toBe('bigint');

    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: 'task.reopened' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('UPDATE audit_event SET action = $1', 'tampered')).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('TRUNCATE audit_event')).rejects.toThrow(/append-only/);

    const unchanged = await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(unchanged.action).toBe('task.completed');
  });

  it('records an event once per key', async () => {
    const key = `audit-${randomUUID()}`;
    const data = { key, action: 'engagement.started', entityType: 'engagement', entityId: 'e1' };
    await db.auditEvent.create({ data });
    const duplicate = await db.auditEvent.create({ data }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(await db.auditEvent.count({ where: { key } })).toBe(1);
  });
});

describe('deliverable revisions and uploads', () => {
  it('keep a submitted revision as it is: no UPDATE or DELETE, except with its whole deliverable', async () => {
    const { engagement, pm } = await createEngagement();
    const task = await db.task.create({ data: taskData(engagement.id, pm.id) });
    const deliverable = await db.deliverable.create({
      data: { engagementId: engagement.id, taskId: task.id, key: 'questionnaires~c1', titleZh: '问卷汇总', titleEn: 'Questionnaire summary', kind: 'xlsx', requiresReview: true },
    });
    const revision = await db.deliverableRevision.create({
      data: { deliverableId: deliverable.id, revision: 1, storageKey: `sha256/${'b'.repeat(64)}`, fileName: '问卷.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10, sha256: 'b'.repeat(64), submittedById: pm.id },
    });
    await expect(db.deliverableRevision.update({ where: { id: revision.id }, data: { sha256: 'c'.repeat(64) } })).rejects.toThrow(/immutable/);
    await expect(db.deliverableRevision.update({ where: { id: revision.id }, data: { note: '改一下说明' } })).rejects.toThrow(/immutable/);
    await expect(db.deliverableRevision.delete({ where: { id: revision.id } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe('UPDATE deliverable_revision SET storage_key = $1', 'sha256/tampered')).rejects.toThrow(/immutable/);
    expect((await db.deliverableRevision.findUniqueOrThrow({ where: { id: revision.id } })).sha256).toBe('b'.repeat(64));
    // Removing the whole deliverable (its task, its engagement) takes the revision with it.
    await db.deliverable.delete({ where: { id: deliverable.id } });
    expect(await db.deliverableRevision.count({ where: { id: revision.id } })).toBe(0);
  });

  it('record an upload once and never change it', async () => {
    const { engagement, pm } = await createEngagement();
    const task = await db.task.create({ data: taskData(engagement.id, pm.id) });
    const deliverable = await db.deliverable.create({
      data: { engagementId: engagement.id, taskId: task.id, key: 'questionnaires~c1', titleZh: '问卷汇总', titleEn: 'Questionnaire summary', kind: 'xlsx', requiresReview: true },
    });
    const upload = await db.deliverableUpload.create({
      data: { deliverableId: deliverable.id, sha256: 'd'.repeat(64), storageKey: `sha256/${'d'.repeat(64)}`, fileName: '问卷.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10, uploadedById: pm.id },
    });
    await expect(db.deliverableUpload.update({ where: { id: upload.id }, data: { fileName: '别的.xlsx' } })).rejects.toThrow(/insert-only/);
    await expect(db.deliverableUpload.create({ data: { deliverableId: deliverable.id, sha256: 'not-a-digest', storageKey: 'sha256/x', fileName: 'x.xlsx', mimeType: 'x', sizeBytes: 1, uploadedById: pm.id } })).rejects.toThrow(/deliverable_upload_check/);
  });
});

describe('business keys', () => {
  it('keep one notification per key, whichever way it is written', async () => {
    const user = await createUser();
    const key = `reminder:${randomUUID()}:2026-03-20`;
    const data = { key, userId: user.id, kind: 'reminder' as const, payload: { taskKey: 'research.questionnaire~c1' } };
    await db.notification.create({ data });

    const duplicate = await db.notification.create({ data }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(await db.notification.createMany({ data: [data], skipDuplicates: true })).toEqual({ count: 0 });
    await db.notification.upsert({ where: { key }, create: data, update: {} });
    expect(await db.notification.count({ where: { key } })).toBe(1);
  });

  it('keep task keys unique within an engagement, not across engagements', async () => {
    const first = await createEngagement();
    const second = await createEngagement();
    await db.task.create({ data: taskData(first.engagement.id, first.pm.id) });
    const duplicate = await db.task.create({ data: taskData(first.engagement.id, first.pm.id) }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    await expect(db.task.create({ data: taskData(second.engagement.id, second.pm.id) })).resolves.toMatchObject({ key: 'research.questionnaire~c1' });
  });

  it('allow one review per deliverable revision', async () => {
    const { engagement, pm } = await createEngagement();
    const task = await db.task.create({ data: taskData(engagement.id, pm.id) });
    const deliverable = await db.deliverable.create({
      data: { engagementId: engagement.id, taskId: task.id, key: 'questionnaires~c1', titleZh: '问卷汇总', titleEn: 'Questionnaire summary', kind: 'xlsx', requiresReview: true },
    });
    await db.deliverableRevision.create({
      data: { deliverableId: deliverable.id, revision: 1, storageKey: 'sha256/ab', fileName: '问卷.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sizeBytes: 10, sha256: 'a'.repeat(64), submittedById: pm.id },
    });
    const review = { key: `review-${deliverable.id}-1`, deliverableId: deliverable.id, revision: 1, sha256: 'a'.repeat(64), reviewerId: pm.id, decision: 'changes_requested' as const, comment: '请补充第三社区的数据' };
    await db.review.create({ data: review });
    expect(isUniqueViolation(await db.review.create({ data: { ...review, key: `other-${randomUUID()}` } }).catch((error: unknown) => error))).toBe(true);
    // A review must be of an existing revision.
    await expect(db.review.create({ data: { ...review, key: `review-${deliverable.id}-2`, revision: 2 } })).rejects.toThrow();
  });
});

describe('CHECK constraints from the migration', () => {
  it('reject a locale the product does not have', async () => {
    const user = await createUser();
    await expect(db.user.update({ where: { id: user.id }, data: { locale: 'fr' } })).rejects.toThrow(/app_user_locale_check/);
    await expect(db.user.update({ where: { id: user.id }, data: { locale: 'en' } })).resolves.toMatchObject({ locale: 'en' });
  });

  it('tie a task scope to its community or department', async () => {
    const { engagement, pm } = await createEngagement();
    await expect(db.task.create({ data: taskData(engagement.id, pm.id, { key: 'research.x', communityKey: null }) })).rejects.toThrow(/task_scope_check/);
    await expect(
      db.task.create({ data: taskData(engagement.id, pm.id, { key: 'research.y', scope: 'department', communityKey: null, departmentKey: 'fire' }) }),
    ).resolves.toMatchObject({ departmentKey: 'fire' });
    // The community must belong to the same engagement.
    await expect(db.task.create({ data: taskData(engagement.id, pm.id, { key: 'research.z', communityKey: 'nowhere' }) })).rejects.toThrow();
  });

  it('keep a case tier, step and supervision to the domain words', async () => {
    const { engagement, pm } = await createEngagement();
    const community = await db.community.findFirstOrThrow({ where: { engagementId: engagement.id } });
    const at = new Date();
    const data = () => ({
      id: randomUUID(),
      engagementId: engagement.id,
      communityId: community.id,
      title: '侵占绿地种菜',
      description: '3号楼南侧绿地被开垦种菜',
      place: '3号楼南侧',
      step: 'letter',
      stepStartedOn: toDbDate('2026-11-02'),
      dueOn: toDbDate('2026-11-09'),
      reportedById: pm.id,
      reportedOn: toDbDate('2026-11-02'),
      periods: {},
      createdAt: at,
      updatedAt: at,
    });
    await expect(db.problemCase.create({ data: { ...data(), tier: 'self-governance' } })).resolves.toMatchObject({ tier: 'self-governance' });
    await expect(db.problemCase.create({ data: { ...data(), tier: 'self_governance' } })).rejects.toThrow(/problem_case_tier_check/);
    await expect(db.problemCase.create({ data: { ...data(), step: 'waiting' } })).rejects.toThrow(/problem_case_step_check/);
    await expect(db.problemCase.create({ data: { ...data(), supervision: 'orange' } })).rejects.toThrow(/problem_case_step_check/);
    const kept = await db.problemCase.create({ data: data() });
    const event = { caseId: kept.id, seq: 1, occurredOn: toDbDate('2026-11-02'), tier: 'moral', step: 'letter', details: {}, recordedAt: at };
    await expect(db.caseEvent.create({ data: { ...event, kind: 'escalated_to_court' } })).rejects.toThrow(/case_event_check/);
    await expect(db.caseEvent.create({ data: { ...event, kind: 'reported' } })).resolves.toMatchObject({ seq: 1 });
  });
});

describe('dates and transactions', () => {
  it('store civil dates as the same day, whatever the process time zone', async () => {
    const { engagement } = await createEngagement();
    const stage = await db.stage.findFirstOrThrow({ where: { engagementId: engagement.id } });
    expect(fromDbDate(stage.plannedStart)).toBe('2026-03-02');
    expect(fromDbDate(stage.plannedEnd)).toBe('2026-04-10');
    expect(() => toDbDate('2026-02-30')).toThrow();
  });

  it('retry a transaction that lost a serialization conflict', async () => {
    const prefix = `race-${randomUUID().slice(0, 8)}-`;
    let attempts = 0;
    let readers = 0;
    let releaseReaders!: () => void;
    const bothHaveRead = new Promise<void>((resolve) => (releaseReaders = resolve));
    // Each reads the count, then inserts a row named after it: two such transactions overlapping
    // under SERIALIZABLE cannot both commit, so PostgreSQL aborts one and it must run again.
    const run = (name: string) =>
      withTransaction(
        db,
        async (tx) => {
          attempts++;
          const count = await tx.user.count({ where: { username: { startsWith: prefix } } });
          if (++readers === 2) releaseReaders();
          await Promise.race([bothHaveRead, new Promise((resolve) => setTimeout(resolve, 2_000))]);
          await tx.user.create({ data: { username: `${prefix}${name}-${count}`, displayName: name, passwordHash: 'x', roles: [] } });
        },
        { isolationLevel: 'Serializable' },
      );
    await Promise.all([run('a'), run('b')]);
    expect(attempts).toBeGreaterThan(2);
    // The retried one saw the other's row: the counts read are 0 and 1, never 0 twice.
    const users = await db.user.findMany({ where: { username: { startsWith: prefix } } });
    expect(users.map((user) => user.username.split('-').at(-1)).sort()).toEqual(['0', '1']);
  });

  it('roll a failed transaction back', async () => {
    const username = `tx-${randomUUID().slice(0, 8)}`;
    await expect(
      withTransaction(db, async (tx) => {
        await tx.user.create({ data: { username, displayName: 'x', passwordHash: 'x', roles: [] } });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await db.user.findUnique({ where: { username } })).toBeNull();
  });
});
