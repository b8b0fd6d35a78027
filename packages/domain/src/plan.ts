import { z } from 'zod';
import { type BusinessCalendar, type CivilDate, civilDateSchema } from './calendar';
import {
  type CompletionRule,
  completionRuleSchema,
  type DeliverableSpec,
  deliverableSpecSchema,
  type FormField,
  formFieldSchema,
  type LocalizedText,
  localizedTextSchema,
  type PipelineTemplate,
  type TaskScope,
  taskScopeSchema,
  type WorkerRole,
  workerRoleSchema,
} from './template/schema';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');

export const planInputSchema = z
  .object({
    startDate: civilDateSchema,
    communities: z.array(z.object({ key: slug, name: z.string().min(1).max(100) }).strict()).min(1).max(50),
    departments: z.array(z.object({ key: slug, name: z.string().min(1).max(100) }).strict()).max(50),
    team: z
      .object({
        pm: z.string().min(1),
        partner: z.string().min(1),
        lawyers: z.array(z.string().min(1)).min(1),
        /** The client's contact; without one, the PM records the client's decisions. */
        client: z.string().min(1).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const [name, list] of [['communities', input.communities], ['departments', input.departments]] as const) {
      const seen = new Set<string>();
      list.forEach((item, index) => {
        if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [name, index, 'key'], message: `duplicate key ${item.key}` });
        seen.add(item.key);
      });
    }
  });
export type PlanInput = z.infer<typeof planInputSchema>;

export interface PlannedDeliverable extends DeliverableSpec {
  /** Unique within the engagement: the template key, suffixed per community or department. */
  key: string;
}

export interface PlannedTask {
  /** Unique within the engagement and stable: `stage.task`, `stage.task~community`, `stage.gate-role`. */
  key: string;
  stageKey: string;
  templateTaskKey: string;
  scope: TaskScope;
  communityKey: string | null;
  departmentKey: string | null;
  title: LocalizedText;
  description: LocalizedText | null;
  role: WorkerRole;
  assigneeId: string;
  dueDate: CivilDate;
  /** 09:00 that day (Asia/Shanghai) the assignee is reminded; the day after `dueDate` ends it is overdue. */
  reminderDate: CivilDate;
  /** The PM is told from this date on if the task is still open. */
  escalationDate: CivilDate;
  dependsOn: string[];
  form: FormField[];
  rules: CompletionRule[];
  deliverable: PlannedDeliverable | null;
  isGate: boolean;
}

export interface PlannedStage {
  key: string;
  order: number;
  title: LocalizedText;
  summary: LocalizedText;
  after: string[];
  plannedStart: CivilDate;
  plannedEnd: CivilDate;
  taskKeys: string[];
}

export interface EngagementPlan {
  templateKey: string;
  templateVersion: number;
  startDate: CivilDate;
  communities: PlanInput['communities'];
  departments: PlanInput['departments'];
  team: PlanInput['team'];
  stages: PlannedStage[];
  tasks: PlannedTask[];
}

/**
 * A stored plan (the engagement row's `plan` column, the workflow's input) parsed rather than
 * cast: a plan that does not read as one is an error at the door, not a surprise deeper in.
 */
export const engagementPlanSchema = z.object({
  templateKey: z.string().min(1),
  templateVersion: z.number().int().positive(),
  startDate: civilDateSchema,
  communities: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) })),
  departments: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) })),
  team: z.object({ pm: z.string().min(1), partner: z.string().min(1), lawyers: z.array(z.string().min(1)).min(1), client: z.string().min(1).optional() }),
  stages: z.array(
    z.object({
      key: z.string().min(1),
      order: z.number().int(),
      title: localizedTextSchema,
      summary: localizedTextSchema,
      after: z.array(z.string()),
      plannedStart: civilDateSchema,
      plannedEnd: civilDateSchema,
      taskKeys: z.array(z.string()),
    }),
  ),
  tasks: z.array(
    z.object({
      key: z.string().min(1),
      stageKey: z.string().min(1),
      templateTaskKey: z.string().min(1),
      scope: taskScopeSchema,
      communityKey: z.string().nullable(),
      departmentKey: z.string().nullable(),
      title: localizedTextSchema,
      description: localizedTextSchema.nullable(),
      role: workerRoleSchema,
      assigneeId: z.string().min(1),
      dueDate: civilDateSchema,
      reminderDate: civilDateSchema,
      escalationDate: civilDateSchema,
      dependsOn: z.array(z.string()),
      form: z.array(formFieldSchema),
      rules: z.array(completionRuleSchema),
      deliverable: deliverableSpecSchema.extend({ key: z.string().min(1) }).nullable(),
      isGate: z.boolean(),
    }),
  ),
});

/** Reads a stored plan; throws (with zod's account of what is wrong) when it is not one. */
export function parseEngagementPlan(value: unknown): EngagementPlan {
  return engagementPlanSchema.parse(value);
}

// The schema and the interfaces describe one plan: a field added to one and not the other fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const planSchemaProof: Same<z.output<typeof engagementPlanSchema>, EngagementPlan> = true;

export function taskKeyOf(stageKey: string, taskKey: string, instance?: string): string {
  return instance ? `${stageKey}.${taskKey}~${instance}` : `${stageKey}.${taskKey}`;
}

/**
 * Expands a template into every task of one engagement, with assignees and due dates on the
 * business-day calendar. Pure and deterministic: the same input always plans the same work, so
 * the plan can be computed once and carried by the workflow (which pins the template version).
 */
export function planEngagement(template: PipelineTemplate, rawInput: PlanInput, calendar: BusinessCalendar): EngagementPlan {
  const input = planInputSchema.parse(rawInput);
  const { team } = input;
  const startDate = calendar.addBusinessDays(input.startDate, 0);
  const lawyerFor = (index: number) => team.lawyers[index % team.lawyers.length] as string;
  const assigneeFor = (role: WorkerRole, lawyerIndex: number) =>
    role === 'pm' ? team.pm : role === 'partner' ? team.partner : role === 'client' ? (team.client ?? team.pm) : lawyerFor(lawyerIndex);

  const tasks: PlannedTask[] = [];
  const stages: PlannedStage[] = [];
  let engagementLawyerTurn = 0;

  template.stages.forEach((stage, order) => {
    const instancesOf = new Map<string, string[]>();
    const stageTasks: PlannedTask[] = [];
    const dueOf = (offset: number) => calendar.addBusinessDays(startDate, offset);
    const timersFor = (dueDate: CivilDate) => ({
      reminderDate: calendar.addBusinessDays(dueDate, -template.escalation.reminderBusinessDaysBefore),
      escalationDate: calendar.addBusinessDays(dueDate, template.escalation.escalateToPmAfterBusinessDays),
    });

    for (const task of stage.tasks) {
      const dueDate = dueOf(task.dueOffsetBusinessDays);
      const base = {
        stageKey: stage.key,
        templateTaskKey: task.key,
        scope: task.scope,
        title: task.title,
        description: task.description ?? null,
        role: task.role,
        dueDate,
        ...timersFor(dueDate),
        form: task.form,
        rules: task.rules,
        isGate: false,
      };
      const deliverableFor = (instance?: string): PlannedDeliverable | null =>
        task.deliverable ? { ...task.deliverable, key: instance ? `${task.deliverable.key}~${instance}` : task.deliverable.key } : null;
      const allInstances = (dependency: string) => instancesOf.get(dependency) ?? [];

      if (task.scope === 'community') {
        const keys = input.communities.map((community, communityIndex) => {
          const key = taskKeyOf(stage.key, task.key, community.key);
          stageTasks.push({
            ...base,
            key,
            communityKey: community.key,
            departmentKey: null,
            assigneeId: assigneeFor(task.role, communityIndex),
            dependsOn: task.dependsOn.map((dependency) => taskKeyOf(stage.key, dependency, community.key)),
            deliverable: deliverableFor(community.key),
          });
          return key;
        });
        instancesOf.set(task.key, keys);
      } else if (task.scope === 'department') {
        const keys = input.departments.map((department) => {
          const key = taskKeyOf(stage.key, task.key, department.key);
          stageTasks.push({
            ...base,
            key,
            communityKey: null,
            departmentKey: department.key,
            assigneeId: assigneeFor(task.role, engagementLawyerTurn++),
            dependsOn: task.dependsOn.flatMap(allInstances),
            deliverable: deliverableFor(department.key),
          });
          return key;
        });
        instancesOf.set(task.key, keys);
      } else {
        const key = taskKeyOf(stage.key, task.key);
        stageTasks.push({
          ...base,
          key,
          communityKey: null,
          departmentKey: null,
          assigneeId: assigneeFor(task.role, task.role === 'lawyer' ? engagementLawyerTurn++ : 0),
          dependsOn: task.dependsOn.flatMap(allInstances),
          deliverable: deliverableFor(),
        });
        instancesOf.set(task.key, [key]);
      }
    }

    if (stage.gate) {
      const lastDue = stageTasks.reduce((latest, task) => (task.dueDate > latest ? task.dueDate : latest), startDate);
      const everyTask = stageTasks.map((task) => task.key);
      stage.gate.signOff.forEach((role, index) => {
        const dueDate = calendar.addBusinessDays(lastDue, 2 + index);
        stageTasks.push({
          key: taskKeyOf(stage.key, `gate-${role}`),
          stageKey: stage.key,
          templateTaskKey: `gate-${role}`,
          scope: 'engagement',
          communityKey: null,
          departmentKey: null,
          title: stage.gate!.title,
          description: null,
          role,
          assigneeId: assigneeFor(role, 0),
          dueDate,
          ...timersFor(dueDate),
          dependsOn: everyTask,
          form: [
            { key: 'approved', type: 'boolean', mustBeTrue: true, required: true, label: { zh: '同意本阶段验收', en: 'I sign off this stage' } },
            { key: 'comment', type: 'textarea', required: false, maxLength: 20_000, label: { zh: '意见', en: 'Comment' } },
          ],
          rules: [],
          deliverable: null,
          isGate: true,
        });
      });
    }

    const dueDates = stageTasks.map((task) => task.dueDate).sort();
    const previousEnd = stage.after
      .map((key) => stages.find((candidate) => candidate.key === key)?.plannedEnd ?? startDate)
      .reduce((latest, date) => (date > latest ? date : latest), startDate);
    stages.push({
      key: stage.key,
      order,
      title: stage.title,
      summary: stage.summary,
      after: stage.after,
      plannedStart: stage.after.length === 0 ? startDate : calendar.addBusinessDays(previousEnd, 1) < dueDates[0]! ? calendar.addBusinessDays(previousEnd, 1) : dueDates[0]!,
      plannedEnd: dueDates[dueDates.length - 1]!,
      taskKeys: stageTasks.map((task) => task.key),
    });
    tasks.push(...stageTasks);
  });

  return {
    templateKey: template.key,
    templateVersion: template.version,
    startDate,
    communities: input.communities,
    departments: input.departments,
    team,
    stages,
    tasks,
  };
}
