import { type Db, publishChange, takeKnowledge } from '@gongzhi/db';
import { type EngagementPlan } from '@gongzhi/domain';
import { auditKey } from '../keys';
import { workflowIdForTask } from '../ids';
import { audit, civilDate, json } from './support';
import { type EngagementActivities, type MaterializeEngagementInput } from './types';

function teamMembers(team: EngagementPlan['team']) {
  const members = [
    { userId: team.pm, role: 'pm' as const },
    { userId: team.partner, role: 'partner' as const },
    ...team.lawyers.map((userId) => ({ userId, role: 'lawyer' as const })),
    ...(team.client ? [{ userId: team.client, role: 'client' as const }] : []),
  ];
  // One membership per person: the first role listed is the one they play here.
  return members.filter((member, index) => members.findIndex((other) => other.userId === member.userId) === index);
}

/**
 * Writes an engagement's whole projection — engagement, team, communities, departments, stages,
 * tasks, deliverables, its copy of the knowledge base — from its plan: the workflow's first step. Idempotent: every row has a
 * business key, so a retried attempt writes nothing twice.
 */
async function writeProjection(db: Db, input: MaterializeEngagementInput): Promise<void> {
  const { engagementId, plan, details } = input;
  await db.$transaction(async (tx) => {
    await tx.engagement.upsert({
      where: { id: engagementId },
      update: {},
      create: {
        id: engagementId,
        name: details.name,
        clientName: details.clientName,
        clientKind: details.clientKind,
        templateKey: plan.templateKey,
        templateVersion: plan.templateVersion,
        startDate: civilDate(plan.startDate),
        workflowId: input.workflowId,
        requestHash: details.requestHash ?? null,
        plan: json(plan),
        createdById: details.createdById,
      },
    });
    await tx.engagementMember.createMany({ data: teamMembers(plan.team).map((member) => ({ engagementId, ...member })), skipDuplicates: true });
    await tx.community.createMany({ data: plan.communities.map((community) => ({ engagementId, ...community })), skipDuplicates: true });
    await tx.department.createMany({ data: plan.departments.map((department) => ({ engagementId, ...department })), skipDuplicates: true });
    await tx.stage.createMany({
      data: plan.stages.map((stage) => ({
        engagementId,
        key: stage.key,
        order: stage.order,
        titleZh: stage.title.zh,
        titleEn: stage.title.en,
        plannedStart: civilDate(stage.plannedStart),
        plannedEnd: civilDate(stage.plannedEnd),
      })),
      skipDuplicates: true,
    });
    await tx.task.createMany({
      data: plan.tasks.map((task) => ({
        engagementId,
        stageKey: task.stageKey,
        key: task.key,
        templateTaskKey: task.templateTaskKey,
        scope: task.scope,
        communityKey: task.communityKey,
        departmentKey: task.departmentKey,
        titleZh: task.title.zh,
        titleEn: task.title.en,
        role: task.role,
        assigneeId: task.assigneeId,
        dueDate: civilDate(task.dueDate),
        reminderDate: civilDate(task.reminderDate),
        escalationDate: civilDate(task.escalationDate),
        workflowId: workflowIdForTask(engagementId, task),
        isGate: task.isGate,
      })),
      skipDuplicates: true,
    });
    const withDeliverables = plan.tasks.filter((task) => task.deliverable);
    const taskIds = new Map(
      (await tx.task.findMany({ where: { engagementId, key: { in: withDeliverables.map((task) => task.key) } }, select: { id: true, key: true } })).map(
        (task) => [task.key, task.id],
      ),
    );
    await tx.deliverable.createMany({
      data: withDeliverables.map((task) => ({
        engagementId,
        taskId: taskIds.get(task.key)!,
        key: task.deliverable!.key,
        titleZh: task.deliverable!.title.zh,
        titleEn: task.deliverable!.title.en,
        kind: task.deliverable!.kind,
        requiresReview: task.deliverable!.requiresReview,
      })),
      skipDuplicates: true,
    });
    // The engagement starts from the firm's knowledge base as it is today, and keeps that copy
    // until someone takes a newer master version or adapts an entry to the district.
    await takeKnowledge(tx, { engagementId, entryIds: 'all', keepAdaptation: true });
    await audit(tx, {
      key: auditKey.engagementCreated(engagementId),
      engagementId,
      actorId: details.createdById,
      action: 'engagement.created',
      entityType: 'engagement',
      entityId: engagementId,
      after: { name: details.name, clientName: details.clientName, templateKey: plan.templateKey, templateVersion: plan.templateVersion, startDate: plan.startDate },
      at: new Date().toISOString(),
    });
  });
}

/** The workflow's first step: the projection, then the announcement that it exists. */
export function createMaterializeActivity(db: Db): Pick<EngagementActivities, 'materializeEngagement'> {
  return {
    async materializeEngagement(input) {
      await writeProjection(db, input);
      await publishChange(db, { engagementId: input.engagementId, type: 'engagement.updated' });
    },
  };
}
