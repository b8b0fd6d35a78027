import { civilDateSchema, daysBetween } from './calendar';
import { checkMeetingFigures, evaluateMeeting } from './adoption';
import { isUnstorableText } from './text';
import { type CompletionRule, type FormField, type LocalizedText } from './template/schema';

export type FormValue = string | number | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface FieldError {
  /** The form field at fault, or `_form` for the whole submission. */
  field: string;
  code: 'required' | 'unknown_field' | 'invalid_type' | 'too_long' | 'too_small' | 'too_large' | 'not_integer' | 'invalid_date' | 'invalid_option' | 'must_be_true' | 'rule' | 'invalid_characters';
  message: LocalizedText;
}

export type CompletionCheck = { ok: true; values: FormValues } | { ok: false; errors: FieldError[] };

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function checkField(field: FormField, value: unknown): FieldError | null {
  const error = (code: FieldError['code'], zh: string, en: string): FieldError => ({
    field: field.key,
    code,
    message: { zh: `${field.label.zh}：${zh}`, en: `${field.label.en}: ${en}` },
  });
  // The workflow's own guard: a value the projection cannot store would fail its write forever.
  if ((typeof value === 'string' && isUnstorableText(value)) || (Array.isArray(value) && value.some((item) => typeof item === 'string' && isUnstorableText(item)))) {
    return error('invalid_characters', '含有无法保存的字符（如空字符或不完整的 Unicode 字符）', 'contains characters that cannot be stored');
  }
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return error('invalid_type', '应为文本', 'must be text');
      if (value.length > field.maxLength) return error('too_long', `不得超过 ${field.maxLength} 字`, `at most ${field.maxLength} characters`);
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return error('invalid_type', '应为数字', 'must be a number');
      if (field.integer && !Number.isInteger(value)) return error('not_integer', '应为整数', 'must be a whole number');
      if (field.min !== undefined && value < field.min) return error('too_small', `不得小于 ${field.min}`, `must be at least ${field.min}`);
      if (field.max !== undefined && value > field.max) return error('too_large', `不得大于 ${field.max}`, `must be at most ${field.max}`);
      return null;
    case 'date':
      return typeof value === 'string' && civilDateSchema.safeParse(value).success ? null : error('invalid_date', '日期格式应为 YYYY-MM-DD', 'must be a date, YYYY-MM-DD');
    case 'boolean':
      if (typeof value !== 'boolean') return error('invalid_type', '应为是或否', 'must be yes or no');
      return field.mustBeTrue && !value ? error('must_be_true', '须确认', 'must be confirmed') : null;
    case 'select':
      return typeof value === 'string' && field.options.some((option) => option.value === value) ? null : error('invalid_option', '选项无效', 'not one of the options');
    case 'multiselect': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !field.options.some((option) => option.value === item))) {
        return error('invalid_option', '选项无效', 'not one of the options');
      }
      if (field.requireAll && field.options.some((option) => !value.includes(option.value))) {
        return error('invalid_option', '须全部完成', 'every option is required');
      }
      return null;
    }
  }
}

function checkRule(rule: CompletionRule, values: FormValues): FieldError | null {
  switch (rule.kind) {
    case 'residents-meeting-quorum': {
      const eligible = values[rule.eligibleField];
      const attendees = values[rule.attendeesField];
      const votesFor = values[rule.votesForField];
      if (typeof eligible !== 'number' || typeof attendees !== 'number' || typeof votesFor !== 'number') return null;
      const against = rule.votesAgainstField ? values[rule.votesAgainstField] : undefined;
      const abstaining = rule.abstentionsField ? values[rule.abstentionsField] : undefined;
      const figures = { kind: 'residents' as const, eligible, attendees, votesFor, votesAgainst: typeof against === 'number' ? against : 0, abstentions: typeof abstaining === 'number' ? abstaining : 0 };
      const fieldOf = (field: string) => (field === 'attendees' ? rule.attendeesField : rule.votesForField);
      // Arithmetic first: figures that cannot be true are a typing mistake, not a failed vote.
      const [impossible] = checkMeetingFigures(figures);
      if (impossible) return { ...impossible, field: fieldOf(impossible.field) };
      // A task form records a valid adoption only: a failed meeting is the procedure's to record (adoption.ts).
      const outcome = evaluateMeeting(figures, null);
      if (outcome.verdict === 'passed') return null;
      return { field: outcome.verdict === 'no_quorum' ? rule.attendeesField : rule.votesForField, code: 'rule', message: outcome.explanation };
    }
    case 'date-order': {
      const from = values[rule.fromField];
      const to = values[rule.toField];
      if (typeof from !== 'string' || typeof to !== 'string') return null;
      return daysBetween(from, to) >= rule.minDays
        ? null
        : { field: rule.toField, code: 'rule', message: { zh: `期间不得少于 ${rule.minDays} 日`, en: `must span at least ${rule.minDays} days` } };
    }
    case 'not-greater': {
      const value = values[rule.field];
      const bound = values[rule.thanField];
      if (typeof value !== 'number' || typeof bound !== 'number' || value <= bound) return null;
      return { field: rule.field, code: 'rule', message: { zh: '不得大于发放数', en: 'cannot exceed the number distributed' } };
    }
  }
}

/**
 * Checks a task's submitted form against its template: required fields, types, ranges, options,
 * cross-field rules; unknown fields are refused rather than dropped. The workflow's update
 * validator and the API's 422 answer both use this one function.
 */
export function checkCompletion(task: { form: readonly FormField[]; rules: readonly CompletionRule[] }, submitted: unknown): CompletionCheck {
  if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) {
    return { ok: false, errors: [{ field: '_form', code: 'invalid_type', message: { zh: '表单数据格式错误', en: 'form data must be an object' } }] };
  }
  const data = submitted as Record<string, unknown>;
  const errors: FieldError[] = [];
  const known = new Set(task.form.map((field) => field.key));
  for (const key of Object.keys(data)) {
    // An unknown key is echoed back in the error: one that cannot be stored is named generically.
    if (!known.has(key)) {
      const shown = isUnstorableText(key) ? '_form' : key;
      errors.push({ field: shown, code: 'unknown_field', message: { zh: `未知字段 ${shown}`, en: `unknown field ${shown}` } });
    }
  }
  const values: FormValues = {};
  for (const field of task.form) {
    const value = data[field.key];
    if (isEmpty(value)) {
      if (field.required) errors.push({ field: field.key, code: 'required', message: { zh: `${field.label.zh}：必填`, en: `${field.label.en}: required` } });
      continue;
    }
    const fieldError = checkField(field, value);
    if (fieldError) errors.push(fieldError);
    else values[field.key] = value as FormValue;
  }
  if (errors.length === 0) {
    for (const rule of task.rules) {
      const ruleError = checkRule(rule, values);
      if (ruleError) errors.push(ruleError);
    }
  }
  return errors.length === 0 ? { ok: true, values } : { ok: false, errors };
}
