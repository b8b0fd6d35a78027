import { z } from 'zod';
import { type CompletionRule, type DeliverableKind, type FieldError, type FormField, type Progress, TASK_STATUSES, pipelineTemplateSchema, planInputSchema } from '@gongzhi/domain';

/*
 * The domain package exports its template schema whole; the parts the API needs (a form field,
 * a completion rule, a deliverable kind, a community key) are reached through its shape so they
 * stay the very same schema objects the domain validates with, never a copy that could drift.
 */
const taskTemplateShape = pipelineTemplateSchema.shape.stages.element.shape.tasks.element.shape;

export const formFieldSchema = taskTemplateShape.form.unwrap().element;
export const completionRuleSchema = taskTemplateShape.rules.unwrap().element;
export const deliverableKindSchema = taskTemplateShape.deliverable.unwrap().shape.kind;
/** `proposal`, `field-research`: the slug the domain gives stage, task and deliverable keys. */
export const templateKeySchema = pipelineTemplateSchema.shape.key;
/** Community and department keys as planning accepts them. */
export const planKeySchema = planInputSchema.shape.communities.element.shape.key;

export const taskStatusSchema = z.enum(TASK_STATUSES);

/** Field-error codes: the domain's completion codes plus those request validation produces. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'too_long',
  'too_small',
  'too_large',
  'not_integer',
  'invalid_date',
  'invalid_option',
  'must_be_true',
  'rule',
  'invalid_format',
  'invalid_value',
  'invalid_characters',
] as const;
export const fieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES);

// Compile-time proofs that these schemas describe the domain's own types, so the wire and the rules agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [
  Same<z.output<typeof formFieldSchema>, FormField>,
  Same<z.output<typeof completionRuleSchema>, CompletionRule>,
  Same<z.output<typeof deliverableKindSchema>, DeliverableKind>,
  FieldError['code'] extends z.output<typeof fieldErrorCodeSchema> ? true : false,
  Progress extends { total: number; done: number; percent: number } ? true : false,
] = [true, true, true, true, true];
void proofs;
