import type { KnowledgeKind } from '@gongzhi/domain';
import { Alert, Button, Card, Form, type FormInstance, Input, Segmented } from 'antd';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import type { KnowledgeDirectory } from '../api/directory';
import { describeChangePath } from '../utils/change-labels';
import { contentFieldPath, isSameContent, normalizeContent, toChangePath } from '../utils/normalize';
import { type EditorMode, KnowledgeFormFields } from './knowledge-form-fields';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

export type { EditorMode };
type Content = Record<string, unknown>;
type EditMode = 'form' | 'json';

export const REASON_MAX_LENGTH = 500;

export interface KnowledgeEditorProps {
  kind: KnowledgeKind;
  mode: EditorMode;
  initialContent: Content;
  directory: KnowledgeDirectory;
  submitLabel: string;
  submitting: boolean;
  /** The last save's error: field errors are shown on their fields and listed; a conflict through `conflict`. */
  error: unknown;
  /** What to show when the save was refused as a conflict (the page knows how to reload). */
  conflict?: ReactNode;
  /** Above the form: what this edit will do. */
  intro?: ReactNode;
  onSubmit: (content: Content, reason: string) => void;
  onCancel: () => void;
}

/** The form of one content; remounted (fresh store) whenever the JSON replaces its values. */
function StructuredForm({
  formRef,
  kind,
  mode,
  initialContent,
  directory,
}: {
  formRef: RefObject<FormInstance | null>;
  kind: KnowledgeKind;
  mode: EditorMode;
  initialContent: Content;
  directory: KnowledgeDirectory;
}) {
  const [form] = Form.useForm();
  formRef.current = form;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialContent}
      className="gz-kb-form"
      scrollToFirstError={{ block: 'center' }}
    >
      <KnowledgeFormFields kind={kind} mode={mode} directory={directory} />
    </Form>
  );
}

const parseJson = (text: string): { content: Content } | { error: string } => {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'object' };
    return { content: value as Content };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};

/**
 * Editing an entry's content: a structured form for each kind, or its JSON for anything the form
 * does not reach; a required reason kept with the version. The server checks the content (the
 * kind's schema and the cross-references); what it refuses is shown on the fields and listed.
 */
export function KnowledgeEditor({
  kind,
  mode,
  initialContent,
  directory,
  submitLabel,
  submitting,
  error,
  conflict,
  intro,
  onSubmit,
  onCancel,
}: KnowledgeEditorProps) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const formRef = useRef<FormInstance | null>(null);
  const [editMode, setEditMode] = useState<EditMode>('form');
  const [formContent, setFormContent] = useState<Content>(initialContent);
  const [formKey, setFormKey] = useState(0);
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [isReasonMissing, setReasonMissing] = useState(false);
  const [isUnchanged, setUnchanged] = useState(false);
  const [lastInitial, setLastInitial] = useState(initialContent);

  // A new starting point (the page loaded the newest version after a conflict): start over from it.
  if (lastInitial !== initialContent) {
    setLastInitial(initialContent);
    setFormContent(initialContent);
    setFormKey((key) => key + 1);
    setJson(JSON.stringify(initialContent, null, 2));
    setJsonError(null);
  }

  const fieldErrors =
    isApiError(error) && (error.code === 'form_invalid' || error.code === 'validation_failed') ? error.fieldErrors : [];
  const reasonError = fieldErrors.find((item) => item.field === 'reason');

  // The server's verdict on each field, where the form shows that field.
  useEffect(() => {
    const form = formRef.current;
    if (!form || editMode !== 'form') return;
    const located = fieldErrors.flatMap((item) => {
      const path = contentFieldPath(item.field);
      return path && path.length > 0 ? [{ name: path, errors: [item.message] }] : [];
    });
    if (located.length > 0) form.setFields(located);
    // Keyed on the error (its field errors are its own) and on a remounted form.
  }, [error, editMode, formKey]);

  const currentContent = (): Content | null => {
    if (editMode === 'json') {
      const parsed = parseJson(json);
      if ('error' in parsed) {
        setJsonError(parsed.error);
        return null;
      }
      return parsed.content;
    }
    const form = formRef.current;
    return form ? normalizeContent(kind, form.getFieldsValue(true)) : formContent;
  };

  const switchTo = (next: EditMode) => {
    if (next === editMode) return;
    if (next === 'json') {
      const content = currentContent();
      setJson(JSON.stringify(content ?? formContent, null, 2));
      setJsonError(null);
      setEditMode('json');
      return;
    }
    const parsed = parseJson(json);
    if ('error' in parsed) {
      setJsonError(parsed.error);
      return;
    }
    setFormContent(parsed.content);
    setFormKey((key) => key + 1);
    setEditMode('form');
  };

  const submit = async () => {
    const missing = reason.trim() === '';
    setReasonMissing(missing);
    if (editMode === 'form') {
      try {
        await formRef.current?.validateFields();
      } catch {
        return;
      }
    }
    const content = currentContent();
    if (!content || missing) return;
    // A version that changes nothing would only clutter the history (and tell every engagement).
    const unchanged =
      mode !== 'create' && isSameContent(normalizeContent(kind, content), normalizeContent(kind, initialContent));
    setUnchanged(unchanged);
    if (unchanged) return;
    onSubmit(content, reason.trim());
  };

  const describe = (field: string) => {
    const path = contentFieldPath(field);
    if (path === null) return field === 'content' ? null : field;
    return describeChangePath(toChangePath(path), [formRef.current?.getFieldsValue(true) ?? formContent], {
      t,
      locale,
      directory,
    });
  };

  return (
    <div className="gz-stack gz-kb-editor">
      {intro}
      <Card
        size="small"
        title={t('editor.content')}
        extra={
          <Segmented<EditMode>
            size="small"
            value={editMode}
            onChange={switchTo}
            options={[
              { value: 'form', label: t('editor.modeForm') },
              { value: 'json', label: t('editor.modeJson') },
            ]}
            data-testid="editor-mode"
          />
        }
      >
        {editMode === 'form' ? (
          <StructuredForm
            key={formKey}
            formRef={formRef}
            kind={kind}
            mode={mode}
            initialContent={formContent}
            directory={directory}
          />
        ) : (
          <>
            <p className="gz-kb-hint">{t('editor.jsonHint')}</p>
            <Input.TextArea
              className="gz-mono gz-kb-json"
              value={json}
              onChange={(event) => {
                setJson(event.target.value);
                setJsonError(null);
              }}
              autoSize={{ minRows: 16, maxRows: 40 }}
              spellCheck={false}
              aria-label={t('editor.modeJson')}
              data-testid="content-json"
            />
            {jsonError ? (
              <div className="gz-field-error" role="alert">
                {jsonError === 'object' ? t('editor.jsonNotObject') : t('editor.jsonInvalid', { message: jsonError })}
              </div>
            ) : null}
          </>
        )}
      </Card>
      <Card size="small" className="gz-kb-editor-footer">
        <label className="gz-label" htmlFor="knowledge-reason">
          <span className="gz-required-mark">*</span>
          {mode === 'create' ? t('editor.reasonCreate') : t('editor.reason')}
        </label>
        <Input.TextArea
          id="knowledge-reason"
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim()) setReasonMissing(false);
          }}
          maxLength={REASON_MAX_LENGTH}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={mode === 'adapt' ? t('editor.reasonAdaptPlaceholder') : t('editor.reasonPlaceholder')}
          status={isReasonMissing || reasonError ? 'error' : undefined}
          data-testid="knowledge-reason"
        />
        {isReasonMissing ? (
          <div className="gz-field-error">{t('editor.reasonRequired')}</div>
        ) : reasonError ? (
          <div className="gz-field-error">{reasonError.message}</div>
        ) : null}
        {error ? (
          <div style={{ marginTop: 12 }} data-testid="editor-error">
            {isApiError(error, 'conflict') && conflict ? (
              conflict
            ) : fieldErrors.length > 0 ? (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={error instanceof Error ? error.message : t('editor.fieldErrorsTitle')}
                description={
                  <>
                    <div>{t('editor.fieldErrorsTitle')}</div>
                    <ul className="gz-kb-error-list">
                      {fieldErrors.map((item, index) => {
                        const where = describe(item.field);
                        return (
                          <li key={`${item.field}-${index}`}>
                            {where ? tc('common.labelValue', { label: where, value: item.message }) : item.message}
                          </li>
                        );
                      })}
                    </ul>
                  </>
                }
              />
            ) : (
              <ErrorAlert error={error} />
            )}
          </div>
        ) : null}
        {isUnchanged ? (
          <div className="gz-field-error" role="alert" data-testid="editor-unchanged">
            {t('editor.unchanged')}
          </div>
        ) : null}
        <div className="gz-kb-editor-actions">
          <Button onClick={onCancel}>{tc('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<Icon name="check" />}
            loading={submitting}
            onClick={() => void submit()}
            data-testid="knowledge-save"
          >
            {submitLabel}
          </Button>
        </div>
      </Card>
    </div>
  );
}
