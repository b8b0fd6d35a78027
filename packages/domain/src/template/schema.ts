import { z } from 'zod';

/** Every user-visible string in a template is bilingual; zh-CN is the primary locale. */
export const localizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const roleSchema = z.enum(['admin', 'partner', 'pm', 'lawyer', 'client']);
export type Role = z.infer<typeof roleSchema>;

/** Roles that can be given work in a pipeline (admins administer, they do not deliver). */
export const workerRoleSchema = z.enum(['partner', 'pm', 'lawyer', 'client']);
export type WorkerRole = z.infer<typeof workerRoleSchema>;

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case slug');

const fieldBase = {
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  label: localizedTextSchema,
  required: z.boolean().default(false),
  help: localizedTextSchema.optional(),
};

export const formFieldSchema = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().positive().default(200) }).strict(),
  z.object({ ...fieldBase, type: z.literal('textarea'), maxLength: z.number().int().positive().default(20_000) }).strict(),
  z
    .object({ ...fieldBase, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(false) })
    .strict(),
  z.object({ ...fieldBase, type: z.literal('date') }).strict(),
  z.object({ ...fieldBase, type: z.literal('boolean'), mustBeTrue: z.boolean().default(false) }).strict(),
  z
    .object({
      ...fieldBase,
      type: z.enum(['select', 'multiselect']),
      options: z.array(z.object({ value: slug, label: localizedTextSchema }).strict()).min(1),
      /** multiselect only: every option must be chosen (e.g. all four democratic modules). */
      requireAll: z.boolean().default(false),
    })
    .strict(),
]);
export type FormField = z.infer<typeof formFieldSchema>;
export type FormFieldInput = z.input<typeof formFieldSchema>;

export const deliverableKindSchema = z.enum(['docx', 'xlsx', 'pptx', 'pdf', 'any']);
export type DeliverableKind = z.infer<typeof deliverableKindSchema>;

export const deliverableSpecSchema = z
  .object({
    key: slug,
    title: localizedTextSchema,
    kind: deliverableKindSchema,
    /** A partner must approve it before the task (and so the stage gate) counts as done. */
    requiresReview: z.boolean(),
  })
  .strict();
export type DeliverableSpec = z.infer<typeof deliverableSpecSchema>;

/** Cross-field rules a completion must satisfy, beyond each field's own constraints. */
export const completionRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('residents-meeting-quorum'),
      eligibleField: z.string(),
      attendeesField: z.string(),
      votesForField: z.string(),
      /** With these, the votes cast (for + against + abstentions) can never exceed those present. */
      votesAgainstField: z.string().optional(),
      abstentionsField: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('date-order'), fromField: z.string(), toField: z.string(), minDays: z.number().int().min(0) }).strict(),
  z.object({ kind: z.literal('not-greater'), field: z.string(), thanField: z.string() }).strict(),
]);
export type CompletionRule = z.infer<typeof completionRuleSchema>;

export const taskScopeSchema = z.enum(['engagement', 'community', 'department']);
export type TaskScope = z.infer<typeof taskScopeSchema>;

export const taskTemplateSchema = z
  .object({
    key: slug,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    role: workerRoleSchema,
    /** engagement: once; community: once per community (in parallel); department: once per functional department. */
    scope: taskScopeSchema.default('engagement'),
    /** Due date, in business days after the engagement's start date. */
    dueOffsetBusinessDays: z.number().int().positive(),
    /** Keys of tasks in the same stage that must be done first. A community task may only depend on community tasks. */
    dependsOn: z.array(slug).default([]),
    form: z.array(formFieldSchema).default([]),
    rules: z.array(completionRuleSchema).default([]),
    deliverable: deliverableSpecSchema.optional(),
  })
  .strict();
export type TaskTemplate = z.infer<typeof taskTemplateSchema>;
export type TaskTemplateInput = z.input<typeof taskTemplateSchema>;

export const stageTemplateSchema = z
  .object({
    key: slug,
    title: localizedTextSchema,
    summary: localizedTextSchema,
    /** Stages that must be complete before this one opens; stages with the same prerequisites run in parallel. */
    after: z.array(slug).default([]),
    tasks: z.array(taskTemplateSchema).min(1),
    /** The gate: roles whose sign-off closes the stage, after every task (and so every review) is done. */
    gate: z.object({ signOff: z.array(workerRoleSchema).default([]), title: localizedTextSchema }).strict().optional(),
  })
  .strict();
export type StageTemplate = z.infer<typeof stageTemplateSchema>;
export type StageTemplateInput = z.input<typeof stageTemplateSchema>;

export const pipelineTemplateSchema = z
  .object({
    key: slug,
    version: z.number().int().positive(),
    title: localizedTextSchema,
    description: localizedTextSchema,
    stages: z.array(stageTemplateSchema).min(1),
    /** Escalation policy: reminder lead and how long an overdue task waits before the PM is told. */
    escalation: z
      .object({ reminderBusinessDaysBefore: z.number().int().min(0), escalateToPmAfterBusinessDays: z.number().int().min(0) })
      .strict(),
  })
  .strict()
  .superRefine((template, ctx) => {
    const stageKeys = new Set<string>();
    template.stages.forEach((stage, stageIndex) => {
      if (stageKeys.has(stage.key)) ctx.addIssue({ code: 'custom', path: ['stages', stageIndex, 'key'], message: `duplicate stage ${stage.key}` });
      for (const prerequisite of stage.after) {
        // Prerequisites must come earlier: this keeps the stage graph acyclic by construction.
        if (!stageKeys.has(prerequisite)) {
          ctx.addIssue({ code: 'custom', path: ['stages', stageIndex, 'after'], message: `stage ${stage.key} must come after an earlier stage, not ${prerequisite}` });
        }
      }
      stageKeys.add(stage.key);
      const tasks = new Map<string, TaskTemplate>();
      stage.tasks.forEach((task, taskIndex) => {
        const path = ['stages', stageIndex, 'tasks', taskIndex];
        if (tasks.has(task.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `duplicate task ${task.key}` });
        for (const dependency of task.dependsOn) {
          const upstream = tasks.get(dependency);
          if (!upstream) {
            ctx.addIssue({ code: 'custom', path: [...path, 'dependsOn'], message: `${task.key} depends on ${dependency}, which must be listed earlier in the stage` });
          } else if (task.scope === 'community' && upstream.scope !== 'community') {
            ctx.addIssue({ code: 'custom', path: [...path, 'dependsOn'], message: `community task ${task.key} may depend only on community tasks` });
          }
        }
        const fieldKeys = new Set(task.form.map((field) => field.key));
        for (const rule of task.rules) {
          const referenced =
            rule.kind === 'residents-meeting-quorum'
              ? [rule.eligibleField, rule.attendeesField, rule.votesForField, ...(rule.votesAgainstField ? [rule.votesAgainstField] : []), ...(rule.abstentionsField ? [rule.abstentionsField] : [])]
              : rule.kind === 'date-order'
                ? [rule.fromField, rule.toField]
                : [rule.field, rule.thanField];
          for (const key of referenced) {
            if (!fieldKeys.has(key)) ctx.addIssue({ code: 'custom', path: [...path, 'rules'], message: `rule ${rule.kind} names unknown field ${key}` });
          }
        }
        tasks.set(task.key, task);
      });
    });
  });
export type PipelineTemplate = z.infer<typeof pipelineTemplateSchema>;
export type PipelineTemplateInput = z.input<typeof pipelineTemplateSchema>;
