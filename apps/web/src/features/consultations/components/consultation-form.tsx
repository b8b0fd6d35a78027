import { civilDateAt, CONSULTATION_LIMITS } from '@gongzhi/domain';
import { App, Button, Checkbox, Flex, Form, Grid, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type Consultation, useConsultationTeam, useOpenConsultation } from '../api/consultations';
import { dueBounds, formFieldOf, inviteeCandidates } from '../utils/consultations';
import type { TaskRef } from './consultation-parts';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';

type FormValues = {
  topic: string;
  question: string;
  materials?: string;
  invitees: string[];
  dueOn: string;
  taskKey?: string;
  holdsTask: boolean;
};
const FIELDS: readonly string[] = ['topic', 'question', 'materials', 'invitees', 'dueOn', 'taskKey', 'holdsTask'];

/**
 * 发起会诊: the question, its materials, whom to ask (the engagement's firm team but the one
 * asking) and by when; optionally the task it comes from, which may wait for the conclusion.
 * From a task's page `task` is that task, fixed, and waiting is proposed. One idempotency key per
 * opening of the form: a retried click opens one consultation.
 */
export function ConsultationForm({
  engagementId,
  myId,
  tasks = [],
  task,
  onClose,
  onOpened,
}: {
  engagementId: string;
  myId: string | undefined;
  /** The engagement's tasks: an open one may be tied to the consultation. */
  tasks?: readonly TaskRef[];
  /** Opened from this task's page. */
  task?: TaskRef;
  onClose: () => void;
  onOpened?: (consultation: Consultation) => void;
}) {
  const { t } = useConsultationsTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const team = useConsultationTeam(engagementId);
  const open = useOpenConsultation(engagementId);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(() => civilDateAt(new Date()));
  const due = dueBounds(today);
  const taskKey = Form.useWatch('taskKey', form);
  const candidates = team.data ? inviteeCandidates(team.data, myId) : [];
  const taskOptions = task ? [task] : tasks.filter((item) => item.open);

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const materials = values.materials?.trim();
    try {
      const consultation = await open.mutateAsync({
        topic: values.topic.trim(),
        question: values.question.trim(),
        ...(materials ? { materials } : {}),
        invitees: values.invitees,
        dueOn: values.dueOn,
        ...(values.taskKey ? { taskKey: values.taskKey, holdsTask: values.holdsTask } : {}),
        idempotencyKey,
      });
      void message.success(t('form.opened'));
      onClose();
      onOpened?.(consultation);
    } catch (error) {
      if (isApiError(error)) {
        form.setFields(
          error.fieldErrors
            .filter((field) => FIELDS.includes(formFieldOf(field.field)))
            .map((field) => ({ name: formFieldOf(field.field) as keyof FormValues, errors: [field.message] })),
        );
      }
    }
  };

  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Modal
      open
      title={t('form.title')}
      onCancel={onClose}
      width={screens.md ? 640 : undefined}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="consultation-form-cancel">
            {t('form.cancel')}
          </Button>
          <Button
            type="primary"
            loading={open.isPending}
            onClick={() => void submit()}
            data-testid="consultation-form-submit"
          >
            {t('form.submit')}
          </Button>
        </Flex>
      }
    >
      {open.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={open.error} compact />
        </div>
      ) : null}
      {team.isError ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={team.error} onRetry={() => void team.refetch()} compact />
        </div>
      ) : null}
      <Form
        form={form}
        name="consultation"
        layout="vertical"
        initialValues={{
          dueOn: due.initial,
          invitees: [],
          holdsTask: Boolean(task),
          ...(task ? { taskKey: task.key } : {}),
        }}
        data-testid="consultation-form"
      >
        <Form.Item name="topic" label={t('form.topic')} rules={[required]}>
          <Input
            maxLength={CONSULTATION_LIMITS.topic}
            showCount
            placeholder={t('form.topicPlaceholder')}
            data-testid="consultation-form-topic"
          />
        </Form.Item>
        <Form.Item name="question" label={t('form.question')} rules={[required]}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={CONSULTATION_LIMITS.question}
            placeholder={t('form.questionPlaceholder')}
            data-testid="consultation-form-question"
          />
        </Form.Item>
        <Form.Item name="materials" label={t('form.materials')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={CONSULTATION_LIMITS.materials}
            placeholder={t('form.materialsPlaceholder')}
            data-testid="consultation-form-materials"
          />
        </Form.Item>
        <Form.Item
          name="invitees"
          label={t('form.invitees')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.chooseInvitees') }]}
          extra={team.data && candidates.length === 0 ? t('form.noInvitees') : t('form.inviteesHelp')}
          data-testid="consultation-form-invitees"
        >
          <Select
            mode="multiple"
            loading={team.isPending}
            placeholder={t('form.inviteesPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            maxCount={CONSULTATION_LIMITS.maxInvitees}
            options={candidates.map((person) => ({
              value: person.id,
              label: t('person', { name: person.displayName, role: t(`role.${person.role}`) }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('form.dueOn')}
          extra={t('form.dueOnHelp')}
          rules={[
            { required: true, message: t('form.required') },
            {
              validator: async (_rule, value: string | undefined) =>
                !value || (value >= due.min && value <= due.max)
                  ? undefined
                  : Promise.reject(new Error(t('form.dueRange', { latest: due.max }))),
            },
          ]}
        >
          <Input
            type="date"
            min={due.min}
            max={due.max}
            style={{ maxWidth: 200 }}
            data-testid="consultation-form-due"
          />
        </Form.Item>
        {taskOptions.length > 0 ? (
          <Form.Item name="taskKey" label={t('form.task')} data-testid="consultation-form-task">
            <Select
              allowClear={!task}
              disabled={Boolean(task)}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('form.taskPlaceholder')}
              options={taskOptions.map((option) => ({ value: option.key, label: option.label }))}
            />
          </Form.Item>
        ) : null}
        {taskKey ? (
          <Form.Item name="holdsTask" valuePropName="checked">
            <Checkbox data-testid="consultation-form-holds-task">{t('form.holdsTask')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
