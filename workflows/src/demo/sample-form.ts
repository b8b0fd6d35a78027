import { type FormValues, type PlannedTask } from '@gongzhi/domain';

/**
 * A plausible, valid submission for a task's form: what a lawyer would type, satisfying every
 * field constraint and cross-field rule. Used to drive demo data and end-to-end runs.
 */
export function sampleFormData(task: Pick<PlannedTask, 'form' | 'rules' | 'dueDate'>): FormValues {
  const values: FormValues = {};
  for (const field of task.form) {
    switch (field.type) {
      case 'text':
        values[field.key] = field.label.zh.slice(0, field.maxLength);
        break;
      case 'textarea':
        values[field.key] = `${field.label.zh}：已按计划完成，详见附件。`;
        break;
      case 'number':
        values[field.key] = Math.max(field.min ?? 0, Math.min(field.max ?? 30, 30));
        break;
      case 'date':
        values[field.key] = task.dueDate;
        break;
      case 'boolean':
        values[field.key] = true;
        break;
      case 'select':
        values[field.key] = field.options[0]!.value;
        break;
      case 'multiselect':
        values[field.key] = field.options.map((option) => option.value);
        break;
    }
  }
  for (const rule of task.rules) {
    if (rule.kind === 'residents-meeting-quorum') {
      Object.assign(values, { [rule.eligibleField]: 180, [rule.attendeesField]: 112, [rule.votesForField]: 97 });
      if ('votesAgainst' in values) values.votesAgainst = 9;
      if ('abstentions' in values) values.abstentions = 6;
    } else if (rule.kind === 'date-order') {
      const from = new Date(`${task.dueDate}T00:00:00Z`);
      values[rule.fromField] = new Date(from.getTime() - (rule.minDays + 1) * 86_400_000).toISOString().slice(0, 10);
      values[rule.toField] = task.dueDate;
    } else {
      values[rule.thanField] = 200;
      values[rule.field] = 186;
    }
  }
  return values;
}
