import { type FastifyInstance } from 'fastify';
import { operations } from '@gongzhi/contracts';
import { groupWorkLog, loadOutcomeFacts } from '@gongzhi/db';
import { civilDateAt, evaluateResidentsMeeting, parseEngagementPlan, workLogTotals } from '@gongzhi/domain';
import { registerOperation } from '../lib/operation-route';
import { accessOf } from '../plugins/app/access';

/** 预期效果: the engagement's outcomes, read from its records (every figure a record's). */
export default async function outcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const { db } = fastify;

  registerOperation(fastify, operations.getEngagementOutcomes, async (request) => {
    const { engagementId } = accessOf(request);
    const asOf = civilDateAt(fastify.clock.now());
    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { plan: true } });
    const plan = parseEngagementPlan(engagement.plan);
    const place = (key: string | null) => {
      const community = key ? plan.communities.find((candidate) => candidate.key === key) : undefined;
      return community ? { key: community.key, name: community.name } : null;
    };
    const [facts, deliverables, consulted, groups, consultations] = await Promise.all([
      loadOutcomeFacts(db, engagementId, plan, asOf),
      db.deliverable.findMany({ where: { engagementId }, select: { id: true, status: true, titleZh: true, titleEn: true, updatedAt: true, task: { select: { communityKey: true } } } }),
      db.task.findMany({ where: { engagementId, templateTaskKey: 'department-consultation', status: 'done' }, select: { departmentKey: true } }),
      groupWorkLog(db, engagementId, {}),
      db.consultation.count({ where: { engagementId, concludedAt: { not: null } } }),
    ]);
    // Approved on the day of the partner's (latest) approval.
    const approvals = await db.review.findMany({
      where: { deliverableId: { in: deliverables.filter((deliverable) => deliverable.status === 'approved').map((deliverable) => deliverable.id) }, decision: 'approved' },
      select: { deliverableId: true, createdAt: true },
    });
    const approvedAt = new Map<string, Date>();
    for (const review of approvals) if ((approvedAt.get(review.deliverableId) ?? new Date(0)) < review.createdAt) approvedAt.set(review.deliverableId, review.createdAt);
    const approved = deliverables
      .filter((deliverable) => deliverable.status === 'approved')
      .map((deliverable) => ({
        title: { zh: deliverable.titleZh, en: deliverable.titleEn },
        community: place(deliverable.task.communityKey),
        approvedOn: civilDateAt(approvedAt.get(deliverable.id) ?? deliverable.updatedAt),
      }))
      .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.title.zh.localeCompare(b.title.zh, 'zh-CN'));
    const consultedKeys = new Set(consulted.map((task) => task.departmentKey));
    const service = workLogTotals(groups);
    return {
      engagementId,
      asOf,
      communities: plan.communities.map((community) => ({ key: community.key, name: community.name })),
      deliverables: { approved: approved.length, total: deliverables.length, items: approved },
      departments: {
        inMechanism: plan.departments.map((department) => ({ key: department.key, name: department.name })),
        consulted: plan.departments.filter((department) => consultedKeys.has(department.key)).map((department) => ({ key: department.key, name: department.name })),
      },
      conventions: facts.conventions.map((convention) => ({
        community: place(convention.communityKey),
        adoptedOn: convention.adoptedOn,
        eligible: convention.eligible,
        attendees: convention.attendees,
        votesFor: convention.votesFor,
        votesAgainst: convention.votesAgainst,
        abstentions: convention.abstentions,
        valid: evaluateResidentsMeeting(convention).passed,
        filedOn: convention.filedOn,
        filingNo: convention.filingNo,
      })),
      trainings: { sessions: facts.trainings.length, attendance: facts.trainings.reduce((sum, training) => sum + training.attendance, 0) },
      events: {
        held: facts.events.length,
        participants: facts.events.reduce((sum, event) => sum + event.participants, 0),
        householdsReached: facts.householdsReached,
        items: facts.events.map((event) => ({ date: event.date, community: place(event.communityKey), kind: event.kind, theme: event.theme, participants: event.participants })),
      },
      cases: { reported: facts.cases.reported, resolved: facts.cases.resolved, tiers: facts.cases.tiers, modelHouseholds: facts.modelHouseholds },
      hotline: facts.hotline,
      service: { entries: service.entries, minutes: service.minutes, consultations },
    };
  });
}
