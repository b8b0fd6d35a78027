import { MAX_OPTIONS, type Question, QUESTION_TYPES, type QuestionType } from '@gongzhi/domain';
import { Button, type ButtonProps, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { questionnaireDraft } from '../../../locales/research/draft';
import { useResearchTranslation } from '../utils/use-research-translation';
import { validValues } from '../../../lib/forms';

/** What the dialog's form holds: every type's fields, the chosen type's kept. */
interface QuestionValues {
  type: QuestionType;
  text: string;
  required: boolean;
  options: string[];
  maxChoices: number | null;
  points: number;
  lowLabel: string;
  highLabel: string;
}

const blankValues = (): QuestionValues => ({
  type: 'single',
  text: '',
  required: true,
  options: ['', ''],
  maxChoices: null,
  points: 5,
  lowLabel: questionnaireDraft.scale.lowLabel,
  highLabel: questionnaireDraft.scale.highLabel,
});

/** A question as the form edits it (the fields of other types keep their defaults). */
export function valuesOf(question: Question | null): QuestionValues {
  const blank = blankValues();
  if (!question) return blank;
  return {
    ...blank,
    type: question.type,
    text: question.text,
    required: question.required,
    ...(question.type === 'single' || question.type === 'multiple' ? { options: [...question.options] } : {}),
    ...(question.type === 'multiple' ? { maxChoices: question.maxChoices ?? null } : {}),
    ...(question.type === 'scale'
      ? { points: question.points, lowLabel: question.lowLabel, highLabel: question.highLabel }
      : {}),
  };
}

/** The form's values as a question of its type, trimmed. */
export function questionOf(key: string, values: QuestionValues): Question {
  const base = { key, text: values.text.trim(), required: values.required };
  const options = values.options.map((option) => option.trim());
  switch (values.type) {
    case 'single':
      return { ...base, type: 'single', options };
    case 'multiple':
      return { ...base, type: 'multiple', options, ...(values.maxChoices ? { maxChoices: values.maxChoices } : {}) };
    case 'scale':
      return {
        ...base,
        type: 'scale',
        points: values.points,
        lowLabel: values.lowLabel.trim(),
        highLabel: values.highLabel.trim(),
      };
    case 'text':
      return { ...base, type: 'text' };
  }
}

/**
 * Writing a question of any type, or changing one: its text, whether it must be answered, and by
 * type its options (and how many may be chosen), its points and end labels.
 */
export function QuestionDialog({
  open,
  question,
  questionKey,
  onSave,
  onCancel,
}: {
  open: boolean;
  /** The question being changed; null for a new one. */
  question: Question | null;
  /** The key it is saved under. */
  questionKey: string;
  onSave: (question: Question) => void;
  onCancel: () => void;
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<QuestionValues>();
  const type = Form.useWatch('type', form) ?? 'single';

  useEffect(() => {
    if (open) form.setFieldsValue(valuesOf(question));
  }, [open, question, form]);

  const save = async () => {
    if (!(await validValues(form))) return;
    onSave(questionOf(questionKey, { ...blankValues(), ...form.getFieldsValue(true) }));
  };

  return (
    <Modal
      open={open}
      title={question ? t('question.editTitle') : t('question.addTitle')}
      okText={question ? t('question.saveChange') : t('question.add')}
      cancelText={tc('common.cancel')}
      onOk={() => void save()}
      onCancel={onCancel}
      width={620}
      forceRender
      okButtonProps={{ 'data-testid': 'question-dialog-save' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={blankValues()}
        className="gz-question-form"
        data-testid="question-dialog"
      >
        <Form.Item name="type" label={t('question.type')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={QUESTION_TYPES.map((value) => ({ value, label: t(`questionType.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('question.text')}
          rules={[{ required: true, whitespace: true, message: t('question.textRequired') }]}
        >
          <Input.TextArea
            maxLength={300}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('question.textPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="required" label={t('question.required')} valuePropName="checked">
          <Switch checkedChildren={t('question.mustAnswer')} unCheckedChildren={t('question.mayAnswer')} />
        </Form.Item>
        {type === 'single' || type === 'multiple' ? (
          <Form.List
            name="options"
            rules={[
              {
                validator: async (_, options: string[] | undefined) => {
                  if (!options || options.length < 2) throw new Error(t('question.optionsTooFew'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <div className="gz-options-edit">
                <div className="gz-label">{t('question.options', { max: MAX_OPTIONS })}</div>
                {fields.map((field, index) => (
                  <div key={field.key} className="gz-option-edit">
                    <span className="gz-option-index gz-num">{index + 1}</span>
                    <Form.Item
                      name={field.name}
                      className="gz-option-input"
                      rules={[
                        { required: true, whitespace: true, message: t('question.optionRequired') },
                        {
                          validator: async (_, value: string | undefined) => {
                            const options: string[] = form.getFieldValue('options') ?? [];
                            const text = (value ?? '').trim();
                            if (text && options.some((other, at) => at !== index && other?.trim() === text))
                              throw new Error(t('question.optionRepeated'));
                          },
                        },
                      ]}
                    >
                      <Input
                        maxLength={100}
                        placeholder={t('question.optionPlaceholder', { n: index + 1 })}
                        aria-label={t('question.optionPlaceholder', { n: index + 1 })}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<Icon name="trash" />}
                      aria-label={t('question.removeOption', { n: index + 1 })}
                      disabled={fields.length <= 2}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<Icon name="plus" />}
                  onClick={() => add('')}
                  disabled={fields.length >= MAX_OPTIONS}
                  data-testid="add-option"
                >
                  {t('question.addOption')}
                </Button>
              </div>
            )}
          </Form.List>
        ) : null}
        {type === 'multiple' ? (
          <Form.Item
            name="maxChoices"
            label={t('question.maxChoices')}
            extra={t('question.maxChoicesHint')}
            dependencies={['options']}
            rules={[
              {
                validator: async (_, value: number | null) => {
                  const options: string[] = form.getFieldValue('options') ?? [];
                  if (value && value > options.length) throw new Error(t('question.maxChoicesTooMany'));
                },
              },
            ]}
          >
            <InputNumber
              min={1}
              max={MAX_OPTIONS}
              precision={0}
              placeholder={t('question.noLimit')}
              style={{ width: 140 }}
            />
          </Form.Item>
        ) : null}
        {type === 'scale' ? (
          <div className="gz-scale-edit">
            <Form.Item
              name="points"
              label={t('question.points')}
              rules={[{ required: true, message: t('question.pointsRequired') }]}
            >
              <InputNumber min={3} max={10} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item
              name="lowLabel"
              label={t('question.lowLabel')}
              rules={[{ required: true, whitespace: true, message: t('question.labelRequired') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item
              name="highLabel"
              label={t('question.highLabel')}
              rules={[{ required: true, whitespace: true, message: t('question.labelRequired') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </div>
        ) : null}
      </Form>
    </Modal>
  );
}
