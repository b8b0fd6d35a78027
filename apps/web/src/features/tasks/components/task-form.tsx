import { type CompletionRule, type FormValue, checkCompletion } from '@gongzhi/domain';
import { type FieldError, type Locale, pickText } from '@gongzhi/contracts';
import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../lib/i18n';
import type { FormField } from '../api/get-task';

export type FormValues = Record<string, FormValue>;
/** What the inputs hold while the user types: anything may still be missing. */
export type DraftValues = Record<string, FormValue | undefined>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The draft as the API wants it: blank answers left out (a blank required field is then "required"). */
export function toFormData(form: readonly FormField[], draft: DraftValues): FormValues {
  const data: FormValues = {};
  for (const field of form) {
    const value = draft[field.key];
    if (!isBlank(value)) data[field.key] = value as FormValue;
  }
  return data;
}

/**
 * The same check the server makes (the domain's `checkCompletion`), as one message per field in
 * the UI language; `_form` collects errors that belong to no single field.
 */
export function validateTaskForm(task: { form: readonly FormField[]; rules: readonly CompletionRule[] }, draft: DraftValues, locale: Locale): Record<string, string> {
  const result = checkCompletion(task, toFormData(task.form, draft));
  if (result.ok) return {};
  const messages: Record<string, string> = {};
  for (const error of result.errors) {
    const key = task.form.some((field) => field.key === error.field) ? error.field : '_form';
    messages[key] ??= pickText(error.message, locale);
  }
  return messages;
}

export interface TaskFormProps {
  form: readonly FormField[];
  rules: readonly CompletionRule[];
  initialValues?: Record<string, FormValue> | null;
  readOnly?: boolean;
  submitLabel: string;
  submitting?: boolean;
  /** The API's 422 `form_invalid` answer: shown on the fields until the user edits them. */
  serverErrors?: readonly FieldError[];
  /** Why the form cannot be submitted yet (no file uploaded, waiting for earlier tasks). */
  blockedReason?: string | null;
  /** Rendered above the submit button (a note to the reviewer, for example). */
  footer?: ReactNode;
  onSubmit: (formData: FormValues) => void;
}

const NO_ERRORS: readonly FieldError[] = [];

export function TaskForm({ form, rules, initialValues, readOnly, submitLabel, submitting, serverErrors = NO_ERRORS, blockedReason, footer, onSubmit }: TaskFormProps) {
  const { t } = useTranslation();
  const { locale, text } = useLocalized();
  const [draft, setDraft] = useState<DraftValues>(() => ({ ...(initialValues ?? {}) }));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [editedSinceServer, setEditedSinceServer] = useState<Record<string, boolean>>({});
  const [lastServerErrors, setLastServerErrors] = useState(serverErrors);
  if (lastServerErrors !== serverErrors) {
    // A new server answer: its errors show again on every field they name.
    setLastServerErrors(serverErrors);
    setEditedSinceServer({});
  }

  if (readOnly) return <TaskFormValues form={form} values={initialValues ?? {}} />;

  const clientErrors = validateTaskForm({ form, rules }, draft, locale);
  const errorOf = (key: string): string | undefined => {
    if (submitted || touched[key]) {
      const message = clientErrors[key];
      if (message) return message;
    }
    if (!editedSinceServer[key]) return serverErrors.find((error) => error.field === key)?.message;
    return undefined;
  };
  const formLevel = [
    ...(submitted && clientErrors._form ? [clientErrors._form] : []),
    ...serverErrors.filter((error) => !form.some((field) => field.key === error.field)).map((error) => error.message),
  ];

  const set = (key: string, value: FormValue | undefined) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setTouched((current) => ({ ...current, [key]: true }));
    setEditedSinceServer((current) => ({ ...current, [key]: true }));
  };

  const submit = () => {
    setSubmitted(true);
    if (Object.keys(clientErrors).length > 0) {
      const first = form.find((field) => clientErrors[field.key]);
      if (first) document.getElementById(`field-${first.key}`)?.focus();
      return;
    }
    onSubmit(toFormData(form, draft));
  };

  return (
    <form
      aria-label={t('taskForm.label')}
      className="gz-task-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Form layout="vertical" component={false}>
      {form.length === 0 ? <p className="gz-muted">{t('taskForm.noFields')}</p> : null}
      {form.map((field) => {
        const error = errorOf(field.key);
        const id = `field-${field.key}`;
        return (
          <Form.Item
            key={field.key}
            label={text(field.label)}
            htmlFor={id}
            required={field.required}
            validateStatus={error ? 'error' : undefined}
            help={error}
            extra={fieldHint(field, text, t)}
            data-field={field.key}
          >
            <FieldInput field={field} id={id} value={draft[field.key]} onChange={(value) => set(field.key, value)} onBlur={() => setTouched((current) => ({ ...current, [field.key]: true }))} />
          </Form.Item>
        );
      })}
      {formLevel.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formLevel.join(' ')} role="alert" /> : null}
      {footer}
      {blockedReason ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={blockedReason} /> : null}
      <Button type="primary" htmlType="submit" loading={submitting} disabled={Boolean(blockedReason)} data-testid="task-submit">
        {submitLabel}
      </Button>
      </Form>
    </form>
  );
}

function fieldHint(field: FormField, text: (value: { zh: string; en: string }) => string, t: ReturnType<typeof useTranslation>['t']): ReactNode {
  const hints: string[] = [];
  if (field.help) hints.push(text(field.help));
  if (field.type === 'number') {
    if (field.min !== undefined && field.max !== undefined) hints.push(t('taskForm.range', { min: field.min, max: field.max }));
    else if (field.min !== undefined) hints.push(t('taskForm.atLeast', { min: field.min }));
    else if (field.max !== undefined) hints.push(t('taskForm.atMost', { max: field.max }));
    if (field.integer) hints.push(t('taskForm.integer'));
  }
  if (field.type === 'multiselect' && field.requireAll) hints.push(t('taskForm.requireAll'));
  return hints.length > 0 ? hints.join(t('common.sentenceSeparator')) : undefined;
}

function FieldInput({ field, id, value, onChange, onBlur }: { field: FormField; id: string; value: FormValue | undefined; onChange: (value: FormValue | undefined) => void; onBlur: () => void }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  switch (field.type) {
    case 'text':
      return <Input id={id} value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value)} onBlur={onBlur} maxLength={field.maxLength} showCount={field.maxLength <= 500} />;
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          autoSize={{ minRows: 3, maxRows: 12 }}
          maxLength={field.maxLength}
          showCount={field.maxLength <= 5000}
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
          onBlur={onBlur}
          min={field.min}
          max={field.max}
          step={1}
          style={{ width: 200 }}
        />
      );
    case 'date':
      return <Input id={id} type="date" value={typeof value === 'string' ? value : ''} onChange={(event) => onChange(event.target.value || undefined)} onBlur={onBlur} style={{ width: 200 }} />;
    case 'boolean':
      if (field.mustBeTrue) {
        return (
          <Checkbox id={id} checked={value === true} onChange={(event) => onChange(event.target.checked ? true : undefined)}>
            {text(field.label)}
          </Checkbox>
        );
      }
      return (
        <Radio.Group
          id={id}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(event) => onChange(event.target.value as boolean)}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next: string | undefined) => onChange(next)}
          onBlur={onBlur}
          allowClear={!field.required}
          placeholder={t('taskForm.choose')}
          options={field.options.map((option) => ({ value: option.value, label: text(option.label) }))}
          style={{ maxWidth: 420 }}
        />
      );
    case 'multiselect':
      return (
        <div id={id} role="group" tabIndex={-1}>
          <Checkbox.Group
            value={Array.isArray(value) ? value : []}
            onChange={(next) => onChange(next.length > 0 ? next : undefined)}
            options={field.options.map((option) => ({ value: option.value, label: text(option.label) }))}
          />
        </div>
      );
  }
}

/** A submitted form as read-only values, in the form's own order. */
export function TaskFormValues({ form, values }: { form: readonly FormField[]; values: Record<string, FormValue> }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  if (form.length === 0) return <p className="gz-muted">{t('taskForm.noFields')}</p>;
  const show = (field: FormField): ReactNode => {
    const value = values[field.key];
    if (isBlank(value)) return <span className="gz-muted">—</span>;
    switch (field.type) {
      case 'boolean':
        return value ? t('common.yes') : t('common.no');
      case 'select':
        return text(field.options.find((option) => option.value === value)?.label ?? { zh: String(value), en: String(value) });
      case 'multiselect':
        return (value as string[]).map((item) => <Tag key={item}>{text(field.options.find((option) => option.value === item)?.label ?? { zh: item, en: item })}</Tag>);
      case 'textarea':
        return <div style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</div>;
      default:
        return <span className="gz-num">{String(value)}</span>;
    }
  };
  return <Descriptions size="small" bordered column={1} items={form.map((field) => ({ key: field.key, label: text(field.label), children: show(field) }))} />;
}
