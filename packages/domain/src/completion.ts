import { civilDateSchema, daysBetween } from './calendar';
import { evaluateResidentsMeeting } from './quorum';
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
      // Arithmetic first: figures that cannot be true are a typing mistake, not a failed vote.
      if (attendees > eligible) {
        return {
          field: rule.attendeesField,
          code: 'rule',
          message: { zh: `实到人数（${attendees}）不得超过应到人数（${eligible}）`, en: `Present (${attendees}) cannot exceed those eligible (${eligible})` },
        };
      }
      const against = rule.votesAgainstField ? values[rule.votesAgainstField] : undefined;
      const abstaining = rule.abstentionsField ? values[rule.abstentionsField] : undefined;
      const cast = votesFor + (typeof against === 'number' ? against : 0) + (typeof abstaining === 'number' ? abstaining : 0);
      if (cast > attendees) {
        return {
          field: rule.votesForField,
          code: 'rule',
          message: {
            zh: `赞成、反对、弃权票合计 ${cast} 票，超过实到人数 ${attendees} 人，请核对表决记录`,
            en: `Votes for, against and abstaining add up to ${cast}, more than the ${attendees} present; check the tally`,
          },
        };
      }
      const result = evaluateResidentsMeeting({ eligible, attendees, votesFor });
      if (!result.quorumMet) {
        return {
          field: rule.attendeesField,
          code: 'rule',
          message: {
            zh: `出席人数未过半数（应到 ${eligible} 人，至少须 ${result.requiredAttendance} 人出席；居民委员会组织法第九条），会议无效`,
            en: `No quorum: at least ${result.requiredAttendance} of ${eligible} must attend (Organic Law Art. 9)`,
          },
        };
      }
      if (!result.passed) {
        return {
          field: rule.votesForField,
          code: 'rule',
          message: {
            zh: `赞成票未过出席人数的半数（至少须 ${result.requiredVotesFor} 票），表决未通过`,
            en: `Not adopted: at least ${result.requiredVotesFor} votes for are needed`,
          },
        };
      }
      return null;
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
