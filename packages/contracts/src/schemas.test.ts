import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, chinaHolidayCalendar, computeProgress } from '@gongzhi/domain';
import { z } from 'zod';
import { loginBodySchema } from './auth';
import { civilDateSchema, startDateSchema } from './common';
import { engagementEventSchema } from './events';
import { createEngagementBodySchema, engagementDetailSchema, repeatedPlaces } from './engagements';
import { listDeliverablesQuerySchema, reviewBodySchema } from './deliverables';
import { ids, plan, sampleTaskDetail, template } from './test-fixtures';
import { operations } from './operations';
import { completeTaskBodySchema, listTasksQuerySchema, taskDetailSchema } from './tasks';
import { templateSchema } from './templates';
import { updateUserBodySchema } from './users';

describe('request schemas', () => {
  const engagement = {
    name: '某某街道创新社区治理法律服务',
    clientName: '某某街道办事处',
    clientKind: 'street',
    communities: [{ name: '东湖社区' }, { key: 'xiyuan', name: '西苑社区' }],
    team: { pm: ids.pm, partner: ids.partner, lawyers: [ids.lawyer] },
    startDate: '2025-03-03',
    templateKey: 'community-governance',
  };

  it('accepts a well-formed engagement and fills the defaults', () => {
    expect(createEngagementBodySchema.parse(engagement).departments).toEqual([]);
  });

  it('refuses unknown keys at every level instead of ignoring them', () => {
    expect(loginBodySchema.safeParse({ username: 'li', password: 'x', remember: true }).success).toBe(false);
    expect(createEngagementBodySchema.safeParse({ ...engagement, budget: 1 }).success).toBe(false);
    expect(createEngagementBodySchema.safeParse({ ...engagement, team: { ...engagement.team, intern: ids.lawyer } }).success).toBe(false);
    expect(createEngagementBodySchema.safeParse({ ...engagement, communities: [{ name: '东湖社区', size: 3 }] }).success).toBe(false);
    expect(completeTaskBodySchema.safeParse({ formData: {}, extra: 1 }).success).toBe(false);
    expect(listTasksQuerySchema.safeParse({ limit: '5' }).success).toBe(false);
  });

  it('refuses bad ids, impossible dates, duplicate communities and empty patches', () => {
    expect(createEngagementBodySchema.safeParse({ ...engagement, team: { ...engagement.team, pm: '1' } }).success).toBe(false);
    expect(createEngagementBodySchema.safeParse({ ...engagement, startDate: '2025-02-30' }).success).toBe(false);
    // Repeated places are the route's refusal (422 form_invalid), not the body schema's: no JSON Schema keyword can say it.
    expect(createEngagementBodySchema.safeParse({ ...engagement, communities: [{ name: '东湖社区' }, { name: '东湖社区' }] }).success).toBe(true);
    expect(repeatedPlaces([{ name: '东湖社区' }, { key: 'a', name: '西湖社区' }, { key: 'a', name: '东湖社区' }], 'communities')).toEqual([
      { field: 'communities.2.key', repeats: 1 },
      { field: 'communities.2.name', repeats: 0 },
    ]);
    expect(createEngagementBodySchema.safeParse({ ...engagement, name: 'x'.repeat(201) }).success).toBe(false);
    expect(updateUserBodySchema.safeParse({}).success).toBe(false);
  });

  it('takes as a start date exactly the real dates of 2000–2099, by its pattern alone', () => {
    const pattern = new RegExp(z.toJSONSchema(startDateSchema).pattern as string);
    const isRealDate = (value: string) => civilDateSchema.safeParse(value).success;
    // Every day of two centuries' turns and leap years, and every impossible day of every month.
    for (let day = Date.UTC(1999, 11, 1); day <= Date.UTC(2100, 2, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const expected = date >= '2000-01-01' && date <= '2099-12-31';
      expect(startDateSchema.safeParse(date).success, date).toBe(expected);
      expect(pattern.test(date), date).toBe(expected);
    }
    for (const year of ['2000', '2023', '2024', '2099'])
      for (let month = 1; month <= 12; month++)
        for (const day of [29, 30, 31, 32]) {
          const date = `${year}-${String(month).padStart(2, '0')}-${day}`;
          expect(startDateSchema.safeParse(date).success, date).toBe(isRealDate(date));
        }
    for (const invalid of ['2030-00-10', '2030-13-01', '2030-1-01', '2030-01-00', '1999-12-31', '2100-01-01', '0000-00-00', '２０３０-01-01']) expect(startDateSchema.safeParse(invalid).success, invalid).toBe(false);
  });

  it('takes as a civil date any real date of years 0001–9999, and says so (format: date, no year 0)', () => {
    expect(z.toJSONSchema(civilDateSchema)).toMatchObject({ type: 'string', format: 'date' });
    for (const valid of ['0001-01-01', '0999-12-31', '2024-02-29', '2000-02-29', '9999-12-31']) expect(civilDateSchema.safeParse(valid).success, valid).toBe(true);
    for (const invalid of ['0000-01-01', '0000-02-29', '1900-02-29', '2023-02-29', '2030-04-31', '0000-00-00', '２０３０-01-01', '2030-1-1']) expect(civilDateSchema.safeParse(invalid).success, invalid).toBe(false);
  });

  it('keeps prototype keys and oversized forms out of form data', () => {
    // zod drops a record's own `__proto__` key rather than refusing it; Fastify's JSON parser
    // (onProtoPoisoning: 'error') already answers such a body with 400 before validation runs.
    const poisoned = completeTaskBodySchema.parse(JSON.parse('{"formData":{"__proto__":{"x":1}}}'));
    expect(Object.hasOwn(poisoned.formData, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(poisoned.formData)).toBe(Object.prototype);
    expect(completeTaskBodySchema.safeParse({ formData: { _private: 1 } }).success).toBe(false);
    expect(completeTaskBodySchema.safeParse({ formData: { constructor: 'x' } }).success).toBe(true); // a plain key; the domain then refuses it as unknown
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`f${index}`, 1]));
    expect(completeTaskBodySchema.safeParse({ formData: many }).success).toBe(false);
  });

  it('requires a comment to request changes, not to approve, and always the content decided on', () => {
    const sha256 = 'e'.repeat(64);
    expect(reviewBodySchema.safeParse({ revision: 1, sha256, decision: 'approve' }).success).toBe(true);
    expect(reviewBodySchema.safeParse({ revision: 1, decision: 'approve' }).success).toBe(false);
    expect(reviewBodySchema.safeParse({ revision: 1, sha256: 'E'.repeat(64), decision: 'approve' }).success).toBe(false);
    expect(reviewBodySchema.safeParse({ revision: 1, sha256, decision: 'request_changes' }).success).toBe(false);
    expect(reviewBodySchema.safeParse({ revision: 1, sha256, decision: 'request_changes', comment: '' }).success).toBe(false);
    expect(reviewBodySchema.safeParse({ revision: 1, sha256, decision: 'request_changes', comment: '请补充法律依据' }).success).toBe(true);
  });

  it('decodes query strings into typed values', () => {
    expect(listTasksQuerySchema.parse({ status: 'active', overdue: 'true', page: '2' })).toEqual({ status: ['active'], overdue: true, page: 2, pageSize: 20, sort: 'dueDate' });
    expect(listTasksQuerySchema.parse({ status: ['active', 'changes_requested'], assignee: 'me' }).status).toEqual(['active', 'changes_requested']);
    expect(listTasksQuerySchema.safeParse({ overdue: 'yes' }).success).toBe(false);
    expect(listTasksQuerySchema.safeParse({ pageSize: '1000' }).success).toBe(false);
    expect(listTasksQuerySchema.safeParse({ page: 'abc' }).success).toBe(false);
    expect(listDeliverablesQuerySchema.parse({ awaitingMyReview: 'false' }).awaitingMyReview).toBe(false);
    expect(operations.downloadDeliverableRevision.params.parse({ id: ids.deliverable, rev: '3' })).toEqual({ id: ids.deliverable, rev: 3 });
  });
});

describe('response schemas', () => {
  it('carry the domain template as the domain defines it', () => {
    expect(templateSchema.parse(template)).toEqual(template);
  });

  it('describe a task with its template form, rules and deliverable', () => {
    const detail = taskDetailSchema.parse(sampleTaskDetail());
    expect(detail.form.length).toBeGreaterThan(0);
    expect(taskDetailSchema.safeParse({ ...sampleTaskDetail(), secret: 1 }).success).toBe(false);
  });

  it('describe an engagement built from the real plan and progress', () => {
    const progress = computeProgress(plan.tasks.map((task) => ({ ...task, status: 'active' as const })));
    const calendar = createBusinessCalendar(chinaHolidayCalendar());
    const user = (id: string, displayName: string) => ({ id, displayName });
    const detail = {
      id: ids.engagement,
      name: '某某街道创新社区治理法律服务',
      clientName: '某某街道办事处',
      clientKind: 'street',
      status: 'running',
      templateKey: plan.templateKey,
      templateVersion: plan.templateVersion,
      startDate: plan.startDate,
      plannedEndDate: plan.stages.at(-1)!.plannedEnd,
      stages: plan.stages.map((stage) => ({
        key: stage.key,
        title: stage.title,
        summary: stage.summary,
        order: stage.order,
        after: stage.after,
        status: stage.order === 0 ? 'active' : 'pending',
        progress: progress.byStage[stage.key]!,
        plannedStart: stage.plannedStart,
        plannedEnd: stage.plannedEnd,
        isStalled: false,
        gate: null,
      })),
      progress: progress.overall,
      overdueTaskCount: 0,
      nextDeadline: { date: calendar.addBusinessDays(plan.startDate, 5), taskId: ids.task, title: plan.tasks[0]!.title },
      myRole: 'pm',
      attention: null,
      updatedAt: '2025-03-05T02:00:00.000Z',
      // The engagement's communities as stored: each with its id (what an adoption procedure names).
      communities: plan.communities.map((community, index) => ({ id: `0195f2a0-0000-7000-8000-00000000c${String(index).padStart(3, '0')}`, ...community })),
      departments: plan.departments,
      team: { pm: user(ids.pm, '王经理'), partner: user(ids.partner, '张振华'), lawyers: [user(ids.lawyer, '李律师')], client: null },
      matrix: plan.communities.map((community) => ({
        community,
        cells: plan.stages.map((stage) => ({ stageKey: stage.key, progress: progress.byCommunityStage[community.key]?.[stage.key] ?? null })),
      })),
      taskCounts: { pending: 0, active: plan.tasks.length, in_review: 0, changes_requested: 0, done: 0, cancelled: 0 },
      overdueTasks: [],
      deliverables: [],
      statusReason: null,
      createdAt: '2025-03-01T02:00:00.000Z',
      can: { update: true, pause: true, resume: false, cancel: true, readAudit: true, retry: false },
    };
    expect(engagementDetailSchema.safeParse(detail).error?.issues ?? []).toEqual([]);
    expect(engagementDetailSchema.safeParse({ ...detail, taskCounts: { ...detail.taskCounts, archived: 0 } }).success).toBe(false);
  });

  it('type each live event by its kind', () => {
    const base = { engagementId: ids.engagement, at: '2025-03-05T02:00:00.000Z' };
    expect(engagementEventSchema.safeParse({ ...base, type: 'task.updated', data: { taskId: ids.task, status: 'done', assigneeId: ids.lawyer } }).success).toBe(true);
    expect(engagementEventSchema.safeParse({ ...base, type: 'task.updated', data: { stageKey: 'proposal', status: 'done' } }).success).toBe(false);
    expect(engagementEventSchema.safeParse({ ...base, type: 'stage.updated', data: { stageKey: 'proposal', status: 'done' } }).success).toBe(true);
  });
});
